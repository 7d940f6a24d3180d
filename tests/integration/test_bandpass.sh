#!/usr/bin/env bash
# The bandpass axion end to end (issue 15): a job with the model on runs under MPI, every experiment sees its
# own g_eff, the UV conditions read the scanned eps, the dominant bounds are the seed's (Fig. 2: OSQAR below
# ~3e-8 eV, MWD polarisation above; seed 001 L119), and a UV condition without the model is refused.
source "$(dirname "$0")/common.sh"
scenario bandpass small_bandpass
"${MPIRUN[@]}" -np 2 "$BIN" run job.json > run.log 2>&1; rc=$?
check "bandpass job runs on two ranks" "[[ $rc -eq 0 ]]"
check "summary: stellar, CAST, beam dump and collider bounds drop out; OSQAR and MWD stay; eps = 3e-9 breaks the dark-photon bound" "/usr/bin/python3 - <<PY
import json
s = json.load(open('out/summary.json'))
n = {e['name']: e['excluded_points'] for e in s['experiments']}
assert n['cast_2017'] == n['hb_r_parameter'] == n['charm'] == n['belle2_3gamma'] == 0, n
assert n['osqar'] > 0 and n['mwd_polarisation'] > 0, n
assert n['bandpass_dark_photon'] == 1, n   # of the two eps values, 3e-9 x 6e-4 eV = 1.8e-12 eV > 1.5e-12 eV
PY"
P2="m_a__g_agg__m_f_light=1e-06__eps=2.5e-09"
/usr/bin/python3 "$SRC/scripts/dominant_bound.py" out "$P2" 1e-10 1e-7 > dom.txt 2>&1; rc=$?
check "dominant_bound: OSQAR at 1e-10 eV, MWD polarisation at 1e-7 eV (Fig. 2)" \
  "[[ $rc -eq 0 ]] && grep -Eq '^ +1e-10 +osqar ' dom.txt && grep -Eq '^ +1e-07 +mwd_polarisation ' dom.txt"
/usr/bin/python3 "$SRC/scripts/dominant_bound.py" out no_such_plane > /dev/null 2> err.log; rc=$?
check "dominant_bound: an unknown plane exits 2 naming the planes" "[[ $rc -eq 2 ]] && grep -q 'no plane no_such_plane' err.log"
check "the eps = 3e-9 plane is excluded everywhere by the dark-photon bound (from the grid's lowest coupling up)" "/usr/bin/python3 - <<PY
import json, sys
sys.path.insert(0, '$SRC/scripts')
from limit_at import crossings, load_polygons
s = json.load(open('out/summary.json'))
p = [q for q in s['planes'] if q['name'] == 'm_a__g_agg__m_f_light=1e-06__eps=3e-09']
assert p, [q['name'] for q in s['planes']]
polys = load_polygons('out/' + p[0]['curves']['bandpass_dark_photon'])
for m in (1e-12, 1e-6, 1e-2):
    c = crossings(polys, m)
    assert c and abs(c[0] / 1e-16 - 1) < 1e-6 and abs(c[-1] - 1) < 1e-6, (m, c)
q = [q for q in s['planes'] if q['name'] == 'm_a__g_agg__m_f_light=1e-06__eps=2.5e-09'][0]
assert not crossings(load_polygons('out/' + q['curves']['bandpass_dark_photon']), 1e-6)
PY"
# A UV condition in a job without the bandpass model: refused, naming the experiment and the job key.
/usr/bin/python3 - "$WORK/bandpass/job.json" "$WORK/bandpass/nomodel.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
del j["model"]
for a in ("m_f_light", "m_f_heavy", "eps"):
    del j["parameters"][a]
j["experiments"] = ["osqar", "bandpass_perturbativity"]
j["planes"] = [{"x": "m_a", "y": "g_agg"}]
json.dump(j, open(sys.argv[2], "w"))
PY
"$BIN" validate nomodel.json > err.log 2>&1; rc=$?
check "a UV condition without the bandpass model: exit 2 naming it" \
  "[[ $rc -eq 2 ]] && grep -q 'bandpass_perturbativity constrains the bandpass model' err.log"
exit $fail
