#!/usr/bin/env bash
# Regenerates results/<job>/ for every reference job in jobs/ (or the jobs named): runs it afresh on two
# ranks, draws every plane, and keeps the small files -- summary.json, curves/, plots/, and scan.h5 where it
# is under 2 MB. No checkpoints. Run after a change that moves a map, and commit results/ with it.
#
# usage: scripts/make_results.sh [JOB ...]        e.g. scripts/make_results.sh global lowmass
# Environment: NP (ranks, default 2), ALPSCAN (default build/alpscan).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
NP=${NP:-2}
BIN=$(realpath "${ALPSCAN:-build/alpscan}")
jobs=("$@")
[[ ${#jobs[@]} -eq 0 ]] && for j in jobs/*.json; do jobs+=("$(basename "$j" .json)"); done
for name in "${jobs[@]}"; do
  job=jobs/$name.json
  [[ -f $job ]] || { echo "make_results: no job $job" >&2; exit 2; }
  out=$(/usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j.get('output','out/'+j['name']))" "$job")
  t0=$(date +%s)
  mpirun --oversubscribe -np "$NP" "$BIN" run "$job" --restart > "/tmp/make_results_$name.log" 2>&1 \
    || { echo "make_results: $name failed, see /tmp/make_results_$name.log" >&2; exit 1; }
  "$BIN" plot "$out" --format png > /dev/null
  dest=results/$name
  rm -rf "$dest" && mkdir -p "$dest"
  cp "$out/summary.json" "$dest/"
  cp -r "$out/curves" "$out/plots" "$dest/"
  size=$(stat -c %s "$out/scan.h5")
  if [[ $size -lt 2000000 ]]; then cp "$out/scan.h5" "$dest/"; note="with scan.h5"; else note="scan.h5 $((size / 1000000)) MB: not kept"; fi
  echo "$name: $(( $(date +%s) - t0 )) s, $dest ($note)"
done
# The papers' numbers over alpscan's curves (results/comparison/, README "Side by side with the papers").
if [[ $# -eq 0 ]]; then
  /usr/bin/python3 scripts/compare_with_papers.py --plots results/comparison > /dev/null
  echo "comparison plots: results/comparison/"
fi
