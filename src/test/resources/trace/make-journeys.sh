#!/usr/bin/env bash
# Makes the real-kernel capture files of this directory: two "Diego cells" in network namespaces,
# each with one app container, joined by Silk's data path as silk-daemon and silk-cni build it
# (/work/shared/SILK.md): container veths s-<padded ip> with 169.254.0.1, silk-vtep (VXLAN id 1,
# port 4789, GBP, <lease>.0/16), per-remote-cell route, permanent neighbour and FDB entry,
# vxlan-policy-agent-like FORWARD rules (MARK by source, ACCEPT by mark and port, REJECT the rest).
# tcpdump captures every point of the path: both container veths, both silk-vteps, both "eth0"s.
#
#   AppB 10.255.1.2 (tag 4) on cell1 (underlay 192.168.250.11, lease 10.255.1.0/24)
#   AppA 10.255.2.2 (tag 3) on cell2 (underlay 192.168.250.12, lease 10.255.2.0/24)
#   policy: AppB -> AppA tcp 8080. Traffic: a 300 kB HTTP-like upload to 8080 (offloads),
#   a connection to 9999 (rejected), a ping (rejected: no icmp policy).
#
# Needs root, iproute2, iptables, tcpdump, ncat, ping. Usage: make-journeys.sh [OUTPUT_DIR]
# Network safety: only namespaces named str-*, each with its own /etc/netns/<name>/resolv.conf and
# no route out of them; cleanup removes exactly those, and the tcpdump/ncat processes by pid.
set -euo pipefail

OUT=$(cd "${1:-$(dirname "$0")}" && pwd)
C1=str-cell1 C2=str-cell2 B=str-appb A=str-appa
NSS=("$C1" "$C2" "$B" "$A")
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "${NSS[@]}"; do ip netns del "$ns" 2>/dev/null || true; rm -rf "/etc/netns/$ns"; done
}
trap cleanup EXIT
cleanup

for ns in "${NSS[@]}"; do
  ip netns add "$ns"
  mkdir -p "/etc/netns/$ns"
  echo "nameserver 127.0.0.1" > "/etc/netns/$ns/resolv.conf"
  ip -n "$ns" link set lo up
done
for c in "$C1" "$C2"; do ip netns exec "$c" sysctl -qw net.ipv4.ip_forward=1; done

# Underlay: one link between the cells, each end named eth0 inside its cell.
ip link add str-u1 netns "$C1" type veth peer name str-u2 netns "$C2"
ip -n "$C1" link set str-u1 name eth0
ip -n "$C2" link set str-u2 name eth0
ip -n "$C1" addr add 192.168.250.11/24 dev eth0
ip -n "$C2" addr add 192.168.250.12/24 dev eth0
ip -n "$C1" link set eth0 up
ip -n "$C2" link set eth0 up

hex() { printf '%02x:%02x:%02x:%02x' $(echo "$1" | tr . ' '); }

# container NS CELL IP: veth pair as silk-cni makes it.
container() {
  local ns=$1 cell=$2 ip=$3
  local veth; veth=s-$(printf '%03d%03d%03d%03d' $(echo "$ip" | tr . ' '))
  ip link add "$veth" netns "$cell" type veth peer name str-tmp netns "$ns"
  ip -n "$ns" link set str-tmp name eth0
  ip -n "$cell" link set "$veth" address "aa:aa:$(hex "$ip")" mtu 1450 arp off up
  ip -n "$ns" link set eth0 address "ee:ee:$(hex "$ip")" mtu 1450 arp off up
  ip -n "$cell" addr add 169.254.0.1/32 peer "$ip/32" dev "$veth" scope link
  ip -n "$ns" addr add "$ip/32" peer 169.254.0.1/32 dev eth0 scope link
  ip -n "$ns" neigh add 169.254.0.1 lladdr "aa:aa:$(hex "$ip")" dev eth0 nud permanent
  ip -n "$cell" neigh add "$ip" lladdr "ee:ee:$(hex "$ip")" dev "$veth" nud permanent
  ip -n "$ns" route add default via 169.254.0.1 src "$ip"
}
container "$B" "$C1" 10.255.1.2
container "$A" "$C2" 10.255.2.2

# silk-vtep CELL LOCAL LEASE_OCTET REMOTE REMOTE_OCTET
vtep() {
  local cell=$1 local=$2 o=$3 remote=$4 ro=$5
  ip -n "$cell" link add silk-vtep type vxlan id 1 local "$local" dev eth0 dstport 4789 nolearning gbp
  ip -n "$cell" link set silk-vtep address "ee:ee:0a:ff:0$o:00" mtu 1450 up
  ip -n "$cell" addr add "10.255.$o.0/16" dev silk-vtep scope link
  ip -n "$cell" route add "10.255.$ro.0/24" via "10.255.$ro.0" dev silk-vtep src "10.255.$o.0" onlink
  ip -n "$cell" neigh add "10.255.$ro.0" lladdr "ee:ee:0a:ff:0$ro:00" dev silk-vtep nud permanent
  bridge -n "$cell" fdb append "ee:ee:0a:ff:0$ro:00" dev silk-vtep dst "$remote"
}
vtep "$C1" 192.168.250.11 1 192.168.250.12 2
vtep "$C2" 192.168.250.12 2 192.168.250.11 1

# FORWARD as vxlan-policy-agent and silk-cni write it (one vpa chain, one overlay chain per container).
rules() {
  local cell=$1 cip=$2 tag=$3 peer=$4
  ip netns exec "$cell" iptables-restore <<RULES
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:vpa--1 - [0:0]
:overlay--c - [0:0]
-A FORWARD -j vpa--1
-A FORWARD -j overlay--c
-A vpa--1 -s $cip/32 -j MARK --set-xmark $tag/0xffffffff
$( [ -n "$peer" ] && echo "-A vpa--1 -d $cip/32 -p tcp -m tcp --dport 8080 -m mark --mark $peer -j ACCEPT" )
-A overlay--c -s $cip/32 -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT
-A overlay--c -d $cip/32 -m state --state RELATED,ESTABLISHED -j ACCEPT
-A overlay--c -d $cip/32 -j REJECT --reject-with icmp-port-unreachable
COMMIT
RULES
}
rules "$C1" 10.255.1.2 0x4 ""
rules "$C2" 10.255.2.2 0x3 0x4

capture() { # ns iface file
  ip netns exec "$1" tcpdump -U -n -s 256 -i "$2" -w "$OUT/$3" 2>/dev/null &
  PIDS+=($!)
}
capture "$C1" s-010255001002 cell1-s-010255001002.pcap
capture "$C1" silk-vtep cell1-silk-vtep.pcap
capture "$C1" eth0 cell1-eth0.pcap
capture "$C2" eth0 cell2-eth0.pcap
capture "$C2" silk-vtep cell2-silk-vtep.pcap
capture "$C2" s-010255002002 cell2-s-010255002002.pcap
sleep 2

ip netns exec "$A" ncat -l -k 10.255.2.2 8080 >/dev/null &
PIDS+=($!)
sleep 1
head -c 300000 /dev/zero | ip netns exec "$B" ncat 10.255.2.2 8080 -w 3 --send-only
ip netns exec "$B" ncat 10.255.2.2 9999 -w 2 </dev/null 2>/dev/null || true
ip netns exec "$B" ping -c 1 -W 1 10.255.2.2 >/dev/null || true
sleep 2
echo "captures written to $OUT"
