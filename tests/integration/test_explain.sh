#!/usr/bin/env bash
# alpscan explain: the breakdown at a grid point adds up to the signal the scan stored there, the
# verdict matches the scan's excluded flag, and malformed points are rejected with exit 2.
source "$(dirname "$0")/common.sh"
scenario explain
"$BIN" run job.json >/dev/null 2>&1
# A grid point: the 20th mass and 15th coupling of the job's log axes.
read -r M G < <(/usr/bin/python3 -c "
import h5py; f = h5py.File('out/scan.h5', 'r')
print(repr(float(f['axes/m_a'][20])), repr(float(f['axes/g_agg'][15])))")
"$BIN" explain job.json --point "m_a=$M,g_agg=$G" --json > ex.json; rc=$?
check "explain exits 0" "[[ $rc -eq 0 ]]"
check "explain: parts sum to the scan's stored signal, verdicts match the scan" "/usr/bin/python3 - <<PY
import h5py, json
f = h5py.File('out/scan.h5', 'r'); e = json.load(open('ex.json'))
assert len(e['experiments']) == 5
for x in e['experiments']:
    g = f['experiments/' + x['experiment']]
    s = float(g['signal'][20, 15]); tot = sum(p['events'] for p in x['parts'])
    assert abs(tot - x['total']) <= 1e-12 * max(1, abs(tot))
    assert abs(tot - s) <= 1e-9 * max(1e-300, abs(s)), (x['experiment'], tot, s)
    assert bool(g['excluded'][20, 15]) == x['excluded']
PY"
"$BIN" explain job.json --point "m_a=1" > /dev/null 2> err.log; rc=$?
check "explain without a scanned axis: exit 2 naming it" "[[ $rc -eq 2 ]] && grep -q 'scans g_agg' err.log"
"$BIN" explain job.json --point "m_a=1,g_aggg=1e-4" > /dev/null 2> err.log; rc=$?
check "explain with an unknown axis: exit 2" "[[ $rc -eq 2 ]] && grep -q 'unknown axis \"g_aggg\"' err.log"
"$BIN" explain job.json --point "m_a=1,g_agg=abc" > /dev/null 2> err.log; rc=$?
check "explain with a non-number: exit 2" "[[ $rc -eq 2 ]] && grep -q 'expects a number' err.log"
"$BIN" explain job.json --point "m_a=1,g_agg=1e-4" --experiment nope > /dev/null 2> err.log; rc=$?
check "explain with an experiment not in the job: exit 2" "[[ $rc -eq 2 ]] && grep -q 'no experiment \"nope\"' err.log"
# What the number is: events for a counting experiment, the measured quantity for g-2.
"$BIN" explain "$SRC/jobs/invisible_combined.json" --point "m_a=1e7,g_agg=1e-5,g_ae=1e-4" --experiment g2_electron > g2.txt 2> err.log; rc=$?
check "explain names g-2's prediction Delta a_e, not signal events" "[[ $rc -eq 0 ]] && grep -q 'Delta a_e' g2.txt && ! grep -q 'signal events' g2.txt"
exit $fail
