#!/usr/bin/env bash
# Fuzzes the input readers with libFuzzer (issue 18 item 4) for a bounded time each: the job-file reader
# (fuzz/fuzz_job_reader.cpp, what `alpscan validate` runs) and the experiment data-file reader
# (fuzz/fuzz_experiment_file.cpp). Built with Debian's clang-14 in its own directory ($FUZZ_BUILD_DIR,
# default build-fuzz) with -fsanitize=fuzzer,address,undefined. Seeds: the ready jobs, the test jobs and
# the hostile corpus (tests/bad_jobs), resp. data/experiments; new interesting inputs are kept in
# $FUZZ_BUILD_DIR/corpus/<target>. Any crash, sanitizer report, undocumented exception, timeout or
# out-of-memory fails the script; the input that caused it is left in $FUZZ_BUILD_DIR/artifacts/.
#   FUZZ_SECONDS   time per target (default 60)
#   FUZZ_MAX_LEN   largest input in bytes (default 32768: the largest data file is ~21 KB)
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-32768}
start=$SECONDS
bash scripts/install-deps.sh

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# fuzzer-no-link instruments every library for coverage; the fuzz targets add libFuzzer's main.
cmake -S . -B "$BUILD_DIR" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
      -DALPSCAN_SANITIZE=fuzzer-no-link,address,undefined -DALPSCAN_BUILD_FUZZERS=ON -DALPSCAN_BUILD_TESTS=OFF \
      -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}" \
      > "$BUILD_DIR.cmake.log" 2>&1 || { cat "$BUILD_DIR.cmake.log"; exit 1; }
cmake --build "$BUILD_DIR" -j "$(nproc)" --target fuzz_job_reader fuzz_experiment_file
echo "fuzzer build: $((SECONDS - start)) s"

export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/bin/llvm-symbolizer-14}  # readable stacks in reports
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$SRC/scripts/lsan.supp:print_suppressions=0"
export ALPSCAN_DATA_DIR=$SRC/data/experiments  # the job reader resolves experiment names here

# The readers refuse nesting deeper than 64 levels before anything recurses (io/JsonUtil); the larger stack
# only keeps a regression of that limit from hiding other finds behind a stack overflow.
ulimit -s 65536 || echo "run-fuzzers: cannot raise the stack limit; deep nesting may be reported"

fail=0
# fuzz TARGET SEED_DIR...: libFuzzer keeps new inputs in the first directory and reads the others.
fuzz() {
  local target=$1; shift
  local corpus=$BUILD_DIR/corpus/$target artifacts=$BUILD_DIR/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  local t=$SECONDS
  # -timeout: one input may take at most 30 s (a job selecting every experiment reads all their files);
  # -rss_limit_mb/-malloc_limit_mb: bounded memory is part of the contract (issue 18 item 4).
  if ! "$BUILD_DIR/fuzz/$target" "$corpus" "$@" -dict="$SRC/fuzz/json.dict" -max_total_time="$SECONDS_EACH" \
       -max_len="$MAX_LEN" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=30 -print_final_stats=1 \
       -artifact_prefix="$artifacts/" > "$BUILD_DIR/$target.log" 2>&1; then
    echo "FAIL $target: see $BUILD_DIR/$target.log; inputs: $(ls "$artifacts")"
    grep -E "ERROR|alpscan fuzz|SUMMARY|==[0-9]+==" "$BUILD_DIR/$target.log" | head -20
    fail=1
  fi
  echo "$target: $((SECONDS - t)) s, $(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$BUILD_DIR/$target.log" |
        grep -oE '[0-9]+$' || echo '?') inputs, corpus $(ls "$corpus" | wc -l) files"
}
# tests/fuzz/<target>/ holds inputs that once failed (fixed since): replayed first, every run.
fuzz fuzz_job_reader "$SRC/tests/fuzz/job_reader" "$SRC/jobs" "$SRC/tests/jobs" "$SRC/tests/bad_jobs"
fuzz fuzz_experiment_file "$SRC/tests/fuzz/experiment_file" "$SRC/data/experiments"
echo "run-fuzzers: $((SECONDS - start)) s in total; $([[ $fail -eq 0 ]] && echo passed || echo FAILED)"
exit $fail
