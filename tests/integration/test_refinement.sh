#!/usr/bin/env bash
# Adaptive refinement end to end (issue 17 item 1): a refined job gives the full grid's maps and curves
# (every experiment, union, combined; a 2-D photon plane with LSW coherence stripes, dumps, a binned
# likelihood, and a 3-D job with sub-grid experiments, the g-2 bands and a profiled plane), with far
# fewer evaluations; the result is byte-identical for 1 and 2 ranks and after interruptions.
source "$(dirname "$0")/common.sh"
# compare FULL REFINED: every per-experiment flag, band and global map the same; every curve vertex
# within one fine grid cell of the other run's curve (in index space), both ways.
compare() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys, h5py, numpy as np
full, ref = sys.argv[1], sys.argv[2]
a, b = h5py.File(full + "/scan.h5"), h5py.File(ref + "/scan.h5")
bad = []
for n in a["experiments"]:
    ga, gb = a["experiments"][n], b["experiments"][n]
    flags = []  # every 0/1 dataset of the experiment: its flag and its bands
    ga.visititems(lambda k, o: flags.append(k) if isinstance(o, h5py.Dataset) and o.dtype == np.uint8 and k != "evaluated" else None)
    for d in flags:
        if not np.array_equal(ga[d][()], gb[d][()]):
            bad.append(f"{n}/{d}: {int(np.sum(ga[d][()] != gb[d][()]))} points differ")
    assert "excluded" in flags
for d in ("excluded_any", "excluded_any_limit", "combined_excluded"):
    if not np.array_equal(a["maps"][d][()], b["maps"][d][()]): bad.append("maps/" + d)
sa, sb = json.load(open(full + "/summary.json")), json.load(open(ref + "/summary.json"))
def index_space(path, plane):
    x, y = np.log(a["axes"][plane["x"]][()]), np.log(a["axes"][plane["y"]][()])
    pts = np.loadtxt(path, ndmin=2)
    if pts.size == 0: return np.zeros((0, 2))
    return np.stack([np.interp(np.log(pts[:, 0]), x, np.arange(len(x))), np.interp(np.log(pts[:, 1]), y, np.arange(len(y)))], 1)
worst = 0.0
for pa in sa["planes"]:
    pb = [p for p in sb["planes"] if p["name"] == pa["name"]][0]
    files = dict(pa["curves"]); [files.update({f"{e}_{k}": v for k, v in d.items()}) for e, d in pa.get("band_curves", {}).items()]
    filesb = dict(pb["curves"]); [filesb.update({f"{e}_{k}": v for k, v in d.items()}) for e, d in pb.get("band_curves", {}).items()]
    for name, f in files.items():
        ca, cb = index_space(full + "/" + f, pa), index_space(ref + "/" + filesb[name], pa)
        if len(ca) == 0 and len(cb) == 0: continue
        if len(ca) == 0 or len(cb) == 0: bad.append(f"{name}: a curve on one side only"); continue
        d = max(np.sqrt(((ca[:, None, :] - cb[None, :, :]) ** 2).sum(-1)).min(1).max(),
                np.sqrt(((cb[:, None, :] - ca[None, :, :]) ** 2).sum(-1)).min(1).max())
        worst = max(worst, d)
        if d > 1.0: bad.append(f"{pa['name']}/{name}: a vertex {d:.2f} grid cells from the full grid's curve")
r = sb["refinement"]
print(f"refined: {r['evaluations']} of {r['full_grid_evaluations']} evaluations in {r['batches']} batches; worst curve distance {worst:.3f} cells")
assert not bad, bad
assert 3 * r["evaluations"] < r["full_grid_evaluations"], r  # refinement did refine (9x and 4x at these sizes)
PY
}
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
