#!/usr/bin/env bash
# Kills `brief build --all` with SIGKILL at random moments and checks that output/ stays whole:
# every PDF there before is still there and a complete PDF, every manifest parses, nothing in
# output/ looks like an output without being one (temporaries keep their hidden `.x.tmp-` names),
# and the next run succeeds and leaves everything up to date.
#
#   tests/e2e/test_build_survives_sigkill.sh BRIEF_BINARY PROJECT_ROOT [ROUNDS]
#
# PROJECT_ROOT holds briefs/, corpus/ and templates/; it is copied, never written. Exits 125
# (skipped) when the binary is missing. The kill moments come from a seed, printed with every
# failure; BRIEF_KILL_SEED=N repeats a run's moments (as far as the build's own timing allows).
set -euo pipefail

brief=${1:?usage: test_build_survives_sigkill.sh BRIEF_BINARY PROJECT_ROOT [ROUNDS]}
source_root=${2:?usage: test_build_survives_sigkill.sh BRIEF_BINARY PROJECT_ROOT [ROUNDS]}
rounds=${3:-8}
if [[ ! -x $brief ]]; then echo "kill_test: no brief binary at $brief; skipped" >&2; exit 125; fi
brief=$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")

project=$(mktemp -d "${TMPDIR:-/tmp}/brief-kill-test.XXXXXX")
trap 'rm -rf "$project"' EXIT
for part in briefs corpus templates; do cp -r "$source_root/$part" "$project/"; done
cd "$project"

seed=${BRIEF_KILL_SEED:-$(( $(date +%s%N) % 32768 ))}
RANDOM=$seed
fail() { echo "kill_test: $* (seed $seed: rerun with BRIEF_KILL_SEED=$seed)" >&2; exit 1; }

complete_pdf() {
  local file=$1
  if command -v qpdf >/dev/null 2>&1; then
    # 0 = fine, 3 = warnings only; 2 = damaged.
    local rc=0
    qpdf --check "$file" >/dev/null 2>&1 || rc=$?
    [[ $rc == 0 || $rc == 3 ]]
  else
    [[ $(head -c 5 "$file") == "%PDF-" ]] && tail -c 1024 "$file" | grep -q '%%EOF'
  fi
}

check_output() {
  local when=$1
  for name in "${before[@]}"; do
    [[ -f output/$name ]] || fail "$when: output/$name disappeared"
    complete_pdf "output/$name" || fail "$when: output/$name is not a complete PDF"
  done
  local manifests=()
  for file in output/* output/.[!.]*; do
    [[ -e $file ]] || continue
    local name=${file#output/}
    case $name in
      *.tmp-*) [[ $name == .* ]] || fail "$when: temporary $name is not hidden" ;;
      .brief | .*.failed.json | *.trace.txt) ;;  # .brief/: the lock files
      *.manifest.json) manifests+=("$file") ;;
      *.pdf) complete_pdf "$file" || fail "$when: $name is not a complete PDF" ;;
      *) fail "$when: unexpected file output/$name" ;;
    esac
  done
  (( ${#manifests[@]} == 0 )) || python3 -c '
import json, sys
for path in sys.argv[1:]:
    try:
        json.load(open(path))
    except ValueError:
        sys.exit(path + " is not valid JSON")
' "${manifests[@]}" || fail "$when: a manifest is not valid JSON"
}

# A first, complete build: the PDFs that must survive everything below.
start=$(date +%s%N)
"$brief" build --all -o output -j 2 --quiet || fail "the first build failed"
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
mapfile -t before < <(cd output && ls *.pdf)
(( ${#before[@]} > 0 )) || fail "the first build wrote no PDF"
check_output "after the first build"

for ((round = 1; round <= rounds; round++)); do
  # Somewhere inside a forced rebuild, which rewrites every file.
  delay_ms=$(( 20 + RANDOM % (cold_ms > 40 ? cold_ms - 20 : 20) ))
  "$brief" build --all --force -o output -j 2 --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN{printf "%.3f", ms / 1000}')"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_output "after SIGKILL at ${delay_ms} ms (round $round)"
done

"$brief" build --all -o output -j 2 --quiet --report report.json || fail "the build after the kills failed"
check_output "after the recovery build"
"$brief" build --all -o output -j 2 --quiet --report report.json || fail "the last build failed"
python3 - report.json <<'PY' || fail "outputs were rebuilt by a run that should find them up to date"
import json, sys
report = json.load(open(sys.argv[1]))
sys.exit(0 if report["ok"] and report["built"] == 0 else 1)
PY
echo "kill_test: ok (${#before[@]} outputs, $rounds kills, cold build ${cold_ms} ms, seed $seed)"
