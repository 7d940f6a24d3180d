#!/usr/bin/python3
"""Side by side: alpscan's committed results against the numbers the papers state (issue 16 item 4).

usage: scripts/compare_with_papers.py [--results DIR] [--points FILE] [--markdown] [--plots OUTDIR]

Reads data/reference/seed_points.json (each entry: a seed statement or a published number, where it
stands, and the result curve it is compared with) and, for each entry, alpscan's value from
DIR/<job>/curves/<plane>/<experiment>.txt (default DIR = results):
  lower_edge  the smallest coupling where the closed polygon(s) cross m_a (scripts/limit_at.py)
  upper_edge  the largest crossing at m_a
  mass_reach  the largest m_a of the experiment's polygons
and prints id, seed and lines, experiment, m_a, alpscan, paper, the ratio alpscan/paper and a verdict:
"agrees" when alpscan lies inside the entry's agree_range (the paper's stated precision), widened by
what the result itself can resolve -- one step of the job's mass grid for a mass reach, 5% for a
coupling edge (contours are interpolated between grid points 0.1 decade apart) -- else "alpscan
STRONGER xF" (excludes more than the paper: the worst error, flagged in capitals) or "alpscan weaker
xF". Entries calibrated or anchored to the paper's number say so: their agreement is by construction.
Nothing here is tuned; disagreements are stated in the README.

--markdown prints the README table instead of the plain one. --plots OUTDIR draws, per (job, plane)
with entries, alpscan's curves of the experiments concerned with the paper's points on top (error
bars = the stated precision), OUTDIR/<job>__<plane>.png.
Bad input (missing results, an unknown job, plane or experiment, a malformed entry): one line on
stderr naming the entry, exit 2.
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from limit_at import crossings, load_polygons  # noqa: E402

QUANTITIES = ("lower_edge", "upper_edge", "mass_reach")
COUPLING_FLOOR = 1.05   # contour interpolation between coupling grid points


class BadInput(Exception):
    pass


def parse_args(argv):
    opts = {"results": "results", "points": os.path.join(HERE, "..", "data", "reference", "seed_points.json"),
            "markdown": False, "plots": None}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--results", "--points", "--plots"):
            if i + 1 >= len(argv):
                raise BadInput(f"{a} needs a value")
            opts[a[2:]] = argv[i + 1]
            i += 2
        elif a == "--markdown":
            opts["markdown"] = True
            i += 1
        elif a in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        else:
            raise BadInput(f"unknown option {a}")
    return opts


def load_entries(path):
    try:
        d = json.load(open(path))
    except (OSError, ValueError) as e:
        raise BadInput(f"{path}: cannot read ({e})")
    entries = d.get("entries") if isinstance(d, dict) else None
    if not isinstance(entries, list) or not entries:
        raise BadInput(f"{path}: no 'entries' list")
    need = ("id", "seed", "lines", "statement", "job", "plane", "experiment", "m_a_eV", "quantity",
            "paper_value", "unit", "agree_range", "tolerance_note")
    ids = set()
    for e in entries:
        eid = e.get("id", "?")
        miss = [k for k in need if k not in e]
        if miss:
            raise BadInput(f"entry {eid}: missing {', '.join(miss)}")
        if eid in ids:
            raise BadInput(f"entry {eid}: duplicate id")
        ids.add(eid)
        if e["quantity"] not in QUANTITIES:
            raise BadInput(f"entry {eid}: unknown quantity {e['quantity']!r} (one of {', '.join(QUANTITIES)})")
        lo, hi = e["agree_range"]
        if not (0 < lo <= e["paper_value"] <= hi):
            raise BadInput(f"entry {eid}: agree_range {e['agree_range']} does not hold paper_value {e['paper_value']}")
        if e["quantity"] != "mass_reach" and not (isinstance(e["m_a_eV"], (int, float)) and e["m_a_eV"] > 0):
            raise BadInput(f"entry {eid}: {e['quantity']} needs m_a_eV > 0")
    return entries


def curve_path(results, e):
    job_dir = os.path.join(results, e["job"])
    if not os.path.isfile(os.path.join(job_dir, "summary.json")):
        raise BadInput(f"entry {e['id']}: no result {job_dir} (no summary.json)")
    plane_dir = os.path.join(job_dir, "curves", e["plane"])
    if not os.path.isdir(plane_dir):
        raise BadInput(f"entry {e['id']}: no plane {e['plane']} in {job_dir}")
    p = os.path.join(plane_dir, e["experiment"] + ".txt")
    if not os.path.isfile(p):
        raise BadInput(f"entry {e['id']}: no experiment {e['experiment']} on {e['job']}/{e['plane']}")
    return p


def mass_step(results, job):
    """Ratio between neighbouring masses of the job's (log-spaced) m_a grid."""
    ax = json.load(open(os.path.join(results, job, "summary.json")))["axes"]["m_a"]
    if ax["points"] < 2 or ax["min"] <= 0:
        return 1.0
    return (ax["max"] / ax["min"]) ** (1.0 / (ax["points"] - 1))


def alpscan_value(polys, e):
    if e["quantity"] == "mass_reach":
        return max((x for p in polys for x, _ in p), default=None)
    # a hair above m_a: at a grid node or the grid's first mass a vertical polygon edge would be
    # counted once only (limit_at's half-open rule), losing the lower edge there
    c = crossings(polys, e["m_a_eV"] * (1 + 1e-9))
    if not c:
        return None
    return c[0] if e["quantity"] == "lower_edge" else c[-1]


def verdict(e, value, step):
    if value is None:
        return "alpscan excludes nothing here"
    lo, hi = e["agree_range"]
    widen = step if e["quantity"] == "mass_reach" else COUPLING_FLOOR
    r = value / e["paper_value"]
    if lo <= value <= hi:
        return "agrees (by construction)" if e.get("by_construction") else "agrees"
    if lo / widen <= value <= hi * widen:
        what = f"mass grid step x{step:.3g}" if e["quantity"] == "mass_reach" else "contour precision 5%"
        return f"agrees within the {what}"
    stronger = r < 1 if e["quantity"] == "lower_edge" else r > 1
    f = max(r, 1 / r)
    return f"alpscan STRONGER x{f:.2g}" if stronger else f"alpscan weaker x{f:.2g}"


def evaluate(results, entries):
    rows = []
    for e in entries:
        polys = load_polygons(curve_path(results, e))
        v = alpscan_value(polys, e)
        rows.append({"n": len(rows) + 1, "e": e, "polys": polys, "value": v,
                     "ratio": v / e["paper_value"] if v is not None else float("nan"),
                     "verdict": verdict(e, v, mass_step(results, e["job"]))})
    return rows


def fmt(x):
    return "—" if x is None else f"{x:.3g}"


def where(e):
    return f"{e['seed']} {e['lines']}".strip() if e["seed"] != "external" else "ext."


def print_plain(rows):
    head = ("#", "id", "seed/lines", "experiment", "m_a [eV]", "quantity", "alpscan", "paper", "ratio", "verdict")
    table = [head] + [(r["n"], r["e"]["id"], where(r["e"]), r["e"]["experiment"],
                       fmt(r["e"]["m_a_eV"]) if r["e"]["quantity"] != "mass_reach" else "—",
                       r["e"]["quantity"], fmt(r["value"]), fmt(r["e"]["paper_value"]),
                       f"{r['ratio']:.3g}", r["verdict"]) for r in rows]
    w = [max(len(str(t[i])) for t in table) for i in range(len(head))]
    for t in table:
        print("  ".join(str(c).ljust(w[i]) for i, c in enumerate(t)).rstrip())


def print_markdown(rows):
    print("| # | id | source | statement | experiment (job) | m_a [eV] | quantity | alpscan | paper (precision) | alpscan / paper | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        e = r["e"]
        src = f"seed {e['seed']} {e['lines']}" if e["seed"] != "external" else e.get("ref", e["source"])
        lo, hi = e["agree_range"]
        unit = "" if e["unit"] == "1" else " " + e["unit"].replace("GeV^-1", "GeV⁻¹")
        m = fmt(e["m_a_eV"]) if e["quantity"] != "mass_reach" else "—"
        v = r["verdict"]
        if e.get("by_construction"):   # say which: a calibration or an anchor
            v = v.replace("by construction", e["by_construction"].split(" (")[0])
        print(f"| {r['n']} | `{e['id']}` | {src} | {e['statement'].replace('|', chr(92) + '|')} | `{e['experiment']}` ({e['job']}) | {m} | "
              f"{e['quantity'].replace('_', ' ')} | {fmt(r['value'])}{unit} | {fmt(e['paper_value'])} ({lo:.4g}–{hi:.4g}) | "
              f"{r['ratio']:.3g} | {v} |")


def draw(results, rows, outdir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    try:
        from plot_style import experiment_colour
    except ImportError:
        def experiment_colour(name):
            return None
    os.makedirs(outdir, exist_ok=True)
    groups = {}
    for r in rows:
        groups.setdefault((r["e"]["job"], r["e"]["plane"]), []).append(r)
    written = []
    for (job, plane), rs in sorted(groups.items()):
        axes = json.load(open(os.path.join(results, job, "summary.json")))["axes"]
        xname, yname = plane.split("__")[:2]
        fig, ax = plt.subplots(figsize=(11, 6))
        seen = []
        for r in rs:
            name = r["e"]["experiment"]
            if name in seen:
                continue
            seen.append(name)
            col = experiment_colour(name)
            side = os.path.join(results, job, "curves", plane, name + ".json")
            kind = json.load(open(side)).get("kind", "limit") if os.path.isfile(side) else "limit"
            ls = "--" if kind == "projection" else "-"   # projections dashed, as in alpscan plot
            for k, p in enumerate(r["polys"]):
                xs, ys = zip(*p)
                # outline plus a light fill: a line alone does not say on which side the exclusion is
                ax.fill(xs, ys, color=col, alpha=0.05, lw=0)
                ax.plot(xs, ys, color=col, lw=1.6, ls=ls,
                        label=(f"alpscan: {name}" + (" (projection)" if kind == "projection" else "")) if k == 0 else None)
        marks = []   # (x, y) of the paper's markers, with their error bars
        key = []   # markers carry the entry's number (the tables' '#'); ids in a key beside the axes
        for r in rs:
            e = r["e"]
            col = experiment_colour(e["experiment"])
            lo, hi = e["agree_range"]
            face = "white" if e.get("by_construction") else col
            edge = col if e.get("by_construction") else "black"
            if e["quantity"] == "mass_reach":
                tip = max((pt for p in r["polys"] for pt in p), key=lambda t: t[0])
                px, py = e["paper_value"], tip[1]
            else:
                px, py = e["m_a_eV"], e["paper_value"]
            key.append(f"{r['n']:>2}  {e['id']}")
            if e["quantity"] == "mass_reach":
                marks += [(lo, py), (hi, py)]
            else:
                marks += [(px, lo), (px, hi)]
            if e["quantity"] == "mass_reach":
                # the paper's reach is a mass: a horizontal error bar at the height of alpscan's tip
                ax.errorbar([e["paper_value"]], [tip[1]], xerr=[[e["paper_value"] - lo], [hi - e["paper_value"]]],
                            fmt=">", ms=9, color=col, mfc=face, mec=edge, mew=1.5, capsize=4, zorder=5)
                ax.annotate(str(r["n"]), (px, py), textcoords="offset points", xytext=(-7, 5), ha="right", fontsize=8,
                            fontweight="bold")
            else:
                ax.errorbar([e["m_a_eV"]], [e["paper_value"]],
                            yerr=[[e["paper_value"] - lo], [hi - e["paper_value"]]],
                            fmt="v" if e["quantity"] == "upper_edge" else "^", ms=9, color=col, mfc=face,
                            mec=edge, mew=1.5, capsize=4, zorder=5)
                ax.annotate(str(r["n"]), (px, py), textcoords="offset points", xytext=(7, -3), ha="left", va="top",
                            fontsize=8, fontweight="bold")
        ax.set_xscale("log")
        ax.set_yscale("log")
        # zoom on what is drawn (half a decade of margin) inside the job's axes: on the 22 decades of the
        # global plane one small region would otherwise be a speck in a corner
        xs_all = [x for r in rs for p in r["polys"] for x, _ in p] + [m for m, _ in marks]
        ys_all = [y for r in rs for p in r["polys"] for _, y in p] + [g for _, g in marks]
        pad = 10 ** 0.5
        ax.set_xlim(max(axes[xname]["min"], min(xs_all) / pad), min(axes[xname]["max"], max(xs_all) * pad))
        ax.set_ylim(max(axes[yname]["min"], min(ys_all) / pad), min(axes[yname]["max"], max(ys_all) * pad))
        ylab = {"g_agg": "g_aγγ [GeV⁻¹]", "g_ae": "g_ae (dimensionless)"}.get(yname, yname)
        ax.set_xlabel("m_a [eV]")
        ax.set_ylabel(ylab)
        ax.set_title(f"{job}: {plane} — alpscan (lines) vs the papers (markers)", fontsize=10)
        from matplotlib.lines import Line2D
        handles, labels = ax.get_legend_handles_labels()
        handles += [Line2D([], [], ls="", marker="^", color="grey", mec="black", ms=8),
                    Line2D([], [], ls="", marker="v", color="grey", mec="black", ms=8),
                    Line2D([], [], ls="", marker=">", color="grey", mec="black", ms=8),
                    Line2D([], [], ls="", marker="^", mfc="white", mec="grey", mew=1.5, ms=8)]
        labels += ["paper: lower edge (bar = stated precision)", "paper: upper edge", "paper: mass reach (placed at alpscan's tip)",
                   "hollow: alpscan calibrated/anchored to it"]
        # outside the axes: inside it covered the regions it names
        ax.legend(handles, labels, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        ax.text(1.01, 0.0, "\n".join(key), transform=ax.transAxes, va="bottom", ha="left", fontsize=7,
                family="monospace")
        ax.grid(True, which="major", alpha=0.3)
        out = os.path.join(outdir, f"{job}__{plane}.png")
        fig.savefig(out, dpi=110, bbox_inches="tight", metadata={"Software": None})
        plt.close(fig)
        written.append(out)
    return written


def main(argv):
    try:
        opts = parse_args(argv)
        if not os.path.isdir(opts["results"]):
            raise BadInput(f"{opts['results']}: no such results directory")
        rows = evaluate(opts["results"], load_entries(opts["points"]))
    except BadInput as e:
        print(f"compare_with_papers: {e}", file=sys.stderr)
        return 2
    if opts["markdown"]:
        print_markdown(rows)
    else:
        print_plain(rows)
    if opts["plots"]:
        for p in draw(opts["results"], rows, opts["plots"]):
            print(p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
