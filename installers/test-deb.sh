#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg -i, runs the installed launcher (--version and a headless
# snapshot), measures installed size and start-up, then uninstalls and checks nothing is left.
# Needs root and Debian (run by .ci/run). Prints figures; exit status is honest.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
  echo "test-deb: skipped: needs root and dpkg" >&2
  exit 0
fi

installers/build.sh deb
deb=$(ls -t target/installers/silkscreen_*.deb | head -1)
out=$(mktemp -d)
cleanup() {
  dpkg -r silkscreen >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT

dpkg -i "$deb"
launcher=/opt/silkscreen/bin/silkscreen
test -x "$launcher"

want=$(sed -n 's/^Version: \([0-9.]*\).*/\1/p' <(dpkg-deb -f "$deb"))
got=$("$launcher" --version)
echo "test-deb: installed launcher says: $got"
case "$got" in *"$want"*) ;; *) echo "test-deb: version mismatch: package $want, launcher '$got'" >&2; exit 1 ;; esac

"$launcher" snapshot --scenario seed --step 5 --size 1280x720 --out "$out/seed.png"
python3 - "$out/seed.png" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read(24)
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert (w, h) == (1280, 720), f'unexpected size {w}x{h}'
print(f'test-deb: headless snapshot {w}x{h} OK')
PY

size_mb=$(du -sm /opt/silkscreen | cut -f1)
echo "test-deb: installed size: ${size_mb} MB"
test -f /opt/silkscreen/lib/silkscreen-silkscreen.desktop
grep -q "MimeType=.*pcap" /opt/silkscreen/lib/silkscreen-silkscreen.desktop

if command -v Xvfb >/dev/null; then
  # Time to the first window: Xvfb started first, so only the launcher is timed.
  Xvfb :93 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  for run in 1 2 3; do
    t0=$(date +%s%3N)
    SILKSCREEN_STARTUP_PROBE=1 DISPLAY=:93 timeout 60 "$launcher" >"$out/probe.txt" 2>&1 || true
    up=$(sed -n 's/.*first window up at epoch ms \([0-9]*\).*/\1/p' "$out/probe.txt")
    if [ -n "$up" ]; then
      echo "test-deb: first window after $((up - t0)) ms (run $run)"
    else
      echo "test-deb: no window under Xvfb:"; cat "$out/probe.txt"
    fi
  done
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
fi

dpkg -r silkscreen
if [ -e /opt/silkscreen ]; then
  echo "test-deb: /opt/silkscreen still present after dpkg -r" >&2
  exit 1
fi
trap - EXIT
rm -rf "$out"
echo "test-deb: installed, ran and uninstalled cleanly"
