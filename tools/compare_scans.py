#!/usr/bin/python3
"""Compare two alpscan result files (scan.h5) bit for bit, ignoring only the build provenance.

usage: tools/compare_scans.py A.h5 B.h5
Every dataset must have the same shape, dtype and bytes, every attribute the same value, except the
root attributes git_revision, code_version and code_hash (they name the build, not the result). Exit 0 when
identical, 1 with a list of differences otherwise. Used by tools/compare_reference_jobs.sh to show
that a refactor leaves every reference job's map unchanged.
"""
import sys

import h5py
import numpy as np

IGNORED_ROOT_ATTRS = {"git_revision", "code_version", "code_hash"}


def attrs_of(obj, path):
    out = {}
    for k, v in obj.attrs.items():
        if path == "/" and k in IGNORED_ROOT_ATTRS:
            continue
        out[k] = v
    return out


def same_value(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()
    return a == b


def walk(f):
    items = {"/": f}
    f.visititems(lambda name, obj: items.__setitem__("/" + name, obj))
    return items


def main(a_path, b_path):
    diffs = []
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        ia, ib = walk(a), walk(b)
        for p in sorted(set(ia) ^ set(ib)):
            diffs.append(f"{p}: only in {'first' if p in ia else 'second'}")
        for p in sorted(set(ia) & set(ib)):
            oa, ob = ia[p], ib[p]
            if isinstance(oa, h5py.Dataset) != isinstance(ob, h5py.Dataset):
                diffs.append(f"{p}: dataset in one file, group in the other")
                continue
            if isinstance(oa, h5py.Dataset):
                da, db = oa[()], ob[()]
                if not same_value(np.asarray(da), np.asarray(db)):
                    xa, xb = np.asarray(da), np.asarray(db)
                    if xa.shape == xb.shape and xa.dtype.kind in "fiu":
                        bad = xa != xb
                        msg = f"{p}: {int(np.sum(bad))} of {xa.size} values differ"
                        if xa.dtype.kind == "f":
                            den = np.maximum(np.abs(xa[bad]), np.abs(xb[bad]))
                            rel = np.abs(xa[bad] - xb[bad]) / np.where(den > 0, den, 1)
                            msg += f", largest relative difference {np.max(rel):.3g}"
                        diffs.append(msg)
                    else:
                        diffs.append(f"{p}: contents differ")
            aa, ab = attrs_of(oa, p), attrs_of(ob, p)
            for k in sorted(set(aa) | set(ab)):
                if k not in aa or k not in ab:
                    diffs.append(f"{p} @{k}: only in {'first' if k in aa else 'second'}")
                elif not same_value(aa[k], ab[k]):
                    diffs.append(f"{p} @{k}: {aa[k]!r:.120} != {ab[k]!r:.120}")
    for d in diffs:
        print(d)
    return 1 if diffs else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
