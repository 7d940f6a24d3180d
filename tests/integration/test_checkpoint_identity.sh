#!/usr/bin/env bash
# Checkpoint identity (issue 18 item 1): a checkpoint resumes only under the same job, the same data
# file contents and the same code. An edited data file is refused; a moved data directory with the same
# contents resumes; a lost checkpoint/job.json keeps every chunk whose own identity matches; the code hash
# changes with any source edit (also uncommitted ones) and not with the checkout's location.
set -u
source "$(dirname "$0")/common.sh"
BUILD=$(dirname "$BIN")

scenario id
"$BIN" run job.json > run1.log 2>&1; rc=$?
check "first run: exit 0" "[[ $rc -eq 0 ]]"
cp out/scan.h5 first.h5

# The same data in another directory: the identity covers file names and contents, not paths.
cp -r "$ALPSCAN_DATA_DIR" "$WORK/data"
rm out/scan.h5
ALPSCAN_DATA_DIR=$WORK/data "$BIN" run job.json > run2.log 2>&1; rc=$?
check "moved data directory, same contents: resumes everything" \
  "[[ $rc -eq 0 ]] && grep -q ' 0 chunks computed now' run2.log && cmp -s out/scan.h5 first.h5"

# One number of a data file the job reads is changed: the old chunks must not be used.
/usr/bin/python3 - "$WORK/data/passat_nomad.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); j["counting"]["background"]["value"] = 100
json.dump(j, open(sys.argv[1], "w"), indent=1)
PY
# The output directory also holds files of the user's whose names contain ".tmp.": never alpscan's to delete.
echo mine > out/notes.tmp.txt; mkdir -p out/mydata.tmp.d && echo mine > out/mydata.tmp.d/x
echo stale > out/summary.json.tmp.99999   # a temporary of a killed alpscan: removed, but only by an accepted run
before=$(cd out && find . -type f | sort | xargs sha256sum)
ALPSCAN_DATA_DIR=$WORK/data "$BIN" run job.json > run3.log 2>&1; rc=$?
check "edited data file: refused with exit 2" "[[ $rc -eq 2 ]] && grep -q 'different job, data files or code' run3.log"
check "edited data file: nothing in the output directory touched" \
  "[[ \"\$(cd out && find . -type f | sort | xargs sha256sum)\" == \"\$before\" ]]"

# checkpoint/job.json lost: rewritten, every chunk (all carry this run's identity) kept.
rm out/checkpoint/job.json out/scan.h5
"$BIN" run job.json > run4.log 2>&1; rc=$?
check "lost job.json: exit 0, warned, nothing recomputed, same map" \
  "[[ $rc -eq 0 ]] && grep -q 'job.json is missing' run4.log && grep -q ' 0 chunks computed now' run4.log && cmp -s out/scan.h5 first.h5"
check "an accepted run removes its own stale temporary, not the user's *.tmp.* files" \
  "[[ ! -e out/summary.json.tmp.99999 && -f out/notes.tmp.txt && -f out/mydata.tmp.d/x ]]"

# job.json damaged (truncated): the same.
head -c 20 out/checkpoint/job.json > j.tmp && mv j.tmp out/checkpoint/job.json
rm out/scan.h5
"$BIN" run job.json > run5.log 2>&1; rc=$?
check "damaged job.json: exit 0, warned, nothing recomputed" \
  "[[ $rc -eq 0 ]] && grep -q 'is damaged' run5.log && grep -q ' 0 chunks computed now' run5.log && cmp -s out/scan.h5 first.h5"

# The chunks of another job copied in (same grid, other confidence level, so other identity) with
# the job.json lost: none is adopted.
scenario other
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("job.json")); j["confidence_level"] = 0.9
json.dump(j, open("job.json", "w"))
PY
"$BIN" run job.json > /dev/null 2>&1
cd "$WORK/id"
rm out/checkpoint/u*.bin out/checkpoint/job.json out/scan.h5
cp "$WORK/other/out/checkpoint/"u*.bin out/checkpoint/
"$BIN" run job.json > run6.log 2>&1; rc=$?
check "another job's chunks under a lost job.json: all recomputed, same map as the first run" \
  "[[ $rc -eq 0 ]] && grep -q 'another run' run6.log && ! grep -q ' 0 chunks computed now' run6.log && grep -q ' 0 resumed' run6.log && cmp -s out/scan.h5 first.h5"

# The result records the code that computed it.
hash=$("$BIN" version | sed -n 's/.*code \([0-9a-f]*\)).*/\1/p')
check "scan.h5 and summary.json carry the code hash of 'alpscan version'" \
  "[[ -n '$hash' ]] && /usr/bin/python3 -c \"import h5py,json,sys; f=h5py.File('out/scan.h5'); a=f.attrs['code_hash']; a=a.decode() if isinstance(a,bytes) else a; sys.exit(0 if a=='$hash' and json.load(open('out/summary.json'))['code_hash']=='$hash' else 1)\""

# The code hash: the same sources elsewhere give the same hash; one changed byte in one source a new one.
code_hash() {  # code_hash SOURCE_DIR
  cmake -DSOURCE_DIR="$1" -DLIST_FILE="$BUILD/generated/hashed_sources.txt" -DCOMPILER=test \
        -DOUTPUT="$WORK/h.cpp" -P "$SRC/cmake/HashSources.cmake" && sed -n 's/.*return "\([0-9a-f]*\)".*/\1/p' "$WORK/h.cpp"
}
mkdir -p "$WORK/tree"
(cd "$SRC" && tar cf - src include cmake CMakeLists.txt) | (cd "$WORK/tree" && tar xf -)
h0=$(code_hash "$SRC"); h1=$(code_hash "$WORK/tree")
printf '\n// an uncommitted edit\n' >> "$WORK/tree/src/physics/EmCascade.cpp"
h2=$(code_hash "$WORK/tree")
check "code hash: location-independent, changed by a one-line edit" "[[ -n '$h0' && '$h0' == '$h1' && '$h1' != '$h2' ]]"
exit $fail
