# Shared helpers for the end-to-end tests. Usage: source lib.sh "$@" (brief binary, source tree).
set -euo pipefail
BRIEF=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
finish() {
  if ((failures)); then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}

# A copy of the project (specs, templates, corpus) to build in, so tests never touch the tree.
make_project() {
  local dir=$1
  mkdir -p "$dir"
  cp -r "$SRC/briefs" "$SRC/templates" "$dir/"
  mkdir -p "$dir/corpus"
  cp "$SRC"/corpus/*.md "$SRC"/corpus/*.yaml "$dir/corpus/" 2>/dev/null || cp "$SRC"/corpus/*.md "$dir/corpus/"
}

# Text without white space or hyphens, so line breaks and hyphenation do not matter.
# (also no-break spaces, soft hyphens and Unicode hyphens, which a PDF may show differently).
squash() { sed 's/\xc2\xa0//g; s/\xc2\xad//g; s/\xe2\x80\x90//g; s/\xe2\x80\x91//g' | tr -d ' \n\t\r\f-'; }

# Runs brief with a time bound (a hang fails the test as exit 124).
run_bounded() {
  local seconds=$1
  shift
  timeout "$seconds" "$BRIEF" "$@"
}
# expect_error NAME SECONDS PATTERN brief-args...: a user error (exit 1 or 2) whose output matches.
expect_error() {
  local name=$1 seconds=$2 pattern=$3
  shift 3
  local status=0
  run_bounded "$seconds" "$@" > "$name.txt" 2>&1 || status=$?
  if ((status == 0)); then
    fail "$name: accepted"
  elif ((status > 2)); then
    cat "$name.txt"
    fail "$name: exit status $status (crash or timeout)"
  elif grep -Eq -- "$pattern" "$name.txt"; then
    pass "$name: $(grep -Eo -m 1 -- "$pattern" "$name.txt")"
  else
    cat "$name.txt"
    fail "$name: message does not match /$pattern/"
  fi
}
