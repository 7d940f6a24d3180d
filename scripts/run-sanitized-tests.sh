#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (issue 18 item 6), in a second build
# directory ($ASAN_BUILD_DIR, default build-asan; build/ is left alone):
#   1. configure and build alpscan and alpscan_tests with -DALPSCAN_SANITIZE=address,undefined (gcc);
#   2. ctest: the unit, physics and integration tests (MPI ranks are sanitized too), except the SLURM
#      end-to-end test (label slurm: it installs and starts a cluster; what it runs of alpscan is covered by
#      the integration tests);
#   3. every hostile job of tests/bad_jobs/*.json, and the fuzzers' fixed finds tests/fuzz/job_reader/*.json,
#      through `alpscan validate` and `alpscan run`: exit 2.
# Every sanitizer report is written to a file under $ASAN_BUILD_DIR/sanitizer-reports; any such file fails
# the script, so a report from a process whose exit status a test ignores (a killed rank, an expected
# failure) still counts. Leaks inside third-party libraries are suppressed by scripts/lsan.supp (each
# entry says why); alpscan code is never suppressed. Extra arguments go to ctest (e.g. -R pattern).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
start=$SECONDS
bash scripts/install-deps.sh

# -O2 keeps the physics tests fast enough; -g1 gives line numbers in reports at little build cost.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
      -DALPSCAN_SANITIZE=address,undefined -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}" \
      > "$BUILD_DIR.cmake.log" 2>&1 || { cat "$BUILD_DIR.cmake.log"; exit 1; }
cmake --build "$BUILD_DIR" -j "$(nproc)" --target alpscan alpscan_tests
echo "sanitized build: $((SECONDS - start)) s"

# scripts/lsan.supp suppresses leaks allocated in libc's vasprintf (OpenMPI's, whose callers the fast
# unwinder loses); that is sound only while alpscan itself never calls it.
if grep -rnwE 'v?asprintf' src include tests fuzz; then
  echo "FAIL alpscan calls asprintf: the vasprintf entry of scripts/lsan.supp would hide its leaks"; exit 1
fi

REPORTS=$SRC/$BUILD_DIR/sanitizer-reports
rm -rf "$REPORTS"; mkdir -p "$REPORTS"
# halt at the first error; report init-order bugs of the static family registrations; leaks checked at exit.
export ASAN_OPTIONS="log_path=$REPORTS/asan:detect_leaks=1:check_initialization_order=1:halt_on_error=1"
export UBSAN_OPTIONS="log_path=$REPORTS/ubsan:halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$SRC/scripts/lsan.supp:print_suppressions=0"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

fail=0
t=$SECONDS
(cd "$BUILD_DIR" && ctest --output-on-failure -j 2 --timeout 1200 -LE slurm "$@") || fail=1
echo "sanitized ctest: $((SECONDS - t)) s"

# The hostile-input corpus: validate and run must both refuse every file with exit 2 (the messages are
# checked by tests/integration/test_job_validation.sh). run starts in a scratch directory so that nothing
# it might write lands in the tree.
t=$SECONDS
BIN=$SRC/$BUILD_DIR/alpscan
scratch=$(mktemp -d /tmp/alpscan-asan.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
n=0
for f in "$SRC"/tests/bad_jobs/*.json "$SRC"/tests/fuzz/job_reader/*.json; do
  for cmd in validate run; do
    rc=0
    (cd "$scratch" && timeout 120 "$BIN" "$cmd" "$f" > "$scratch/out.txt" 2>&1) || rc=$?
    if [[ $rc -ne 2 ]]; then
      echo "FAIL alpscan $cmd ${f#"$SRC"/}: exit $rc, expected 2"; sed 's/^/    /' "$scratch/out.txt"; fail=1
    fi
    n=$((n + 1))
  done
done
echo "hostile-input corpus: $n runs ($((n / 2)) files): $((SECONDS - t)) s"

if [[ -n "$(ls -A "$REPORTS")" ]]; then
  echo "FAIL sanitizer reports:"
  for r in "$REPORTS"/*; do echo "==== $r"; cat "$r"; done
  fail=1
fi
echo "run-sanitized-tests: $((SECONDS - start)) s in total; $([[ $fail -eq 0 ]] && echo passed || echo FAILED)"
exit $fail
