#!/usr/bin/env bash
# Scaling measurements (issue 17 item 5), the constants of the README's "Scaling model", all from one run:
#  (a) per-chunk overhead: a job of 8 collider experiments (~0.1 us/point, so overhead dominates),
#      8e6 evaluations, chunk_size 4000 .. 1e6 on 1 and 2 ranks (and 4, 8 oversubscribed for the
#      dispatcher): fit of the time per chunk, t_chunk = max(a + c chunk_size, t_write); the
#      dispatcher's service time per request from the scan's own "rank activity" line; the raw MPI
#      round trip (build/bench/mpi_round_trip) and the checkpoint I/O per chunk (build/bench/bench_checkpoint_io);
#  (b) merge + write (everything after "scan complete" in the log: finish_run) against grid points
#      (1e4 .. 1e6) and experiments (1, 4, 8), with the process's peak memory (the streaming merge holds
#      two experiments' arrays at a time: memory must not grow like the experiments);
#  (c) cost per point as the scan measures it (busy seconds / points of the rank activity line), for
#      the collider job and a table-driven job (passat_nomad, charm, e137).
# Then bench/scaling_model.py fits the constants and prints the model's answers. Figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build}
BIN=$BUILD/alpscan
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export ALPSCAN_DATA_DIR=${ALPSCAN_DATA_DIR:-$PWD/data/experiments}
W=$(mktemp -d /tmp/alpscan-scaling.XXXXXX)  # KEEP_LOGS=1 keeps it (/usr/bin/python3 bench/scaling_model.py DIR re-reads it)
[[ -n ${KEEP_LOGS:-} ]] && echo "logs in $W" || trap 'rm -rf "$W"' EXIT
COLL4='"lep_opal_3gamma", "belle2_3gamma", "babar_monophoton", "delphi_monophoton"'
COLL8="$COLL4"', "belle2_3gamma_50ab", "delphi_monophoton_conservative", "belle2_monophoton_20fb", "belle2_monophoton_50ab"'

# make_job NAME M_POINTS G_POINTS CHUNK EXPERIMENTS [M_MIN_EV]: an (m_a, g_agg) job with one plane
make_job() {
  cat > "$W/$1.json" <<JOB
{"format": "alpscan-job/1", "name": "$1",
 "parameters": {"m_a": {"scale": "log", "min": ${6:-1e7}, "max": 1e10, "points": $2, "unit": "eV"},
                "g_agg": {"scale": "log", "min": 1e-9, "max": 1e-1, "points": $3, "unit": "GeV^-1"}},
 "experiments": [$5], "output": "$W/out_$1", "chunk_size": $4, "planes": [{"x": "m_a", "y": "g_agg"}]}
JOB
}
# run NP JOB: runs it (fresh), keeps its log as $W/JOB.npNP.log and prints "NP JOB" to the index
run() {
  local launch=()
  [[ $1 -gt 1 ]] && launch=(mpirun --oversubscribe -np "$1")
  # peak RSS of the (rank 0) process in KB: what the merge holds, for (b)
  /usr/bin/time -f "%M" -o "$W/$2.np$1.rss" "${launch[@]}" "$BIN" run "$W/$2.json" --restart --progress-interval 1000 \
    2> "$W/$2.np$1.log"
  rm -rf "$W/out_$2"
  echo "$1 $2 $W/$2.np$1.log" >> "$W/index.txt"
}

"$BUILD/bench/bench_checkpoint_io" | tee "$W/checkpoint_io.txt"
echo
for np in 2 4 8; do mpirun --oversubscribe -np $np "$BUILD/bench/mpi_round_trip" 20000; done | tee "$W/round_trip.txt"
echo

for cs in 4000 25000 62500 250000 1000000; do  # (a)
  make_job "overhead_cs$cs" 1000 1000 $cs "$COLL8"
  for np in 1 2; do run $np "overhead_cs$cs"; done
done
for cs in 4000 25000; do for np in 4 8; do run $np "overhead_cs$cs"; done; done
for n in 100 316 1000; do  # (b): 1e4, 1e5, 1e6 grid points
  for e in 1 4 8; do
    case $e in 1) ex='"lep_opal_3gamma"' ;; 4) ex=$COLL4 ;; 8) ex=$COLL8 ;; esac
    make_job "merge_n${n}_e$e" $n $n 100000 "$ex"
    run 1 "merge_n${n}_e$e"
  done
done
make_job table 100 1600 20000 '"passat_nomad", "charm", "e137"' 1e6  # (c): 100 masses, as a 100^4 grid has
run 1 table

/usr/bin/python3 bench/scaling_model.py "$W"
