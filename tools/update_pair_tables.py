#!/usr/bin/python3
"""Recomputes the pair-conversion tables (a Z -> e+ e- Z, spec D5) of a shower-dump experiment data file.

    tools/update_pair_tables.py data/experiments/miniboone_dump.json --E 50,100,200,400,850

For every target<k>_Z/_A of the file it runs build/tools/tabulate_pair_conversion (about 0.6 s per node and
core) and writes pair_table_m_a, pair_table_E and target<k>_pair_sigma into "parameters", one table row (all
energies of one mass) per line. Everything else in the file is kept as it is.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--E", required=True, help="ALP energy nodes [MeV], comma-separated")
    ap.add_argument("--per-decade", default="8")
    ap.add_argument("--decades", default="4")
    ap.add_argument("--tool", default=os.path.join(HERE, "..", "build", "tools", "tabulate_pair_conversion"))
    a = ap.parse_args()
    with open(a.file) as f:
        doc = json.load(f)
    par = doc["parameters"]
    k = 1
    while f"target{k}_Z" in par:
        cmd = [a.tool, "--Z", str(par[f"target{k}_Z"]["value"]), "--A", str(par[f"target{k}_A"]["value"]),
               "--target", str(k), "--E", a.E, "--per-decade", a.per_decade, "--decades", a.decades]
        print("running", " ".join(cmd), file=sys.stderr)
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        par.update(json.loads("{" + out + "}"))
        k += 1
    n_E = len(par["pair_table_E"]["values"])
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

    # The tables one mass row per line (json.dumps puts every number on its own line).
    def rows(indent, body, per_row):
        nums = re.findall(r"-?[0-9][0-9.eE+-]*", body)
        lines = [", ".join(nums[i:i + per_row]) for i in range(0, len(nums), per_row)]
        return '"values": [\n' + ",\n".join(indent + "  " + r for r in lines) + "\n" + indent + "]"

    for key in ["pair_table_m_a", "pair_table_E"] + [f"target{i}_pair_sigma" for i in range(1, k)]:
        per_row = n_E if key.endswith("_pair_sigma") else 20
        pat = re.compile(r'("' + key + r'": \{\n)( *)"values": \[([^\]]*)\]')
        text = pat.sub(lambda m: m.group(1) + m.group(2) + rows(m.group(2), m.group(3), per_row), text)
    with open(a.file, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
