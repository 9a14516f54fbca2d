# shellcheck shell=bash
# The testbed foundation: the single source of its facts. testbed.sh builds the kernel state
# from these lists and writes them as Silkscreen topology JSON (state dir, topology.json) for the
# Java end-to-end tests. One record per line, fields separated by blanks.

FOUNDATION_NAME=testbed

# Underlay: one /24 on a bridge inside the stb-underlay namespace. The test runner (root
# namespace) joins it through the veth stb-host with HOST_IP.
UNDERLAY_CIDR=172.31.200.0/24
UNDERLAY_PREFIX=24
UNDERLAY_MTU=1500
HOST_IP=172.31.200.254

# Cells: name  underlay-ip  leased overlay subnet (a /24 of 10.255.0.0/16). The leases are the
# simulator's (cell1 10.255.77.0/24, cell2 10.255.21.0/24, cell3 10.255.140.0/24).
CELLS=(
  "cell1 172.31.200.11 10.255.77.0/24"
  "cell2 172.31.200.12 10.255.21.0/24"
  "cell3 172.31.200.13 10.255.140.0/24"
)

# Apps: name  guid  policy tag (decimal; written as %04X by policy-server). Tags in order, as the
# simulator allocates them.
APPS=(
  "AppA c7de6123-d906-4c65-9d52-1b6a3e0f7a21 1"
  "AppB 5a0e44b2-7c1d-4f0e-8a3b-2d9c61f4e8b0 2"
  "AppC 9b1f0c77-3e2a-4d8c-b5f6-70a2e9d3c415 3"
)

# Instances (containers): app  index  cell  overlay ip  garden handle (a Diego instance guid).
# cell3 has no containers: it is the wrong cell of stale-fdb.
INSTANCES=(
  "AppB 0 cell1 10.255.77.2 1f3a9c2e-5b7d-4e21-6c8f-0a4d"
  "AppA 1 cell1 10.255.77.3 8d2b4f6a-0c1e-4a39-7b5d-e3f1"
  "AppC 0 cell1 10.255.77.4 b05d8e3f-2a6c-47d1-9f0b-c6e2"
  "AppA 0 cell2 10.255.21.2 3c7e1a9b-6f2d-4b80-5e4a-91c7"
)

# Network policies: source app  destination app  protocol  first port  last port.
POLICIES=(
  "AppB AppA tcp 8080 8080"
  "AppB AppA udp 9000 9000"
  "AppC AppA tcp 8080 8080"
)

# Servers started in every container.
HTTP_PORT=8080
UDP_ECHO_PORT=9000
