# The typographic quality rules, measured on the default brief's PDFs by an independent reader
# (poppler's word boxes, through scripts/typography-figures), for each print audience: in
# justified text no line whose spaces average more than MAX_RATIO times the natural space, no
# word outside the text frame. From the layout trace: no overfull line, no widow or orphan, no
# heading at a page foot, never three hyphenated lines in a row. No line is exempt.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

# The widest justified line allowed: spaces at twice their natural width (adjustment ratio 2,
# as glue stretches by half a space per unit), the rule the breaker's tolerance is set against.
MAX_RATIO=2.0

for template in analyst executive public; do
  "$BRIEF" build briefs/iraq-ct-overview.yaml --template "$template" --trace -o out > build.log 2>&1 \
    || { cat build.log; fail "$template: build"; continue; }
  pdf=out/iraq-ct-overview-$template.pdf
  trace=out/iraq-ct-overview-$template.trace.txt
  [[ -s "$trace" ]] || { fail "$template: no trace"; continue; }
  lines=$(grep -c '^  line ' "$trace")
  ((lines > 40)) || fail "$template: only $lines lines traced"
  grep -q 'overfull' "$trace" && fail "$template: overfull line" || true
  if figures=$(python3 "$SRC/scripts/typography-figures" "$pdf" --max-ratio "$MAX_RATIO" 2>&1); then
    justified=$(sed -n 's/.*: \([0-9]*\) justified lines.*/\1/p' <<< "$figures" | head -1)
    [[ $template == executive ]] || ((justified > 40)) || fail "$template: only ${justified:-0} justified lines measured"
    pass "$template: ${figures#*: }"
  else
    fail "$template: $figures"
  fi
  # A citation mark never starts a line: none stands alone on one (read from the PDF).
  lone=$(pdftotext -layout "$pdf" - | grep -cE '^\s*(\[[0-9]+\],?\s*)+[.,;]?\s*$' || true)
  ((lone == 0)) && pass "$template: no line of citation marks alone" || fail "$template: $lone lines hold only citation marks"
  grep -q 'widow/orphan' "$trace" && fail "$template: widow or orphan" || true
  grep -q 'heading at page foot' "$trace" && fail "$template: heading at a page foot" || true
  hyphenated=$(grep -c 'hyphen=yes' "$trace" || true)
  pass "$template: $lines lines, $hyphenated hyphenated"
done

# Never more than two hyphenated lines in a row within a paragraph.
awk '/^  line / { if ($0 ~ /hyphen=yes/) { run++; if (run > 2) bad++ } else run = 0 }
     END { exit bad > 0 }' out/iraq-ct-overview-analyst.trace.txt \
  && pass "no more than two consecutive hyphenated lines" || fail "three hyphenated lines in a row"
finish
