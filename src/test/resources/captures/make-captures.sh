#!/usr/bin/env bash
# Makes the real-tcpdump capture files of this directory, in two throw-away network namespaces
# shaped like two Diego cells joined by Silk (see README.md here). Needs root, iproute2,
# iptables, tcpdump, ncat, ping. Usage: make-captures.sh [OUTPUT_DIR]   (default: this directory)
#
# Network safety: everything lives in the namespaces sdc-a and sdc-b (each with its own
# /etc/netns/<name>/resolv.conf and no route out); cleanup removes them by name.
set -euo pipefail

OUT=$(cd "${1:-$(dirname "$0")}" && pwd)
A=sdc-a
B=sdc-b
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  ip netns del "$A" 2>/dev/null || true
  ip netns del "$B" 2>/dev/null || true
  rm -rf "/etc/netns/$A" "/etc/netns/$B"
}
trap cleanup EXIT
cleanup

inA() { ip netns exec "$A" "$@"; }
inB() { ip netns exec "$B" "$@"; }

for ns in "$A" "$B"; do
  ip netns add "$ns"
  mkdir -p "/etc/netns/$ns"
  echo "nameserver 127.0.0.1" > "/etc/netns/$ns/resolv.conf"
  ip -n "$ns" link set lo up
done

# Underlay: one veth between the "cells" (10.0.16.11 and 10.0.16.12), no default route.
ip link add sdc-va type veth peer name sdc-vb
ip link set sdc-va netns "$A"
ip link set sdc-vb netns "$B"
ip -n "$A" addr add 10.0.16.11/24 dev sdc-va
ip -n "$B" addr add 10.0.16.12/24 dev sdc-vb
ip -n "$A" link set sdc-va up
ip -n "$B" link set sdc-vb up

# silk-vtep on each cell, as silk-daemon sets it up (SILK.md): VXLAN id 1, port 4789, GBP,
# MAC ee:ee + subnet, <subnet>.0/16, a route, a permanent neighbour and an FDB entry per remote cell.
# The "app" addresses 10.255.1.2 (cell A) and 10.255.2.3 (cell B) sit on the vtep as /32s.
vtep() { # ns local_ip subnet_octet mac remote_ip remote_octet remote_mac
  local ns=$1 local=$2 o=$3 mac=$4 remote=$5 ro=$6 rmac=$7
  ip -n "$ns" link add silk-vtep type vxlan id 1 local "$local" dev "sdc-v${ns#sdc-}" dstport 4789 nolearning gbp
  ip -n "$ns" link set silk-vtep address "$mac" mtu 1450 up
  ip -n "$ns" addr add "10.255.$o.0/16" dev silk-vtep scope link
  ip -n "$ns" route add "10.255.$ro.0/24" via "10.255.$ro.0" dev silk-vtep onlink
  ip -n "$ns" neigh add "10.255.$ro.0" lladdr "$rmac" dev silk-vtep nud permanent
  bridge -n "$ns" fdb add "$rmac" dev silk-vtep dst "$remote"
}
vtep "$A" 10.0.16.11 1 ee:ee:0a:ff:01:00 10.0.16.12 2 ee:ee:0a:ff:02:00
vtep "$B" 10.0.16.12 2 ee:ee:0a:ff:02:00 10.0.16.11 1 ee:ee:0a:ff:01:00
ip -n "$A" addr add 10.255.1.2/32 dev silk-vtep
ip -n "$B" addr add 10.255.2.3/32 dev silk-vtep

# Cell A marks its app's packets with tag 4: the kernel copies the mark into the GBP policy ID.
inA iptables -t mangle -A OUTPUT -s 10.255.1.2/32 -j MARK --set-xmark 0x4/0xffffffff
# Cell B rejects TCP to port 9999 like a denied c2c packet (ICMP port unreachable).
inB iptables -A INPUT -d 10.255.2.3/32 -p tcp --dport 9999 -j REJECT --reject-with icmp-port-unreachable

capture() { # ns file tcpdump-args...
  local ns=$1 file=$2
  shift 2
  ip netns exec "$ns" tcpdump -U -n -w "$OUT/$file" "$@" </dev/null >/dev/null 2>&1 &
  PIDS+=($!)
}
capture "$A" underlay-eth.pcap -i sdc-va
capture "$A" vtep-eth-nanos.pcap -i silk-vtep --time-stamp-precision=nano
capture "$A" any-sll.pcap -i any -y LINUX_SLL
capture "$B" any-sll2.pcap -i any
capture "$B" underlay-snap96.pcap -i sdc-vb -s 96
sleep 2

# Traffic: ping (overlay, then a large one that fragments inside the tunnel), TCP with data,
# UDP with data, UDP to a closed port and TCP to the rejected port (ICMP errors quoting UDP/TCP).
# (Started with ip netns exec directly, not through inB, so $! is the listener's own pid.)
ip netns exec "$B" ncat -l -k 10.255.2.3 8080 </dev/null >/dev/null 2>&1 &
PIDS+=($!)
ip netns exec "$B" ncat -u -l 10.255.2.3 7000 </dev/null >/dev/null 2>&1 &
PIDS+=($!)
sleep 1
inA ping -c 2 -i 0.2 -I 10.255.1.2 10.255.2.3 >/dev/null
inA ping -c 1 -s 2000 -M dont -I 10.255.1.2 10.255.2.3 >/dev/null
echo "hello over silk" | inA ncat -s 10.255.1.2 10.255.2.3 8080 -w 2 --send-only
echo "udp datagram" | inA ncat -u -s 10.255.1.2 10.255.2.3 7000 -w 1 --send-only
echo "nobody listens" | inA ncat -u -s 10.255.1.2 10.255.2.3 7001 -w 1 --send-only || true
inA ncat -s 10.255.1.2 10.255.2.3 9999 -w 2 </dev/null 2>/dev/null || true
sleep 2
echo "captures written to $OUT"
