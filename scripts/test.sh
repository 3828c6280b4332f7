#!/usr/bin/env bash
# Sets up everything and runs every test: scripts/test.sh [ctest arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
build_dir="${AUTOHOST_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build "$build_dir" -j"$(nproc)"
cd "$build_dir"
ctest --output-on-failure "$@"
