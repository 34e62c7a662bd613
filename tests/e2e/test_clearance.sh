# No output carries text from a document above its audience's clearance, for every shipped
# template, and the banner shows the highest level actually included.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"
mkdir -p tests/data
cp -r "$SRC/tests/data/corpus-markings" "$SRC/tests/data/clearance" tests/data/

# Rank of each level in the marking table, and each template's clearance.
rank() { case $1 in public) echo 0 ;; official-use) echo 1 ;; restricted) echo 2 ;; *) echo 99 ;; esac; }
marker_rank() { case $1 in ZEBRA-PUBLIC-7) echo 0 ;; ZEBRA-OFFICIAL-7) echo 1 ;; ZEBRA-RESTRICTED-7) echo 2 ;; esac; }

templates=$("$BRIEF" templates | awk '/^[a-z]/ {print $1}')
[[ -n "$templates" ]] || fail "no templates listed"
for template in $templates; do
  clearance=$("$BRIEF" templates show "$template" | awk '/^markings:/ {on=1; next} on && /clearance:/ {print $2; exit}')
  [[ -n "$clearance" ]] || { fail "$template: no clearance in the merged template"; continue; }
  format=brief
  grep -q '^format: slides' <("$BRIEF" templates show "$template") && format=slides
  out="out-$template"
  if ! "$BRIEF" build tests/data/clearance/brief.yaml --template "$template" --format "$format" -o "$out" > "$template.log" 2>&1; then
    cat "$template.log"; fail "$template: build failed"; continue
  fi
  pdf=$(ls "$out"/*.pdf)
  pdftotext "$pdf" "$template.txt"
  allowed=$(rank "$clearance")
  highest=-1
  for marker in ZEBRA-PUBLIC-7 ZEBRA-OFFICIAL-7 ZEBRA-RESTRICTED-7; do
    if grep -q "$marker" "$template.txt"; then
      r=$(marker_rank "$marker")
      ((r > highest)) && highest=$r
      ((r <= allowed)) || fail "$template (clearance $clearance) shows $marker"
    fi
  done
  # Every document id above the clearance is absent from the sources too.
  for doc in zebra-official zebra-restricted; do
    level=$(awk '/^releasability:/ {print $2}' "tests/data/corpus-markings/$doc.md")
    if (($(rank "$level") > allowed)) && grep -q "$doc" "$template.txt"; then
      fail "$template cites $doc ($level) above its clearance $clearance"
    fi
  done
  ((highest >= 0)) || fail "$template shows no marked text at all"
  # The banner is the highest level included (unless the template prints a release statement).
  if grep -q "Approved for public release" "$template.txt"; then
    grep -q "OFFICIAL USE ONLY\|RESTRICTED" "$template.txt" && fail "$template: release statement with an internal banner"
  elif grep -q "^banner: true\|  banner: true" <("$BRIEF" templates show "$template"); then
    case $highest in
      0) grep -q "UNCLASSIFIED // PUBLIC RELEASE" "$template.txt" || fail "$template: public banner missing" ;;
      1) grep -q "OFFICIAL USE ONLY" "$template.txt" || fail "$template: official-use banner missing" ;;
      2) grep -q "RESTRICTED" "$template.txt" || fail "$template: restricted banner missing" ;;
    esac
  fi
  pass "$template (clearance $clearance, highest included $highest)"
done

# An explicit passage above the clearance is an error naming the passage and its level.
cat > tests/data/clearance/explicit.yaml <<'SPEC'
id: explicit-check
title: Explicit id above the clearance
date: 2026-11-21
corpus: ../corpus-markings
sections:
  - title: Quote
    quotes: [zebra-restricted#p2]
SPEC
if "$BRIEF" build tests/data/clearance/explicit.yaml --template public -o out-explicit > explicit.log 2>&1; then
  fail "explicit restricted passage built for the public template"
else
  grep -q "zebra-restricted#p2" explicit.log && grep -q "restricted" explicit.log && pass "explicit id above clearance rejected" || { cat explicit.log; fail "explicit id message"; }
fi
finish
