# The typographic quality rules, checked on the layout trace of the default brief for each
# print audience: no overfull line; in justified text no inter-word space wider than twice the
# normal space (adjustment ratio above 2, as glue stretches by half a space per unit) except on
# lines the breaker marks unavoidable; no widow or orphan; no heading at a page foot.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

for template in analyst executive public; do
  "$BRIEF" build briefs/iraq-ct-overview.yaml --template "$template" --trace -o out > build.log 2>&1 \
    || { cat build.log; fail "$template: build"; continue; }
  trace=out/iraq-ct-overview-$template.trace.txt
  [[ -s "$trace" ]] || { fail "$template: no trace"; continue; }
  lines=$(grep -c '^  line ' "$trace")
  ((lines > 40)) || fail "$template: only $lines lines traced"
  grep -q 'overfull' "$trace" && fail "$template: overfull line" || true
  wide=$(awk '/^  line / && !/ragged/ && !/ last/ && !/unavoidable/ {
      for (i = 1; i <= NF; ++i) if ($i ~ /^ratio=/) { split($i, kv, "="); if (kv[2] + 0 > 2.0) n++ } }
    END { print n + 0 }' "$trace")
  ((wide == 0)) || fail "$template: $wide justified lines with spaces over twice normal, not marked unavoidable"
  grep -q 'widow/orphan' "$trace" && fail "$template: widow or orphan" || true
  grep -q 'heading at page foot' "$trace" && fail "$template: heading at a page foot" || true
  unavoidable=$(grep -c 'unavoidable' "$trace" || true)
  hyphenated=$(grep -c 'hyphen=yes' "$trace" || true)
  pass "$template: $lines lines, $hyphenated hyphenated, $unavoidable marked unavoidable"
done

# Never more than two hyphenated lines in a row within a paragraph.
awk '/^  line / { if ($0 ~ /hyphen=yes/) { run++; if (run > 2) bad++ } else run = 0 }
     END { exit bad > 0 }' out/iraq-ct-overview-analyst.trace.txt \
  && pass "no more than two consecutive hyphenated lines" || fail "three hyphenated lines in a row"
finish
