#!/usr/bin/env bash
# The README's first command: install dependencies, build, and run the main job (the PASSAT
# (m_a, g_agg) map on two ranks), then print where the results are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
NP=${NP:-2}
mpirun --oversubscribe -np "$NP" ./build/alpscan run jobs/passat.json "$@"
echo
echo "results: out/passat/scan.h5, out/passat/summary.json, curves in out/passat/curves/m_a__g_agg/"
