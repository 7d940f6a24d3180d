#!/usr/bin/env bash
# "Complete" only when everything is written (issue 18 item 3). On a full disk (a small tmpfs; needs root
# and mount(2), otherwise that part is skipped with the reason) publishing fails with exit 1 and
# "no space left on device" naming the file, no SIGSEGV at exit, status says "failed" and not "complete",
# the previously published files are untouched and no staging directory is left; with space again the
# same command completes. A --restart killed after discarding the checkpoint never leaves the previous
# job's "complete" behind; a complete run whose checkpoint/ was deleted stays complete; damaged state files
# give exit 2. Temporaries of a killed writer are removed and logged.
set -u
source "$(dirname "$0")/common.sh"

scenario ref
"$BIN" run job.json > run.log 2>&1; rc=$?
check "reference run: exit 0" "[[ $rc -eq 0 ]]"

# --- disk full while publishing ---
scenario full
mkdir -p out
if mount -t tmpfs -o size=4m tmpfs out 2>mount.err; then
  trap 'umount "$WORK/full/out" 2>/dev/null; rm -rf "$WORK"' EXIT
  "$BIN" run job.json > run1.log 2>&1; rc=$?
  check "tmpfs: first run exit 0" "[[ $rc -eq 0 ]]"
  cp out/scan.h5 first.h5; cp out/summary.json first.json
  for free_kb in 100 300; do  # scan.h5 does not fit / the curves do not fit
    avail=$(df --output=avail --block-size=1 out | tail -1)
    dd if=/dev/zero of=out/filler bs=4096 count=$(( (avail - free_kb * 1024) / 4096 )) 2>/dev/null
    "$BIN" run job.json > full$free_kb.log 2>&1; rc=$?
    check "disk full ($free_kb KB free): exit 1, not a crash" "[[ $rc -eq 1 ]]"
    check "disk full ($free_kb KB free): says no space left on device and names the file" \
      "grep -q 'cannot write out/.*: no space left on device' full$free_kb.log"
    "$BIN" status out > st$free_kb.log 2>&1; st=$?
    check "disk full ($free_kb KB free): status failed, not complete, says why" \
      "[[ $st -eq 1 ]] && grep -q ': failed' st$free_kb.log && grep -q 'no space left on device' st$free_kb.log"
    check "disk full ($free_kb KB free): published files untouched, no staging left" \
      "cmp -s out/scan.h5 first.h5 && cmp -s out/summary.json first.json && ! ls -d out/.publish.tmp.* 2>/dev/null"
    rm -f out/filler
  done
  "$BIN" run job.json > run2.log 2>&1; rc=$?
  "$BIN" status out > st.log 2>&1; st=$?
  check "space again: the same command completes" "[[ $rc -eq 0 && $st -eq 0 ]] && cmp -s out/scan.h5 ../ref/out/scan.h5"
  umount out
else
  echo "skip disk-full checks: cannot mount a tmpfs ($(cat mount.err))"
fi

# --- a chunk damaged between the scan and the merge (the merge streams the chunks back) ---
# The run stops with 1 naming the experiment and the chunk, records "failed", publishes nothing; the same
# command then recomputes that chunk (the checkpoint check at start-up) and gives the undisturbed result.
scenario damaged_chunk
ALPSCAN_TEST_MERGE_DELAY_MS=2000 "$BIN" run job.json > run1.log 2>&1 & pid=$!
for i in $(seq 600); do grep -q "scan complete" run1.log 2>/dev/null && break; sleep 0.05; done
/usr/bin/python3 - <<'PY'
p = "out/checkpoint/u3.bin"
b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0xFF
open(p, "wb").write(bytes(b))
PY
wait_pid $pid 60; rc=$?
"$BIN" status out > st1.log 2>&1; st=$?
check "chunk damaged before the merge: exit 1, names the experiment and the chunk" \
  "[[ $rc -eq 1 ]] && grep -q 'cannot merge the results: experiment .*u3.bin: CRC mismatch' run1.log"
check "chunk damaged before the merge: status failed, no result published" \
  "[[ $st -eq 1 ]] && grep -q ': failed' st1.log && [[ ! -e out/scan.h5 ]] && ! ls -d out/.publish.tmp.* 2>/dev/null"
"$BIN" run job.json > run2.log 2>&1; rc=$?
check "the same command recomputes the damaged chunk and gives the undisturbed result" \
  "[[ $rc -eq 0 ]] && grep -q 'chunk 3 is recomputed' run2.log && cmp -s out/scan.h5 ../ref/out/scan.h5"

# --- an interrupted --restart leaves no "complete" behind ---
scenario restart
"$BIN" run job.json > run1.log 2>&1
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("job.json")); j["confidence_level"] = 0.95
json.dump(j, open("job.json", "w"))
PY
ALPSCAN_TEST_POINT_DELAY_US=1000 "$BIN" run job.json --restart > run2.log 2>&1 & pid=$!
# until the restart has discarded the old checkpoint (100 chunks) and written 2 new chunks
for i in $(seq 600); do
  n=$(cat out/checkpoint/manifest.jsonl 2>/dev/null | wc -l)
  grep -q restarted out/run_status.json 2>/dev/null && [[ $n -ge 2 && $n -lt 100 ]] && break
  sleep 0.05
done
kill -9 $pid; wait $pid 2>/dev/null
"$BIN" status out > st.log 2>&1; st=$?
check "killed --restart: status resumable, not complete" "[[ $st -eq 75 ]] && grep -q ': resumable' st.log"
check "killed --restart: the old map is not listed as this run's results" "grep -q 'results of an earlier run' st.log"

# checkpoint/ deleted after a complete run (the README allows it): the mark, with scan.h5 and summary.json,
# stands on its own (every run writes "running" before it touches the checkpoint, so the mark is this run's).
scenario gone
"$BIN" run job.json > run1.log 2>&1
rm -r out/checkpoint
"$BIN" status out > st.log 2>&1; st=$?
check "complete run, checkpoint/ deleted: still complete" "[[ $st -eq 0 ]] && grep -q 'out: complete' st.log"
rm out/summary.json
"$BIN" status out > st.log 2>&1; st=$?
check "checkpoint/ deleted and summary.json missing: not complete" "[[ $st -eq 75 ]] && grep -q 'out: resumable' st.log"

# Damaged state files: a message naming the file and exit 2, never a crash (exit 1 from an exception).
scenario damaged
mkdir -p out/checkpoint
echo '{"identity":"x","units":1e18,"points":10}' > out/checkpoint/job.json
"$BIN" status out > st.log 2>&1; st=$?
check "units 1e18 in checkpoint/job.json: exit 2 naming the file and key" \
  "[[ $st -eq 2 ]] && grep -q 'checkpoint/job.json: /units' st.log"
echo '{"identity":"x","units":10,"points":10}' > out/checkpoint/job.json
echo '{"state":"running","pid":"x","host":"h"}' > out/run_status.json
"$BIN" status out > st.log 2>&1; st=$?
check "string pid in run_status.json: exit 2 naming the file and key" \
  "[[ $st -eq 2 ]] && grep -q 'run_status.json: /pid' st.log"

# --- temporaries a killed writer left are removed and logged ---
cd "$WORK/restart"
mkdir -p out/.publish.tmp.999999/curves; touch out/scan.h5.tmp.999999 out/checkpoint/u0.bin.tmp.999999
"$BIN" run job.json > run3.log 2>&1; rc=$?
check "resume after stale temporaries: exit 0" "[[ $rc -eq 0 ]]"
check "stale staging directory and temporaries removed" \
  "[[ ! -e out/.publish.tmp.999999 && ! -e out/scan.h5.tmp.999999 && ! -e out/checkpoint/u0.bin.tmp.999999 ]]"
check "the log says what was removed" \
  "grep -q 'removed 2 temporary file(s) or staging' run3.log && grep -q 'checkpoint: removed 1 temporary file' run3.log"
exit $fail
