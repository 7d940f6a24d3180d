#!/usr/bin/python3
"""Draw an alpscan result in the AxionLimits style: one plot per plane of the result.

usage: plot_result.py RESULT_DIR [--plane NAME|X,Y] [--format png|pdf|svg] [--out DIR]

  RESULT_DIR   a finished alpscan result (summary.json, run_status.json state "complete", curves/)
  --plane      a plane's name (e.g. m_a__g_agg) or its axes X,Y (every plane with those axes, any slice);
               default: every plane of the result
  --format     png (default), pdf or svg
  --out        output directory (default RESULT_DIR/plots)

Writes DIR/<plane>.<format> and DIR/<plane>.json (what was drawn: every legend entry with its colour and
style, the label positions, the axis ranges) and prints the path of each file written, one a line.
Reads only summary.json, run_status.json, the curve files and sidecars, and scan.h5 (axis values and
units, job name) when present; without scan.h5 the axes come from summary.json.
Exit status: 0, or 2 with a one-line message on stderr for a missing, foreign or unfinished result, an
unknown plane, a bad option or an unreadable file.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plot_input import FORMATS, InputError, open_result, read_axes, select_planes  # noqa: E402



def parse_args(argv):
    usage = "usage: plot_result.py RESULT_DIR [--plane NAME|X,Y] [--format png|pdf|svg] [--out DIR]"
    opts = {"dir": None, "plane": None, "format": "png", "out": None}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        key = None
        for k in ("plane", "format", "out"):
            if a == "--" + k:
                if i + 1 >= len(argv):
                    raise InputError(f"option --{k} needs a value ({usage})")
                key, val, i = k, argv[i + 1], i + 2
                break
            if a.startswith("--" + k + "="):
                key, val, i = k, a.split("=", 1)[1], i + 1
                break
        if key:
            opts[key] = val
            continue
        if a.startswith("-"):
            raise InputError(f"unknown option {a} ({usage})")
        if opts["dir"] is not None:
            raise InputError(f"one result directory expected, got {opts['dir']} and {a} ({usage})")
        opts["dir"] = a
        i += 1
    if opts["dir"] is None:
        raise InputError(f"no result directory given ({usage})")
    if opts["format"] not in FORMATS:
        raise InputError(f"--format {opts['format']}: unknown format (expected png, pdf or svg)")
    return opts


def main(argv):
    try:
        opts = parse_args(argv)
        d = opts["dir"]
        summary = open_result(d)
        planes = select_planes(summary, opts["plane"])
        job, axes = read_axes(d, summary)
        out = opts["out"] or os.path.join(d, "plots")
        try:
            os.makedirs(out, exist_ok=True)
        except OSError as e:
            raise InputError(f"{out}: cannot create the output directory ({e.strerror})")
        from plot_draw import draw_plane  # matplotlib is loaded only once the input is known to be good
        for p in planes:
            for path in draw_plane(d, summary, p, job, axes, out, opts["format"]):
                print(path)
    except InputError as e:
        print(f"alpscan plot: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
