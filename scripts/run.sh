#!/usr/bin/env bash
# Sets up, builds and runs the autohost: scripts/run.sh [autohost arguments…]
# With no arguments it opens the desktop app in local mode (no lobby server needed) with ./run as its data
# directory; without a display (a server, an SSH session) it runs the same thing headless.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build_dir="${AUTOHOST_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DAUTOHOST_BUILD_GUI=ON
cmake --build "$build_dir" -j"$(nproc)" --target autohost
binary="$(cd "$build_dir" && pwd)/src/app/autohost"
if (($# == 0)); then
    mkdir -p run
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
        exec "$binary" --data-dir "$PWD/run"
    fi
    echo "No display found: running headless (the desktop app needs a graphical session)."
    exec "$binary" --headless --data-dir "$PWD/run"
fi
exec "$binary" "$@"
