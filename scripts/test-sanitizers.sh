#!/usr/bin/env bash
# The sanitizer stage of scripts/test.sh: one clang build with AddressSanitizer, UndefinedBehaviorSanitizer and
# the libFuzzer targets; the whole test suite under the sanitizers, then every fuzzer for a bounded time.
# Usage: scripts/test-sanitizers.sh [ctest arguments…]
# Environment: AUTOHOST_SANITIZE_BUILD_DIR (default build-sanitize), AUTOHOST_FUZZ_SECONDS per target (default 60;
# 0 skips fuzzing). Expects the dependencies of scripts/install-deps.sh --tests.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${AUTOHOST_SANITIZE_BUILD_DIR:-build-sanitize}"
fuzz_seconds="${AUTOHOST_FUZZ_SECONDS:-60}"
compiler="$(command -v clang++-14 || command -v clang++)"

configure_start=$SECONDS
# -O1: fast enough to run the suite, quick to compile; line tables are all a stack trace needs.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DCMAKE_CXX_COMPILER="$compiler" -DBUILD_TESTING=ON -DAUTOHOST_SANITIZE=ON -DAUTOHOST_FUZZERS=ON \
    -DAUTOHOST_BUILD_BENCHMARKS=OFF
cmake --build "$build_dir" -j"$(nproc)"
echo "sanitizer build: $((SECONDS - configure_start)) s"

# Leaks are errors except the few of system libraries listed (with the reason) in the suppressions file.
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
symbolizer="$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)"
if [[ -n "$symbolizer" ]]; then
    export ASAN_SYMBOLIZER_PATH="$symbolizer"
fi

ctest_start=$SECONDS
(cd "$build_dir" && ctest --output-on-failure "$@")
echo "test suite under ASan and UBSan: $((SECONDS - ctest_start)) s"

if ((fuzz_seconds == 0)); then
    exit 0
fi
# Each target fuzzes from its checked-in corpus into a scratch one; a crash leaves its input in
# $build_dir/fuzz-artifacts (add it to tests/fuzz/corpus/<target>/ and a regression test, see tests/fuzz/README.md).
artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"
failed=0
while IFS=$'\t' read -r name executable corpus options; do
    scratch="$build_dir/fuzz-corpus/$name"
    rm -rf "$scratch"
    mkdir -p "$scratch"
    log="$artifacts/$name.log"
    # shellcheck disable=SC2086 # options is a list of libFuzzer flags
    if "$executable" -max_total_time="$fuzz_seconds" -timeout=25 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$name-" $options "$scratch" "$corpus" >"$log" 2>&1; then
        outcome=clean
    else
        outcome=FAILED
        failed=1
        tail -n 60 "$log"
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    printf 'fuzz %-12s %s: %s executions in %s s (%s/s), %s, corpus %s inputs\n' "$name" "$outcome" \
        "${executions:-?}" "$fuzz_seconds" "${rate:-?}" "${coverage:-cov: ?}" "$(find "$scratch" "$corpus" -type f | wc -l)"
done <"$build_dir/tests/fuzz/fuzzers.txt"
exit "$failed"
