# `brief explain` of the default brief is a golden text: what each section picked and why, so a
# change in what the analysis chooses shows up as a reviewed diff. After an intended change,
# regenerate it with one command (from the source tree, after building):
#   BRIEF_UPDATE_GOLDEN=1 bash tests/e2e/test_explain_golden.sh build/brief .
# Also checks that `brief explain --params` names every tunable with its value and origin.
source "$(dirname "$0")/lib.sh" "$@"
BRIEF=$(realpath "$BRIEF"); SRC=$(realpath "$SRC")  # relative paths work from the source tree
golden="$SRC/tests/golden/explain/iraq-ct-overview.txt"
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" explain briefs/iraq-ct-overview.yaml --template analyst > explain.raw 2> explain.err ||
  { cat explain.err; fail "explain failed"; finish; }
# The project folder is a temporary copy: name it the same way every time.
sed "s|$WORK/p|<project>|g" explain.raw > explain.txt
if [[ ${BRIEF_UPDATE_GOLDEN:-} == 1 ]]; then
  mkdir -p "$(dirname "$golden")"
  cp explain.txt "$golden"
  pass "golden rewritten: $golden"
elif diff -u "$golden" explain.txt > explain.diff; then
  pass "explain matches $golden"
else
  head -80 explain.diff
  fail "explain differs from the golden text; if the change is intended, regenerate it with:" \
    "BRIEF_UPDATE_GOLDEN=1 bash tests/e2e/test_explain_golden.sh build/brief ."
fi

"$BRIEF" explain --params > params.txt 2>&1 || { cat params.txt; fail "explain --params failed"; }
rows=$(grep -c '^[a-z_.]* = ' params.txt || true)
origins=$(grep -c '(origin: [^)]' params.txt || true)
if ((rows >= 30 && rows == origins)); then pass "explain --params: $rows tunables, each with its origin"; else
  cat params.txt; fail "explain --params: $rows rows, $origins with an origin"; fi
grep -q '^recommendations.merge_threshold = ' params.txt && pass "the merge threshold is declared" ||
  fail "explain --params does not name the merge threshold"
if "$BRIEF" explain > noargs.txt 2>&1; then fail "explain without a spec accepted"; else
  grep -q -- "--params" noargs.txt && pass "explain without a spec names --params" || { cat noargs.txt; fail "unclear message"; }; fi
finish
