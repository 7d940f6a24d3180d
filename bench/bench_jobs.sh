#!/usr/bin/env bash
# One row per reference job (issue 17 item 4): grid points and evaluations on the full grid, evaluations with
# adaptive refinement ("refinement": {"coarse_step": 16} injected into a copy of the job) and the ratio; wall time
# of the whole process (/usr/bin/time: load, prepare, scan, merge, result files; with mpirun its start-up) at 1
# and 2 ranks, full grid and refined; the 2-rank efficiency T1/(2 T2) and, beside it, the scheduler's own
# T_pair/(2 T2), where T_pair is the slower of two independent 1-rank runs at once (the machine's two-process
# ceiling, as in bench/run.sh); peak memory (max RSS) per rank; the merge + write time of the 2-rank run and its
# share of that run, from its log (serial on rank 0, so its share grows with the ranks). One run of each, no repeats (figures vary by +-20% on a shared machine).
#   bash bench/bench_jobs.sh                 every jobs/*.json
#   bash bench/bench_jobs.sh jobs/passat.json jobs/global.json     a subset
# Copies of the jobs and their outputs go to $BENCH_TMP (default /tmp/alpscan_bench_jobs), never to out/; the outputs
# are removed after each job's row, the logs kept.
# A run that fails shows "failed" in its cells; the table goes on.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build}
TMP=${BENCH_TMP:-/tmp/alpscan_bench_jobs}
STEP=${COARSE_STEP:-16}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mkdir -p "$TMP"
JOBS=("$@")
[[ ${#JOBS[@]} -eq 0 ]] && JOBS=(jobs/*.json)
BIN=$(realpath "$BUILD/alpscan")
TIMEFMT='ALPSCAN_BENCH_TIME %e %M'

# copy JOB OUT [refined]: the job with its output in OUT (absolute) and, if asked, refinement injected.
copy_job() {
  /usr/bin/python3 bench/copy_job.py "$1" "$2.json" "$2" "$([[ -n ${3:-} ]] && echo "$STEP" || echo 0)"
}
# run LOG NP JOBFILE: one run (NP ranks, 0 = a plain 1-rank process); every rank's "elapsed maxRSS[kB]" lands in
# LOG; the whole command's wall time as the last ALPSCAN_BENCH_WALL line.
run() {
  local log=$1 np=$2 job=$3 t0 t1
  t0=$(date +%s.%N)
  if [[ $np == 0 ]]; then
    /usr/bin/time -f "$TIMEFMT" "$BIN" run "$job" --restart --progress-interval 1000 > /dev/null 2> "$log"
  else
    # every rank appends its line to its own file (O_APPEND: one short write each); through the shared stderr
    # the two ranks' lines interleaved mid-line and the figures were lost
    rm -f "$log.time"
    mpirun --allow-run-as-root --oversubscribe -np "$np" /usr/bin/time -a -o "$log.time" -f "$TIMEFMT" "$BIN" run \
      "$job" --restart --progress-interval 1000 > /dev/null 2> "$log"
  fi
  local rc=$?
  [[ -f $log.time ]] && cat "$log.time" >> "$log" && rm -f "$log.time"
  t1=$(date +%s.%N)
  echo "ALPSCAN_BENCH_WALL $(/usr/bin/python3 -c "print(f'{$t1 - $t0:.2f}')") rc $rc" >> "$log"
}

echo "Reference jobs, one run each ($(date -u +%F), $(nproc) cores); refined = coarse_step $STEP; times [s] of the whole"
echo "process; RSS = peak resident memory per rank [MB] (2 ranks: rank a / rank b); merge = merge + planes + result"
echo "files of the 2-rank run, seconds and share of that run (from its log); eff = T1/(2 T2); sched = T_pair/(2 T2)."
echo
echo "| job | grid points | evaluations | refined | fewer | T1 | T2 | T_pair | eff | sched | T1 ref | T2 ref | T_pair ref | eff ref | sched ref | RSS 1 rank | RSS 2 ranks | RSS 1 rank ref | RSS 2 ranks ref | merge 2 ranks | merge 2 ranks ref |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for JOB in "${JOBS[@]}"; do
  name=$(basename "$JOB" .json)
  for v in full ref; do
    copy_job "$JOB" "$TMP/${name}_$v" "$([[ $v == ref ]] && echo 1)"
    copy_job "$JOB" "$TMP/${name}_${v}_pair" "$([[ $v == ref ]] && echo 1)"
    run "$TMP/${name}_$v.1.log" 0 "$TMP/${name}_$v.json"
    run "$TMP/${name}_$v.2.log" 2 "$TMP/${name}_$v.json"
    run "$TMP/${name}_$v.pa.log" 0 "$TMP/${name}_$v.json" &
    run "$TMP/${name}_$v.pb.log" 0 "$TMP/${name}_${v}_pair.json"
    wait
  done
  points=$("$BIN" plan "$JOB" 2> /dev/null | grep -o '^grid points: [0-9]*' | grep -o '[0-9]*$')
  /usr/bin/python3 - "$name" "${points:-failed}" "$TMP/${name}" <<'PY'
import re, sys
name, points, base = sys.argv[1:4]
def read(path):
    try:
        return open(path, errors="replace").read()
    except OSError:
        return ""
def run(v, kind):
    """(wall s, [rss MB per rank], log text) of one run, or None if it failed."""
    log = read(f"{base}_{v}.{kind}.log")
    wall = re.findall(r"ALPSCAN_BENCH_WALL ([0-9.]+) rc (\d+)", log)
    if not wall or wall[-1][1] != "0" or "scan complete" not in log:
        return None
    rss = [int(kb) / 1024 for _, kb in re.findall(r"ALPSCAN_BENCH_TIME ([0-9.]+) (\d+)", log)]
    return float(wall[-1][0]), rss, log
def evaluations(v):
    r = run(v, "1")
    if not r:
        return None, None
    m = re.search(r"adaptive refinement: (\d+) evaluations in \d+ batches instead of (\d+)", r[2])
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"job \S+: (\d+) evaluations", r[2])
    return (int(m.group(1)), int(m.group(1))) if m else (None, None)
F = "failed"
cells = [name, points]
full, _ = evaluations("full")
ref, ref_full = evaluations("ref")
cells += [f"{full:,}" if full else F, f"{ref:,}" if ref else F, f"{(ref_full or full) / ref:.1f}x" if ref and (ref_full or full) else F]
times, rss, merge = [], [], []
for v in ("full", "ref"):
    t1, t2, pa, pb = (run(v, k) for k in ("1", "2", "pa", "pb"))
    tp = max(pa[0], pb[0]) if pa and pb else None
    times += [f"{t1[0]:.1f}" if t1 else F, f"{t2[0]:.1f}" if t2 else F, f"{tp:.1f}" if tp else F,
              f"{t1[0] / (2 * t2[0]):.2f}" if t1 and t2 else F, f"{tp / (2 * t2[0]):.2f}" if tp and t2 else F]
    rss += [f"{max(t1[1]):.0f}" if t1 and t1[1] else F, " / ".join(f"{x:.0f}" for x in t2[1]) if t2 and t2[1] else F]
    m = re.search(r"merge ([0-9.]+) s, planes ([0-9.]+) s, result files ([0-9.]+) s \(\d+% of the run's ([0-9.]+) s\)",
                  t2[2]) if t2 else None
    merge.append(f"{sum(float(m.group(i)) for i in (1, 2, 3)):.2f} s, {100 * sum(float(m.group(i)) for i in (1, 2, 3)) / float(m.group(4)):.1f}%" if m else F)
print("| " + " | ".join(cells + times + rss + merge) + " |", flush=True)
PY
  rm -rf "$TMP/${name}_full" "$TMP/${name}_full_pair" "$TMP/${name}_ref" "$TMP/${name}_ref_pair"  # results: ~2 GB for all; the logs stay
done
