#!/usr/bin/env bash
# The merge and the result files at scale (issue 17 item 3): runs a job (default bench/photon_plane_1000.json,
# 10^6 grid points x 11 experiments) on 1 and 2 ranks, full grid and refined, and prints rank 0's merge, plane
# and result-file times from its log line, their share of the scan's wall time (target <= 20%) and of the whole
# run, and each rank's peak memory beside the size of every experiment's per-point arrays (what a merge that
# held the whole result would need at least). With OLD_BIN=<an earlier alpscan> the same runs of that binary
# are alternated with this one's, for a before/after in one run (this machine is noisy: compare within a run).
# Figures only; no assertion.
#   bash bench/bench_merge.sh [job.json]   (BUILD_DIR, OLD_BIN, RANKS="1 2", REFINE="0 16")
set -euo pipefail
cd "$(dirname "$0")/.."
JOB=${1:-bench/photon_plane_1000.json}
NEW_BIN=${BUILD_DIR:-build}/alpscan
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export ALPSCAN_DATA_DIR=${ALPSCAN_DATA_DIR:-$PWD/data/experiments}
W=$(mktemp -d /tmp/alpscan-merge.XXXXXX)
[[ -n ${KEEP_LOGS:-} ]] && echo "logs in $W" || trap 'rm -rf "$W"' EXIT
bins=(new); [[ -n ${OLD_BIN:-} ]] && bins=(old new)

echo "merge and result files of $JOB (rank 0's log line; RSS per rank from /usr/bin/time; one run each)"
echo "| binary | ranks | refinement | scan [s] | merge [s] | planes [s] | result files [s] | merge+write / scan | / run | peak RSS per rank [MB] | per-point arrays of all experiments [MB] |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for step in ${REFINE:-0 16}; do
  for np in ${RANKS:-1 2}; do
    for b in "${bins[@]}"; do
      bin=$NEW_BIN; [[ $b == old ]] && bin=$OLD_BIN
      tag="$b.np$np.r$step"
      /usr/bin/python3 bench/copy_job.py "$JOB" "$W/$tag.json" "$W/out_$tag" "$step"
      launch=(); [[ $np -gt 1 ]] && launch=(mpirun --oversubscribe -np "$np")
      # each rank appends its own line (through the shared stderr the ranks' lines can interleave mid-line)
      "${launch[@]}" /usr/bin/time -a -o "$W/$tag.rss" -f "peak RSS %M KB" "$bin" run "$W/$tag.json" --restart \
        --progress-interval 1000 > "$W/$tag.log" 2>&1 || echo "($tag failed: see $W/$tag.log with KEEP_LOGS=1)"
      cat "$W/$tag.rss" >> "$W/$tag.log" 2>/dev/null
      /usr/bin/python3 - "$W/$tag.log" "$W/out_$tag/summary.json" "$b" "$np" "$step" <<'PY'
import json, re, sys
log, summary, b, np_, step = sys.argv[1:6]
text = open(log).read()
m = re.search(r"scan complete: .*?; ([0-9.]+) s \(slowest", text)
w = re.search(r"merge ([0-9.]+) s, planes ([0-9.]+) s, result files ([0-9.]+) s \(\d+% of the run's ([0-9.]+) s\)", text)
rss = [int(x) / 1024 for x in re.findall(r"peak RSS (\d+) KB", text)]
try:
    s = json.load(open(summary))
    axes = s["axes"]
    arrays = 0
    for x in s["experiments"]:
        arrays += x.get("grid_points", x["evaluations"]) * 18  # signal, statistic (8 + 8), two flags
    arrays /= 2**20
except (OSError, KeyError, ValueError):
    arrays = float("nan")
if not (m and w):
    print(f"| {b} | {np_} | {int(step) or 'off'} | failed | | | | | | | |")
    sys.exit(0)
scan = float(m[1])
merge, planes, files, run = (float(w[i]) for i in range(1, 5))
mw = merge + planes + files
print(f"| {b} | {np_} | {int(step) or 'off'} | {scan:.2f} | {merge:.2f} | {planes:.2f} | {files:.2f} | {100 * mw / scan:.0f}% "
      f"| {100 * mw / run:.0f}% | {' / '.join(f'{r:.0f}' for r in sorted(rss, reverse=True))} | {arrays:.0f} |")
PY
      rm -rf "$W/out_$tag"
    done
  done
done
