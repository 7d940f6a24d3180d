#!/usr/bin/env bash
# The result files of a run: scan.h5 layout and provenance, summary.json, and the AxionLimits-format
# curves with their sidecars (two '#' header lines, m_a in eV and g in GeV^-1, closed polygons).
# Also `alpscan plan` and `alpscan list`.
set -u
source "$(dirname "$0")/common.sh"
scenario o
J=job.json
"$BIN" run "$J" > run.log 2>&1; rc=$?
check "run exits 0" "[[ $rc -eq 0 ]]"
check "log prints where the results are" "grep -q 'results: out/scan.h5' run.log"
check "log has progress lines with rate and ETA" "grep -q 'progress: .* points/s, elapsed .* ETA' run.log"

/usr/bin/python3 - out "$SRC" <<'PY' || fail=1
import json, sys, h5py, numpy as np
out, src = sys.argv[1], sys.argv[2]
bad = []
def need(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond: bad.append(what)
f = h5py.File(out + "/scan.h5", "r")
need(f.attrs["format"] == b"alpscan-result/1" or f.attrs["format"] == "alpscan-result/1", "scan.h5 format attribute")
for a in ("job", "code_version", "git_revision", "confidence_level"):
    need(a in f.attrs, f"scan.h5 attribute {a}")
job = json.loads(f.attrs["job"])
need(job["name"] == "small_passat", "the job file is stored in scan.h5")
m = f["axes/m_a"][:]; g = f["axes/g_agg"][:]
need(len(m) == 41 and abs(m[0] - 1e-3) < 1e-15 and abs(m[-1] - 1e7) < 1e-3, "m_a axis in eV")
need(f["axes/m_a"].attrs["unit"] in (b"eV", "eV"), "m_a unit attribute")
names = sorted(f["experiments"].keys())
need(names == sorted(["passat_nomad", "passat_cast_bdf", "passat_babyiaxo_bdf", "passat_cast_bdf_20t", "passat_babyiaxo_bdf_20t"]), "five PASSAT experiments")
for n in names:
    e = f["experiments/" + n]
    s, q, x = e["signal"][:], e["test_statistic"][:], e["excluded"][:]
    need(s.shape == (41, 31), f"{n}: signal on the (m_a, g_agg) grid")
    sup = e.attrs["signal_upper_limit"]
    need(np.array_equal(x.astype(bool), s >= sup), f"{n}: excluded == (signal >= s_up)")
    need(np.all(np.diff(s[:10], axis=1) >= 0), f"{n}: signal grows with g at low mass")
    need(np.all(q[s >= sup] > 0), f"{n}: test statistic > 0 where excluded")
any_ = f["maps/excluded_any"][:].astype(bool)
union = np.zeros_like(any_)
for n in names: union |= f["experiments/" + n + "/excluded"][:].astype(bool)
need(np.array_equal(any_, union), "maps/excluded_any is the union of the experiments")
crit = f["maps"].attrs["combined_critical_value"]
need(abs(crit - 1.2815516**2) < 1e-5, "combined critical value at 90% CL")
need(np.array_equal(f["maps/combined_excluded"][:].astype(bool), f["maps/combined_test_statistic"][:] >= crit), "combined map")
need(np.array_equal(f["planes/m_a__g_agg/union/excluded"][:].astype(bool), any_), "plane union == global union (2-D scan)")
summ = json.load(open(out + "/summary.json"))
need(summ["points"] == 41 * 31 and len(summ["experiments"]) == 5, "summary.json")
need(summ["excluded_any_points"] == int(any_.sum()), "summary counts excluded points")
curves = summ["planes"][0]["curves"]
need(set(curves) == set(names) | {"union", "union_limits", "combined"}, "one curve per experiment + union, union_limits, combined")
lim = f["experiments/passat_nomad/excluded"][:].astype(bool)  # the only experiment with data
need(np.array_equal(f["maps/excluded_any_limit"][:].astype(bool), lim), "maps/excluded_any_limit: kind limit only")
for n, rel in curves.items():
    lines = open(out + "/" + rel).read().splitlines()
    need(lines[0].startswith("# " + n + ":") and "source:" in lines[0], f"{n}: header line 1 names the curve and source")
    need(lines[1].startswith("# m_a [eV]") and "g_agg [GeV^-1]" in lines[1], f"{n}: header line 2 gives units")
    pts = np.array([[float(v) for v in l.split()] for l in lines[2:]])
    side = json.load(open(out + "/" + rel.replace(".txt", ".json")))
    for a, b in side["polygons"]:
        need(np.array_equal(pts[a], pts[b]), f"{n}: polygon rows {a}-{b} closed")
    need(side["confidence_level"] == 0.9 and "code_version" in side and "fixed_axes" in side and side["sources"], f"{n}: sidecar provenance")
    need(side["fixed_axes"]["g_ae"] == 0.0, f"{n}: sidecar records fixed g_ae")
# QCD-axion reference band (seed 004 Eq. A2): a closed polygon from g = 0.016 m_a to 2.587 m_a (m_a in GeV).
ref = summ["planes"][0]["reference_curves"]
need(list(ref) == ["qcd_ksvz"], "the (m_a, g_agg) plane has the KSVZ reference band")
lines = open(out + "/" + ref["qcd_ksvz"]).read().splitlines()
need(lines[0].startswith("# qcd_ksvz:") and lines[1].startswith("# m_a [eV]"), "qcd_ksvz: header lines")
pts = np.array([[float(v) for v in l.split()] for l in lines[2:]])
need(np.array_equal(pts[0], pts[-1]) and len(pts) == 51, "qcd_ksvz: one closed polygon")
need(abs(pts[0, 0] - 1e-3) < 1e-12 and abs(pts[0, 1] / (1e-12 * (0.203 * 2 - 0.39)) - 1) < 1e-5, "qcd_ksvz: lower edge E/N = 2 at the first m_a")
need(abs(pts[25, 0] - 1e7) < 1e-3 and abs(pts[25, 1] / (1e-2 * (0.203 * 44 / 3 - 0.39)) - 1) < 1e-5, "qcd_ksvz: upper edge E/N = 44/3 at the last m_a")
need(json.load(open(out + "/" + ref["qcd_ksvz"].replace(".txt", ".json")))["kind"] == "reference", "qcd_ksvz: sidecar")
sys.exit(1 if bad else 0)
PY

out=$("$BIN" plan "$J"); rc=$?
check "plan exits 0" "[[ $rc -eq 0 ]]"
check "plan shows points, chunks, axes per experiment, evaluations" \
  "grep -q 'grid points: 1271' <<<\"\$out\" && grep -q 'passat_nomad *axes \[m_a, g_agg\], 1271 evaluations in 20 chunks' <<<\"\$out\" && grep -q 'total: 6355 evaluations in 100 chunks' <<<\"\$out\""
out=$("$BIN" list); rc=$?
check "list exits 0 and shows couplings and sources" "[[ $rc -eq 0 ]] && grep -q 'passat_nomad .* m_a, g_agg' <<<\"\$out\" && grep -q 'source: seed 000' <<<\"\$out\""
# An axis no experiment uses costs nothing: adding 4 values of g_ae does not add evaluations.
/usr/bin/python3 - "$J" "$WORK/gae.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); j["parameters"]["g_ae"] = {"values": [0, 1e-7, 1e-6, 1e-5]}
json.dump(j, open(sys.argv[2], "w"))
PY
out=$("$BIN" plan "$WORK/gae.json")
check "unused axis costs nothing" "grep -q 'total: 6355 evaluations' <<<\"\$out\" && grep -q 'g_ae .*costs nothing' <<<\"\$out\""
# submit --dry-run writes the batch script next to the results and does not call sbatch.
out=$("$BIN" submit "$J" --ntasks 5 --nodes 2 --time 02:30:00 --partition short --account phys --signal-grace 300 --max-continuations 3 --dry-run); rc=$?
S=out/slurm/small_passat.sbatch
check "submit --dry-run: exit 0, script written" "[[ $rc -eq 0 && -x $S ]] && grep -q 'dry run: not submitted' <<<\"\$out\""
check "batch script has the requested resources and the warning signal" \
  "grep -q -- '--ntasks=5' $S && grep -q -- '--nodes=2' $S && grep -q -- '--time=02:30:00' $S && grep -q -- '--partition=short' $S && grep -q -- '--account=phys' $S && grep -q -- '--signal=USR1@300' $S && grep -q 'MAX_CONTINUATIONS=3' $S && grep -q 'srun --mpi=pmix' $S"
check "batch script is valid bash" "bash -n $S"
"$BIN" submit "$J" --time 1:xx --dry-run > sub.log 2>&1; rc=$?
check "submit with a bad --time: exit 2" "[[ $rc -eq 2 ]] && grep -q 'not a SLURM time' sub.log"
"$BIN" submit "$J" --time 2 --signal-grace 300 --dry-run > sub.log 2>&1; rc=$?
check "submit with a warning longer than the limit: exit 2" "[[ $rc -eq 2 ]]"
# status works on a finished run and on an interrupted one
"$BIN" status out > st.log; rc=$?
check "status of a complete run: exit 0" "[[ $rc -eq 0 ]] && grep -q 'out: complete' st.log && grep -q 'chunks: 100/100' st.log"
scenario part
"$BIN" run job.json --max-chunks 3 >/dev/null 2>&1
"$BIN" status out > st.log; rc=$?
check "status of an interrupted run: exit 75, resumable" "[[ $rc -eq 75 ]] && grep -q 'out: resumable' st.log && grep -q 'chunks: 3/100' st.log"
# Labelled variants of one experiment (ArgoNeuT at 3, 20 and 100 signal events) on the (m_a, g_ae) plane:
# each has its own HDF5 group and curve, the same signal, nested exclusions (3 events excludes everything 20
# excludes, and more), its benchmark in the curve header; the plane carries the DFSZ reference band.
scenario variants small_variants
"$BIN" run job.json > run.log 2>&1; rc=$?
check "labelled variants: run exits 0" "[[ $rc -eq 0 ]]"
/usr/bin/python3 - out <<'PY' || fail=1
import json, sys, h5py, numpy as np
out = sys.argv[1]
bad = []
def need(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond: bad.append(what)
f = h5py.File(out + "/scan.h5", "r")
names = sorted(f["experiments"].keys())
need(names == ["argoneut", "argoneut_100ev", "argoneut_3ev"], "one HDF5 group per variant")
s = {n: f["experiments/" + n + "/signal"][:] for n in names}
x = {n: f["experiments/" + n + "/excluded"][:].astype(bool) for n in names}
need(all(np.array_equal(s["argoneut"], s[n]) for n in names), "variants differ only in the benchmark: same signal")
need([f["experiments/" + n].attrs["signal_upper_limit"] for n in ("argoneut_3ev", "argoneut", "argoneut_100ev")] == [3, 20, 100], "s_up 3, 20, 100")
need(np.all(x["argoneut_3ev"] >= x["argoneut"]) and np.all(x["argoneut"] >= x["argoneut_100ev"]), "nested exclusions")
need(x["argoneut_3ev"].sum() > x["argoneut"].sum() > 0, "the 3-event variant excludes more")
summ = json.load(open(out + "/summary.json"))
p = summ["planes"][0]
need(p["name"] == "m_a__g_ae" and {"argoneut", "argoneut_3ev", "argoneut_100ev"} <= set(p["curves"]), "a curve per variant")
head = open(out + "/" + p["curves"]["argoneut_3ev"]).readline()
need('[variant "argoneut_3ev" of argoneut: signal_upper_limit = 3]' in head, "the variant's curve header says what it is")
ref = p["reference_curves"]
need(list(ref) == ["qcd_dfsz"], "the (m_a, g_ae) plane has the DFSZ band")
pts = np.array([[float(v) for v in l.split()] for l in open(out + "/" + ref["qcd_dfsz"]) if not l.startswith("#")])
# seed 004 Eqs. A1, A3: g_ae = m_e sin^2(beta) / (3 f_a), f_a = 5.691e6 GeV eV/m_a; tan(beta) 0.25 (lower edge), 120 (L298)
s2 = lambda t: t * t / (1 + t * t)
need(abs(pts[0, 0] - 1e6) < 1e-3 and abs(pts[0, 1] / (0.51099895e-3 * s2(0.25) / (3 * 5.691e6 / 1e6)) - 1) < 1e-5, "qcd_dfsz: lower edge at the first m_a")
need(abs(pts[25, 1] / (0.51099895e-3 * s2(120) / (3 * 5.691e6 / 3e7)) - 1) < 1e-5 and np.array_equal(pts[0], pts[-1]), "qcd_dfsz: upper edge at the last m_a, closed")
sys.exit(1 if bad else 0)
PY
exit $fail
