#!/usr/bin/python3
"""The scaling model of the README ("Scaling model"), fitted to what bench/bench_scaling.sh measured.

Reads DIR/index.txt ("ranks job log" per run), DIR/checkpoint_io.txt and DIR/round_trip.txt; prints the
measured tables, the fitted constants, and the model's answers for a 1e8-point 4-D scan:

  t_chunk = max(a + c * chunk_size, t_write)      wall time per chunk on one rank: compute plus the
                                                  per-chunk cost a that is not overlapped, or the unit
                                                  file's write + fsync on the rank's writer thread
                                                  (overlapped with the next chunk), whichever is longer
  W(P) = T_load + T_prep + max(n_chunks t_chunk / P, n_chunks s) + t_chunk + T_merge(N)
  E(P) = W(1) / (P W(P))                          parallel efficiency (chunk size chosen best for each P)

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
        rss = log[: -len(".log")] + ".rss"
        try:
            runs[(job, int(np_))]["rss_mb"] = int(open(rss).read().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            pass

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

    print("\n== (a) scans of 8 collider experiments, 8e6 evaluations, against chunk size ==")
    print("(t_chunk = ranks x run / chunks; compute = the ranks' own compute + prepare seconds per chunk; overhead =")
    print(" the rest: waiting for the writer, dispatch, manifest, start and end of the run)")
    print(f"{'chunk_size':>10} {'chunks':>7} {'ranks':>5} {'run [s]':>8} {'t_chunk [ms]':>12} {'compute [ms]':>12} "
          f"{'overhead [ms]':>13} {'ns/point':>9} {'dispatcher us/request':>22}")
    cs_runs = sorted((int(j[len('overhead_cs'):]), p, r) for (j, p), r in runs.items() if j.startswith("overhead_cs"))
    rows = []
    for cs, p, r in sorted(cs_runs, key=lambda t: (t[1], t[0])):
        busy = 1e-6 * r["us_per_point"] * r["points"] + r["prep_all_s"]
        t_ch, comp = p * r["run_s"] / r["units"], busy / r["units"]
        rows.append((cs, p, t_ch, comp, t_ch - comp))
        disp = f"{r['service_us']:.1f}" if "service_us" in r else "-"
        print(f"{cs:>10} {r['units']:>7} {p:>5} {r['run_s']:>8.3f} {1e3 * t_ch:>12.2f} {1e3 * comp:>12.2f} "
              f"{1e3 * (t_ch - comp):>13.2f} {1e3 * r['us_per_point']:>9.0f} {disp:>22}")
    # a: the overhead per chunk where the writer keeps up (compute > 2 t_write) and the run has >= 50 chunks
    # (fewer: the run's start and its last, unhidden write dominate the figure).
    def overhead(p):
        o = [o for cs, q, t_ch, comp, o in rows if q == p and comp > 2 * t_write(cs) and N_a / cs >= 50]
        o = o or [o for cs, q, t_ch, comp, o in rows if q == p and N_a / cs >= 50]
        return max(float(np.median(o)), 0.0), len(o)
    N_a = cs_runs[0][2]["points"]
    a1, n1 = overhead(1)
    a, n2 = overhead(2)
    c_coll = 1e-9 * float(np.median([1e3 * r["us_per_point"] for cs, p, r in cs_runs if p == 1]))
    print(f"t_chunk = max(a + c chunk_size, t_write): c = {1e9 * c_coll:.0f} ns/point (median of the scans' own "
          f"figures); a = {1e3 * a1:.2f} ms on one rank (median of {n1} runs), {1e3 * a:.2f} ms of core time on two "
          f"(median of {n2}: the worker's wait for its next unit, i.e. the round trip and the dispatcher's wake-up "
          f"from its idle back-off of <= 2 ms); the writer bounds chunks below chunk_size ~ {t_write(0) / c_coll:.3g}")
    many = [(r["requests"], r["service_us"], p) for cs, p, r in cs_runs if "service_us" in r]
    req, s_us, s_p = max(m for m in many if m[2] == 2)
    s = 1e-6 * s_us
    print(f"dispatcher: s = {s_us:.1f} us per request (the 2-rank run with the most requests, {req}; the same "
          f"2 cores run both ranks' compute and writer threads) -> rank 0 answers at most {1 / s / 1e3:.0f}k requests/s; "
          f"all runs: " + ", ".join(f"{p} ranks {u:.0f} us ({n} requests)" for n, u, p in sorted(many, key=lambda m: m[2])))
    print("  (few requests -> larger means: the manifest's group fsync, every 0.25 s, falls on one request)")

    print("\n== (b) merge + write (after 'scan complete') against grid points and experiments ==")
    print(f"{'grid points':>11} {'experiments':>11} {'evaluations':>11} {'merge+write [s]':>15} {'ns/evaluation':>13} "
          f"{'peak RSS [MB]':>13}")
    mrows, rss = [], {}
    for (j, p), r in sorted(runs.items()):
        m = re.match(r"merge_n(\d+)_e(\d+)", j)
        if m:
            grid, e = int(m[1]) ** 2, int(m[2])
            mrows.append((grid, e, grid * e, r["merge_s"]))
            rss[(grid, e)] = r.get("rss_mb", float("nan"))
    for grid, e, n, t in sorted(mrows):
        print(f"{grid:>11} {e:>11} {n:>11} {t:>15.3f} {1e9 * t / n:>13.1f} {rss[(grid, e)]:>13.0f}")
    g = max(grid for grid, *_ in mrows)
    if (g, 1) in rss and (g, 8) in rss:
        arrays = 7 * g * 18 / 2**20  # signal + statistic (8 + 8) and two flags per point, for 7 more experiments
        layers = 7 * g * 8 / 2**20  # their layers of the job's one plane (8 bytes a cell, kept for the contours)
        grow = rss[(g, 8)] - rss[(g, 1)]
        print(f"memory at {g} grid points: 8 experiments {rss[(g, 8)]:.0f} MB vs 1 experiment {rss[(g, 1)]:.0f} MB: "
              f"+{grow:.0f} MB for 7 more, of which {layers:.0f} MB are their plane layers (the plane has a cell per "
              f"grid point here); the rest, {grow - layers:.0f} MB, against their per-point arrays of {arrays:.0f} MB "
              f"(ratio {(grow - layers) / arrays:.2f}; a merge holding every experiment would be >= 1)")
    m0, mu, nu = lsq([[1, n, g] for g, e, n, t in mrows], [t for *_, t in mrows])
    if nu < 0 or m0 < 0:  # noise: the grid-point term is not resolved; one slope per evaluation
        (m0, mu), nu = lsq([[1, n] for g, e, n, t in mrows], [t for *_, t in mrows]), 0.0
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
    t_prep = tab["prep_all_s"] / 3  # each rank prepares (or loads) about one experiment
    t_load = (tab["scan_s"] - tab["run_s"]) * E / 3
    t_merge = m0 + mu * N + nu * grid
    print(f"constants: c = {1e9 * c:.0f} ns/evaluation (table-driven, measured), a = {1e3 * a:.2f} ms, "
          f"t_write = {1e3 * t_write(0):.2f} ms + {1e9 * w1:.0f} ns/point, s = {1e6 * s:.1f} us, T_prep = {t_prep:.2f} s "
          f"per rank, T_load = {t_load:.2f} s, T_merge = {t_merge:.0f} s (extrapolated from <= 8e6 evaluations)")

    def t_chunk(cs):
        return max(a + c * cs, t_write(cs))

    def wall(P, cs, merge):
        n_ch = N / cs
        scan = max(n_ch * t_chunk(cs) / P, n_ch * s) + (t_chunk(cs) if P > 1 else 0)
        return t_load + t_prep + scan + (t_merge if merge else 0)

    sizes = np.logspace(2, 8, 121)
    w1_ = {m: min(wall(1, cs, m) for cs in sizes) for m in (True, False)}

    def best(P, merge):  # (efficiency T1 / (P T_P), chunk size) at the best chunk size for P ranks
        return max((w1_[merge] / (P * wall(P, cs, merge)), cs) for cs in sizes)

    def p80(merge):
        ok = [P for P in np.unique(np.round(np.logspace(0, 5, 500)).astype(int)) if best(P, merge)[0] >= 0.8]
        return max(ok) if ok else 0

    print(f"W(1) = {w1_[True]:.0f} s with the merge, {w1_[False]:.0f} s without")
    print(f"{'ranks':>6} {'best chunk_size':>15} {'t_chunk [s]':>11} {'W scan [s]':>10} {'E scan':>7} "
          f"{'E with merge':>12} {'dispatcher busy':>15}")
    for P in (2, 8, 32, 64, 128, 256, 512, 1024, 4096):
        e_m, _ = best(P, True)
        e_s, cs = best(P, False)
        print(f"{P:>6} {cs:>15.3g} {t_chunk(cs):>11.3g} {wall(P, cs, False):>10.1f} {e_s:>7.2f} {e_m:>12.2f} "
              f"{min(P * s / t_chunk(cs), 1):>15.2f}")
    P80 = p80(False)
    e80, cs80 = best(P80, False)
    print(f"efficiency >= 80% up to P = {P80} ranks for the scan; with today's serial merge on rank 0 "
          f"up to P = {p80(True)}")
    print(f"  at P = {P80} (chunk_size {cs80:.3g}): compute N c / P = {N * c / P80:.2f} s, T_prep + T_load = "
          f"{t_prep + t_load:.2f} s, chunk overhead {N / cs80 * (t_chunk(cs80) - c * cs80) / P80:.2f} s, tail "
          f"{t_chunk(cs80):.2f} s")
    t_prep_measured, t_prep = t_prep, 0.0
    w1_ = {m: min(wall(1, cs, m) for cs in sizes) for m in (True, False)}
    print(f"  if no rank had to prepare (tables ready, T_prep = 0): 80% up to P = {p80(False)}")
    t_prep = t_prep_measured
    w1_ = {m: min(wall(1, cs, m) for cs in sizes) for m in (True, False)}
    print(f"max useful ranks by the dispatcher alone: t_chunk / s = {0.1 / s:.0f} at t_chunk = 0.1 s, {1 / s:.0f} at 1 s")
    print("recommended chunk: t_chunk = c chunk_size >= max(2 t_write, 50 a, 2 P s) (writer hidden, overhead <= 2%, "
          "dispatcher <= 50% busy) and >= 20 chunks per rank (chunk_size <= N / (20 P)):")
    for cc in (0.1e-6, c, 5e-6):
        for P in (16, 128, 1000):
            lo = max(2 * t_write(0), 50 * a, 2 * P * s) / cc
            hi = N / (20 * P)
            print(f"  c = {1e9 * cc:>5.0f} ns/point, P = {P:>4}: chunk_size {lo:.2g} .. {hi:.2g}" +
                  ("" if lo <= hi else "  (none: too many ranks for this N)"))


if __name__ == "__main__":
    main(sys.argv[1])
