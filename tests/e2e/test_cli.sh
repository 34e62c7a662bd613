# The corpus commands: search ranks passages with aliases, show prints a full citation.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" search "sleeper cells" --limit 3 > search.txt 2>&1 || { cat search.txt; fail "search failed"; }
[[ $(grep -c '#p' search.txt) -ge 1 ]] && pass "search lists passages" || fail "no results"

"$BRIEF" search "Daesh" --limit 20 > daesh.txt 2>&1 || fail "alias search failed"
grep -q 'itic-2020-isis-iraq#' daesh.txt && pass "Daesh finds documents that say ISIS" || { cat daesh.txt; fail "alias expansion"; }

id=$(awk 'NR==1 {print $1}' search.txt)
"$BRIEF" show "$id" > show.txt 2>&1 || fail "show failed"
grep -q '^Source: ' show.txt && pass "show prints the citation" || { cat show.txt; fail "citation"; }

"$BRIEF" show nosuch#p1 > bad.txt 2>&1 && fail "unknown id accepted" || pass "unknown id rejected"
grep -q "unknown passage \`nosuch#p1\`" bad.txt && pass "unknown id named" || { cat bad.txt; fail "message"; }

"$BRIEF" check briefs/iraq-ct-overview.yaml > check.txt 2>&1 && pass "check passes the default spec" || { cat check.txt; fail "check"; }
[[ ! -d output ]] || [[ -z "$(ls output 2>/dev/null)" ]] && pass "check writes nothing" || fail "check wrote output"
# A spec names its project: building it from another directory finds its templates and corpus.
(cd "$WORK" && "$BRIEF" build "$WORK/p/briefs/iraq-ct-overview.yaml" --template public -o "$WORK/elsewhere" > elsewhere.log 2>&1) \
  && [[ -f "$WORK/elsewhere/iraq-ct-overview-public.pdf" ]] && pass "builds from another directory" \
  || { cat "$WORK/elsewhere.log"; fail "build from another directory"; }
# `--format slides` without a template sets a deck (16:9 pages), not A4 pages of a print template,
# also for a spec that names no slide output.
grep -v 'format: slides' briefs/iraq-ct-overview.yaml > briefs/no-deck.yaml
"$BRIEF" build briefs/no-deck.yaml --format slides -o "$WORK/deck" > deck.log 2>&1 || { cat deck.log; fail "slides without a template"; }
deck="$WORK/deck/iraq-ct-overview-briefing-slides.pdf"
if [[ -f "$deck" ]]; then
  size=$(pdfinfo "$deck" | awk '/^Page size:/ { print $3 / $5 }')
  awk -v r="$size" 'BEGIN { exit !(r > 1.7 && r < 1.8) }' && pass "--format slides picks the briefing template (16:9)" \
    || fail "--format slides page aspect $size, not 16:9"
else
  ls "$WORK/deck"; fail "--format slides without a template: no briefing deck"
fi
finish
