#!/usr/bin/env bash
# End to end on a real single-node SLURM cluster started here: `alpscan submit` a small job with 3
# tasks and a 1-minute time limit; SLURM's --signal warning cuts the first piece off (alpscan
# checkpoints and exits 75), the dependent continuation resumes it, the last piece merges. The
# merged scan.h5 must be byte-identical to a direct `mpirun -np 3` run of the same job. Every
# daemon started here is stopped by PID on exit, also on failure; every wait is bounded.
set -u
BIN=$1 SRC=$2 MPIEXEC=${3:-mpirun}
if [[ $(id -u) -ne 0 ]]; then echo "SKIP: the SLURM test starts daemons and needs root"; exit 77; fi
source "$SRC/tests/integration/common.sh"
source "$SRC/tests/slurm/cluster.sh"
trap 'cluster_stop; rm -rf "$WORK"' EXIT

cluster_install || { echo "FAIL cannot install munge/slurm"; exit 1; }
cluster_start 8 || { echo "FAIL cluster did not start"; tail -n 20 "$SLURM_CI_DIR"/*.log; exit 1; }
echo "ok   slurm up (slurmctld $CTLD_PID, slurmd $SLURMD_PID, munged ${MUNGE_PID:-already running})"

# Reference: a direct mpirun of the same job.
scenario ref
timeout 300 "${MPIRUN[@]}" -np 3 "$BIN" run job.json > run.log 2>&1; rc=$?
check "direct mpirun -np 3 run: exit 0" "[[ $rc -eq 0 ]]"

# The same job through SLURM, slowed down so that it needs more than one piece: 6355 evaluations
# x 25 ms / 3 ranks ~ 55 s of work against a 60 s limit with the warning 50 s before it.
scenario slurm
export ALPSCAN_TEST_POINT_DELAY_US=25000
out=$("$BIN" submit job.json --ntasks 3 --time 1 --signal-grace 50 --max-continuations 8 2>&1); rc=$?
echo "$out"
check "alpscan submit: exit 0" "[[ $rc -eq 0 ]]"
check "batch script written next to the results" "[[ -x out/slurm/small_passat.sbatch ]] && grep -q -- '--signal=USR1@50' out/slurm/small_passat.sbatch"
first=$(sed -n 's/^submitted job \([0-9]*\).*/\1/p' <<<"$out")
check "a job id was printed" "[[ -n '$first' ]]"
unset ALPSCAN_TEST_POINT_DELAY_US

# Wait (bounded) until no alpscan job is queued or running any more.
deadline=$(( $(date +%s) + 420 )); seen_running=0
while :; do
  left=$(squeue -h -n alpscan-small_passat -o '%i %T' 2>/dev/null | wc -l)
  if "$BIN" status out 2>/dev/null | grep -q ': running'; then seen_running=1; fi
  [[ $left -eq 0 ]] && break
  if [[ $(date +%s) -ge $deadline ]]; then echo "FAIL timeout waiting for the job chain"; squeue; scancel -n alpscan-small_passat; break; fi
  sleep 1
done
echo "--- pieces:"; cat out/slurm/pieces.log
for f in out/slurm/small_passat-*.out; do echo "--- $f"; grep -E 'alpscan (piece|complete|incomplete|failed)|continuation|stopped' "$f"; done
pieces=$(wc -l < out/slurm/pieces.log)
check "the first piece was cut off and continued (>= 2 pieces)" "[[ $pieces -ge 2 ]]"
check "a piece ended incomplete by the signal and queued a continuation" "grep -q 'continues in job' out/slurm/small_passat-$first.out"
check "the first piece's ranks were stopped by SIGUSR1 (signal 10)" "grep -q 'stopped by signal 10' out/slurm/small_passat-$first.out"
check "the last piece completed and says where the results are" "cat out/slurm/small_passat-*.out | grep -q 'alpscan complete: results in'"
check "alpscan status reported 'running' while the job ran" "[[ $seen_running -eq 1 ]]"
"$BIN" status out; st=$?
check "alpscan status: complete (exit 0)" "[[ $st -eq 0 ]]"
check "merged scan.h5 byte-identical to the direct mpirun run" "cmp -s '$WORK/ref/out/scan.h5' out/scan.h5"
check "curves identical" "diff -rq '$WORK/ref/out/curves' out/curves >/dev/null"

# A chain that makes no progress stops instead of looping: a piece that finds the same number of
# finished chunks as the previous piece had at its start refuses to continue.
cd "$WORK/slurm"
echo "99 0 $(sed -n 's/^ *"done_chunks": *\([0-9]*\).*/\1/p' <("$BIN" status out --json))" >> out/slurm/pieces.log
id=$(ALPSCAN_PIECE=100 sbatch --parsable --export=ALL out/slurm/small_passat.sbatch)
deadline=$(( $(date +%s) + 120 ))
while [[ $(squeue -h -j "$id" 2>/dev/null | wc -l) -gt 0 && $(date +%s) -lt $deadline ]]; do sleep 0.5; done
check "no-progress piece stops the chain (job FAILED, exit 1)" "[[ '$(job_state "$id")' == 'FAILED 1:0' ]] && grep -q 'no progress' out/slurm/small_passat-$id.out"
exit $fail
