#!/usr/bin/env python3
"""The scaling model of the README ("Scaling model"), fitted to the logs bench/bench_scaling.sh collected.

Reads DIR/index.txt ("ranks job log" per run), DIR/checkpoint_io.txt and DIR/round_trip.txt; prints the
measured table, the fitted constants, and the model's answers for a 1e8-point 4-D scan:

  W(P) = T_load + T_prep + (N c + n_chunks a) / P + t_chunk + T_merge(N)     (seconds, P ranks)
  t_chunk = a + c * chunk_size,  n_chunks = N / chunk_size
  efficiency E(P) = N c / (P W(P)),  dispatcher: P <= t_chunk / s (rank 0 answers 1/s requests per second)

N = evaluations (grid points x experiments on them), c = seconds per evaluation, a = core-seconds of
overhead per chunk (unit file write + fsync, manifest record, dispatch), s = the dispatcher's service time
per request, T_merge(N) = m0 + mu N + nu n_grid (the serial merge and write on rank 0).
"""
import re
import sys
from datetime import datetime

import numpy as np

TS = re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\]")


def stamp(line):
    m = TS.match(line)
    return datetime.strptime(m[1], "%Y-%m-%d %H:%M:%S.%f").timestamp() if m else None


def parse_log(path):
    lines = open(path).read().splitlines()
    r = {}
    for ln in lines:
        if "scan complete:" in ln:
            m = re.search(r"; ([0-9.]+) s \(slowest rank's prepare ([0-9.]+) s\)", ln)
            r["scan_s"], r["prep_s"], r["t_complete"] = float(m[1]), float(m[2]), stamp(ln)
        m = re.search(r"rank activity: (\d+) rank\(s\), ([0-9.]+) s run, (\d+) points in (\d+) units .*?"
                      r"busy ([0-9.]+)-([0-9.]+) s per rank \(([0-9.]+) us/point\)", ln)
        if m:
            r.update(ranks=int(m[1]), run_s=float(m[2]), points=int(m[3]), units=int(m[4]),
                     us_per_point=float(m[7]))
        m = re.search(r"dispatcher: (\d+) requests, ([0-9.]+) us each", ln)
        if m:
            r["requests"], r["service_us"] = int(m[1]), float(m[2])
    stamps = [s for s in map(stamp, lines) if s is not None]
    r["merge_s"] = stamps[-1] - r["t_complete"]  # finish_run: merge, planes, write, summary lines
    return r


def fit(x, y):
    """least squares y = A x (columns of x); returns the coefficients."""
    return np.linalg.lstsq(np.array(x, float), np.array(y, float), rcond=None)[0]


def main(d):
    runs = {}
    for ln in open(f"{d}/index.txt"):
        np_, job, log = ln.split()
        runs[(job, int(np_))] = parse_log(log)

    print("== per-chunk costs, measured one by one ==")
    io = open(f"{d}/checkpoint_io.txt").read()
    write_us = {int(m[0]): float(m[1]) for m in re.findall(r"^(\d+)\s+([0-9.]+)\s+[0-9.]+$", io, re.M)}
    record_us = float(re.search(r"manifest record \(rank 0\)\s+([0-9.]+)", io)[1])
    w = fit([[1, n] for n in write_us], list(write_us.values()))
    print(f"unit file write + fsync: {w[0]:.0f} us + {1e3 * w[1]:.2f} ns/point "
          f"({', '.join(f'{v:.0f} us at {n}' for n, v in write_us.items())} points)")
    print(f"manifest record on rank 0: {record_us:.2f} us")
    rt = re.findall(r"ranks (\d+): .*?round trip ([0-9.]+) us; rank 0 answered (\d+) requests/s",
                    open(f"{d}/round_trip.txt").read())
    for p, us, rate in rt:
        print(f"MPI round trip (shared memory, {p} ranks): {float(us):.2f} us; a non-sleeping rank 0 answers "
              f"{float(rate) / 1e3:.0f}k requests/s")

    print("\n== (a) scans of 250 000 collider evaluations against chunk size ==")
    print(f"{'chunk_size':>10} {'chunks':>7} {'ranks':>5} {'scan run [s]':>12} {'ranks x run':>11} "
          f"{'us/point':>9} {'dispatcher us/request':>22}")
    cs_runs = sorted((int(j[len('overhead_cs'):]), p, r) for (j, p), r in runs.items() if j.startswith("overhead_cs"))
    for cs, p, r in sorted(cs_runs, key=lambda t: (t[1], t[0])):
        disp = f"{r['service_us']:.1f}" if "service_us" in r else "-"
        print(f"{cs:>10} {r['units']:>7} {p:>5} {r['run_s']:>12.3f} {p * r['run_s']:>11.3f} "
              f"{r['us_per_point']:>9.3f} {disp:>22}")
    fits = {}
    for p in (1, 2):
        pts = [(r["units"], p * r["run_s"]) for cs, q, r in cs_runs if q == p]
        A, a = fit([[1, u] for u, _ in pts], [y for _, y in pts])
        fits[p] = (A, a)
        n = cs_runs[0][2]["points"]
        print(f"fit {p} rank(s): ranks x run = {A:.3f} s + {1e6 * a:.1f} us x chunks   "
              f"(c = {1e9 * A / n:.0f} ns/point incl. fixed costs)")
    a = fits[1][1]
    s_us = [r["service_us"] for cs, p, r in cs_runs if p == 2 and "service_us" in r]
    s = 1e-6 * float(np.median(s_us))
    print(f"per-chunk overhead a = {1e6 * a:.0f} us (1 rank), {1e6 * fits[2][1]:.0f} us of core time (2 ranks); "
          f"dispatcher s = {1e6 * s:.1f} us per request (2 ranks, median over chunk sizes) -> at most "
          f"{1 / s / 1e3:.0f}k requests/s")
    over = [f"{p} ranks: {r['service_us']:.1f} us" for cs, p, r in cs_runs if p > 2 and "service_us" in r]
    print(f"dispatcher service time oversubscribed (CPU contention, an upper bound): {', '.join(over)}")

    print("\n== (b) merge + write (after 'scan complete') against grid points and experiments ==")
    print(f"{'grid points':>11} {'experiments':>11} {'evaluations':>11} {'merge+write [s]':>15} {'ns/evaluation':>13}")
    mrows = []
    for (j, p), r in sorted(runs.items()):
        m = re.match(r"merge_n(\d+)_e(\d+)", j)
        if m:
            grid, e = int(m[1]) ** 2, int(m[2])
            mrows.append((grid, e, grid * e, r["merge_s"]))
    for grid, e, n, t in sorted(mrows):
        print(f"{grid:>11} {e:>11} {n:>11} {t:>15.3f} {1e9 * t / n:>13.1f}")
    m0, mu, nu = fit([[1, n, g] for g, e, n, t in mrows], [t for *_, t in mrows])
    print(f"fit: T_merge = {m0:.3f} s + {1e9 * mu:.1f} ns x evaluations + {1e9 * nu:.1f} ns x grid points")

    print("\n== (c) cost per evaluation as the scan measures it (busy seconds / points) ==")
    coll = max(((cs, r) for cs, p, r in cs_runs if p == 1))[1]
    tab = runs[("table", 1)]
    c = 1e-6 * tab["us_per_point"]
    print(f"colliders: {coll['us_per_point'] * 1e3:.0f} ns; table-driven (passat_nomad, charm, e137): "
          f"{tab['us_per_point'] * 1e3:.0f} ns; the table job's prepare {tab['prep_s']:.2f} s for 3 experiments, "
          f"job loading + set-up {tab['scan_s'] - tab['run_s']:.2f} s")

    print("\n== the model for a 1e8-point 4-D scan (m_a, g_agg, g_ae, br_inv), 10 experiments ==")
    grid, E = 1e8, 10
    N = grid * E  # assumption: every experiment depends on all four axes (colliders, invisible-width searches)
    t_prep = tab["prep_s"] / 3  # P >> E: each rank prepares (or loads) about one experiment
    t_load = (tab["scan_s"] - tab["run_s"]) * E / 3
    t_merge = m0 + mu * N + nu * grid
    print(f"assumed: N = {N:.0e} evaluations at c = {1e9 * c:.0f} ns, a = {1e6 * a:.0f} us/chunk, "
          f"s = {1e6 * s:.1f} us/request, T_prep = {t_prep:.2f} s per rank, T_load = {t_load:.2f} s, "
          f"T_merge(N) = {t_merge:.0f} s (serial, rank 0; extrapolated from <= 8e6 evaluations)")

    def wall(P, cs, merge=True):
        n_ch = N / cs
        t_ch = a + c * cs
        scan = max((N * c + n_ch * a) / P, n_ch * s) + t_ch  # dispatcher bound: rank 0 answers 1/s per second
        return t_load + t_prep + scan + (t_merge if merge else 0), t_ch

    def best(P, merge=True):
        return max(((N * c / (P * wall(P, cs, merge)[0]), cs) for cs in np.logspace(2, 8, 121)))

    def p80(merge):
        Ps = np.unique(np.round(np.logspace(0, 5, 400)).astype(int))
        ok = [P for P in Ps if best(P, merge)[0] >= 0.8]
        return max(ok) if ok else 0

    print(f"{'ranks':>6} {'best chunk_size':>15} {'t_chunk [s]':>11} {'E (with merge)':>14} {'E (scan only)':>13} "
          f"{'dispatcher load':>15}")
    for P in (1, 2, 8, 32, 128, 512, 2048, 8192):
        e_m, cs_m = best(P, True)
        e_s, cs_s = best(P, False)
        t_ch = a + c * cs_s
        print(f"{P:>6} {cs_s:>15.3g} {t_ch:>11.3g} {e_m:>14.2f} {e_s:>13.2f} {P * s / t_ch:>15.2f}")
    print(f"efficiency >= 80% up to P = {p80(True)} ranks with the serial merge, P = {p80(False)} without it")
    print("recommended chunk_size: overhead <= 2% (t_chunk >= 50 a), dispatcher load <= 50% (t_chunk >= 2 P s), "
          ">= 20 chunks per rank (chunk_size <= N / (20 P)):")
    for cc in (50e-9, c, 5e-6):
        for P in (16, 1000):
            lo = max(50 * a, 2 * P * s) / cc
            hi = N / (20 * P)
            print(f"  c = {1e9 * cc:>5.0f} ns, P = {P:>4}: chunk_size {lo:.2g} .. {hi:.2g}" +
                  ("" if lo <= hi else "  (empty: too many ranks for this N)"))


if __name__ == "__main__":
    main(sys.argv[1])
