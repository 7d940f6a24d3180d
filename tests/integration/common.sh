# Shared helpers for the integration tests: a scratch copy of a job with its own output
# directory, mpirun flags for root and oversubscription, and bounded waits.
BIN=$1 SRC=$2 MPIEXEC=${3:-mpirun}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export ALPSCAN_TEST_POINT_DELAY_US=${ALPSCAN_TEST_POINT_DELAY_US:-0}
export ALPSCAN_DATA_DIR=${ALPSCAN_DATA_DIR:-$SRC/data/experiments}
MPIRUN=("$MPIEXEC" --oversubscribe -x ALPSCAN_TEST_POINT_DELAY_US -x ALPSCAN_DATA_DIR)
WORK=$(mktemp -d /tmp/alpscan-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
# scenario NAME [JOB]: a fresh directory $WORK/NAME holding job.json = tests/jobs/JOB.json
# (default small_passat) with "output": "out". Every scenario runs the byte-identical job file
# from its own directory, so their results must be byte-identical too.
scenario() {
  mkdir -p "$WORK/$1"
  /usr/bin/python3 - "$SRC/tests/jobs/${2:-small_passat}.json" "$WORK/$1/job.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); j["output"] = "out"
json.dump(j, open(sys.argv[2], "w"), indent=1)
PY
  cd "$WORK/$1"
}
# wait_pid PID SECONDS: wait at most SECONDS for PID; kill -9 it on timeout. Returns its status.
wait_pid() {
  local pid=$1 t=$2 i=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.1; i=$((i + 1))
    if [[ $i -ge $((t * 10)) ]]; then kill -9 "$pid" 2>/dev/null; echo "timeout waiting for $pid" >&2; fi
  done
  wait "$pid"
}
# wait_chunks DIR N SECONDS: wait until the manifest has >= N entries
wait_chunks() {
  local i=0
  while [[ $(cat "$1/checkpoint/manifest.jsonl" 2>/dev/null | wc -l) -lt $2 ]]; do
    sleep 0.05; i=$((i + 1)); [[ $i -ge $(($3 * 20)) ]] && return 1
  done
  return 0
}
