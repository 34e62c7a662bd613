# Colour and progress only on a terminal: piped output carries no escape bytes, --color=always
# highlights search hits anyway, NO_COLOR turns colour off on a terminal, and build --all on a
# terminal shows the rewriting "[n/N] building x" line. A terminal is a pty made by script(1).
source "$(dirname "$0")/lib.sh" "$@"
export BRIEF_TEMPLATE_PATH="$SRC/templates"
esc=$'\033'
cd "$WORK"
"$BRIEF" init project > init.log 2>&1 || { cat init.log; fail "init"; finish; }
cd project
# Runs brief on a pty (stdout and stderr both terminals); the transcript goes to $1.
on_terminal() {
  local transcript=$1
  shift
  local command="$BRIEF"
  for arg in "$@"; do command+=" $(printf '%q' "$arg")"; done
  script -qec "$command" /dev/null > "$transcript" 2>&1 < /dev/null
}

"$BRIEF" search "sentence OR citation" > piped.txt 2>&1 || { cat piped.txt; fail "search"; }
grep -q '\[sentence\]\|\[citation\]' piped.txt && pass "piped search marks matches with brackets" || fail "no marked match"
grep -q "$esc" piped.txt && fail "piped search has escape bytes" || pass "piped search has no escape bytes"

"$BRIEF" search "sentence OR citation" --color=always > always.txt 2>&1 || fail "search --color=always"
grep -q "${esc}\[1;31msentence${esc}\[0m" always.txt && pass "--color=always highlights the matched term" \
  || { cat -v always.txt; fail "no highlight with --color=always"; }
grep -q '\[sentence\]' always.txt && fail "brackets left beside the highlight" || pass "highlighted terms lose their brackets"
NO_COLOR=1 "$BRIEF" --color=always search "sentence" > always-no-color.txt 2>&1
grep -q "$esc" always-no-color.txt && pass "--color=always (before the command) outranks NO_COLOR" || fail "NO_COLOR beat --color=always"
expect_error color-bad 10 'color' search sentence --color=sometimes

on_terminal tty.txt search "sentence OR citation"
grep -q "${esc}\[1;31m" tty.txt && pass "a terminal gets highlighted hits" || { cat -v tty.txt; fail "no colour on a terminal"; }
NO_COLOR=1 on_terminal tty-no-color.txt search "sentence OR citation"
grep -q "${esc}\[1;31m" tty-no-color.txt && fail "NO_COLOR ignored" || pass "NO_COLOR=1 turns colour off on a terminal"
NO_COLOR= on_terminal tty-empty-no-color.txt search "sentence OR citation"
grep -q "${esc}\[1;31m" tty-empty-no-color.txt && pass "an empty NO_COLOR leaves colour on" || fail "empty NO_COLOR disabled colour"

"$BRIEF" build --all > build-piped.txt 2>&1 || { cat build-piped.txt; fail "build --all"; }
grep -q '^built output/first-brief.pdf' build-piped.txt && ! grep -q "$esc\|"$'\r' build-piped.txt \
  && pass "piped build --all prints plain lines" || { cat -v build-piped.txt; fail "piped build output"; }
on_terminal build-tty.txt build --all --force
grep -q $'\r'"${esc}\[K\[1/1\] building first-brief.pdf" build-tty.txt && grep -q 'built output/first-brief.pdf' build-tty.txt \
  && pass "build --all on a terminal shows [1/1] building first-brief.pdf" || { cat -v build-tty.txt; fail "no progress line"; }
finish
