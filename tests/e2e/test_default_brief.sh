# Builds the default brief and checks it as a reader would: valid PDF, fonts embedded, every
# passage it quotes present verbatim, every citation mark resolved in the bibliography, no
# extraction warnings, byte-identical rebuilds.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" build briefs/iraq-ct-overview.yaml -o out1 --template analyst > build.log 2>&1 || { cat build.log; fail "build failed"; finish; }
pdfs=(out1/*.pdf); pdf=${pdfs[0]}
[[ -s "$pdf" ]] && pass "pdf written: $pdf" || fail "no pdf"

qpdf --check "$pdf" > qpdf.log 2>&1 && pass "qpdf --check clean" || { cat qpdf.log; fail "qpdf --check"; }

pdftotext -layout "$pdf" text.txt 2> pdftotext.err
[[ ! -s pdftotext.err ]] && pass "pdftotext without warnings" || { cat pdftotext.err; fail "pdftotext warned"; }
pdftotext "$pdf" plain.txt 2>/dev/null

if pdffonts "$pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }'; then
  pass "all fonts embedded"
else
  pdffonts "$pdf"; fail "a font is not embedded"
fi

# Every passage placed by a passages or quotes section appears verbatim.
"$BRIEF" explain briefs/iraq-ct-overview.yaml --template analyst > explain.txt
# Page furniture (banner, running head; date, page number, banner) removed, so that a passage
# broken across pages still reads as one.
python3 - plain.txt > plain.body <<'PY'
import sys
pages = open(sys.argv[1], encoding='utf-8').read().split('\f')
for page in pages:
    lines = page.split('\n')
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop = set(content[:3] + content[-3:]) if len(content) > 6 else set()
    sys.stdout.write('\n'.join(line for i, line in enumerate(lines) if i not in drop) + '\n')
PY
squash < plain.body > plain.squashed
checked=0
# A pick whose passage (or a sentence of it) an earlier section already shows is not placed again.
not_shown=$(grep -oE '^   [^ ]+: not shown' explain.txt | awk '{print $1}' | tr -d ':' || true)
while read -r id; do
  if [[ -n "$not_shown" ]] && grep -qxF -- "$id" <<< "$not_shown"; then continue; fi
  "$BRIEF" show "$id" --corpus corpus > show.txt
  passage=$(sed -n '3,/^Source: /p' show.txt | sed '$d')
  if printf '%s' "$passage" | squash | grep -qF -f - plain.squashed; then
    checked=$((checked + 1))
  else
    fail "passage $id not found verbatim in the PDF"
  fi
done < <(awk '/^[0-9]+\. .*\[(passages|quotes)\]$/ {on=1; next} /^[0-9]+\. / {on=0} on && $1 == "pick" {print $2}' explain.txt)
((checked > 0)) && pass "$checked placed passages found verbatim" || fail "no placed passages checked"

# Every [n] mark has a bibliography entry "[n]" that starts a line in the sources section.
marks=$(grep -o '\[[0-9]\+\]' plain.txt | sort -u)
[[ -n "$marks" ]] && pass "citation marks present" || fail "no citation marks"
sources=$(awk '/^Sources$/ {on=1} on' plain.txt)
for mark in $marks; do
  grep -qF -- "$mark" <<< "$(grep -E '^\[[0-9]+\]' <<< "$sources")" || fail "mark $mark has no bibliography entry"
done
pass "every mark resolves"

# Each mark is a link: the PDF has at least as many link annotations as marks in the text.
qpdf --qdf --object-streams=disable "$pdf" qdf.pdf
links=$(grep -ac '/Subtype /Link' qdf.pdf || true)
mark_count=$(grep -o '\[[0-9]\+\]' plain.txt | wc -l)
entries=$(grep -cE '^\[[0-9]+\]' <<< "$sources" || true)
((links >= mark_count - entries)) && pass "$links link annotations for $mark_count marks" || fail "only $links links for $mark_count marks"

# Same inputs, same bytes.
"$BRIEF" build briefs/iraq-ct-overview.yaml -o out2 --template analyst > /dev/null 2>&1 || fail "second build"
cmp -s "$pdf" "out2/$(basename "$pdf")" && pass "byte-identical rebuild" || fail "rebuild differs"
finish
