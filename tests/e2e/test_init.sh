# `brief init DIR` makes a project that builds at once: init, then build --all in it; a folder
# that holds anything is refused with nothing written.
source "$(dirname "$0")/lib.sh" "$@"
# The shipped templates, as an installed brief finds them beside itself.
export BRIEF_TEMPLATE_PATH="$SRC/templates"
cd "$WORK"
"$BRIEF" init new > init.log 2>&1 || { cat init.log; fail "init failed"; finish; }
for f in corpus/starter-note.md corpus/markings.yaml corpus/aliases.yaml briefs/first-brief.yaml templates/house.yaml; do
  [[ -f new/$f ]] && pass "made $f" || fail "no $f"
done
[[ -z $(find . -name '*brief-init*') ]] && pass "no staging folder left" || fail "staging folder left: $(find . -name '*brief-init*')"
grep -q '^extends: analyst' new/templates/house.yaml && pass "the house template extends a shipped one" || fail "extends"
grep -q '^#' new/corpus/markings.yaml && grep -q '^#' new/corpus/aliases.yaml && pass "markings and aliases are commented" \
  || fail "comments"
(cd new && "$BRIEF" build --all > build.log 2>&1) || { cat new/build.log; fail "build --all in the new project"; }
pdfinfo new/output/first-brief.pdf > info.txt 2>&1 && pass "built output/first-brief.pdf" || { cat info.txt; fail "no PDF"; }
# At least one sentence of the starter source, as poppler reads the PDF.
pdftotext new/output/first-brief.pdf - | squash > pdf.txt
quoted=0
while IFS= read -r sentence; do
  [[ ${#sentence} -gt 40 ]] || continue
  grep -qF -- "$(printf '%s' "$sentence" | squash)" pdf.txt && quoted=$((quoted + 1))
done < <(awk 'fences >= 2 && !/^#/; /^---$/ {fences++}' new/corpus/starter-note.md | tr '\n' ' ' | sed 's/\. /.\n/g')
((quoted > 0)) && pass "the brief quotes $quoted sentence(s) of the starter source" || fail "no starter sentence in the PDF"

# Refused: a non-empty folder (nothing written there), a file, and the project just made.
mkdir full && echo keep > full/notes.txt
expect_error init-non-empty 20 'is not empty' init full
[[ $(ls -A full) == notes.txt ]] && pass "nothing written into the non-empty folder" || fail "wrote into full/: $(ls -A full)"
touch plain-file
expect_error init-file 20 'is a file' init plain-file
expect_error init-twice 20 'is not empty' init new

# An existing empty folder, named as `.` from inside it (a shell's current folder is never replaced).
mkdir empty
(cd empty && "$BRIEF" init . > ../init-dot.log 2>&1) || { cat init-dot.log; fail "init . in an empty folder"; }
[[ -f empty/briefs/first-brief.yaml && -f empty/templates/house.yaml && -z $(ls -A empty | grep brief-init) ]] \
  && pass "init . fills the empty current folder" || fail "init .: $(ls -A empty)"
# What an interrupted init leaves inside a folder (its staging folder only) does not block a new one.
mkdir -p interrupted/.brief-init-partial/corpus
"$BRIEF" init interrupted > init-again.log 2>&1 && [[ -f interrupted/briefs/first-brief.yaml ]] \
  && pass "a leftover staging folder is replaced" || { cat init-again.log; fail "init after an interrupted init"; }
finish
