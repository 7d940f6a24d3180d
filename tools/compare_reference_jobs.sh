#!/usr/bin/env bash
# Runs every job in jobs/ with a baseline alpscan and with this checkout's build, and compares the
# scan.h5 files bit for bit (tools/compare_scans.py: everything but the build's revision, version and code hash).
# A refactor must leave every map unchanged; a difference must be a fixed bug, named in the commit.
#
# usage: tools/compare_reference_jobs.sh BASELINE_ALPSCAN [BASELINE_DATA_DIR]
#   BASELINE_ALPSCAN   a binary built from the revision to compare with (e.g. a copy of build/alpscan
#                      made before the change); BASELINE_DATA_DIR its data/experiments (default: this one)
# Environment: ALPSCAN (default build/alpscan), WORK (default a temporary directory, kept).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=$(realpath "$1")
base_data=$(realpath "${2:-data/experiments}")
new=$(realpath "${ALPSCAN:-build/alpscan}")
work=${WORK:-$(mktemp -d /tmp/alpscan-compare.XXXXXX)}
mkdir -p "$work/baseline" "$work/new"
status=0
for job in "$root"/jobs/*.json; do
  name=$(basename "$job" .json)
  (cd "$work/baseline" && ALPSCAN_DATA_DIR=$base_data "$base" run "$job" --restart > "$name.log" 2>&1) \
    || { echo "$name: baseline run failed (see $work/baseline/$name.log)"; status=1; continue; }
  t0=$(date +%s.%N)
  (cd "$work/new" && ALPSCAN_DATA_DIR=$root/data/experiments "$new" run "$job" --restart > "$name.log" 2>&1) \
    || { echo "$name: run failed (see $work/new/$name.log)"; status=1; continue; }
  t1=$(date +%s.%N)
  dir=$(/usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j.get('output','out/'+j['name']))" "$job")
  if /usr/bin/python3 tools/compare_scans.py "$work/baseline/$dir/scan.h5" "$work/new/$dir/scan.h5" > "$work/$name.diff"; then
    printf '%-22s identical   (%.1f s)\n' "$name" "$(echo "$t1 - $t0" | bc)"
  else
    printf '%-22s DIFFERENT   see %s\n' "$name" "$work/$name.diff"; head -5 "$work/$name.diff"; status=1
  fi
done
echo "runs kept in $work"
exit $status
