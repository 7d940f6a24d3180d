#!/usr/bin/env bash
# The merged result (scan.h5 byte for byte, summary.json, curves) is the same for 1, 2 and 3
# ranks, and after interruption + resume: --max-chunks, SIGTERM (one process), SIGUSR1 (mpirun
# forwards it to every rank), and kill -9 (no chance to clean up).
set -u
source "$(dirname "$0")/common.sh"
same() { cmp -s "$WORK/ref/out/scan.h5" "$WORK/$1/out/scan.h5" && cmp -s "$WORK/ref/out/summary.json" "$WORK/$1/out/summary.json" && diff -rq "$WORK/ref/out/curves" "$WORK/$1/out/curves" >/dev/null; }

scenario ref
"$BIN" run job.json > run.log 2>&1; rc=$?
check "one process, uninterrupted: exit 0" "[[ $rc -eq 0 ]]"
check "scan.h5 and curves written" "[[ -s out/scan.h5 && -s out/curves/m_a__g_agg/union.txt ]]"

for n in 2 3; do
  scenario np$n
  timeout 300 "${MPIRUN[@]}" -np $n "$BIN" run job.json > run.log 2>&1; rc=$?
  check "mpirun -np $n: exit 0" "[[ $rc -eq 0 ]]"
  check "mpirun -np $n: identical to one process" "same np$n"
  check "mpirun -np $n: log shows $n ranks" "grep -q 'on $n rank(s)' run.log"
done

# --max-chunks: deterministic interruption, then resume with other rank counts.
scenario mc
"$BIN" run job.json --max-chunks 7 > run1.log 2>&1; rc=$?
check "--max-chunks: exit 75 (incomplete, resumable)" "[[ $rc -eq 75 ]]"
check "--max-chunks: no merged result yet" "[[ ! -e out/scan.h5 ]]"
timeout 300 "${MPIRUN[@]}" -np 3 "$BIN" run job.json --max-chunks 5 > run2.log 2>&1; rc=$?
check "--max-chunks under mpirun -np 3: exit 75" "[[ $rc -eq 75 ]]"
timeout 300 "${MPIRUN[@]}" -np 2 "$BIN" run job.json > run3.log 2>&1; rc=$?
check "resume on 2 ranks: exit 0" "[[ $rc -eq 0 ]]"
check "resume log says it resumed" "grep -q 'resuming:' run3.log"
check "interrupted twice + resumed on 1, 3, 2 ranks: identical" "same mc"

# SIGTERM to a single process in the middle of a chunk.
scenario term
ALPSCAN_TEST_POINT_DELAY_US=300 "$BIN" run job.json > run1.log 2>&1 & pid=$!
wait_chunks out 3 120
kill -TERM $pid; wait_pid $pid 60; rc=$?
check "SIGTERM: exit 75" "[[ $rc -eq 75 ]]"
check "SIGTERM: log names the signal" "grep -q 'stopped by signal 15' run1.log"
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "SIGTERM + resume: identical" "[[ $rc -eq 0 ]] && same term"

# SIGUSR1 to mpirun with 3 ranks.
scenario usr1
ALPSCAN_TEST_POINT_DELAY_US=300 "${MPIRUN[@]}" -np 3 "$BIN" run job.json > run1.log 2>&1 & pid=$!
wait_chunks out 4 120
kill -USR1 $pid; wait_pid $pid 60; rc=$?
check "SIGUSR1 under mpirun -np 3: exit 75" "[[ $rc -eq 75 ]]"
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "SIGUSR1 + resume: identical" "[[ $rc -eq 0 ]] && same usr1"

# kill -9: finished chunks survive, the torn one is recomputed.
scenario kill
ALPSCAN_TEST_POINT_DELAY_US=300 "$BIN" run job.json > run1.log 2>&1 & pid=$!
wait_chunks out 3 120
kill -9 $pid; wait $pid 2>/dev/null
printf '{"unit": 99999, "trunc' >> out/checkpoint/manifest.jsonl   # a torn manifest line
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "kill -9 + resume: identical" "[[ $rc -eq 0 ]] && same kill"

# A corrupted chunk file is detected by its CRC and recomputed.
cd "$WORK/mc"
f=$(ls out/checkpoint/u*.bin | head -1)
printf 'garbage' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
rm out/scan.h5
"$BIN" run job.json > run4.log 2>&1; rc=$?
check "corrupted chunk recomputed: identical" "[[ $rc -eq 0 ]] && same mc && grep -q '1 chunks computed now' run4.log"

# The same output directory with a different job is refused unless --restart.
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("job.json")); j["confidence_level"] = 0.95
json.dump(j, open("job.json", "w"))
PY
"$BIN" run job.json > run5.log 2>&1; rc=$?
check "different job in same output: exit 2" "[[ $rc -eq 2 ]] && grep -q 'different job' run5.log"
"$BIN" run job.json --restart > run6.log 2>&1; rc=$?
check "--restart: exit 0" "[[ $rc -eq 0 ]]"
exit $fail
