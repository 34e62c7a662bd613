#!/usr/bin/env bash
# Times `brief build` of the default brief: the whole process, forced so the cache never skips the
# work, median of RUNS runs (default 9), after one warm-up run that builds the corpus index cache.
# Prints the wall time, the CPU time (user + system: steadier on a busy machine), the PDF size and
# its pages for each output asked for.
#
#   bench/brief/run.sh [BRIEF_BINARY] [RUNS] [OUTPUT...]
#
# OUTPUT is a template name (a brief with that template) or slides:TEMPLATE (a deck); the default
# is the analyst brief. `all` means the four outputs the default spec lists: analyst, executive,
# public and slides:briefing. Run it from a project whose templates the binary accepts (the
# repository itself, or a copy of another revision's project to compare two binaries).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
runs=${2:-9}
shift $(( $# < 2 ? $# : 2 ))
outputs=("$@")
((${#outputs[@]})) || outputs=(analyst)
[[ ${outputs[0]} == all ]] && outputs=(analyst executive public slides:briefing)
if [[ ! -x $brief ]]; then
  echo "bench/brief: no brief binary at $brief (build it, or pass its path)" >&2
  exit 2
fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")
project=${BRIEF_BENCH_PROJECT:-$repo}
out=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
cd "$project"

for output in "${outputs[@]}"; do
  if [[ $output == slides:* ]]; then
    args=(--format slides --template "${output#slides:}")
    pdf="$out/iraq-ct-overview-${output#slides:}-slides.pdf"
  else
    args=(--template "$output")
    pdf="$out/iraq-ct-overview-$output.pdf"
  fi
  build() { "$brief" build briefs/iraq-ct-overview.yaml "${args[@]}" -o "$out" --force --quiet -j 1 >/dev/null; }
  build
  walls=() cpus=()
  TIMEFORMAT='%R %U %S'
  for ((i = 0; i < runs; ++i)); do
    read -r wall user sys < <({ time build; } 2>&1)
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {printf "%.3f", a[int((NR + 1) / 2)]}'; }
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "default brief ($output): median $(median "${walls[@]}") s wall, $(median "${cpus[@]}") s CPU (user + sys)" \
    "over $runs runs, $(stat -c %s "$pdf") bytes, ${pages:-?} pages"
done
