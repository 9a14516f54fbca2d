#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg -i, runs the installed launcher (--version, a headless
# snapshot, discover over the testbed's current and older sshd), measures installed size and
# start-up, then uninstalls and checks nothing is left.
# Needs root and Debian (run by .ci/run). Prints figures; exit status is honest.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
  echo "test-deb: skipped: needs root and dpkg" >&2
  exit 0
fi

# The testbed (used below for `discover`) is one per machine: the whole script runs under the
# test JVMs' lease (TestbedLease, a POSIX lock), so another run's tests never rebuild it under us.
if [ -z "${SILKSCREEN_TESTBED_LEASED:-}" ] && [ -f target/test-classes/dev/silkscreen/testbed/TestbedLease.class ]; then
  SILKSCREEN_TESTBED_LEASED=1 exec java -cp target/test-classes dev.silkscreen.testbed.TestbedLease "$0" "$@"
fi

installers/build.sh deb
deb=$(ls -t target/installers/silkscreen_*.deb | head -1)
out=$(mktemp -d)
tb_made=0
cleanup() {
  dpkg -r silkscreen >/dev/null 2>&1 || true
  [ "$tb_made" = 0 ] || src/test/testbed/testbed.sh down >/dev/null 2>&1 || true
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
# A PNG of the asked size: the signature, then IHDR's width and height (big-endian).
[ "$(head -c 8 "$out/seed.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "test-deb: snapshot is not a PNG" >&2; exit 1; }
wh=$(od -An -j16 -N8 -tu1 "$out/seed.png" | awk '{print ($1*16777216+$2*65536+$3*256+$4) "x" ($5*16777216+$6*65536+$7*256+$8)}')
[ "$wh" = 1280x720 ] || { echo "test-deb: unexpected snapshot size $wh" >&2; exit 1; }
echo "test-deb: headless snapshot $wh OK"

# The installed launcher speaks the SSH real cells offer: discover every testbed cell over the
# testbed's real OpenSSH sshd, like a current cell (:22, ed25519 + curve25519 only) and like an
# older one (:2222, RSA only). Needs what the testbed needs (root, namespaces, the Debian tools).
testbed=src/test/testbed/testbed.sh
tb_state=/run/silkscreen-testbed
tb_was_up=0
if "$testbed" status >/dev/null 2>&1; then tb_was_up=1; fi
if "$testbed" up seed >"$out/testbed.log" 2>&1; then
  [ "$tb_was_up" = 1 ] || tb_made=1
  # Cell names and underlay addresses from the testbed's ssh config (Host CELL / HostName IP).
  cells=$(awk '$1 == "Host" && $2 !~ /-rsa$/ {h = $2} $1 == "HostName" && h != "" {print h, $2; h = ""}' "$tb_state/ssh/config")
  for gen in "22 id_ed25519 current" "2222 id_rsa older"; do
    set -- $gen
    profile="$out/testbed-$3.yaml"
    {
      echo "name: testbed"
      echo "defaults: {user: root, port: $1, auth: key, keyFile: $tb_state/ssh/$2, sudo: false}"
      echo "cells:"
      echo "$cells" | while read -r name ip; do echo "  - {name: $name, host: $ip}"; done
    } >"$profile"
    cp "$tb_state/ssh/known_hosts" "$out/known_hosts"
    if ! HOME="$out" "$launcher" discover "$profile" --known-hosts "$out/known_hosts" --ssh-config "$out/no-ssh-config" \
        >"$out/discover.out" 2>"$out/discover.err"; then
      echo "test-deb: the installed launcher could not discover the testbed ($3 sshd):" >&2
      cat "$out/discover.err" >&2
      exit 1
    fi
    n=$(echo "$cells" | wc -l)
    got=$(grep -c ': discovered$' "$out/discover.err" || true)
    [ "$got" = "$n" ] || { echo "test-deb: $got of $n cells discovered ($3 sshd)" >&2; cat "$out/discover.err" >&2; exit 1; }
    echo "test-deb: installed launcher discovered $n cells over the $3 sshd ($2)"
  done
  if [ "$tb_made" = 1 ]; then "$testbed" down >/dev/null 2>&1 || true; tb_made=0; fi
else
  echo "test-deb: skipped discover: the testbed cannot run here ($(tail -1 "$out/testbed.log"))"
fi

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
