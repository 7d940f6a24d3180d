#!/usr/bin/env python3
"""The scaling model of the README ("Scaling model"), fitted to what bench/bench_scaling.sh measured.

Reads DIR/index.txt ("ranks job log" per run), DIR/checkpoint_io.txt and DIR/round_trip.txt; prints the
measured tables, the fitted constants, and the model's answers for a 1e8-point 4-D scan:

  t_chunk = max(a + c * chunk_size, t_write)      wall time per chunk on one rank: compute plus the
                                                  per-chunk cost a that is not overlapped, or the unit
                                                  file's write + fsync on the rank's writer thread
                                                  (overlapped with the next chunk), whichever is longer
  W(P) = T_load + T_prep + max(n_chunks t_chunk / P, n_chunks s) + t_chunk + T_merge(N)
  E(P) = N c / (P W(P))                           parallel efficiency against perfect division of N c

N = evaluations (grid points x experiments), n_chunks = N / chunk_size, s = the dispatcher's service time
per request (rank 0 answers at most 1/s requests per second: useful ranks <= t_chunk / s), + t_chunk = the
last chunk's tail, T_merge(N) = m0 + mu N + nu n_grid = the serial merge and write on rank 0.
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
                      r"\(prepare ([0-9.]+) s in all; ([0-9.]+) us/point without it\)", ln)
        if m:
            r.update(ranks=int(m[1]), run_s=float(m[2]), points=int(m[3]), units=int(m[4]), prep_all_s=float(m[5]),
                     us_per_point=float(m[6]))
        m = re.search(r"dispatcher: (\d+) requests, ([0-9.]+) us each", ln)
        if m:
            r["requests"], r["service_us"] = int(m[1]), float(m[2])
    stamps = [s for s in map(stamp, lines) if s is not None]
    r["merge_s"] = stamps[-1] - r["t_complete"]  # finish_run: merge, planes, write, summary lines
    return r


def lsq(rows, y):
    return np.linalg.lstsq(np.array(rows, float), np.array(y, float), rcond=None)[0]


def main(d):
    runs = {}
    for ln in open(f"{d}/index.txt"):
        np_, job, log = ln.split()
        runs[(job, int(np_))] = parse_log(log)

    print("== per-chunk costs, one at a time ==")
    io = open(f"{d}/checkpoint_io.txt").read()
    write_us = {int(m[0]): float(m[1]) for m in re.findall(r"^(\d+)\s+([0-9.]+)\s+[0-9.]+$", io, re.M)}
    record_us = float(re.search(r"manifest record \(rank 0\)\s+([0-9.]+)", io)[1])
    w0, w1 = lsq([[1, n] for n in write_us], [1e-6 * v for v in write_us.values()])
    t_write = lambda cs: w0 + w1 * cs
    print(f"unit file write + fsync: t_write = {1e3 * w0:.2f} ms + {1e9 * w1:.1f} ns/point "
          f"({', '.join(f'{v / 1e3:.2f} ms at {n}' for n, v in write_us.items())} points)")
    print(f"manifest record on rank 0: {record_us:.1f} us")
    rt = re.findall(r"ranks (\d+): .*?round trip ([0-9.]+) us; rank 0 answered (\d+) requests/s",
                    open(f"{d}/round_trip.txt").read())
    for p, us, rate in rt:
        print(f"raw MPI round trip (shared memory, {p} ranks on 2 cores): {float(us):.1f} us; a rank 0 that never "
              f"sleeps answers {float(rate) / 1e3:.0f}k requests/s")

    print("\n== (a) scans of 4 collider experiments, 4e6 evaluations, against chunk size ==")
    print(f"{'chunk_size':>10} {'chunks':>7} {'ranks':>5} {'run [s]':>8} {'ranks x run / chunk [ms]':>24} "
          f"{'us/point (scan)':>15} {'dispatcher us/request':>22}")
    cs_runs = sorted((int(j[len('overhead_cs'):]), p, r) for (j, p), r in runs.items() if j.startswith("overhead_cs"))
    for cs, p, r in sorted(cs_runs, key=lambda t: (t[1], t[0])):
        disp = f"{r['service_us']:.1f}" if "service_us" in r else "-"
        print(f"{cs:>10} {r['units']:>7} {p:>5} {r['run_s']:>8.3f} {1e3 * p * r['run_s'] / r['units']:>24.2f} "
              f"{r['us_per_point']:>15.3f} {disp:>22}")
    one = [(cs, r["run_s"] / r["units"]) for cs, p, r in cs_runs if p == 1]
    bound = [(cs, y) for cs, y in one if y > 1.3 * t_write(cs)]  # compute-bound: the writer keeps up
    a, c_fit = lsq([[1, cs] for cs, _ in bound], [y for _, y in bound]) if len(bound) >= 2 else (0.0, 0.0)
    print(f"fit on the {len(bound)} compute-bound one-rank runs: t_chunk = a + c chunk_size with a = {1e3 * a:.2f} ms, "
          f"c = {1e9 * c_fit:.0f} ns/point; below chunk_size {max(t_write(0) - a, 0) / c_fit:.3g} a rank waits for "
          f"its writer (t_chunk = t_write)" if c_fit > 0 else "fit: fewer than two compute-bound runs")
    s_two = [r["service_us"] for cs, p, r in cs_runs if p == 2 and "service_us" in r]
    s = 1e-6 * float(np.median(s_two))
    over = ", ".join(f"{p} ranks {r['service_us']:.1f} us" for cs, p, r in cs_runs if p > 2 and "service_us" in r)
    print(f"dispatcher: s = {1e6 * s:.1f} us per request (median of the 2-rank runs) -> at most {1 / s / 1e3:.0f}k "
          f"requests/s; oversubscribed (CPU contention): {over}")
    for cs, p, r in cs_runs:
        if p == 2 and cs == min(c for c, q, _ in cs_runs if q == 2):
            one_r = next(rr for cc, q, rr in cs_runs if q == 1 and cc == cs)
            print(f"2 ranks at chunk_size {cs} (writer-bound): {one_r['run_s'] / r['run_s']:.2f}x the one-rank speed "
                  "(two writers)")

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
    m0, mu, nu = lsq([[1, n, g] for g, e, n, t in mrows], [t for *_, t in mrows])
    print(f"fit: T_merge = {m0:.3f} s + {1e9 * mu:.0f} ns x evaluations + {1e9 * nu:.0f} ns x grid points")

    print("\n== (c) cost per evaluation as the scan measures it (compute seconds / points, prepare apart) ==")
    coll = max(((cs, r) for cs, p, r in cs_runs if p == 1))[1]
    tab = runs[("table", 1)]
    c = 1e-6 * tab["us_per_point"]
    print(f"colliders: {coll['us_per_point'] * 1e3:.0f} ns/point; table-driven (passat_nomad, charm, e137 at 100 masses): "
          f"{tab['us_per_point'] * 1e3:.0f} ns/point, prepare {tab['prep_all_s']:.2f} s for the 3, job loading and "
          f"set-up {tab['scan_s'] - tab['run_s']:.2f} s")

    print("\n== the model: a 1e8-point 4-D scan (m_a, g_agg, g_ae, br_inv; 100^4), 10 experiments ==")
    grid, E = 1e8, 10
    N = grid * E  # every experiment on all four axes (as colliders and invisible-width searches are)
    t_prep = tab["prep_all_s"] / 3  # P >> E: each rank prepares (or loads) about one experiment
    t_load = (tab["scan_s"] - tab["run_s"]) * E / 3
    t_merge = m0 + mu * N + nu * grid
    print(f"constants: c = {1e9 * c:.0f} ns/evaluation (table-driven, measured), a = {1e3 * a:.2f} ms, "
          f"t_write = {1e3 * t_write(0):.1f} ms + {1e9 * w1:.1f} ns/point, s = {1e6 * s:.1f} us, T_prep = {t_prep:.2f} s "
          f"per rank, T_load = {t_load:.2f} s, T_merge = {t_merge:.0f} s (extrapolated from <= 8e6 evaluations)")

    def t_chunk(cs, cc=c):
        return max(a + cc * cs, t_write(cs))

    def wall(P, cs, merge=True):
        n_ch = N / cs
        scan = max(n_ch * t_chunk(cs) / P, n_ch * s) + t_chunk(cs)
        return t_load + t_prep + scan + (t_merge if merge else 0)

    def best(P, merge=True):
        return max((N * c / (P * wall(P, cs, merge)), cs) for cs in np.logspace(2, 8, 121))

    def p80(merge):
        ok = [P for P in np.unique(np.round(np.logspace(0, 5, 500)).astype(int)) if best(P, merge)[0] >= 0.8]
        return max(ok) if ok else 0

    print(f"{'ranks':>6} {'best chunk_size':>15} {'t_chunk [s]':>11} {'E with merge':>12} {'E scan only':>11} "
          f"{'dispatcher load':>15}")
    for P in (1, 8, 32, 128, 512, 1024, 2048, 4096, 8192):
        e_m, _ = best(P, True)
        e_s, cs = best(P, False)
        print(f"{P:>6} {cs:>15.3g} {t_chunk(cs):>11.3g} {e_m:>12.2f} {e_s:>11.2f} {P * s / t_chunk(cs):>15.2f}")
    print(f"efficiency >= 80% up to P = {p80(True)} ranks with today's serial merge on rank 0, "
          f"P = {p80(False)} for the scan alone (a merge that scales, issue 17 item 3)")
    print("recommended chunk: t_chunk = c chunk_size >= max(2 t_write, 50 a, 2 P s) (writer hidden, overhead <= 2%, "
          "dispatcher <= 50% busy) and >= 20 chunks per rank (chunk_size <= N / (20 P)):")
    for cc in (0.1e-6, c, 5e-6):
        for P in (16, 1000):
            lo = max(2 * t_write(0), 50 * a, 2 * P * s) / cc
            hi = N / (20 * P)
            print(f"  c = {1e9 * cc:>5.0f} ns/point, P = {P:>4}: chunk_size {lo:.2g} .. {hi:.2g}" +
                  ("" if lo <= hi else "  (none: the largest chunk that balances is below the overhead floor)"))


if __name__ == "__main__":
    main(sys.argv[1])
