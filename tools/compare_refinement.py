#!/usr/bin/python3
"""Compare a refined alpscan result with the same job on the full grid (issue 17 item 1).

usage: tools/compare_refinement.py FULL_OUTPUT_DIR REFINED_OUTPUT_DIR [--min-ratio R]
Checks that every per-experiment flag and band (every uint8 dataset of /experiments/<name>) and every
global map (excluded_any, excluded_any_limit, combined_excluded) is identical, and that every vertex of
every curve of every plane lies within one fine grid cell (in index space, log axes) of the other run's
curve, both ways. Prints the evaluations, batches and the worst curve distance; exits 1 on a difference
or when the refined run did not save at least R times the evaluations (default 3). Used by
tests/integration/test_refinement.sh and tools/compare_refinement_jobs.sh.
"""
import json, sys, h5py, numpy as np
full, ref = sys.argv[1], sys.argv[2]
min_ratio = float(sys.argv[sys.argv.index("--min-ratio") + 1]) if "--min-ratio" in sys.argv else 3.0
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
    rows = [l for l in open(path) if l.strip() and not l.startswith("#")]
    if not rows: return np.zeros((0, 2))  # no excluded region on this plane
    pts = np.loadtxt(rows, ndmin=2)
    return np.stack([np.interp(np.log(pts[:, 0]), x, np.arange(len(x))), np.interp(np.log(pts[:, 1]), y, np.arange(len(y)))], 1)
def farthest(p, q):
    """The largest distance from a vertex of p to the nearest vertex of q (in blocks: bounded memory)."""
    step = max(1, 20_000_000 // (2 * len(q)))
    return max(np.sqrt(((p[i:i + step, None, :] - q[None, :, :]) ** 2).sum(-1).min(1)).max() for i in range(0, len(p), step))
worst = 0.0
for pa in sa["planes"]:
    pb = [p for p in sb["planes"] if p["name"] == pa["name"]][0]
    files = dict(pa["curves"]); [files.update({f"{e}_{k}": v for k, v in d.items()}) for e, d in pa.get("band_curves", {}).items()]
    filesb = dict(pb["curves"]); [filesb.update({f"{e}_{k}": v for k, v in d.items()}) for e, d in pb.get("band_curves", {}).items()]
    for name, f in files.items():
        ca, cb = index_space(full + "/" + f, pa), index_space(ref + "/" + filesb[name], pa)
        if len(ca) == 0 and len(cb) == 0: continue
        if len(ca) == 0 or len(cb) == 0: bad.append(f"{name}: a curve on one side only"); continue
        d = max(farthest(ca, cb), farthest(cb, ca))
        worst = max(worst, d)
        if d > 1.0: bad.append(f"{pa['name']}/{name}: a vertex {d:.2f} grid cells from the full grid's curve")
r = sb["refinement"]
print(f"refined: {r['evaluations']} of {r['full_grid_evaluations']} evaluations in {r['batches']} batches; worst curve distance {worst:.3f} cells")
if min_ratio * r["evaluations"] > r["full_grid_evaluations"]: bad.append(f"only {r['full_grid_evaluations'] / r['evaluations']:.1f}x fewer evaluations")
for b in bad: print("DIFFERENT:", b)
sys.exit(1 if bad else 0)
