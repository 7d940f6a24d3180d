#!/usr/bin/python3
"""Which bound dominates where: for one plane of an alpscan result, the strongest excluding experiment
(lowest excluded coupling) at each mass, among the limits and, separately, the projections and the
model-consistency conditions (theory_bound, e.g. the bandpass UV completion).

usage: scripts/dominant_bound.py RESULT_DIR PLANE [M1 M2 ...]     (masses in eV; default: each decade)
Reads the plane's curve files and their sidecars (kind) only; preferred regions (g-2) are skipped.
Prints one line per mass: m_a, the strongest limit and its lower edge, the strongest projection, and the
consistency condition.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limit_at import crossings, load_polygons  # noqa: E402


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    result, plane = sys.argv[1], sys.argv[2]
    summary = json.load(open(os.path.join(result, "summary.json")))
    planes = {p["name"]: p for p in summary["planes"]}
    if plane not in planes:
        print(f"{result}: no plane {plane} (planes: {', '.join(planes)})", file=sys.stderr)
        return 2
    groups = {"limit": {}, "projection": {}, "consistency": {}}
    for name, rel in planes[plane]["curves"].items():
        if name in ("combined",) or name.startswith(("union", "qcd_")):
            continue
        side = json.load(open(os.path.join(result, rel[:-4] + ".json")))
        if side.get("role") == "preferred_region":
            continue
        kind = "consistency" if "condition" in side else side.get("kind", "limit")  # theory_bound sidecars name it
        groups.setdefault(kind, {})[name] = load_polygons(os.path.join(result, rel))
    if len(sys.argv) > 3:
        masses = [float(m) for m in sys.argv[3:]]
    else:
        lo, hi = (math.log10(v) for v in (summary["axes"]["m_a"]["min"], summary["axes"]["m_a"]["max"]))
        # each decade inside the scanned range (the grid's end points nudged inwards: a polygon edge lies there)
        masses = [min(max(10.0 ** k, 10 ** lo * 1.001), 10 ** hi / 1.001) for k in range(math.ceil(lo), math.floor(hi) + 1)]

    def strongest(polys_by_name, m):
        best = None
        for name, polys in polys_by_name.items():
            c = crossings(polys, m)
            if c and (best is None or c[0] < best[1]):
                best = (name, c[0])
        return f"{best[0]} {best[1]:.3g}" if best else "-"

    print(f"# {result} plane {plane}: strongest lower edge [coupling unit of the plane] per m_a [eV]")
    print(f"{'m_a':>9}  {'limit':<34} {'projection':<28} consistency")
    for m in masses:
        print(f"{m:9.3g}  {strongest(groups['limit'], m):<34} {strongest(groups['projection'], m):<28} "
              f"{strongest(groups['consistency'], m)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
