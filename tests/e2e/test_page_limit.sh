# A brief over its template's page limit: the error names the sections past the limit and by how
# much, suggests the fix, writes no PDF, keeps the good one, and with --trace writes the trace of
# the layout that did not fit beside where the PDF would go.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"
# A summary far longer than the two-page executive template has room for.
sed 's/^id: .*/id: long/; s/summary: { sentences: 3,/summary: { sentences: 14,/' briefs/iraq-ct-overview.yaml > long.yaml
grep -q 'sentences: 14' long.yaml || fail "test spec not made"

expect_error over-limit 120 'more than the template.s limit of 2: [0-9]+ lines? past page 2: `[^`]+` [0-9]+ line' \
  build long.yaml --template executive
grep -q 'more than the theme' over-limit.txt && fail "a second, differently worded message" || pass "one message"
grep -q 'hint: fewer items' over-limit.txt && grep -q 'hint: or another template' over-limit.txt \
  && pass "the fix is suggested" || { cat over-limit.txt; fail "no fix suggested"; }
[[ ! -e output/long-executive.pdf ]] && pass "no PDF written" || fail "a PDF was written"
[[ ! -e output/long-executive.failed.trace.txt ]] && pass "no trace without --trace" || fail "trace without --trace"

expect_error over-limit-trace 120 'more than the template.s limit of 2' build long.yaml --template executive --trace
trace=output/long-executive.failed.trace.txt
[[ -s $trace ]] && pass "the failed layout is traced beside the output" || { cat over-limit-trace.txt; fail "no failed trace"; }
grep -q "$trace" over-limit-trace.txt && pass "the message names the trace" || fail "trace not named"
[[ $(grep -c '^page ' "$trace") -ge 3 ]] && pass "the trace shows every page laid out" || fail "trace pages"
[[ ! -e output/long-executive.pdf && ! -e output/long-executive.trace.txt ]] && pass "never the PDF" \
  || fail "PDF or ordinary trace written"
finish
