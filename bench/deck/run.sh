#!/usr/bin/env bash
# Times the default spec's 16:9 deck beside its brief: the whole `brief build` process (spec,
# corpus, index, selection, analysis, layout, PDF), forced so the cache never skips the work,
# median of 5 runs each, one output and one job per run.
#
#   bench/deck/run.sh [BRIEF_BINARY]
#
# BRIEF_BINARY defaults to build/brief. Runs from the repository root (the default corpus and
# templates) and writes to a temporary folder that is removed afterwards.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
runs=5
spec=briefs/iraq-ct-overview.yaml
if [[ ! -x $brief ]]; then
  echo "bench/deck: no brief binary at $brief (build it, or pass its path)" >&2
  exit 2
fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")
out=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench-deck.XXXXXX")
trap 'rm -rf "$out"' EXIT
cd "$repo"

# Median wall time in seconds of `runs` runs of the given brief build arguments.
median() {
  local times=()
  for ((i = 0; i < runs; ++i)); do
    local start end
    start=$(date +%s.%N)
    "$brief" build "$spec" -o "$out" --force --quiet -j 1 "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.3f", a[int((NR + 1) / 2)]}'
}

# One warm-up run builds the corpus index cache, which every later run reuses.
"$brief" build "$spec" -o "$out" --force --quiet -j 1 --template analyst >/dev/null

brief_time=$(median --template analyst --format brief)
deck_time=$(median --template briefing --format slides)
handout_time=$(median --template briefing --format slides-handout)
echo "brief   (analyst, PDF brief)        ${brief_time} s  median of $runs"
echo "deck    (briefing, 16:9 slides)      ${deck_time} s  median of $runs"
echo "handout (briefing, slides-handout)   ${handout_time} s  median of $runs"
