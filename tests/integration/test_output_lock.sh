#!/usr/bin/env bash
# One run per output directory (issue 18 item 2): while a run holds <output>/.alpscan.lock, a second run
# and a second `--restart` run (one process or under mpirun) are refused with exit 2 naming the holder,
# `alpscan status` still works and names it, and the first run completes with the same result as an
# undisturbed run. A holder killed with -9 releases the lock by itself: the next run takes it, says the
# previous holder did not release it, and resumes.
set -u
source "$(dirname "$0")/common.sh"

scenario ref
"$BIN" run job.json > run.log 2>&1; rc=$?
check "reference run: exit 0" "[[ $rc -eq 0 ]]"

scenario lock
ALPSCAN_TEST_POINT_DELAY_US=1000 "$BIN" run job.json > run1.log 2>&1 & pid=$!
wait_chunks out 2 60
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "second run on a held directory: exit 2" "[[ $rc -eq 2 ]]"
check "the refusal names the holder's pid, host and command" \
  "grep -q 'in use by another alpscan run: pid $pid on host $(hostname)' run2.log && grep -q 'run job.json' run2.log"
"$BIN" run job.json --restart > run3.log 2>&1; rc=$?
check "--restart on a held directory: exit 2, checkpoint untouched" \
  "[[ $rc -eq 2 ]] && grep -q 'pid $pid' run3.log && [[ -s out/checkpoint/job.json ]]"
timeout 120 "${MPIRUN[@]}" -np 2 "$BIN" run job.json > run4.log 2>&1; rc=$?
check "mpirun -np 2 on a held directory: every rank exits 2" "[[ $rc -eq 2 ]] && grep -q 'pid $pid' run4.log"
"$BIN" status out > status.log 2>&1; rc=$?
check "status while held: running, names the holder (no lock needed)" \
  "[[ $rc -eq 75 ]] && grep -q ': running' status.log && grep -q 'held by: pid $pid' status.log"
wait_pid $pid 120; rc=$?
check "the holder was not disturbed: exit 0" "[[ $rc -eq 0 ]]"
check "the holder's result equals the undisturbed one" "cmp -s out/scan.h5 ../ref/out/scan.h5"
check "a clean release empties the lock file" "[[ ! -s out/.alpscan.lock ]]"
"$BIN" status out > status2.log 2>&1; rc=$?
check "status after the run: complete" "[[ $rc -eq 0 ]] && grep -q ': complete' status2.log"

# kill -9: the kernel releases the lock; the next run takes it and resumes.
scenario crash
ALPSCAN_TEST_POINT_DELAY_US=1000 "$BIN" run job.json > run1.log 2>&1 & pid=$!
wait_chunks out 3 60
kill -9 $pid; wait $pid 2>/dev/null
"$BIN" status out > status.log 2>&1; rc=$?
check "status after kill -9: resumable" "[[ $rc -eq 75 ]] && grep -q ': resumable' status.log"
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "after kill -9 of the holder a new run takes the lock: exit 0" "[[ $rc -eq 0 ]]"
check "it says the previous holder did not release the lock" "grep -q 'pid $pid.*ended without releasing' run2.log"
check "it resumed and gives the undisturbed result" "grep -q 'resuming:' run2.log && cmp -s out/scan.h5 ../ref/out/scan.h5"
exit $fail
