#!/usr/bin/env bash
# The plots (issue 16): a small result rendered to PNG, PDF and SVG (files of the right type and a plausible
# size; the legend names every experiment with a region, as written in the plot's JSON description and, for
# SVG, as text in the drawing itself); labels that do not overlap; g-2 bands and the QCD band; the same
# experiment gets the same colour in two results with different experiment sets; the same input gives the
# same bytes; and the error paths (missing, foreign or unfinished result, unknown plane, bad format: exit 2
# with a one-line message, never a traceback).
set -u
source "$(dirname "$0")/common.sh"
PLOT=("$BIN" plot)   # the command under test: alpscan plot (which execs scripts/plot_result.py)

scenario plot small_plot
"$BIN" run job.json > run.log 2>&1; rc=$?
check "small_plot job runs" "[[ $rc -eq 0 ]]"

"${PLOT[@]}" out --format png > png.log 2> png.err; rc=$?
check "png: exit 0, prints the plot and its description" \
  "[[ $rc -eq 0 ]] && grep -qx 'out/plots/m_a__g_agg.png' png.log && grep -qx 'out/plots/m_a__g_agg.json' png.log && [[ ! -s png.err ]]"
"${PLOT[@]}" out --format pdf --out pdfdir > pdf.log 2>&1; rc=$?
check "pdf: exit 0 into --out" "[[ $rc -eq 0 ]] && grep -qx 'pdfdir/m_a__g_agg.pdf' pdf.log"
"${PLOT[@]}" out --plane m_a,g_agg --format svg --out svgdir > svg.log 2>&1; rc=$?
check "svg: exit 0 with --plane X,Y" "[[ $rc -eq 0 ]] && grep -qx 'svgdir/m_a__g_agg.svg' svg.log"

check "files are a real PNG (signature, IHDR 800-4000 x 500-3000 px, > 20 kB), PDF and SVG" "/usr/bin/python3 - <<'PY'
import os, struct
png = open('out/plots/m_a__g_agg.png', 'rb').read()
assert png[:8] == b'\x89PNG\r\n\x1a\n' and png[12:16] == b'IHDR', png[:16]
w, h = struct.unpack('>II', png[16:24])
assert 800 <= w <= 4000 and 500 <= h <= 3000 and w > h, (w, h)
assert 20e3 < len(png) < 3e6, len(png)
pdf = open('pdfdir/m_a__g_agg.pdf', 'rb').read()
assert pdf[:5] == b'%PDF-' and b'%%EOF' in pdf[-32:] and 5e3 < len(pdf) < 3e6, (pdf[:8], len(pdf))
svg = open('svgdir/m_a__g_agg.svg').read()
assert '<svg' in svg[:2000] and 5e3 < len(svg) < 5e6, len(svg)
PY"

check "legend: every experiment with a region, projection marked, QCD band, union and combined outlines; SVG text shows them" "/usr/bin/python3 - <<'PY'
import json
d = json.load(open('out/plots/m_a__g_agg.json'))
roles = {r['name']: r['role'] for r in d['legend']}
want = {'alps1': 'limit', 'osqar': 'limit', 'cast_2017': 'limit', 'mwd_polarisation': 'limit', 'alps2': 'projection',
        'qcd_ksvz': 'reference', 'union_limits': 'union_limits', 'combined': 'combined'}
for k, v in want.items():
    assert roles.get(k) == v, (k, roles)
assert d['x']['axis'] == 'm_a' and d['x']['unit'] == 'eV' and d['y']['unit'] == 'GeV^-1', d['x']
assert d['x']['min'] == 1e-12 and d['x']['max'] == 1e6 and d['y']['min'] == 1e-14 and d['y']['max'] == 1e-3
assert all(r['colour'].startswith('#') and len(r['colour']) == 7 for r in d['legend'])
svg = open('svgdir/m_a__g_agg.svg').read()
for r in d['legend']:
    if r['name'] in ('alps1', 'osqar', 'alps2', 'cast_2017', 'mwd_polarisation'):
        assert r['label'].split(':')[0] in svg and r['label'] in svg, r['label']
assert 'small_plot' in svg and 'GeV' in svg  # title and unit of the y axis
PY"

check "labels: most regions labelled in the plot, no two label boxes overlap, all inside the axes" "/usr/bin/python3 - <<'PY'
import json
d = json.load(open('out/plots/m_a__g_agg.json'))
boxes = [(l['name'], *l['at_axes_fraction'], *l['box_axes_fraction']) for l in d['labels'] if l['at_axes_fraction']]
assert len(boxes) >= 4, d['labels']
for i, (n, u, v, w, h) in enumerate(boxes):
    assert 0 <= u - w / 2 and u + w / 2 <= 1 and 0 <= v - h / 2 and v + h / 2 <= 1, n
    for m, u2, v2, w2, h2 in boxes[i + 1:]:
        assert abs(u - u2) >= (w + w2) / 2 or abs(v - v2) >= (h + h2) / 2, (n, m)
PY"

"${PLOT[@]}" out --format png --out again > /dev/null 2>&1
"${PLOT[@]}" out --format pdf --out again > /dev/null 2>&1
check "the same result gives byte-identical PNG, PDF and description (no timestamps)" \
  "cmp -s out/plots/m_a__g_agg.png again/m_a__g_agg.png && cmp -s out/plots/m_a__g_agg.json again/m_a__g_agg.json && cmp -s pdfdir/m_a__g_agg.pdf again/m_a__g_agg.pdf"

# A committed result keeps scan.h5 only when small (issue 16 item 3): without it the axes come from summary.json.
cp -r out noh5 && rm noh5/scan.h5 && rm -rf noh5/plots
"${PLOT[@]}" noh5 > /dev/null 2>&1; rc=$?
check "a result without scan.h5: same axes, legend and colours from summary.json and the curves" "[[ $rc -eq 0 ]] && /usr/bin/python3 - <<'PY'
import json
a, b = (json.load(open(d + '/plots/m_a__g_agg.json')) for d in ('out', 'noh5'))
assert a['x'] == b['x'] and a['y'] == b['y'] and a['legend'] == b['legend'] and a['job'] == b['job'], (a['x'], b['x'])
PY"

# Colour stability: another result with a different experiment set, in a different order.
/usr/bin/python3 - job.json other.json <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
j["name"], j["output"] = "small_plot_other", "other"
j["experiments"] = ["hb_r_parameter", "cast_2017", "osqar", "pvlas"]
json.dump(j, open(sys.argv[2], "w"))
PY
"$BIN" run other.json > other.log 2>&1 && "${PLOT[@]}" other > /dev/null 2>&1; rc=$?
check "colours: osqar and cast_2017 have the same colour in both plots, other experiments others" "[[ $rc -eq 0 ]] && /usr/bin/python3 - <<'PY'
import json
a = {r['name']: r['colour'] for r in json.load(open('out/plots/m_a__g_agg.json'))['legend']}
b = {r['name']: r['colour'] for r in json.load(open('other/plots/m_a__g_agg.json'))['legend']}
assert {'osqar', 'cast_2017', 'hb_r_parameter'} <= set(b), b
for n in ('osqar', 'cast_2017'):
    assert a[n] == b[n], (n, a[n], b[n])
exps = [n for n in set(a) | set(b) if n not in ('union', 'union_limits', 'combined', 'qcd_ksvz')]
cols = {n: a.get(n) or b.get(n) for n in exps}
assert len(set(cols.values())) == len(cols), cols
PY"

check "colour table: one colour per experiment (conditions black), every entry an experiment of data/experiments" "/usr/bin/python3 - <<PY
import os, sys
sys.path.insert(0, '$SRC/scripts')
import plot_style as st
cols = [c for c in st.EXPERIMENT_COLOURS.values() if c != '#000000']
assert len(cols) == len(set(cols)), sorted(cols)
for n in st.EXPERIMENT_COLOURS:
    assert os.path.isfile('$SRC/data/experiments/' + n + '.json'), n
assert st.experiment_colour('not_in_the_table') == st.experiment_colour('not_in_the_table') != st.experiment_colour('not_in_the_table_2')
PY"

# g-2 bands and the DFSZ band on a profiled (m_a, g_ae) plane
scenario g2 small_plot_g2
"$BIN" run job.json > run.log 2>&1 && "${PLOT[@]}" out > plot.log 2>&1; rc=$?
check "g-2: 1 and 2 sigma bands of both leptons, DFSZ band, y axis dimensionless" "[[ $rc -eq 0 ]] && /usr/bin/python3 - <<'PY'
import json
d = json.load(open('out/plots/m_a__g_ae.json'))
got = {(r['name'], r['role']) for r in d['legend']}
for n in ('g2_electron', 'g2_muon'):
    assert (n, 'band_1sigma') in got and (n, 'band_2sigma') in got, got
assert ('qcd_dfsz', 'reference') in got and ('na64_alp', 'limit') in got and ('belle2_monophoton_50ab', 'projection') in got, got
assert d['y']['axis'] == 'g_ae' and d['y']['unit'] == '1', d['y']
PY"

# Error paths: exit 2, one line on stderr naming the problem, no traceback.
cd "$WORK/plot"
err_case() {  # err_case NAME PATTERN ARGS...: exit 2, stderr one line matching PATTERN
  local name=$1 pat=$2; shift 2
  "${PLOT[@]}" "$@" > err.out 2> err.log; local rc=$? ok=1
  [[ $rc -eq 2 && $(wc -l < err.log) -eq 1 && ! -s err.out ]] && grep -qF -- "$pat" err.log && ! grep -q Traceback err.log && ok=0
  check "$name: exit 2, '$pat'" "[[ $ok -eq 0 ]]"
  [[ $ok -eq 0 ]] || cat err.log
}
err_case "missing directory" "no_such_dir: no such directory" no_such_dir
mkdir -p empty; err_case "directory without summary.json" "empty: not an alpscan result (no summary.json)" empty
mkdir -p foreign; echo '{"format": "something-else/1"}' > foreign/summary.json; cp out/run_status.json foreign/
err_case "foreign summary.json" "foreign/summary.json: not an alpscan result" foreign
cp -r out running
/usr/bin/python3 -c "import json; p='running/run_status.json'; s=json.load(open(p)); s['state']='running'; json.dump(s, open(p, 'w'))"
err_case "a result still running" 'not complete (state "running"' running
/usr/bin/python3 -c "import json; p='running/run_status.json'; s=json.load(open(p)); s['state']='failed'; json.dump(s, open(p, 'w'))"
err_case "a failed result" 'not complete (state "failed"' running
err_case "unknown plane (lists the planes)" "--plane m_a,g_ae: no such plane in this result (planes: m_a__g_agg" out --plane m_a,g_ae
err_case "bad format" "--format gif: unknown format" out --format gif
err_case "unknown option" "unknown option --colour" out --colour red
exit $fail
