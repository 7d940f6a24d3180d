#!/usr/bin/env bash
# Signals at every phase under mpirun and for one process (issue 18 item 5), and what a resume logs.
# Open MPI 4.1's mpirun, when it receives SIGTERM, sets its own exit status to 1 whatever the ranks return,
# sends SIGTERM to the ranks and SIGKILL 1 s later (odls_base_sigkill_timeout), and SIGTERM cannot be added
# to the signals it forwards (ess_base_forward_signals refuses it). So under mpirun the test checks what
# alpscan controls: the ranks' own record (run_status.json, `alpscan status`: 0 complete, 75 resumable) and
# the resumed result; mpirun's status is only printed. SIGUSR1 is forwarded: mpirun then returns the
# ranks' 75 or 0. ALPSCAN_TEST_MERGE_DELAY_MS holds rank 0 in the merge so that a signal can land there.
set -u
source "$(dirname "$0")/common.sh"
same() { cmp -s "$WORK/ref/out/scan.h5" out/scan.h5; }
# signal_at NAME SIGNAL PATTERN: starts mpirun -np 2, sends SIGNAL to mpirun when run.log matches PATTERN,
# returns mpirun's status.
signal_at() {
  "${MPIRUN[@]}" -np 2 -x ALPSCAN_TEST_MERGE_DELAY_MS "$BIN" run job.json > run1.log 2>&1 & local pid=$! i=0
  while ! grep -q "$3" run1.log 2>/dev/null && [[ $i -lt 1200 ]]; do sleep 0.05; i=$((i + 1)); done
  kill -"$2" $pid; wait_pid $pid 60
}
status_is() { "$BIN" status out > status.log 2>&1; local st=$?; [[ $st -eq $1 ]] && grep -q "out: $2" status.log; }

scenario ref
"$BIN" run job.json > run.log 2>&1
check "reference run: exit 0" "[[ $? -eq 0 ]]"

scenario term_scan
ALPSCAN_TEST_POINT_DELAY_US=1000 signal_at term_scan TERM 'identity'; rc=$?
echo "note: mpirun exit $rc after SIGTERM during the scan"
check "mpirun + SIGTERM during the scan: ranks record 'incomplete' (75), status resumable" \
  "grep -q 'stopped by signal 15' run1.log && grep -q '\"exit_code\": 75' out/run_status.json && status_is 75 resumable"
"$BIN" run job.json > run2.log 2>&1
check "... and the resume completes, identical" "[[ $? -eq 0 ]] && same"

scenario term_merge
ALPSCAN_TEST_MERGE_DELAY_MS=3000 signal_at term_merge TERM 'scan complete'; rc=$?
echo "note: mpirun exit $rc after SIGTERM during the merge"
check "mpirun + SIGTERM during the merge: not complete, resumable, says the run was killed" \
  "status_is 75 resumable && grep -q 'ended without recording its end' status.log"
"$BIN" run job.json > run2.log 2>&1
check "... and the next run only merges: identical" "[[ $? -eq 0 ]] && grep -q ' 0 chunks computed now' run2.log && same"

scenario usr1_merge
ALPSCAN_TEST_MERGE_DELAY_MS=2000 signal_at usr1_merge USR1 'scan complete'; rc=$?
check "mpirun + SIGUSR1 during the merge: the merge finishes, exit 0, complete" \
  "[[ $rc -eq 0 ]] && grep -q 'merging and publishing anyway' run1.log && status_is 0 complete && same"

scenario term_done
signal_at term_done TERM 'results:'; rc=$?
echo "note: mpirun exit $rc after SIGTERM just after completion"
check "mpirun + SIGTERM just after completion: status complete (0), result intact" "status_is 0 complete && same"

# README's batch-script idiom: the script turns its SIGTERM into SIGUSR1 for mpirun and returns 75.
scenario wrapper
cat > wrapper.sh <<SH
${MPIRUN[*]} -np 2 "$BIN" run job.json & pid=\$!
trap 'kill -USR1 \$pid' TERM
wait \$pid; rc=\$?; [ \$rc -gt 128 ] && { wait \$pid; rc=\$?; }
exit \$rc
SH
ALPSCAN_TEST_POINT_DELAY_US=1000 bash wrapper.sh > run1.log 2>&1 & pid=$!
wait_chunks out 20 60
kill -TERM $pid; wait_pid $pid 60; rc=$?
check "batch script forwarding its SIGTERM as SIGUSR1 to mpirun: exit 75, resumable" "[[ $rc -eq 75 ]] && status_is 75 resumable"

scenario one_merge
ALPSCAN_TEST_MERGE_DELAY_MS=2000 "$BIN" run job.json > run1.log 2>&1 & pid=$!
i=0; while ! grep -q 'scan complete' run1.log && [[ $i -lt 1200 ]]; do sleep 0.05; i=$((i + 1)); done
kill -TERM $pid; wait_pid $pid 60; rc=$?
check "one process + SIGTERM during the merge: exit 0, complete" \
  "[[ $rc -eq 0 ]] && grep -q 'results are complete: exit 0' run1.log && status_is 0 complete && same"

# What a resume logs: a corrupt chunk by name, and the temporaries a killed writer left (removed).
f=out/checkpoint/u5.bin
printf 'garbage' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
touch out/checkpoint/u7.bin.tmp.999999
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "resume log names the corrupt chunk and recomputes it" \
  "[[ $rc -eq 0 ]] && grep -q 'u5.bin: CRC mismatch (corrupt); chunk 5 is recomputed' run2.log && grep -q ' 1 chunks computed now' run2.log"
check "resume log counts the stale temporary, which is gone" \
  "grep -q 'checkpoint: removed 1 temporary file' run2.log && [[ ! -e out/checkpoint/u7.bin.tmp.999999 ]] && same"
exit $fail
