#!/usr/bin/env bash
# Measures `brief build` on a project of many specs: a cold build, a no-op rebuild (the target is
# under 5% of the cold time) and a rebuild after one corpus document changed.
#
#   bench/build/run.sh [BRIEF_BINARY] [SPEC_COUNT] [JOBS]
#
# BRIEF_BINARY defaults to build/brief; SPEC_COUNT to 100; JOBS to 2. The project is a temporary
# copy of the repository's corpus/ and templates/ with generated specs in briefs/; it is removed
# afterwards (set KEEP=1 to keep it).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
count=${2:-100}
jobs=${3:-2}
if [[ ! -x $brief ]]; then
  echo "bench/build: no brief binary at $brief (build it, or pass its path)" >&2
  exit 2
fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")

project=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench-build.XXXXXX")
if [[ ${KEEP:-0} != 1 ]]; then trap 'rm -rf "$project"' EXIT; else echo "project: $project"; fi
cp -r "$repo/corpus" "$repo/templates" "$project/"
mkdir -p "$project/briefs" "$project/output"

# Document ids, and for each the ids of two of its passages to quote (the 2nd and 3rd blocks of the
# body: paragraphs, list items and headings are each a passage).
docs=()
quotes=()
for file in "$project"/corpus/*.md; do
  id=$(awk '/^---/{n++; next} n==1 && /^id:/{print $2; exit}' "$file")
  [[ -n $id ]] || id=$(basename "$file" .md)
  docs+=("$id")
  blocks=$(awk '/^---/{n++; next} n>=2 && NF && !prev{c++} {prev=NF} END{print c+0}' "$file")
  if (( blocks >= 3 )); then quotes+=("$id#p2" "$id#p3"); fi
done
if (( ${#docs[@]} == 0 )); then echo "bench/build: corpus/ has no documents" >&2; exit 2; fi

queries=("ISIS threat" "coalition withdrawal" "security forces" "intelligence OR cooperation"
  "sleeper OR cells" "liberation OR Mosul" "ISIS" "coalition" "intelligence" "attacks" "Iraq"
  "forces" "terrorism" "Baghdad OR attacks")
templates=(analyst executive public)

for ((i = 0; i < count; i++)); do
  id=$(printf 'bench-%03d' "$i")
  template=${templates[i % 3]}
  q1=${queries[i % ${#queries[@]}]}
  q2=${queries[(i * 5 + 3) % ${#queries[@]}]}
  doc=${docs[i % ${#docs[@]}]}
  {
    echo "id: $id"
    echo "title: Benchmark brief $i"
    echo "date: 2026-11-21"
    echo "authors: [Benchmark]"
    echo "template: $template"
    if (( i % 10 == 0 )); then
      echo "outputs:"
      echo "  - template: $template"
      echo "  - template: ${templates[(i + 1) % 3]}"
    fi
    echo "sections:"
    if (( i % 3 == 2 )); then
      # Reads one document only: a change elsewhere in the corpus must not rebuild it.
      echo "  - title: From $doc"
      echo "    passages: { documents: [$doc], limit: $((2 + i % 4)) }"
      echo "  - title: Summary"
      echo "    summary: { documents: [$doc], sentences: 3 }"
    else
      echo "  - title: Bottom line"
      echo "    summary: { sentences: $((2 + i % 3)), query: \"$q1\" }"
      echo "  - title: Evidence"
      echo "    passages: { query: \"$q2\", limit: $((3 + i % 4)) }"
      if (( i % 2 == 0 )); then
        echo "  - title: Key judgments"
        echo "    key_judgments: { limit: 3 }"
        echo "  - title: Recommendations"
        echo "    recommendations: { limit: 4 }"
      else
        echo "  - title: Key figures"
        echo "    key_figures: { limit: 4 }"
      fi
    fi
    if (( ${#quotes[@]} > 0 && i % 4 != 3 )); then
      echo "  - title: In their own words"
      echo "    quotes: [ ${quotes[i % ${#quotes[@]}]} ]"
    fi
    echo "  - title: Sources"
    echo "    bibliography: true"
  } >"$project/briefs/$id.yaml"
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b - a}'; }

build() {
  local log=$1
  (cd "$project" && "$brief" build --all -j "$jobs" >"$log" 2>&1) || {
    echo "bench/build: brief build failed; last lines of $log:" >&2
    tail -20 "$log" >&2
    exit 1
  }
}

t0=$(now); build "$project/cold.log"; t1=$(now)
cold=$(elapsed "$t0" "$t1")
t0=$(now); build "$project/noop.log"; t1=$(now)
noop=$(elapsed "$t0" "$t1")

# Change the content of one document (a new paragraph at the end keeps existing passage ids).
changed=$(ls "$project"/corpus/*.md | head -1)
printf '\nA paragraph added by the benchmark to change this document.\n' >>"$changed"
t0=$(now); build "$project/touch.log"; t1=$(now)
touch_time=$(elapsed "$t0" "$t1")
rebuilt=$(grep -c '^built ' "$project/touch.log" || true)
outputs=$(ls "$project"/output/*.pdf | wc -l)

echo "specs:                $count ($outputs outputs, -j $jobs)"
echo "cold build:           ${cold} s"
echo "no-op rebuild:        ${noop} s"
echo "one document changed: ${touch_time} s ($rebuilt outputs rebuilt, $(basename "$changed"))"
awk -v n="$noop" -v c="$cold" 'BEGIN{r = 100 * n / c; printf "no-op / cold:         %.2f%% (target < 5%%): %s\n", r, (r < 5 ? "ok" : "TOO SLOW")}'
