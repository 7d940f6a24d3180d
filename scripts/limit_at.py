#!/usr/bin/python3
"""Read an alpscan (AxionLimits-format) curve file and print the excluded coupling interval(s) at
given masses: where the closed polygon(s) cross the vertical line m_a = m (log-log interpolation).

usage: scripts/limit_at.py CURVE.txt M1 [M2 ...]      (masses in eV)
prints one line per mass: m_a, then the crossing couplings in increasing order (lower edge first).
"""
import math
import sys


def load_polygons(path):
    polys, cur = [], []
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        x, y = (float(v) for v in line.split()[:2])
        cur.append((x, y))
        if len(cur) > 2 and cur[-1] == cur[0]:
            polys.append(cur)
            cur = []
    if cur:
        polys.append(cur)
    return polys


def crossings(polys, m):
    lm = math.log10(m)
    out = []
    for p in polys:
        for (x1, y1), (x2, y2) in zip(p, p[1:]):
            a, b = math.log10(x1), math.log10(x2)
            if (a - lm) * (b - lm) < 0 or (a == lm and b != lm):
                t = (lm - a) / (b - a)
                out.append(10 ** (math.log10(y1) + t * (math.log10(y2) - math.log10(y1))))
    return sorted(out)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    polys = load_polygons(sys.argv[1])
    for m in sys.argv[2:]:
        c = crossings(polys, float(m))
        print(m, " ".join(f"{g:.4g}" for g in c) if c else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
