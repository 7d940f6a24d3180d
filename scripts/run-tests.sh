#!/usr/bin/env bash
# The README's second command: build and run the whole test suite (unit, physics, CLI, MPI, resume).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j 2 --timeout 900 "$@"
