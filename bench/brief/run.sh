#!/usr/bin/env bash
# Times `brief build` of the default brief (the analyst output of briefs/iraq-ct-overview.yaml):
# the whole process, forced so the cache never skips the work, median of RUNS runs (default 9),
# after one warm-up run that builds the corpus index cache. Prints the time and the PDF size.
#
#   bench/brief/run.sh [BRIEF_BINARY] [RUNS]
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
runs=${2:-9}
if [[ ! -x $brief ]]; then
  echo "bench/brief: no brief binary at $brief (build it, or pass its path)" >&2
  exit 2
fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")
out=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
cd "$repo"

build() { "$brief" build briefs/iraq-ct-overview.yaml --template analyst -o "$out" --force --quiet -j 1 >/dev/null; }
build
times=()
for ((i = 0; i < runs; ++i)); do
  start=$(date +%s.%N)
  build
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.3f", a[int((NR + 1) / 2)]}')
pdf="$out/iraq-ct-overview-analyst.pdf"
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "default brief (analyst): median ${median} s over $runs runs, $(stat -c %s "$pdf") bytes, ${pages:-?} pages"
