"""Drawing of one plane of an alpscan result (called by plot_result.py, which has checked the input).

Layers, bottom to top: QCD-axion reference band; preferred (g-2) band fills; experiment fills, largest
region first (so small regions are never hidden under large ones); the g-2 hatching; the edges of every
region (above all fills, so no region disappears under another's fill; stretches along the plot frame are
not drawn); model-consistency conditions (black dashed); the combined (grey) and union-of-limits (black)
outlines; labels. Limits: filled, solid edge. Projections: faint fill, dashed edge, italic label.
"""
import json
import math
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch, PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

import plot_labels as pl  # noqa: E402
import plot_style as st  # noqa: E402
from plot_input import OUTLINES, InputError, load_curve, plane_title  # noqa: E402

REFERENCE_PLANES = {("m_a", "g_agg"), ("m_a", "g_ae")}
LABEL_SIZE = 8.5
LEGEND_SIZE = 7.5

matplotlib.rcParams.update({
    "font.size": 10,
    "axes.labelsize": 12.5,
    "xtick.labelsize": 10.5,
    "ytick.labelsize": 10.5,
    "xtick.direction": "in",
    "ytick.direction": "in",
    "xtick.top": True,
    "ytick.right": True,
    "svg.hashsalt": "alpscan",  # reproducible SVG ids
    "svg.fonttype": "none",     # SVG text stays text (searchable, smaller)
    "hatch.linewidth": 0.6,     # g-2 hatching: visible, not dominant (profiled planes can be covered by it)
    "pdf.compression": 6,
})


class Axis:
    """One plot axis: range, unit, log or linear, and the map to axes fraction."""

    def __init__(self, name, lo, hi, unit):
        self.name, self.unit = name, unit
        self.log = lo > 0 and hi > 0
        if hi <= lo:  # a single value: widen so the plot has extent
            lo, hi = (lo / 10, hi * 10) if self.log else (lo - 1, hi + 1)
        self.lo, self.hi = lo, hi
        self.a, self.b = (math.log10(lo), math.log10(hi)) if self.log else (lo, hi)

    def frac(self, v):
        v = np.asarray(v, float)
        t = np.log10(np.clip(v, 1e-300, None)) if self.log else v
        return (t - self.a) / (self.b - self.a)


def _compound_path(polys):
    """One Path of all polygons of a curve, holes oriented against their outer boundary (nesting depth
    from point-in-polygon tests), so a fill leaves holes empty under either fill rule."""
    paths = [Path(p) for p in polys]
    verts, codes = [], []
    for i, p in enumerate(polys):
        depth = sum(1 for j, q in enumerate(paths) if j != i and q.contains_point(p[0]))
        x, y = p[:, 0], p[:, 1]
        ccw = np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]) > 0
        if ccw != (depth % 2 == 0):
            p = p[::-1]
        verts.extend(p[:-1] if np.array_equal(p[0], p[-1]) else p)
        verts.append(p[0])
        n = len(p) - 1 if np.array_equal(p[0], p[-1]) else len(p)
        codes.extend([Path.MOVETO] + [Path.LINETO] * (n - 1) + [Path.CLOSEPOLY])
    return Path(np.array(verts), codes)


def _edges(ax, layer, colour, lw, ls, z, alpha=1.0):
    """The boundary of a region without its stretches along the plot frame (a region cut by the scanned
    range is not bounded there, and a line on the frame would read as a bound)."""
    runs = []
    for p, q in zip(layer.polys, layer.uv):
        on = [(abs(a) < 1e-9, abs(a - 1) < 1e-9, abs(b) < 1e-9, abs(b - 1) < 1e-9) for a, b in q]
        keep = [not any(x and y for x, y in zip(on[i], on[i + 1])) for i in range(len(q) - 1)]
        cur = []
        for i, k in enumerate(keep):
            if k:
                if not cur:
                    cur = [p[i]]
                cur.append(p[i + 1])
            elif cur:
                runs.append(np.array(cur))
                cur = []
        if cur:
            runs.append(np.array(cur))
    if runs:
        ax.add_collection(LineCollection(runs, colors=colour, linewidths=lw, linestyles=ls, zorder=z, alpha=alpha,
                                         capstyle="butt", joinstyle="round"))


def _mask(polys_uv):
    """Raster mask (pl.NV, pl.NU) of the region (even-odd over its polygons) in axes fraction."""
    uu, vv = pl.cell_centres()
    pts = np.column_stack([uu.ravel(), vv.ravel()])
    m = np.zeros(len(pts), bool)
    for p in polys_uv:
        m ^= Path(p).contains_points(pts)
    return m.reshape(pl.NV, pl.NU)


class Layer:
    def __init__(self, name, role, polys, side, title, colour):
        self.name, self.role, self.polys, self.side = name, role, polys, side
        self.title, self.colour = title, colour
        self.mask = None
        self.label_at = None


def _classify(d, summary, plane):
    """The plane's layers: experiments (limit/projection), conditions, preferred bands, reference bands,
    outlines; and the names of experiments with no region on this plane."""
    kinds = {e["name"]: e for e in summary.get("experiments", []) if isinstance(e, dict) and "name" in e}
    bands = plane.get("band_curves") or {}
    layers, empty = [], []
    for name, rel in sorted((plane.get("curves") or {}).items()):
        polys, side = load_curve(d, rel)
        title = side.get("title") or kinds.get(name, {}).get("title", name)
        if name in OUTLINES:
            role = name
        elif side.get("role") == "preferred_region":
            if name in bands:
                continue  # drawn as its 1 sigma / 2 sigma bands below
            role = "preferred"
        elif "condition" in side:
            role = "condition"
        else:
            role = "projection" if (kinds.get(name, {}).get("kind") or side.get("kind")) == "projection" else "limit"
        if not polys:
            if role not in OUTLINES:
                empty.append(name)
            continue
        layers.append(Layer(name, role, polys, side, title, st.experiment_colour(name)))
    for name, levels in sorted(bands.items()):
        for level in ("2sigma", "1sigma"):
            if level not in levels:
                continue
            polys, side = load_curve(d, levels[level])
            if polys:
                title = side.get("title") or name
                layers.append(Layer(name, "band_" + level, polys, side, title, st.experiment_colour(name)))
            elif level == "2sigma":
                empty.append(name)
    if (plane.get("x"), plane.get("y")) in REFERENCE_PLANES:
        for name, rel in sorted((plane.get("reference_curves") or {}).items()):
            polys, side = load_curve(d, rel)
            if polys:
                layers.append(Layer(name, "reference", polys, side, side.get("title", name), st.REFERENCE_COLOUR))
    return layers, empty


PROJECTION_DASH = (0, (4, 2.5))


def _fill(layer):
    """Fill colour with alpha: limits a light tint of the experiment's colour at alpha 0.4, projections fainter."""
    if layer.role == "projection":
        return (*matplotlib.colors.to_rgb(st.lighter(layer.colour, 0.3)), 0.12)
    return (*matplotlib.colors.to_rgb(st.lighter(layer.colour, 0.35)), 0.4)


def _edge(layer):
    return st.darker(layer.colour, 0.85)


def _legend_text(layer):
    short = st.short_title(layer.title)
    if layer.role == "band_1sigma":
        return f"{layer.name}: {short}, preferred 1$\\sigma$"
    if layer.role == "band_2sigma":
        return f"{layer.name}: {short}, preferred 2$\\sigma$"
    if layer.role == "preferred":
        cl = layer.side.get("confidence_level")
        return f"{layer.name}: {short}, preferred" + (f" ({100 * cl:.0f}% CL)" if cl else "")
    if layer.role == "projection":
        return f"{layer.name}: {short} (projection)"
    if layer.role == "union_limits":
        return "union of the limits (data)"
    if layer.role == "union":
        return "union incl. projections"
    if layer.role == "combined":
        srcs = layer.side.get("sources") or []
        return "combined likelihood" + (" (incl. projections)" if srcs and layer.side.get("_has_projection") else "")
    if layer.role == "reference":
        return short
    if layer.role == "condition":  # 'Bandpass axion UV completion: f_a >~ m_a (...)': the condition itself
        return f"{layer.name}: {st.short_title(layer.title.split(': ', 1)[-1])}"
    return f"{layer.name}: {short}"


def _label_text(layer):
    if layer.role == "reference":
        return st.short_title(layer.title, 30)
    return layer.name


def draw_plane(d, summary, plane, job, axes, out, fmt):
    """Draw one plane; returns the paths written (the plot and its JSON description)."""
    xa, ya = plane.get("x"), plane.get("y")
    for a in (xa, ya):
        if a not in axes:
            raise InputError(f"{os.path.join(d, 'summary.json')}: plane {plane_title(plane)} has axis {a}, "
                             "which the result does not list")
    X = Axis(xa, *axes[xa][:2], axes[xa][2])
    Y = Axis(ya, *axes[ya][:2], axes[ya][2])
    layers, empty = _classify(d, summary, plane)
    kinds = {e.get("name"): e.get("kind") for e in summary.get("experiments", []) if isinstance(e, dict)}
    for lay in layers:
        if lay.role == "combined":
            lay.side["_has_projection"] = any(kinds.get(s) == "projection" for s in lay.side.get("sources", []))
        uv = [np.column_stack([X.frac(p[:, 0]), Y.frac(p[:, 1])]) for p in lay.polys]
        lay.uv = uv
        lay.mask = _mask(uv)
        lay.area = float(lay.mask.mean())

    # Up to ~26 legend entries fit beside the axes; a global map's legend goes below them in three columns,
    # so that the plot keeps its width.
    below = len(layers) + 4 > 26
    if below:
        fig = plt.figure(figsize=(11.0, 7.0))
        ax = fig.add_axes([0.08, 0.08, 0.9, 0.85])
    else:
        fig = plt.figure(figsize=(9.5, 6.2))
        ax = fig.add_axes([0.09, 0.1, 0.58, 0.78])
    ax.set_xscale("log" if X.log else "linear")
    ax.set_yscale("log" if Y.log else "linear")
    ax.set_xlim(X.lo, X.hi)
    ax.set_ylim(Y.lo, Y.hi)
    ax.set_xlabel(st.axis_label(xa, X.unit))
    ax.set_ylabel(st.axis_label(ya, Y.unit))
    ax.set_title(_title(job, plane, summary, axes), fontsize=10.5)

    handles = []
    legend_rows = []

    def add_legend(layer, handle):
        text = _legend_text(layer)
        handle.set_label(text)
        handles.append(handle)
        legend_rows.append({"name": layer.name, "role": layer.role, "label": text, "colour": layer.colour})

    by_role = lambda *roles: [l for l in layers if l.role in roles]  # noqa: E731
    # 1. reference bands, at the bottom
    for lay in by_role("reference"):
        path = _compound_path(lay.polys)
        ax.add_patch(PathPatch(path, facecolor=lay.colour, alpha=0.45, lw=0, zorder=0.5))
        _edges(ax, lay, st.darker(lay.colour), 0.8, "-", 0.55)
        add_legend(lay, Patch(facecolor=lay.colour, alpha=0.45, edgecolor=st.darker(lay.colour)))
    # 2. experiment fills, largest first; edges above every fill
    exps = sorted(by_role("limit", "projection"), key=lambda l: (-l.area, l.name))
    for k, lay in enumerate(exps):
        path = _compound_path(lay.polys)
        proj = lay.role == "projection"
        ax.add_patch(PathPatch(path, facecolor=_fill(lay), lw=0, zorder=1 + k * 1e-3))
        _edges(ax, lay, _edge(lay), 1.4 if proj else 1.0, PROJECTION_DASH if proj else "-", 3)
    for lay in sorted(exps, key=lambda l: (l.role == "projection", l.name)):
        proj = lay.role == "projection"
        add_legend(lay, Patch(facecolor=_fill(lay), edgecolor=_edge(lay), ls="--" if proj else "-", lw=1.2))
    # 3. preferred regions (g-2): gold fill under the exclusions (a preferred region is not excluded and
    #    must not hide them), hatched in the experiment's colour above them (hatch per experiment, denser
    #    and a darker gold for 1 sigma than for 2 sigma)
    for lay in by_role("band_2sigma", "band_1sigma", "preferred"):
        one = lay.role == "band_1sigma"
        face = st.BAND_1SIGMA if one else st.BAND_2SIGMA
        hatch = st.band_hatch(lay.name, one)
        path = _compound_path(lay.polys)
        alpha = 0.45 if one else 0.3
        ax.add_patch(PathPatch(path, facecolor=face, alpha=alpha, lw=0, zorder=0.8 + (0.05 if one else 0)))
        ax.add_patch(PathPatch(path, fill=False, edgecolor=lay.colour, hatch=hatch, lw=0, alpha=0.45, zorder=2.5))
        _edges(ax, lay, lay.colour, 0.9, "-", 2.5, alpha=0.8)
        add_legend(lay, Patch(facecolor=face, alpha=alpha, edgecolor=lay.colour, hatch=hatch))
    # 4. model-consistency conditions: black dashed boundary of the excluded side
    for lay in by_role("condition"):
        _edges(ax, lay, st.CONDITION_COLOUR, 1.3, (0, (6, 3)), 3.5)
        lay.colour = st.CONDITION_COLOUR
        add_legend(lay, Line2D([], [], color=st.CONDITION_COLOUR, lw=1.3, ls=(0, (6, 3))))
    # 5. outlines: combined grey under the union's black, both without fill
    for role, colour, lw, ls, z in (("combined", st.COMBINED_COLOUR, 3.2, "-", 4.0),
                                    ("union", st.UNION_COLOUR, 1.0, (0, (2, 2)), 4.1),
                                    ("union_limits", st.UNION_COLOUR, 2.0, "-", 4.2)):
        for lay in by_role(role):
            if role == "union" and not by_role("projection"):
                continue  # without projections the union is the union of the limits
            _edges(ax, lay, colour, lw, ls, z)
            lay.colour = colour
            add_legend(lay, Line2D([], [], color=colour, lw=lw, ls=ls))

    _place_labels(fig, ax, layers)

    if empty:  # named in the legend, so that a reader knows they were in the job
        handles.append(Line2D([], [], ls="none", label=_wrap("no region on this plane: " + ", ".join(sorted(empty)), 60)))
    if below:
        leg = ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09), fontsize=LEGEND_SIZE,
                        frameon=False, ncol=3, handlelength=2.2, borderaxespad=0.0)
    else:
        leg = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=LEGEND_SIZE,
                        frameon=False, ncol=1, handlelength=2.2, borderaxespad=0.0)

    base = os.path.join(out, _file_stem(plane))
    img = f"{base}.{fmt}"
    meta = {"png": {"Software": None}, "pdf": {"CreationDate": None, "ModDate": None, "Producer": None},
            "svg": {"Date": None}}[fmt]
    try:
        fig.savefig(img, format=fmt, dpi=150, bbox_inches="tight", metadata=meta,
                    bbox_extra_artists=[leg])
    except OSError as e:
        raise InputError(f"{img}: cannot write ({e.strerror or e})")
    finally:
        plt.close(fig)
    desc = {
        "format": "alpscan-plot/1",
        "plot": os.path.basename(base),  # the plot is <plot>.png/.pdf/.svg beside this file (same drawing)
        "job": job,
        "plane": plane_title(plane),
        "x": {"axis": xa, "unit": X.unit, "min": X.lo, "max": X.hi, "scale": "log" if X.log else "linear"},
        "y": {"axis": ya, "unit": Y.unit, "min": Y.lo, "max": Y.hi, "scale": "log" if Y.log else "linear"},
        "slice": plane.get("slice") or {},
        "legend": legend_rows,
        "labels": [{"name": l.name, "role": l.role, "text": _label_text(l),
                    "at_axes_fraction": [round(v, 4) for v in l.label_at] if l.label_at else None,
                    "box_axes_fraction": [round(v, 4) for v in l.label_box] if l.label_at else None}
                   for l in layers if l.role not in OUTLINES and l.role != "band_1sigma"],
        "empty": sorted(empty),
    }
    side = f"{base}.json"
    try:
        with open(side, "w") as f:
            json.dump(desc, f, indent=1)
            f.write("\n")
    except OSError as e:
        raise InputError(f"{side}: cannot write ({e.strerror or e})")
    return [img, side]


def _wrap(text, width):
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return "\n".join(lines + [cur])


def _file_stem(plane):
    return plane_title(plane).replace("/", "_")


def _title(job, plane, summary, axes):
    t = f"{job}: plane ({plane.get('x')}, {plane.get('y')})"
    bits = []
    for a, v in (plane.get("slice") or {}).items():
        u = st.unit_text(axes.get(a, (0, 0, ""))[2])
        bits.append(f"{a} = {st.format_value(v)}{' ' + u if u else ''}")
    for a, info in (summary.get("axes") or {}).items():  # tied axes: "g_agg = 1.957 g_ae"
        tie = info.get("tied_to") if isinstance(info, dict) else None
        if tie:
            bits.append(f"{a} = {st.format_value(tie['ratio'])} {tie['axis']}")
    if plane.get("profiled"):
        bits.append("profiled over " + ", ".join(plane["profiled"]))
    cl = summary.get("confidence_level")
    if cl:
        bits.append(f"{100 * cl:g}% CL")
    return t + ("\n" + "; ".join(bits) if bits else "")


def _place_labels(fig, ax, layers):
    """Greedy label placement (plot_labels): smallest regions first; lines (conditions) and the reference
    band along their boundary; a region that finds no place is named in the legend only."""
    renderer = fig.canvas.get_renderer()
    axbox = ax.get_window_extent(renderer)
    avoid = {l.name + "/" + l.role: l.mask for l in layers
             if l.role in ("limit", "projection", "band_2sigma", "preferred", "reference")}
    placer = pl.LabelPlacer(avoid)
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white", alpha=0.8)]
    order = sorted([l for l in layers if l.role in ("limit", "projection", "band_2sigma", "preferred")],
                   key=lambda l: (l.area, l.name))
    order += sorted([l for l in layers if l.role in ("condition", "reference")], key=lambda l: l.name)
    probe = ax.text(0, 0, "Mg", fontsize=LABEL_SIZE)  # one line of label text: its height
    font_h = probe.get_window_extent(renderer).height / axbox.height
    probe.remove()
    for lay in order:
        rot = _band_angle(lay, axbox) if lay.role == "reference" else 0.0
        colour = "black" if lay.role == "condition" else st.darker(lay.colour, 0.55)
        style = "italic" if lay.role in ("projection", "condition") else "normal"
        t = ax.text(0.5, 0.5, _label_text(lay), transform=ax.transAxes, fontsize=LABEL_SIZE, color=colour,
                    fontstyle=style, ha="center", va="center", rotation=rot, rotation_mode="anchor",
                    zorder=6, path_effects=halo, clip_on=True)
        bb = t.get_window_extent(renderer)
        w, h = bb.width / axbox.width, bb.height / axbox.height
        cand = None
        if lay.role == "reference":  # beside the band, outside it, clear of its edge by half a line height
            fu, fv = font_h * axbox.height / axbox.width, font_h
            cand = (pl.LabelPlacer._dilate(lay.mask, 1.5 * fu, 1.5 * fv)
                    & ~pl.LabelPlacer._dilate(lay.mask, 0.8 * fu, 0.8 * fv))
        elif lay.role == "condition":  # along the dashed line on its excluded side, clear of the line
            cand = (pl.boundary_strip(lay.mask, 0.06, 1.4 * h) & ~pl.boundary_strip(lay.mask, 0.02, 0.6 * h)
                    & lay.mask)
        at = placer.place(lay.name + "/" + lay.role, w, h, own=lay.mask, candidates=cand)
        if at is None:
            t.remove()
            continue
        t.set_position(at)
        lay.label_at, lay.label_box = at, (w, h)


def _band_angle(lay, axbox):
    """Slope of a band (least-squares line through its vertices) as a text angle in display degrees."""
    p = np.vstack(lay.uv)
    if np.ptp(p[:, 0]) <= 0:
        return 0.0
    k = np.polyfit(p[:, 0], p[:, 1], 1)[0]
    return math.degrees(math.atan2(k * axbox.height, axbox.width))
