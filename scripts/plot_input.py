"""Reading an alpscan result for the plots (plot_result.py): checks that a directory is a complete alpscan
result, reads its axes and curve files; every problem is an InputError with a one-line message."""
import json
import os

import numpy as np

SUMMARY_FORMAT = "alpscan-summary/"   # prefix; the version is checked by the code that wrote it
FORMATS = ("png", "pdf", "svg")
OUTLINES = ("union_limits", "union", "combined")  # curves that are not experiments


class InputError(Exception):
    """Bad input: reported as one line on stderr, exit status 2."""


# ---------------------------------------------------------------------------------------------- reading
def read_json(path, what):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        raise InputError(f"{path}: missing ({what})")
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: unreadable {what}: {e}")


def open_result(d):
    """summary.json of a complete alpscan result in directory d, or InputError saying what is wrong."""
    if not os.path.exists(d):
        raise InputError(f"{d}: no such directory")
    if not os.path.isdir(d):
        raise InputError(f"{d}: not a directory")
    sp, rp = os.path.join(d, "summary.json"), os.path.join(d, "run_status.json")
    for p in (sp, rp):
        if not os.path.isfile(p):
            raise InputError(f"{d}: not an alpscan result (no {os.path.basename(p)})")
    summary = read_json(sp, "alpscan summary")
    fmt = summary.get("format") if isinstance(summary, dict) else None
    if not isinstance(fmt, str) or not fmt.startswith(SUMMARY_FORMAT):
        raise InputError(f"{sp}: not an alpscan result (\"format\" is {json.dumps(fmt)}, expected alpscan-summary/1)")
    status = read_json(rp, "run status")
    state = status.get("state") if isinstance(status, dict) else None
    if state != "complete":
        msg = status.get("message", "") if isinstance(status, dict) else ""
        raise InputError(f"{rp}: the result is not complete (state \"{state}\"{': ' + msg if msg else ''}); "
                         "finish the run (alpscan run resumes it) before plotting")
    if not isinstance(summary.get("planes"), list) or not summary["planes"]:
        raise InputError(f"{sp}: no planes")
    return summary


def read_axes(d, summary):
    """{axis: (min, max, unit)} and the job name, from scan.h5 when present, else from summary.json."""
    job = summary.get("job")
    if not isinstance(job, str) or not job:
        job = os.path.basename(os.path.normpath(d))
    axes = {}
    h5 = os.path.join(d, "scan.h5")
    if os.path.isfile(h5):
        try:
            import h5py
            with h5py.File(h5, "r") as f:
                fmt = f.attrs.get("format")
                fmt = fmt.decode() if isinstance(fmt, bytes) else str(fmt)
                if not fmt.startswith("alpscan-result/"):
                    raise InputError(f"{h5}: not an alpscan result file (format {fmt})")
                name = f.attrs.get("job_name")
                if name is not None:
                    job = name.decode() if isinstance(name, bytes) else str(name)
                for a in f["axes"]:
                    v = f["axes"][a][:]
                    u = f["axes"][a].attrs.get("unit", b"")
                    axes[a] = (float(v.min()), float(v.max()), u.decode() if isinstance(u, bytes) else str(u))
        except InputError:
            raise
        except Exception as e:  # h5py raises OSError/KeyError/... for damaged files
            raise InputError(f"{h5}: unreadable ({e})")
    else:
        for a, s in (summary.get("axes") or {}).items():
            axes[a] = (float(s["min"]), float(s["max"]), s.get("unit", ""))
    return job, axes


def load_curve(d, rel):
    """Polygons [(N, 2) arrays] of a curve file, delimited by its sidecar's row ranges when present,
    else by the closing rule of scripts/limit_at.py (a polygon ends where its first point recurs)."""
    path = os.path.join(d, rel)
    rows = []
    try:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                try:
                    x, y = (float(v) for v in line.split()[:2])
                except ValueError:
                    raise InputError(f"{path}:{n}: not two numbers: {line.strip()[:60]}")
                rows.append((x, y))
    except FileNotFoundError:
        raise InputError(f"{path}: missing (listed in summary.json)")
    except OSError as e:
        raise InputError(f"{path}: unreadable ({e})")
    side_path = path[:-4] + ".json" if path.endswith(".txt") else path + ".json"
    side = read_json(side_path, "curve sidecar") if os.path.isfile(side_path) else {}
    polys = []
    if isinstance(side.get("polygons"), list) and side["polygons"]:
        for a, b in side["polygons"]:
            if not (0 <= a < b < len(rows)):
                raise InputError(f"{side_path}: polygon rows {a}-{b} outside the {len(rows)} rows of {path}")
            polys.append(np.array(rows[a:b + 1]))
    else:
        cur = []
        for p in rows:
            cur.append(p)
            if len(cur) > 2 and cur[-1] == cur[0]:
                polys.append(np.array(cur))
                cur = []
        if len(cur) > 2:
            polys.append(np.array(cur))
    polys = [p for p in polys if len(p) >= 3 and np.all(np.isfinite(p))]
    return polys, side


# ---------------------------------------------------------------------------------------------- planes
def plane_title(p):
    return p.get("name") or f"{p['x']}__{p['y']}"


def select_planes(summary, arg):
    planes = summary["planes"]
    if arg is None:
        return planes
    names = [plane_title(p) for p in planes]
    sel = [p for p in planes if plane_title(p) == arg]
    if not sel and "," in arg:
        x, y = (s.strip() for s in arg.split(",", 1))
        sel = [p for p in planes if p.get("x") == x and p.get("y") == y]
    if not sel:
        raise InputError(f"--plane {arg}: no such plane in this result (planes: {', '.join(names)}; "
                         "give a name or X,Y)")
    return sel
