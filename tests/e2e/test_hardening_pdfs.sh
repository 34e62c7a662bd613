# Every shipped template's output for the default spec, in each format it suits, passes
# qpdf --check and extracts with poppler's pdftotext without a single warning on stderr.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"
command -v qpdf > /dev/null && command -v pdftotext > /dev/null || { echo "qpdf or pdftotext missing"; exit 125; }

built=0
for file in templates/*.yaml; do
  name=$(basename "$file" .yaml)
  [[ "$name" == base ]] && continue  # the defaults every template extends; not an audience
  formats=(brief)
  merged=$("$BRIEF" templates show "$name" 2>/dev/null || true)  # not piped: grep -q would cut it short
  grep -q '^format: *slides' <<< "$merged" && formats=(slides slides-handout)
  for format in "${formats[@]}"; do
    out="out-$name-$format"
    if ! "$BRIEF" build briefs/iraq-ct-overview.yaml -o "$out" --template "$name" --format "$format" > "$out.log" 2>&1; then
      cat "$out.log"
      fail "$name ($format) did not build"
      continue
    fi
    for pdf in "$out"/*.pdf; do
      built=$((built + 1))
      if qpdf --check "$pdf" > qpdf.txt 2>&1; then
        pass "$name ($format): qpdf --check"
      else
        tail -n 5 qpdf.txt
        fail "$name ($format): qpdf --check"
      fi
      pdftotext "$pdf" text.txt 2> poppler.txt || fail "$name ($format): pdftotext failed"
      if [[ -s poppler.txt ]]; then
        head -n 5 poppler.txt
        fail "$name ($format): pdftotext warnings"
      else
        pass "$name ($format): pdftotext without warnings"
      fi
      [[ $(wc -w < text.txt) -gt 100 ]] && pass "$name ($format): text extracts" || fail "$name ($format): little text"
    done
  done
done
((built >= 5)) && pass "$built PDFs checked" || fail "only $built PDFs built"
finish
