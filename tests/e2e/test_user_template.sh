# A user's own template in another directory, extending analyst with other fonts, colours and
# margins, is found through BRIEF_TEMPLATE_PATH and shows in the PDF.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"
cp -r "$SRC/tests/data/templates-user" "$WORK/user-templates"
export BRIEF_TEMPLATE_PATH="$WORK/user-templates"

"$BRIEF" templates > list.txt
grep -q "^ops-blue .*extends analyst" list.txt && pass "listed with its parent" || { cat list.txt; fail "ops-blue not listed"; }
grep -q "$WORK/user-templates/ops-blue.yaml" list.txt && pass "listed with its path" || fail "path not shown"

"$BRIEF" templates show ops-blue > merged.txt
grep -q "family: Noto Serif" merged.txt && grep -q "family: Noto Sans" merged.txt && pass "merged: body changed, other styles inherited" \
  || { cat merged.txt; fail "merged template"; }

"$BRIEF" build briefs/iraq-ct-overview.yaml --template ops-blue -o out > build.log 2>&1 || { cat build.log; fail "build"; finish; }
pdf=out/iraq-ct-overview-ops-blue.pdf
[[ -f "$pdf" ]] && pass "named <id>-<template>.pdf" || fail "output name"

pdffonts "$pdf" | grep -q "NotoSerif-Regular" && pass "body font from the user template" || fail "Noto Serif not embedded"
qpdf --qdf --object-streams=disable "$pdf" qdf.pdf
grep -aq "0.04314 0.32549 0.58039 rg" qdf.pdf && pass "accent colour #0b5394 used" || fail "accent colour not used"
pdfimages -list "$pdf" > images.txt
awk 'NR > 2 && $1 == 1 && $4 == 240 && $5 == 72' images.txt | grep -q . && pass "logo (240x72) drawn on page 1" || { cat images.txt; fail "logo not drawn"; }
# Left margin 30 mm = 85.04 pt: no text starts left of it, and body text starts at it.
pdftotext -bbox "$pdf" bbox.html
min_x=$(grep -o 'xMin="[0-9.]*"' bbox.html | cut -d'"' -f2 | awk 'NR == 1 || $1 < m { m = $1 } END { print m }')
awk -v x="$min_x" 'BEGIN { exit !(x > 84.9 && x < 85.2) }' && pass "left margin 30 mm ($min_x pt)" || fail "left margin is $min_x pt"
finish
