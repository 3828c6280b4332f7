#!/usr/bin/env bash
# Sets up everything and runs every test: scripts/test.sh [--quick] [ctest arguments…]
# First the test suite of the normal build and the package checks (installer/test-packages.sh: needs root or
# sudo, installs and purges the packages), then the sanitizer stage (scripts/test-sanitizers.sh: the suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzzer for a bounded time). --quick runs only
# the first part.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
if [[ "${1:-}" == "--quick" ]]; then
    quick=1
    shift
fi
scripts/install-deps.sh --tests
build_dir="${AUTOHOST_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DCMAKE_INSTALL_PREFIX=/usr
cmake --build "$build_dir" -j"$(nproc)"
(cd "$build_dir" && ctest --output-on-failure "$@")
# The packages: built from this build, checked with lintian, installed with apt-get, run, purged.
installer/test-packages.sh "$build_dir"
if ((quick == 0)); then
    scripts/test-sanitizers.sh "$@"
fi
