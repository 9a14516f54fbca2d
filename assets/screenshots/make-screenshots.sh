#!/usr/bin/env bash
# Remakes every README screenshot with the headless `snapshot` verb (no display needed).
#   mvn -q package -DskipTests && assets/screenshots/make-screenshots.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/assets/screenshots"
jar="$top/target/silkscreen.jar"
[ -f "$jar" ] || { echo "make-screenshots: build first: mvn -q package -DskipTests" >&2; exit 2; }
shot() { java -jar "$jar" snapshot --size 1920x1080 "$@" 2>/dev/null; }

shot --scenario seed --step 1 --out "$out/seed-step-1.png"
shot --scenario seed --step 3 --out "$out/seed-step-3-mark.png"
shot --scenario seed --step 5 --out "$out/seed-step-5-encapsulate.png"
shot --scenario seed --step 10 --select gate:cell2 --out "$out/seed-step-10-policy.png"
shot --scenario seed --step 6 --inspect --out "$out/inspector-gbp.png"
shot --scenario no-policy --step 10 --out "$out/no-policy-step-10-drop.png"
shot --scenario seed --step 5 --theme classroom --out "$out/classroom-step-5.png"
shot --scenario no-policy --step 10 --theme classroom --out "$out/classroom-no-policy-step-10.png"
shot --scenario no-policy --step 10 --theme dark --out "$out/dark-no-policy-step-10.png"
shot --scenario wrong-port --step 10 --theme classroom --out "$out/classroom-wrong-port-step-10.png"
shot --scenario same-cell --step 3 --theme classroom --out "$out/classroom-same-cell-step-3.png"
shot --scenario cell-down --step 7 --theme classroom --out "$out/classroom-cell-down-step-7.png"
shot --scenario stale-fdb --step 9 --theme classroom --out "$out/classroom-stale-fdb-step-9.png"

caps=$(mktemp -d)
trap 'rm -rf "$caps"' EXIT
java -jar "$jar" simulate --scenario no-policy --out "$caps" >/dev/null
shot --capture "$caps/no-policy.pcapng" --capture "$caps/no-policy.topology.json" --step 10 \
     --out "$out/capture-no-policy-step-10.png"
