#!/usr/bin/env bash
# Hostile input that cannot be a static file of tests/bad_jobs (issue 18 item 4): a FIFO, a directory or
# a device as the job; a 200 KB file nested 1e5 levels deep; a job larger than the size limit; output
# paths under a regular file, on /proc, unwritable or longer than PATH_MAX; data files with duplicate
# keys, overflowing numbers, deep nesting or a FIFO in place of the file; a plan-memory limit from the
# environment; SIGTERM while a huge plan is being built. Every case: exit 2 (75 for the signal) from both
# `validate` and `run`, a message naming the file and the key, within a timeout (a hang fails the test).
source "$(dirname "$0")/common.sh"
cd "$WORK"
head='"format": "alpscan-job/1", "parameters": {"m_a": {"value": 1}}'

# expect_refusal NAME JOB PATTERN...: validate and run both exit 2 within 20 s, printing each PATTERN
# (the first names the file and the key: "<file>: <JSON pointer>: ...")
expect_refusal() {
  local name=$1 job=$2; shift 2
  for cmd in validate run; do
    out=$(timeout 20 "$BIN" $cmd "$job" 2>&1); rc=$?
    local ok=1
    [[ $rc -eq 2 ]] || ok=0
    for p in "$@"; do grep -qF -- "$p" <<<"$out" || ok=0; done
    check "$name ($cmd)" "[[ $ok -eq 1 ]]"
    [[ $ok -eq 1 ]] || echo "  exit $rc: $out" | head -c 1000
  done
}

# --- the job file itself ---
mkfifo fifo.json
expect_refusal "a FIFO as the job file does not block" "$WORK/fifo.json" "$WORK/fifo.json: /: expected a regular file, found a FIFO (named pipe)"
mkdir dir.json
expect_refusal "a directory as the job file" "$WORK/dir.json" "$WORK/dir.json: /: expected a regular file, found a directory"
expect_refusal "a device as the job file" /dev/zero "/dev/zero: /: expected a regular file, found a character device"
/usr/bin/python3 -c "print('[' * 100000 + ']' * 100000)" > deep_arrays.json
expect_refusal "1e5 nested arrays (200 KB)" "$WORK/deep_arrays.json" "$WORK/deep_arrays.json: /0/0/0/0" "nesting deeper than 64 levels"
/usr/bin/python3 -c "print('{\"format\": \"alpscan-job/1\", \"description\": ' + '{\"a\": ' * 100000 + '1' + '}' * 100000 + '}')" > deep_objects.json
expect_refusal "1e5 nested objects, the key named" "$WORK/deep_objects.json" "$WORK/deep_objects.json: /description/a/a/a/a" "nesting deeper than 64 levels"
{ printf '{%s, "experiments": ["passat_nomad"], "description": "' "$head"; head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' x; printf '"}'; } > big.json
expect_refusal "a job above the 16 MiB size limit" "$WORK/big.json" "$WORK/big.json: /: file of" "is larger than the limit of 16777216 bytes"

# many problems: linear time, a bounded list (the first 1000, then a count)
/usr/bin/python3 -c "
import json
print(json.dumps({'format': 'alpscan-job/1', 'parameters': {'m_a': {'scale': 'log', 'min': 1, 'max': 10, 'points': 3}, 'g_agg': {'scale': 'log', 'min': 1e-6, 'max': 1e-4, 'points': 3}}, 'experiments': ['passat_nomad'], 'planes': [{'x': 'm_a', 'y': 'g_agg'}] * 20000}))" > planes.json
expect_refusal "20000 copies of one plane" "$WORK/planes.json" "$WORK/planes.json: /planes/1000: the plane m_a__g_agg is given twice" "... and 18999 more problem(s), not listed"
/usr/bin/python3 -c "print('{\"format\": \"alpscan-job/1\", \"parameters\": {\"m_a\": 1}, \"experiments\": [\"' + 'x' * 2000000 + '\"]}')" > longname.json
expect_refusal "a 2 MB experiment name" "$WORK/longname.json" "$WORK/longname.json: /experiments/0: unknown experiment or group"

# --- output paths ---
echo "a file" > plain
printf '{%s, "experiments": ["passat_nomad"], "output": "%s"}' "$head" "$WORK/plain/out" > under_file.json
expect_refusal "output under a regular file" "$WORK/under_file.json" "$WORK/under_file.json: /output: the output directory \"$WORK/plain/out\" would be created in \"$WORK/plain\", which is not a directory"
printf '{%s, "experiments": ["passat_nomad"], "output": "/proc/alpscan-out"}' "$head" > proc.json
expect_refusal "output on /proc (permission bits do not stop root)" "$WORK/proc.json" "$WORK/proc.json: /output:" "on /proc, a kernel pseudo file system"
long=$(/usr/bin/python3 -c "print('/'.join(['d' * 200] * 21))")
printf '{%s, "experiments": ["passat_nomad"], "output": "%s"}' "$head" "$long" > long.json
expect_refusal "output longer than PATH_MAX" "$WORK/long.json" "$WORK/long.json: /output: the output path has 4220 bytes; at most"
if [[ $(id -u) -ne 0 ]]; then  # root writes through permission bits: covered by /proc above
  mkdir locked && chmod 500 locked
  printf '{%s, "experiments": ["passat_nomad"], "output": "%s"}' "$head" "$WORK/locked/out" > locked.json
  expect_refusal "output in an unwritable directory" "$WORK/locked.json" "$WORK/locked.json: /output:" "is not writable"
else
  echo "skip unwritable directory (running as root: permission bits do not stop writes)"
fi
# the default output out/<name> cannot escape: the name is a safe word
printf '{%s, "experiments": ["passat_nomad"], "name": "../../escape"}' "$head" > escape.json
expect_refusal "a job name climbing out of out/" "$WORK/escape.json" "$WORK/escape.json: /name: expected a name of letters"
check "nothing written outside the working directory" "[[ ! -e $WORK/../escape && ! -e $WORK/out ]]"

# --- experiment data files: the same loader, errors naming the data file and the key ---
data_case() {  # data_case NAME PATTERN...: a data directory whose passat_nomad.json was made hostile by the caller
  printf '{%s, "experiments": ["passat_nomad"], "data_dir": "%s"}' "$head" "$WORK/data_$1" > "data_$1.json"
  local name=$1; shift
  expect_refusal "data file: $name" "$WORK/data_$name.json" "$WORK/data_$name/passat_nomad.json: $1" "${@:2}"
}
orig=$SRC/data/experiments/passat_nomad.json
mkdir data_dup data_overflow data_deep data_fifo
sed '0,/"kind": "limit",/s//"kind": "limit", "kind": "projection",/' "$orig" > data_dup/passat_nomad.json
data_case dup '/kind: key "kind" given twice in one object'
sed '0,/"value": 272,/s//"value": 272e400,/' "$orig" > data_overflow/passat_nomad.json
data_case overflow "/counting/background/value: number out of the range of a double"
/usr/bin/python3 - "$orig" data_deep/passat_nomad.json <<'PY'
import sys
t = open(sys.argv[1]).read().rstrip().rstrip('}')
open(sys.argv[2], "w").write(t + ', "zz_deep": ' + '[' * 100000 + ']' * 100000 + '}')
PY
data_case deep "/zz_deep/0/0/0" "nesting deeper than 64 levels"
mkfifo data_fifo/passat_nomad.json
data_case fifo "/: expected a regular file, found a FIFO"

# --- the plan's memory: a limit from the environment, and a bad value of it ---
printf '{"format": "alpscan-job/1", "parameters": {"m_a": {"scale": "log", "min": 1, "max": 1e3, "points": 1000}, "g_agg": {"scale": "log", "min": 1e-9, "max": 1e-3, "points": 1000}}, "experiments": ["passat_nomad"], "output": "mem_out"}' > mem.json
ALPSCAN_MAX_PLAN_BYTES=1M expect_refusal "plan memory above ALPSCAN_MAX_PLAN_BYTES" "$WORK/mem.json" "$WORK/mem.json: /parameters: the grid needs at least" "more than the limit of 1.05 MB (ALPSCAN_MAX_PLAN_BYTES)"
out=$(ALPSCAN_MAX_PLAN_BYTES=1G timeout 20 "$BIN" validate mem.json 2>&1); rc=$?
check "the same grid within a raised limit is valid" "[[ $rc -eq 0 ]]"
out=$(ALPSCAN_MAX_PLAN_BYTES=lots timeout 20 "$BIN" validate mem.json 2>&1); rc=$?
check "a malformed ALPSCAN_MAX_PLAN_BYTES is an input error" "[[ $rc -eq 2 ]] && grep -qF 'ALPSCAN_MAX_PLAN_BYTES: expected a number of bytes' <<<\"\$out\""

# --- signals stay live while a huge plan is built: 2e6 one-point chunks take many seconds to plan and
# check; SIGTERM then ends the run at once, resumable, instead of after the planning ---
printf '{"format": "alpscan-job/1", "chunk_size": 1, "parameters": {"m_a": {"scale": "log", "min": 1, "max": 1e3, "points": 2000}, "g_agg": {"scale": "log", "min": 1e-9, "max": 1e-3, "points": 1000}}, "experiments": ["passat_nomad"], "output": "huge_out"}' > huge.json
for sig in TERM USR1; do
  rm -rf huge_out
  "$BIN" run huge.json > huge.log 2>&1 & pid=$!
  for i in $(seq 1 200); do grep -q "run identity" huge.log && break; sleep 0.05; done  # planned; checking chunks
  sleep 0.3
  kill -$sig $pid; t0=$(date +%s%N)
  wait_pid $pid 30; rc=$?
  ms=$((($(date +%s%N) - t0) / 1000000))
  check "SIG$sig while planning: exit 75 within 2 s (took $ms ms, exit $rc)" "[[ $rc -eq 75 && $ms -lt 2000 ]] && grep -qF 'stopped by a signal while' huge.log"
done

# --- a job that only another rank refuses (here: a node with a smaller memory limit): every rank leaves
# with 2 and that rank's problem is printed, instead of rank 0 waiting forever in the next collective ---
out=$(timeout 60 "$MPIEXEC" --oversubscribe -np 1 -x ALPSCAN_DATA_DIR "$BIN" run mem.json : \
      -np 1 -x ALPSCAN_DATA_DIR -x ALPSCAN_MAX_PLAN_BYTES=1K "$BIN" run mem.json 2>&1); rc=$?
check "a job refused by rank 1 only: exit 2, no hang, the rank's problem printed" \
  "[[ $rc -eq 2 ]] && grep -qF 'rank 1 (not rank 0) refuses the job' <<<\"\$out\" && grep -qF 'limit of 1.02 KB' <<<\"\$out\""

[[ $fail -eq 0 ]] && echo "hostile input: all checks passed"
exit $fail
