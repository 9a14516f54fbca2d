#!/usr/bin/env bash
# Rewrites the sample captures assets/captures/testbed-*.pcapng and their *.topology.json from
# the testbed (see assets/captures/README.md). Needs root and the testbed's tools (README.md
# here); compiles the main classes first when they are missing.
# Usage: make-samples.sh [OUTPUT_DIR]   (default: assets/captures)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "make-samples.sh: must run as root (network namespaces, iptables)" >&2; exit 2; }
if [ ! -f "$repo/target/classes/dev/silkscreen/capture/PcapngWriter.class" ]; then
  (cd "$repo" && mvn -q compile)
fi
exec java -cp "$repo/target/classes" "$here/MakeSamples.java" "$repo" "$@"
