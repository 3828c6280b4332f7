#!/usr/bin/env bash
# Installs what building, running and testing the autohost needs on Debian bookworm (or newer).
# Usage: scripts/install-deps.sh [--tests]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ ccache pkg-config
          qt6-base-dev qt6-websockets-dev nlohmann-json3-dev libarchive-dev zlib1g-dev libgl-dev
          # The desktop app: Qt Quick, the QML modules it imports at run time, and lrelease for translations.
          qt6-declarative-dev qt6-tools-dev qt6-l10n-tools
          qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
          qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
          qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtquick-dialogs
          # The Debian engine: local battles run it out of the box.
          spring)
if [[ "${1:-}" == "--tests" ]]; then
    packages+=(clang-format qml6-module-qttest)
    # Google Benchmark for bench/micro (microbench and its smoke test bench_microbench_smoke).
    packages+=(libbenchmark-dev)
    # The sanitizer stage (scripts/test-sanitizers.sh): clang with its sanitizer and libFuzzer runtimes, and
    # llvm-symbolizer for readable stack traces.
    packages+=(clang-14 libclang-rt-14-dev llvm-14)
    # The package checks (installer/test-packages.sh): CPack's dependency scan, lintian, the desktop file and
    # AppStream validators, systemd-analyze.
    packages+=(dpkg-dev file lintian desktop-file-utils appstream systemd python3 procps adduser)
    # Node.js may come from elsewhere (e.g. NodeSource, which bundles npm): only ask Debian for what is missing.
    command -v node >/dev/null || packages+=(nodejs)
    command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "${1:-}" == "--tests" ]]; then
    # The official protocol validators, pinned by the lockfile, are the conformance oracle of the tests.
    (cd tests/conformance && npm ci --no-audit --no-fund --loglevel=error)
fi
