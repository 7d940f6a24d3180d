#!/usr/bin/env bash
# Benchmarks (figures printed, nothing asserted): per-experiment prepare time and cost per point
# evaluation (every build/bench/bench_* program), then the scan wall time of jobs/passat.json and of
# bench/passat_large.json on 1 and 2 ranks, alternated REPEAT times in
# one run so machine noise hits both alike; efficiency = T1 / (2 T2) from the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build}
REPEAT=${REPEAT:-5}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
for b in "$BUILD"/bench/bench_*; do  # per-experiment prepare time and cost per point
  [[ -x $b && ! -d $b ]] && { "$b"; echo; }
done
scan_time() { grep -o 'scan complete: .*; [0-9.]* s' "$1" | grep -o '[0-9.]* s$' | tr -d ' s'; }
for JOB in jobs/passat.json bench/passat_large.json; do
  echo
  echo "$JOB scan wall time (from the log: job loading, prepare, evaluation; mpirun start-up and the merge excluded), $REPEAT runs each:"
  t1=(); t2=()
  for i in $(seq "$REPEAT"); do
    "$BUILD/alpscan" run "$JOB" --restart --progress-interval 1000 2> /tmp/alpscan_bench1.log
    t1+=("$(scan_time /tmp/alpscan_bench1.log)")
    mpirun --oversubscribe -np 2 "$BUILD/alpscan" run "$JOB" --restart --progress-interval 1000 2> /tmp/alpscan_bench2.log
    t2+=("$(scan_time /tmp/alpscan_bench2.log)")
  done
  /usr/bin/python3 - "${t1[*]}" "${t2[*]}" <<'PY'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]; b = [float(x) for x in sys.argv[2].split()]
m1, m2 = statistics.median(a), statistics.median(b)
print(f"  1 rank : median {m1:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in a)})")
print(f"  2 ranks: median {m2:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in b)})")
print(f"  2-rank parallel efficiency T1/(2 T2) = {m1 / (2 * m2):.2f}  (target >= 0.90)")
PY
done
