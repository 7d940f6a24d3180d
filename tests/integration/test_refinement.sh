#!/usr/bin/env bash
# Adaptive refinement end to end (issue 17 item 1): a refined job gives the full grid's maps and curves
# (every experiment, union, combined; a 2-D photon plane with LSW coherence stripes, dumps, a binned
# likelihood, and a 3-D job with sub-grid experiments, the g-2 bands and a profiled plane), with far
# fewer evaluations; the result is byte-identical for 1 and 2 ranks and after interruptions.
source "$(dirname "$0")/common.sh"
# compare FULL REFINED (tools/compare_refinement.py): every flag, band and global map the same; every
# curve vertex within one fine grid cell of the other run's curve; refinement did refine (>= 3x).
compare() { /usr/bin/python3 "$SRC/tools/compare_refinement.py" "$1" "$2"; }
for job in small_refinement small_refinement_g2; do
  scenario "$job-full" "$job"
  /usr/bin/python3 -c "import json; j = json.load(open('job.json')); del j['refinement']; json.dump(j, open('job.json', 'w'))"
  "$BIN" run job.json > run.log 2>&1; rc=$?
  check "$job: the full grid runs" "[[ $rc -eq 0 ]]"
  scenario "$job-1" "$job"
  "$BIN" run job.json > run.log 2>&1; rc=$?
  check "$job: the refined job runs and logs its batches" "[[ $rc -eq 0 ]] && grep -q 'refinement batch 2:' run.log && grep -q 'adaptive refinement: .* fewer' run.log"
  check "$job: refined maps and curves are the full grid's (flags identical, curves within one fine cell)" \
    "compare '$WORK/$job-full/out' '$WORK/$job-1/out'"
  check "$job: scan.h5 marks evaluated and inferred points" "/usr/bin/python3 -c \"
import h5py; f = h5py.File('out/scan.h5')
e = [f['experiments'][n]['evaluated'][()] for n in f['experiments']]
assert all(0 < x.sum() < x.size for x in e) and f.attrs['refinement_coarse_step'] > 1 and 'evaluated_all' in f['maps']\""
  scenario "$job-2" "$job"
  "${MPIRUN[@]}" -np 2 "$BIN" run job.json > run.log 2>&1; rc=$?
  check "$job: two ranks give a byte-identical scan.h5" \
    "[[ $rc -eq 0 ]] && /usr/bin/python3 '$SRC/tools/compare_scans.py' '$WORK/$job-1/out/scan.h5' out/scan.h5"
done
# Interrupted in the middle of the refinement batches (a few chunks per invocation), then resumed:
# the same batches are replayed from the checkpoint and the result is byte-identical.
scenario resume small_refinement_g2
n=0; rc=75
while [[ $rc -eq 75 && $n -lt 40 ]]; do "$BIN" run job.json --max-chunks 7 > run$n.log 2>&1; rc=$?; n=$((n + 1)); done
"$BIN" status out > status.log 2>&1; src=$?
check "status of a finished refined run: the coarse grid and the refinement batches' chunks" \
  "[[ $src -eq 0 ]] && grep -q 'coarse grid: chunks:' status.log && grep -Eq 'refinement batches: [1-9][0-9]* chunks' status.log"
check "interrupted every 7 chunks ($n invocations), resumed to completion" "[[ $rc -eq 0 && $n -gt 3 ]] && grep -q 'resuming' run1.log"
check "the resumed result is byte-identical to the uninterrupted one" \
  "/usr/bin/python3 '$SRC/tools/compare_scans.py' '$WORK/small_refinement_g2-1/out/scan.h5' out/scan.h5"
# plan says what refinement will do; a bad coarse step is refused.
scenario plan small_refinement
"$BIN" plan job.json > plan.log 2>&1
check "plan shows the coarse grid and the full grid's evaluations" "grep -q 'adaptive refinement: the evaluations above are the coarse grid (every 8th point' plan.log"
exit $fail
