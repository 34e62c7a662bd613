#!/usr/bin/env bash
# Same inputs, same bytes, across processes and places: builds every output of two copies of the
# project, in two working directories at different depths (one run from inside its project with
# relative paths, one from / with absolute paths), and compares every PDF byte for byte.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/a"
make_project "$WORK/elsewhere/deeper/b"

(cd "$WORK/a" && "$BRIEF" build --all -o output -j 2 --quiet) > "$WORK/a.log" 2>&1 || { cat "$WORK/a.log"; fail "build in a failed"; }
(cd / && "$BRIEF" build "$WORK"/elsewhere/deeper/b/briefs/*.yaml -o "$WORK/elsewhere/deeper/b/output" -j 1 \
  --quiet) > "$WORK/b.log" 2>&1 || { cat "$WORK/b.log"; fail "build in b failed"; }

compared=0
for pdf in "$WORK"/a/output/*.pdf; do
  name=$(basename "$pdf")
  other="$WORK/elsewhere/deeper/b/output/$name"
  if [[ ! -f $other ]]; then fail "$name was built in a but not in b"; continue; fi
  cmp -s "$pdf" "$other" && compared=$((compared + 1)) || fail "$name differs between the two builds"
done
((compared > 0)) && pass "$compared PDFs byte-identical across two processes and two directories" || fail "no PDF compared"
finish
