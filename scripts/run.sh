#!/usr/bin/env bash
# Sets up, builds and runs the autohost: scripts/run.sh [autohost arguments…]
# With no arguments it runs headless in local mode (no lobby server needed) from the data directory ./run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build_dir="${AUTOHOST_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build "$build_dir" -j"$(nproc)" --target autohost
binary="$(cd "$build_dir" && pwd)/src/app/autohost"
if (($# == 0)); then
    mkdir -p run
    cd run
    exec "$binary" --headless
fi
exec "$binary" "$@"
