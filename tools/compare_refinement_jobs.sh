#!/usr/bin/env bash
# Runs reference jobs on the full grid and with adaptive refinement ("refinement": {"coarse_step": STEP}
# injected) and compares them with tools/compare_refinement.py: identical flags and maps, curves within one
# fine cell. Prints one line per job; exit 1 if any job differs.
# usage: tools/compare_refinement_jobs.sh [JOB.json ...]   (default: every job in jobs/)
# Environment: ALPSCAN (default build/alpscan), STEP (default 16), WORK (default a new temporary directory).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$(realpath "${ALPSCAN:-build/alpscan}")
step=${STEP:-16}
work=${WORK:-$(mktemp -d /tmp/alpscan-refine-compare.XXXXXX)}
jobs=("$@"); [[ ${#jobs[@]} -eq 0 ]] && jobs=("$root"/jobs/*.json)
status=0
for job in "${jobs[@]}"; do
  name=$(basename "$job" .json)
  jobpath=$(realpath "$job")
  mkdir -p "$work/$name" && cd "$work/$name"
  /usr/bin/python3 - "$jobpath" "$step" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
j.pop("refinement", None); j["output"] = "full"; json.dump(j, open("full.json", "w"))
j["refinement"] = {"coarse_step": int(sys.argv[2])}; j["output"] = "refined"; json.dump(j, open("refined.json", "w"))
PY
  ok=1
  "$bin" run full.json --restart --progress-interval 1000 > full.log 2>&1 || ok=0
  "$bin" run refined.json --restart --progress-interval 1000 > refined.log 2>&1 || ok=0
  if [[ $ok -eq 0 ]]; then echo "$name: a run failed (see $work/$name)"; status=1; cd "$root"; continue; fi
  if out=$(/usr/bin/python3 "$root/tools/compare_refinement.py" full refined --min-ratio 1 2>&1); then
    echo "$name: identical maps; $out"
  else
    echo "$name: DIFFERENT"; echo "$out" | sed 's/^/    /'; status=1
  fi
  cd "$root"
done
exit $status
