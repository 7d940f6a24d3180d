#!/usr/bin/env bash
# Every bad job in tests/bad_jobs/ must be rejected by `alpscan validate` and by `alpscan run` (exit 2,
# naming the file, the JSON path and the problem listed in expected.tsv, within a time limit) AND by the
# JSON Schema (schemas/job.schema.json, checked with python3-jsonschema) unless expected.tsv marks it
# schema-blind; duplicate keys and numbers beyond a double are refused by a strict reader before the
# schema. Every ready job in jobs/ must pass both.
set -u
BIN=$1 SRC=$2
PY=${PYTHON:-/usr/bin/python3}
fail=0
cd "$SRC"
while IFS=$'\t' read -r file expect blind; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  for cmd in validate run; do
    out=$(timeout 60 "$BIN" $cmd "tests/bad_jobs/$file" $([[ $cmd == run ]] && echo --max-chunks 1) 2>&1); rc=$?
    if [[ $rc -ne 2 ]]; then echo "FAIL $cmd $file: exit $rc, expected 2"; fail=1; fi
    if ! grep -qF -- "tests/bad_jobs/$file" <<<"$out"; then echo "FAIL $cmd $file: message does not name the file: $out"; fail=1; fi
    if ! grep -qF -- "$expect" <<<"$out"; then echo "FAIL $cmd $file: expected '$expect' in: $out"; fail=1; fi
  done
done < tests/bad_jobs/expected.tsv
# every file of the corpus is listed
for f in tests/bad_jobs/*.json; do
  grep -q "^$(basename "$f")"$'\t' tests/bad_jobs/expected.tsv || { echo "FAIL $f not in expected.tsv"; fail=1; }
done
"$PY" - "$SRC" <<'PYEOF' || fail=1
import json, sys, glob, os, math, jsonschema
src = sys.argv[1]
def strict_load(path):
    # alpscan's reader refuses a key given twice and a number beyond a double; so does this one
    def pairs(kv):
        keys = [k for k, _ in kv]
        if len(keys) != len(set(keys)): raise json.JSONDecodeError("duplicate key", "", 0)
        return dict(kv)
    def number(t):
        v = float(t)
        if not math.isfinite(v): raise json.JSONDecodeError("number overflow", t, 0)
        return v
    return json.load(open(path), object_pairs_hook=pairs, parse_float=number)
blind = set()
for line in open(os.path.join(src, "tests/bad_jobs/expected.tsv")):
    f = line.rstrip("\n").split("\t")
    if not line.startswith("#") and len(f) > 2 and f[2] == "schema-blind": blind.add(f[0])
schema = json.load(open(os.path.join(src, "schemas/job.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for f in sorted(glob.glob(os.path.join(src, "tests/bad_jobs/*.json"))):
    try:
        doc = strict_load(f)
    except json.JSONDecodeError:
        continue  # a syntax error is rejected before any schema
    if os.path.basename(f) in blind:
        if not v.is_valid(doc): print("FAIL", f, "is marked schema-blind but the schema rejects it"); bad = 1
        continue
    if v.is_valid(doc):
        print("FAIL schema accepts bad job", f); bad = 1
for f in sorted(glob.glob(os.path.join(src, "jobs/*.json"))) + sorted(glob.glob(os.path.join(src, "tests/jobs/*.json"))):
    errs = list(v.iter_errors(json.load(open(f))))
    if errs:
        print("FAIL schema rejects good job", f, errs[0].message); bad = 1
# every experiment data file follows schemas/experiment.schema.json
es = json.load(open(os.path.join(src, "schemas/experiment.schema.json")))
ev = jsonschema.Draft202012Validator(es)
for f in sorted(glob.glob(os.path.join(src, "data/experiments/*.json"))):
    errs = list(ev.iter_errors(json.load(open(f))))
    if errs:
        print("FAIL data file does not follow the experiment schema", f, errs[0].message); bad = 1
sys.exit(bad)
PYEOF
for f in jobs/*.json tests/jobs/*.json; do
  "$BIN" validate "$f" >/dev/null 2>&1 || { echo "FAIL alpscan validate rejects good job $f"; "$BIN" validate "$f"; fail=1; }
done
# Problems the schema cannot see: a misspelt experiment name gets the nearest valid name.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/typo.json" <<'J'
{"format": "alpscan-job/1", "parameters": {"m_a": {"value": 1}}, "experiments": ["passat_nomda", {"name": "passat_cast_bdf", "options": {"phi_norm": "sideways"}}]}
J
out=$("$BIN" validate "$tmp/typo.json" 2>&1); rc=$?
[[ $rc -eq 2 ]] || { echo "FAIL typo job: exit $rc"; fail=1; }
grep -qF '/experiments/0: unknown experiment or group "passat_nomda" (did you mean "passat_nomad"?)' <<<"$out" || { echo "FAIL typo: $out"; fail=1; }
grep -qF 'phi_norm' <<<"$out" || { echo "FAIL bad option value not reported: $out"; fail=1; }
# all problems at once: two independent errors in one file are both reported
cat > "$tmp/two.json" <<'J'
{"format": "alpscan-job/1", "parameters": {"m_a": {"value": -1}, "g_agy": 1}, "experiments": ["passat"], "chunk_size": 0}
J
n=$("$BIN" validate "$tmp/two.json" 2>&1 | grep -c "$tmp/two.json:")
[[ $n -ge 3 ]] || { echo "FAIL expected >= 3 problems reported at once, got $n"; fail=1; }
# variants: the same experiment twice needs a label; a label may not be another experiment's name; a
# labelled variant with another event benchmark validates, and a choice outside the option's list does not
printf '%s' '{"format": "alpscan-job/1", "parameters": {"m_a": {"value": 1e7}, "g_agg": {"value": 1e-5}}, "experiments": ["argoneut", {"name": "argoneut", "options": {"signal_upper_limit": "3"}}]}' > "$tmp/twice.json"
out=$("$BIN" validate "$tmp/twice.json" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF 'experiment "argoneut" is selected twice (to run a variant of it, give the second one a "label")' <<<"$out" || { echo "FAIL twice: exit $rc: $out"; fail=1; }
printf '%s' '{"format": "alpscan-job/1", "parameters": {"m_a": {"value": 1e7}}, "experiments": [{"name": "argoneut", "label": "miniboone_dump"}]}' > "$tmp/clash.json"
out=$("$BIN" validate "$tmp/clash.json" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF '/experiments/0/label: "miniboone_dump" is the name of another experiment or group' <<<"$out" || { echo "FAIL label clash: exit $rc: $out"; fail=1; }
printf '%s' '{"format": "alpscan-job/1", "parameters": {"m_a": {"value": 1e7}}, "experiments": ["argoneut", {"name": "argoneut", "label": "argoneut_3ev", "options": {"signal_upper_limit": "3"}}]}' > "$tmp/variant.json"
out=$("$BIN" plan "$tmp/variant.json" 2>&1); rc=$?
[[ $rc -eq 0 ]] && grep -qE 'argoneut_3ev .* s_up = 3 events' <<<"$out" && grep -qE 'argoneut .* s_up = 20 events' <<<"$out" || { echo "FAIL variant plan: exit $rc: $out"; fail=1; }
sed -i 's/"3"}}]}/"7"}}]}/' "$tmp/variant.json"
out=$("$BIN" validate "$tmp/variant.json" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF 'signal_upper_limit' <<<"$out" || { echo "FAIL variant with a benchmark not offered: exit $rc: $out"; fail=1; }
# an option the command does not read is an error, not silently ignored (--data-dir is for 'list' only)
out=$("$BIN" validate "$SRC/jobs/passat.json" --data-dir /nowhere 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF "option --data-dir does not apply to 'validate'" <<<"$out" || { echo "FAIL --data-dir on validate: exit $rc: $out"; fail=1; }
out=$("$BIN" plan "$SRC/jobs/passat.json" --restart 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF "option --restart does not apply to 'plan'" <<<"$out" || { echo "FAIL --restart on plan: exit $rc"; fail=1; }
[[ $fail -eq 0 ]] && echo "job validation: all checks passed"
exit $fail
