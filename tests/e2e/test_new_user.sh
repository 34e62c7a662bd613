# What a new user meets first: where outputs go, what `check` and `templates` say, what is left
# in output/, and how a query error is placed.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"

# A spec named by absolute path from another folder builds into its project's output/, not here.
mkdir -p "$WORK/elsewhere"
(cd "$WORK/elsewhere" && "$BRIEF" build "$WORK/p/briefs/iraq-ct-overview.yaml" --template public \
  > "$WORK/abs.log" 2>&1) || { cat "$WORK/abs.log"; fail "build by absolute path"; }
[[ -f "$WORK/p/output/iraq-ct-overview-public.pdf" ]] && pass "outputs go to the spec's project's output/" \
  || fail "no output in the project's output/"
[[ ! -e "$WORK/elsewhere/output" ]] && pass "nothing written in the current folder" \
  || fail "output/ created in the current folder"
"$BRIEF" build --help > "$WORK/help.txt"
grep -q "output/ of the spec's project" "$WORK/help.txt" && pass "--help says where outputs go" \
  || { cat "$WORK/help.txt"; fail "--help does not say where outputs go"; }

# Only outputs, manifests and traces in the folder people share: locks live in output/.brief/.
locks=$(find "$WORK/p/output" -maxdepth 1 -name '*.lock' | wc -l)
((locks == 0)) && pass "no lock files in output/" || { ls -a "$WORK/p/output"; fail "$locks lock files in output/"; }

# A check writes nothing and does not claim to have built anything.
cd "$WORK/p"
"$BRIEF" check briefs/iraq-ct-overview.yaml > check.log 2>&1 || { cat check.log; fail "check failed"; }
grep -q "checked, 0 failed" check.log && pass "check counts outputs checked" || { cat check.log; fail "check summary"; }
grep -q " built" check.log && { cat check.log; fail "check says built"; } || pass "check says nothing was built"

# `brief templates` where no template can be found is an error that says where it looked.
mkdir -p "$WORK/empty" && cd "$WORK/empty"
HOME="$WORK/empty" BRIEF_TEMPLATE_PATH= expect_error no-templates 30 'no templates found' templates
grep -q "searched: ./templates" "$WORK/empty/no-templates.txt" && pass "the searched folders are named" \
  || { cat "$WORK/empty/no-templates.txt"; fail "searched folders not named"; }
finish
