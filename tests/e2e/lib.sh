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
