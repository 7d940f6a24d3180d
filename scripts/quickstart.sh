#!/usr/bin/env bash
# The README's first command: install dependencies, build, run the main job -- the global (m_a, g_agg) map
# with every experiment, on two ranks (about a minute) -- draw it, and print where the picture is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
NP=${NP:-2}
mpirun --oversubscribe -np "$NP" ./build/alpscan run jobs/global.json "$@"
./build/alpscan plot out/global --format png
echo
echo "results: out/global/scan.h5, out/global/summary.json, curves in out/global/curves/m_a__g_agg/"
echo "picture: out/global/plots/m_a__g_agg.png"
