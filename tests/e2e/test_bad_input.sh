# Bad specs get file:line:col errors and a non-zero exit, and a failed build never replaces a
# good PDF or leaves a partial one.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" build briefs/iraq-ct-overview.yaml -o out --template analyst > /dev/null 2>&1 || fail "good build"
pdfs=(out/*.pdf); good=${pdfs[0]}
sum=$(sha256sum "$good" | cut -d' ' -f1)

# A misspelt key.
sed 's/    key_judgments: { limit: 4 }/    key_judgments: { limt: 4 }/' briefs/iraq-ct-overview.yaml > briefs/bad.yaml
sed -i 's/^id: iraq-ct-overview/id: iraq-ct-overview/' briefs/bad.yaml
if "$BRIEF" build briefs/bad.yaml -o out --template analyst > err.txt 2>&1; then
  fail "a bad spec built"
else
  grep -q "briefs/bad.yaml:[0-9]*:[0-9]*: error: unknown key \`limt\`" err.txt && pass "unknown key reported with position" || { cat err.txt; fail "message"; }
  grep -q "did you mean \`limit\`" err.txt && pass "did-you-mean hint" || fail "no hint"
fi
[[ "$(sha256sum "$good" | cut -d' ' -f1)" == "$sum" ]] && pass "good PDF untouched" || fail "good PDF changed"

# An unknown passage id.
sed 's/mofa-iraq-ct-diplomacy#p17/mofa-iraq-ct-diplomacy#p999/' briefs/iraq-ct-overview.yaml > briefs/bad2.yaml
if "$BRIEF" build briefs/bad2.yaml -o out --template analyst > err2.txt 2>&1; then
  fail "unknown passage id built"
else
  grep -q "bad2.yaml:[0-9]*:[0-9]*: error: unknown passage \`mofa-iraq-ct-diplomacy#p999\`" err2.txt && pass "unknown passage reported" || { cat err2.txt; fail "unknown passage message"; }
fi
[[ "$(sha256sum "$good" | cut -d' ' -f1)" == "$sum" ]] && pass "good PDF still untouched" || fail "good PDF changed"
ls -a out | grep -q '\.tmp-' && fail "temporary file left" || pass "no temporary files"

# Malformed YAML.
printf 'id: x\ntitle: [unclosed\n' > briefs/bad3.yaml
"$BRIEF" check briefs/bad3.yaml > err3.txt 2>&1 && fail "malformed YAML accepted" || {
  grep -q "bad3.yaml:[0-9]*:[0-9]*: error: invalid YAML" err3.txt && pass "malformed YAML located" || { cat err3.txt; fail "yaml message"; }
}
finish
