# Hostile and oversized input through the real binary: every case ends in a clear error naming
# the file (and the byte offset where one applies) or in a good PDF, within a time bound; never a
# crash (exit code 3 or a signal), a hang or a partial output. See docs/hardening.md.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

# Runs brief with a time bound; exit status 124 = timed out. A crash is any status above 2.
section_of() { printf 'id: %s\ntitle: T\ntemplate: analyst\nsections:\n  - title: S\n    passages: { documents: [%s] }\n' "$1" "$2"; }

# --- YAML bombs and nesting, in a spec and in a template ---------------------------------------
bomb() {
  printf 'a: &a [x, x, x, x, x, x, x, x, x, x]\n'
  local prev=a
  for name in b c d e f g h i j; do
    printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $name $name $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=$name
  done
}
{ printf 'id: bomb\ntitle: T\n'; bomb; printf 'sections:\n  - { title: S, passages: *j }\n'; } > briefs/bomb.yaml
expect_error spec-alias-bomb 10 'bomb.yaml:1:1: error: YAML expands to more than 200000 nodes' check briefs/bomb.yaml
{ printf 'id: deep\ntitle: '; head -c 100000 /dev/zero | tr '\0' '['; echo; } > briefs/deep.yaml
expect_error spec-deep-nesting 10 'deep.yaml:2:[0-9]+: error: YAML nested more than 64 levels deep' check briefs/deep.yaml
{ printf 'extends: analyst\n'; bomb; printf 'description: *j\n'; } > templates/bomb.yaml
expect_error template-alias-bomb 10 'templates/bomb.yaml:1:1: error: YAML expands to more than 200000 nodes' \
  build briefs/iraq-ct-overview.yaml -o out --template bomb
{ printf 'extends: analyst\nstyles:\n'; for i in $(seq 1 80); do printf '%*sx%d:\n' $((2 * i)) '' "$i"; done; } > templates/deep.yaml
expect_error template-deep-nesting 10 'templates/deep.yaml:1:1: error: YAML expands to more than 200000 nodes or 64 levels' \
  build briefs/iraq-ct-overview.yaml -o out --template deep

# --- invalid UTF-8 and NUL bytes: spec, template, corpus document -------------------------------
printf 'id: bad-utf8\ntitle: caf\xe9\nsections:\n  - { title: S, passages: x }\n' > briefs/bad-utf8.yaml
expect_error spec-invalid-utf8 10 'bad-utf8.yaml:2:11: error: invalid UTF-8 at byte offset 23' check briefs/bad-utf8.yaml
printf 'id: nul\ntitle: a\0b\nsections:\n  - { title: S, passages: x }\n' > briefs/nul.yaml
expect_error spec-nul-byte 10 'nul.yaml:2:9: error: NUL byte in YAML input' check briefs/nul.yaml
printf 'extends: analyst\ndescription: \xc3\x28\n' > templates/badutf.yaml
expect_error template-invalid-utf8 10 'templates/badutf.yaml:2:14: error: invalid UTF-8 at byte offset 30' \
  build briefs/iraq-ct-overview.yaml -o out --template badutf
mkdir -p c-utf8 && cp corpus/*.yaml c-utf8/ 2>/dev/null || true
printf -- '---\nid: bad\ntitle: Bad\ntype: news report\npublished: 2020\nreleasability: public\n---\nA \xed\xa0\x80 surrogate.\n' > c-utf8/bad.md
expect_error corpus-invalid-utf8 20 'c-utf8/bad.md:[0-9]+:[0-9]+: error: invalid UTF-8 at byte offset 85' \
  check briefs/iraq-ct-overview.yaml --corpus c-utf8
mkdir -p c-nul && printf -- '---\nid: nul\ntitle: Nul\ntype: news report\npublished: 2020\nreleasability: public\n---\nA \0 byte.\n' > c-nul/nul.md
expect_error corpus-nul-byte 20 'c-nul/nul.md:[0-9]+:[0-9]+: error: .*NUL' check briefs/iraq-ct-overview.yaml --corpus c-nul

# --- a corpus document over the 50 MiB limit: refused before it is read ---------------------------
mkdir -p c-big
{ printf -- '---\nid: big\ntitle: Big\ntype: news report\npublished: 2020\nreleasability: public\n---\n'; head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; } > c-big/big.md
expect_error corpus-over-size-limit 20 'corpus document `c-big/big.md` is 52428883 bytes, more than the limit of 52428800 bytes' check briefs/iraq-ct-overview.yaml --corpus c-big
rm -rf c-big

# --- a 1,000,000-character paragraph without spaces: still broken into lines, in bounded time ---
mkdir -p c-long
cp corpus/*.yaml c-long/ 2>/dev/null || true
{ printf -- '---\nid: long\ntitle: Long\ntype: news report\npublished: 2020\nreleasability: public\n---\n'; head -c 1000000 /dev/zero | tr '\0' 'x'; printf '\n'; } > c-long/long.md
section_of long long > briefs/long.yaml
start=$(date +%s)
status=0
run_bounded 240 build briefs/long.yaml --corpus c-long -o out-long > long.txt 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
if ((status == 0)) && [[ -s out-long/long.pdf ]]; then
  pass "1,000,000-character word built in ${elapsed}s"
  qpdf --check out-long/long.pdf > /dev/null 2>&1 && pass "long-word PDF passes qpdf --check" || fail "long-word PDF broken"
  pdftotext out-long/long.pdf long-text.txt 2> long-err.txt
  [[ ! -s long-err.txt ]] && pass "long-word PDF extracts without warnings" || { head long-err.txt; fail "pdftotext warnings"; }
  # Every line of the extracted text is short: the word was broken, not set as one overfull line.
  longest=$(awk '{ print length }' long-text.txt | sort -n | tail -n 1)
  ((longest < 200)) && pass "longest extracted line has $longest characters" || fail "a line of $longest characters"
  [[ $(tr -cd 'x' < long-text.txt | wc -c) -ge 1000000 ]] && pass "all 1,000,000 characters are on the pages" \
    || fail "characters lost: $(tr -cd 'x' < long-text.txt | wc -c)"
else
  cat long.txt | head -n 20
  fail "1,000,000-character word: exit status $status after ${elapsed}s"
fi

# --- characters no font has (emoji, above U+FFFF): shown as U+FFFD, with a warning ---------------
mkdir -p c-emoji
cp corpus/*.yaml c-emoji/ 2>/dev/null || true
printf -- '---\nid: emoji\ntitle: Emoji\ntype: news report\npublished: 2020\nreleasability: public\n---\nThe cell used \xf0\x9f\x92\xa3 devices and \xf0\x9f\x98\x80 codes in 2020.\n' > c-emoji/emoji.md
section_of emoji emoji > briefs/emoji.yaml
status=0
run_bounded 60 build briefs/emoji.yaml --corpus c-emoji -o out-emoji > emoji.txt 2>&1 || status=$?
if ((status == 0)); then
  grep -q 'warning: 2 characters cannot be shown by any installed font and are printed as U+FFFD: U+1F4A3' emoji.txt \
    && pass "missing glyphs reported as a warning" || { cat emoji.txt; fail "no warning for emoji"; }
  pdftotext out-emoji/emoji.pdf - 2>/dev/null | grep -q $'\xef\xbf\xbd devices' \
    && pass "emoji replaced visibly (U+FFFD) in the PDF" || fail "emoji not replaced visibly"
else
  cat emoji.txt
  fail "emoji build: exit status $status"
fi

# --- a spec with 10,000 sections: every one built, in bounded time ------------------------------
{ printf 'id: many\ntitle: T\nsections:\n'; for i in $(seq 1 10000); do printf '  - { title: S%d, repeat: true, passages: { documents: [itic-2020-isis-iraq], limit: 1 } }\n' "$i"; done; } > briefs/many.yaml
status=0
start=$(date +%s)
run_bounded 240 build briefs/many.yaml -o out-many > many.txt 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
if ((status == 0)); then
  pass "10,000 sections built in ${elapsed}s"
  qpdf --check out-many/many.pdf > /dev/null 2>&1 && pass "10,000-section PDF passes qpdf --check" || fail "10,000-section PDF broken"
  [[ $(pdftotext out-many/many.pdf - 2>/dev/null | grep -c '^S[0-9]*$') -ge 10000 ]] && pass "all 10,000 headings on the pages" \
    || fail "headings missing"
else
  head -n 20 many.txt
  fail "10,000 sections: exit status $status after ${elapsed}s"
fi

# Nothing above wrote outside the project, or left temporary files.
[[ -z "$(find "$WORK" -name '.*.tmp-*')" ]] && pass "no temporary files left" || fail "temporary files left"
finish
