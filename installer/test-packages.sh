#!/usr/bin/env bash
# Builds the packages of a build tree and checks them the way a user meets them: lintian finds no errors, the
# server package needs no Qt Quick, both install with apt-get, the installed programs run (--version; the
# server connects to the fake Tachyon server, reports its status and disconnects cleanly on SIGTERM), the
# desktop file, the AppStream metainfo and the systemd unit verify. Then the packages are purged again.
# Usage: installer/test-packages.sh [build directory, default build] (needs root or sudo for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$(realpath "${1:-build}")
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
work=$(mktemp -d)
server_pid=""
autohost_pid=""
cleanup() {
    [[ -n "$autohost_pid" ]] && kill -9 "$autohost_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "test-packages: FAIL: $*" >&2
    exit 1
}
step() { echo "== $*"; }
# Waits until `file` has a line matching `pattern` (about `tries` tenths of a second, less if process `pid`
# ends); false if it never does.
wait_for_line() {
    local file=$1 pattern=$2 pid=$3 tries=$4
    for _ in $(seq 1 "$tries"); do
        grep -q "$pattern" "$file" && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q "$pattern" "$file"
}
# Waits for the autohost started last; fails, showing `log`, unless it exited with 0.
expect_clean_exit() {
    local log=$1 what=$2 status=0
    wait "$autohost_pid" || status=$?
    autohost_pid=""
    [[ $status -eq 0 ]] || { cat "$log"; fail "$what exited with $status"; }
}

for package in autohost autohost-server; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        fail "$package is installed on this machine; these checks install and purge it: remove it first"
    fi
done

step "cpack: Debian packages and the archive"
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G "DEB;TGZ" >"$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
server_deb=$(ls "$build_dir"/packages/autohost-server_*.deb)
desktop_deb=$(ls "$build_dir"/packages/autohost_*.deb)
archive=$(ls "$build_dir"/packages/autohost-*.tar.gz)
ls -l "$server_deb" "$desktop_deb" "$archive"

step "package contents and dependencies"
server_depends=$(dpkg-deb -f "$server_deb" Depends)
desktop_depends=$(dpkg-deb -f "$desktop_deb" Depends)
echo "autohost-server Depends: $server_depends"
echo "autohost Depends: $desktop_depends"
if grep -Eq 'libqt6(gui|qml|quick)|qml6-module' <<<"$server_depends"; then
    fail "autohost-server depends on Qt GUI or Qt Quick packages"
fi
for needed in libqt6quick6 qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-dialogs; do
    grep -q "$needed" <<<"$desktop_depends" || fail "autohost does not depend on $needed"
done
for deb in "$server_deb" "$desktop_deb"; do
    [[ "$(dpkg-deb -f "$deb" Recommends)" == *spring* ]] || fail "$deb does not recommend spring"
done
server_files=$(dpkg-deb -c "$server_deb")
desktop_files=$(dpkg-deb -c "$desktop_deb")
archive_files=$(tar -tzf "$archive")
grep -q '\./lib/systemd/system/autohost@.service$' <<<"$server_files" || fail "no unit in autohost-server"
grep -q '\./etc/autohost/default.json$' <<<"$server_files" || fail "no default configuration"
grep -q '\./usr/bin/autohost$' <<<"$desktop_files" || fail "no autohost in the desktop package"
grep -q 'share/applications/io.github.autohost.Autohost.desktop$' <<<"$desktop_files" ||
    fail "no desktop file in autohost"
grep -q 'bin/autohost-server$' <<<"$archive_files" || fail "no autohost-server in the archive"

step "lintian"
lintian --fail-on error "$server_deb" "$desktop_deb" || fail "lintian reports errors"

step "apt-get install"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$server_deb" "$desktop_deb" \
    >"$work/apt.log" || { cat "$work/apt.log"; fail "apt-get install"; }
getent passwd autohost >/dev/null || fail "the package did not create the user autohost"
[[ "$(stat -c %U /var/lib/autohost)" == autohost ]] || fail "/var/lib/autohost does not belong to autohost"

step "the installed programs"
/usr/bin/autohost-server --version | tee "$work/version"
grep -Eq '^autohost [0-9]+\.[0-9]+\.[0-9]+' "$work/version" || fail "autohost-server --version"
QT_QPA_PLATFORM=offscreen /usr/bin/autohost --version | grep -Eq '^autohost [0-9]+\.[0-9]+\.[0-9]+' ||
    fail "autohost --version"
if ldd /usr/bin/autohost-server | grep -Eq 'libQt6(Gui|Qml|Quick)'; then
    fail "autohost-server loads Qt GUI or Qt Quick"
fi

step "the unit's command line, as systemd runs autohost@default (as the user autohost)"
unit=/lib/systemd/system/autohost@.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed 's/%i/default/g')
echo "$exec_start"
# What StateDirectory= does before the start.
$sudo install -d -o autohost -g autohost -m 0750 /var/lib/autohost/default
# The admin port may be taken on this machine: a free one instead of the default's 8201.
# shellcheck disable=SC2086
(cd /var/lib/autohost/default && $sudo runuser -u autohost -- $exec_start --set adminListen=127.0.0.1:0) \
    2>"$work/default.log" &
autohost_pid=$!
wait_for_line "$work/default.log" 'admin endpoint listening' "$autohost_pid" 100 ||
    { cat "$work/default.log"; fail "the default instance did not start"; }
$sudo pkill -TERM -u autohost -x autohost-server
expect_clean_exit "$work/default.log" "the default instance"
[[ "$(stat -c %U /var/lib/autohost/default/admin-token)" == autohost ]] ||
    fail "the instance's files do not belong to autohost"
echo "started in local mode with /etc/autohost/default.json, stopped cleanly on SIGTERM"

step "a headless start against the fake Tachyon server"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build_dir/tests/helpers/tachyon-fake-server" --port "$port" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
mkdir -p "$work/data"
/usr/bin/autohost-server --data-dir "$work/data" --set tachyonServer=127.0.0.1 --set "tachyonServerPort=$port" \
    --set authClientId=autohost1 --set authClientSecret=pass1 --set hostingIP=127.0.0.1 --set adminListen= \
    2>"$work/autohost.log" &
autohost_pid=$!
wait_for_line "$work/server.out" '"autohost/status"' "$autohost_pid" 200 ||
    { cat "$work/autohost.log"; fail "no autohost/status"; }
kill -TERM "$autohost_pid"
expect_clean_exit "$work/autohost.log" "autohost-server, on SIGTERM,"
wait_for_line "$work/server.out" '"system/disconnect"' "$server_pid" 50 || fail "no system/disconnect on SIGTERM"
echo "connected, reported its status, drained and disconnected (exit 0)"

step "desktop file, AppStream metainfo, icons"
desktop-file-validate /usr/share/applications/io.github.autohost.Autohost.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.autohost.Autohost.metainfo.xml
for icon in scalable/apps/io.github.autohost.Autohost.svg 48x48/apps/io.github.autohost.Autohost.png \
    256x256/apps/io.github.autohost.Autohost.png; do
    [[ -s "/usr/share/icons/hicolor/$icon" ]] || fail "no icon $icon"
done

step "systemd-analyze verify"
mkdir -p "$work/units"
cp "$unit" "$work/units/autohost@default.service"
systemd-analyze verify --man=no "$work/units/autohost@default.service" 2>&1 | tee "$work/verify.log"
if [[ -s "$work/verify.log" ]]; then fail "systemd-analyze verify reports problems"; fi
systemd-analyze security --offline=yes "$work/units/autohost@default.service" 2>/dev/null | tail -n 1 || true

step "apt-get purge"
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq autohost autohost-server >"$work/apt.log" ||
    { cat "$work/apt.log"; fail "apt-get purge"; }
[[ ! -e /usr/bin/autohost-server && ! -e /var/lib/autohost ]] || fail "files left after the purge"
echo "test-packages: all checks passed"
