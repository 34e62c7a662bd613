#!/usr/bin/env bash
# Measures what a query section costs: `brief build` (warm index cache, --force) of specs with many
# `passages: { query: ... }` sections over a generated corpus, as CPU seconds per section.
#
#   bench/queries/run.sh [BRIEF_BINARY] [DOCUMENTS] [SECTION_COUNTS...]
#
# BRIEF_BINARY defaults to build/brief, DOCUMENTS to 1000, SECTION_COUNTS to "100 400 1600". The
# corpus repeats the public BBC business set in /work/shared/eval/bbc-business (or
# $BRIEF_SCALE_ARTICLES) under new ids, as bench/scale does, in a temporary project under
# ${TMPDIR:-/tmp} that is removed afterwards. Two spec shapes: "repeated" cycles through ten
# queries (many sections asking the same thing, each showing passages the earlier ones did not),
# "distinct" gives every section its own query (pairs of business words). The cost per section
# is the CPU time difference between two section counts divided by the section difference, so the
# fixed cost of loading the corpus and fonts drops out. Never run in the test suite.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
brief=${1:-$repo/build/brief}
documents=${2:-1000}
shift 2 || shift $# || true
counts=("$@")
((${#counts[@]})) || counts=(100 400 1600)
articles=${BRIEF_SCALE_ARTICLES:-/work/shared/eval/bbc-business/articles}
if [[ ! -x $brief ]]; then echo "bench/queries: no brief binary at $brief" >&2; exit 2; fi
if [[ ! -d $articles ]]; then echo "bench/queries: no articles in $articles (set BRIEF_SCALE_ARTICLES)" >&2; exit 2; fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")

project=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench-queries.XXXXXX")
trap 'rm -rf "$project"' EXIT
cp -r "$repo/templates" "$project/"
mkdir -p "$project/corpus" "$project/briefs"
cp "$repo/corpus/markings.yaml" "$project/corpus/"
[[ -f $repo/corpus/aliases.yaml ]] && cp "$repo/corpus/aliases.yaml" "$project/corpus/"
python3 - "$articles" "$project" "$documents" "${counts[@]}" << 'PY'
import itertools, os, sys
src, project, documents, counts = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(c) for c in sys.argv[4:]]
files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = []
for name in files:
    with open(os.path.join(src, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    texts.append((lines[0].strip(), "\n".join(lines[1:]).strip()))
for i in range(documents):
    title, body = texts[i % len(texts)]
    with open(os.path.join(project, "corpus", f"bbc-{i:06d}.md"), "w", encoding="utf-8") as f:
        f.write(f"---\nid: bbc-{i:06d}\ntitle: \"{title.replace(chr(34), '')} ({i // len(texts) + 1})\"\n")
        f.write(f"publisher: BBC News\ntype: news report\npublished: {2000 + i % 25}-{1 + (i // 25) % 12:02d}\n")
        f.write("releasability: public\nlanguage: en\n---\n" + body + "\n")
repeated = ["sales rose OR record profits", "debt OR deficit OR losses", "profit OR growth", "interest rates",
            "oil prices", "jobs OR unemployment", "shares fell", "bank", "euro OR dollar", "exports"]
words = ["bank", "profit", "growth", "oil", "shares", "jobs", "debt", "exports", "euro", "dollar", "sales",
         "market", "prices", "deal", "firm", "economy", "rates", "tax", "government", "investors"]
distinct = [f"{a} OR {b}" for a, b in itertools.combinations(words, 2)]
distinct += [f"{a} {b}" for a, b in itertools.permutations(words, 2)]
for n in counts:
    for shape, queries in (("repeated", repeated), ("distinct", distinct)):
        lines = [f"id: {shape}-{n}", "title: Query sections", "date: 2026-11-21", "template: analyst", "sections:"]
        for s in range(n):
            lines.append(f"  - title: Section {s}\n    passages: {{ query: \"{queries[s % len(queries)]}\", limit: 3 }}")
        with open(os.path.join(project, "briefs", f"{shape}-{n}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
PY
cd "$project"
# CPU seconds (user + system) of one command, from /usr/bin/time.
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.2f", $1 + $2 }'; }
echo "brief: $brief; $documents documents"
"$brief" build "briefs/repeated-${counts[0]}.yaml" -o out > /dev/null 2>&1 || true  # warms the index cache
for shape in repeated distinct; do
  previous_n="" previous_cpu=""
  for n in "${counts[@]}"; do
    seconds=$(cpu "$brief" build "briefs/$shape-$n.yaml" -o out --force)
    line="$shape, $n sections: $seconds s CPU"
    if [[ -n $previous_n ]]; then
      line+=$(awk -v a="$previous_cpu" -v b="$seconds" -v m="$previous_n" -v n="$n" \
        'BEGIN { printf " (%.1f ms per further section)", (b - a) * 1000 / (n - m) }')
    fi
    echo "$line"
    previous_n=$n previous_cpu=$seconds
  done
done
