#!/usr/bin/env bash
# Measures brief on generated corpora of many documents: cold indexing, a warm build of the
# default brief's shape and of a passages-only brief (time and peak memory), `brief search`, a
# no-op `build --all`, and the index size against the text size.
#
#   bench/scale/run.sh [BRIEF_BINARY] [DOCUMENT_COUNTS...]
#
# BRIEF_BINARY defaults to build/brief; DOCUMENT_COUNTS to "1000 10000". Each corpus repeats the
# public BBC business set in /work/shared/eval/bbc-business (or $BRIEF_SCALE_ARTICLES, a folder of
# .txt articles: title on line 1, a blank line, then paragraphs) under new ids and dates, into a
# temporary project under ${TMPDIR:-/tmp}, removed afterwards (KEEP=1 keeps it). Nothing is written
# to the repository. 100,000 documents take long (cold indexing especially): run them by hand,
# never in the test suite. Each command runs under an address-space limit (see memory_mib).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
shift || true
counts=("$@")
((${#counts[@]})) || counts=(1000 10000)
articles=${BRIEF_SCALE_ARTICLES:-/work/shared/eval/bbc-business/articles}
if [[ ! -x $brief ]]; then echo "bench/scale: no brief binary at $brief" >&2; exit 2; fi
if [[ ! -d $articles ]]; then echo "bench/scale: no articles in $articles (set BRIEF_SCALE_ARTICLES)" >&2; exit 2; fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")

# Address space each measured command may use, in MiB (BRIEF_SCALE_MEMORY_MIB): a build that would
# need more fails with brief's out-of-memory error instead of pushing a shared machine into swap.
memory_mib=${BRIEF_SCALE_MEMORY_MIB:-8192}

# Wall seconds, CPU seconds and peak resident MiB of one command, from /usr/bin/time -v.
measure() {
  local log
  log=$(mktemp)
  if ! (ulimit -v $((memory_mib * 1024)) && /usr/bin/time -v "$@" > /dev/null 2> "$log"); then
    grep -v '^\s' "$log" | tail -n 5 >&2
    rm -f "$log"
    echo "failed"
    return
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { mem = $2 / 1024 }
    END { printf "%.2f s wall, %.2f s CPU, %.0f MiB peak", wall, cpu, mem }' "$log"
  rm -f "$log"
}

# Writes a corpus of $2 documents into $1 from the articles, each under a new id and date.
generate() {
  local dir=$1 count=$2
  mkdir -p "$dir"
  cp "$repo/corpus/markings.yaml" "$dir/"
  [[ -f $repo/corpus/aliases.yaml ]] && cp "$repo/corpus/aliases.yaml" "$dir/"
  python3 - "$articles" "$dir" "$count" << 'EOF'
import os, sys
src, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = []
for name in files:
    with open(os.path.join(src, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    texts.append((lines[0].strip(), "\n".join(lines[1:]).strip()))
for i in range(count):
    title, body = texts[i % len(texts)]
    copy = i // len(texts)
    doc = f"bbc-{i:06d}"
    year = 2000 + (i % 25)
    month = 1 + (i // 25) % 12
    with open(os.path.join(out, doc + ".md"), "w", encoding="utf-8") as f:
        f.write(f"---\nid: {doc}\ntitle: \"{title.replace(chr(34), '')} ({copy + 1})\"\n")
        f.write(f"publisher: BBC News\ntype: news report\npublished: {year}-{month:02d}\n")
        f.write("releasability: public\nlanguage: en\n---\n")
        f.write(body + "\n")
EOF
}

# The default brief's shape (summary, key judgments, two query sections, recommendations, key
# figures, bibliography) and a brief of passages only, with queries that match business news.
write_specs() {
  local project=$1
  mkdir -p "$project/briefs"
  cat > "$project/briefs/shape.yaml" << 'EOF'
id: shape
title: Scale benchmark, the default brief's shape
date: 2026-11-21
template: analyst
sections:
  - title: Bottom line up front
    summary: { sentences: 3, query: "profit OR growth OR economy" }
  - title: Key judgments
    key_judgments: { limit: 4, query: "interest rates" }
  - title: What has worked
    passages: { query: "sales rose OR record profits", limit: 4 }
  - title: Persistent threats
    passages: { query: "debt OR deficit OR losses", limit: 5 }
  - title: Recommendations
    recommendations: { limit: 6, query: "should OR must" }
  - title: Key figures
    key_figures: { limit: 6, query: "billion" }
  - title: Sources
    bibliography: true
EOF
  cat > "$project/briefs/passages.yaml" << 'EOF'
id: passages
title: Scale benchmark, passages only
date: 2026-11-21
template: analyst
sections:
  - title: Growth
    passages: { query: "sales rose OR record profits", limit: 4 }
  - title: Trouble
    passages: { query: "debt OR deficit OR losses", limit: 5 }
  - title: Sources
    bibliography: true
EOF
}

echo "brief: $brief"
echo "articles: $articles"
for count in "${counts[@]}"; do
  project=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench-scale.XXXXXX")
  if [[ ${KEEP:-0} != 1 ]]; then trap 'rm -rf "$project"' EXIT; fi
  cp -r "$repo/templates" "$project/"
  generate "$project/corpus" "$count"
  write_specs "$project"
  cd "$project"
  text_bytes=$(cat corpus/*.md 2> /dev/null | wc -c || find corpus -name '*.md' -exec cat {} + | wc -c)
  echo
  echo "== $count documents ($((text_bytes / 1024)) KiB of text)"
  start=$(date +%s%N)
  cold=$(measure "$brief" search --corpus corpus "profit")
  ms=$((($(date +%s%N) - start) / 1000000))
  echo "cold index (brief search, first run): $cold; $(awk -v ms="$ms" -v n="$count" 'BEGIN { printf "%.3f", ms / n }') ms/doc"
  index_bytes=$(du -cb corpus/.brief-cache/index.sqlite* | tail -n 1 | cut -f1)
  echo "index size: $((index_bytes / 1024)) KiB, $(awk -v i="$index_bytes" -v t="$text_bytes" 'BEGIN { printf "%.2f", i / t }') x the text"
  echo "brief search (warm): $(measure "$brief" search --corpus corpus "interest rates")"
  (ulimit -v $((memory_mib * 1024)) && "$brief" build briefs/passages.yaml -o out-p > /dev/null 2>&1) || true
  echo "passages-only build (warm): $(measure "$brief" build briefs/passages.yaml -o out-p --force)"
  (ulimit -v $((memory_mib * 1024)) && "$brief" build briefs/shape.yaml -o out-s > /dev/null 2>&1) || true
  shape=$(measure "$brief" build briefs/shape.yaml -o out-s --force)
  echo "default brief's shape build (warm): $shape"
  # A spec that cannot be built is never up to date; the no-op build is measured without it.
  if [[ $shape == failed ]]; then rm briefs/shape.yaml; echo "(no-op build --all below without the shape spec)"; fi
  (ulimit -v $((memory_mib * 1024)) && "$brief" build --all -o out-all > /dev/null 2>&1) || true
  echo "no-op build --all: $(measure "$brief" build --all -o out-all)"
  cd /
  [[ ${KEEP:-0} == 1 ]] && echo "project: $project" || rm -rf "$project"
done
