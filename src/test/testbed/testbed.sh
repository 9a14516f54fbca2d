#!/usr/bin/env bash
# Silkscreen testbed: a real Silk data path on one Linux machine. Network namespaces play the
# Diego cells and the app containers, a kernel VXLAN-GBP device plays silk-vtep, iptables holds
# the rules vxlan-policy-agent and silk-cni write, sshd runs in every cell. See README.md here.
#
#   testbed.sh up [SCENARIO]        build (or re-shape) the foundation; default scenario: seed
#   testbed.sh fault SCENARIO       switch a running testbed to a scenario (seed = no fault)
#   testbed.sh down                 remove everything the testbed made, by its records
#   testbed.sh status               what is up, the scenario, the SSH endpoints
#   testbed.sh topology             the foundation as Silkscreen topology JSON, read from the kernel
#   testbed.sh exec WHERE CMD...    run CMD in a cell (cell1) or container (AppB/0) namespace
#   testbed.sh capture DIR SECONDS [-- CMD...]
#                                   tcpdump at every point while CMD runs, SECONDS more after it
#   testbed.sh traffic [KIND...]    the scenario's flow (http, upload, udp, bigudp, ping, cellping), one line each
#
# Needs root, iproute2, iptables, tcpdump, openssh-server, ncat. State: /run/silkscreen-testbed
# (override with SILKSCREEN_TESTBED_STATE). Every name the testbed makes starts with stb-.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=foundation.sh
. "$HERE/foundation.sh"

STATE=${SILKSCREEN_TESTBED_STATE:-/run/silkscreen-testbed}
LOCK=${STATE}.lock
UNDERLAY_NS=stb-underlay
HOST_LINK=stb-host
SCENARIOS="seed no-policy wrong-port wrong-tag same-cell stale-fdb no-route mtu cell-down underlay-mtu vxlan-blocked reply-lost"
# The fault scenarios act on the main flow: CLIENT_INSTANCE (AppB/0 on cell1) to SERVER_INSTANCE
# (AppA/0 on cell2); same-cell uses SAME_CELL_SERVER (AppA/1 on cell1); stale-fdb points the
# client cell's FDB entry for the server cell at BYSTANDER_CELL. The scenarios are the
# simulator's (src/main/resources/dev/silkscreen/sim/scenarios/*.yaml) made with the kernel.
CLIENT_INSTANCE=${CLIENT_INSTANCE:-AppB/0}
SERVER_INSTANCE=${SERVER_INSTANCE:-AppA/0}
SAME_CELL_SERVER=${SAME_CELL_SERVER:-AppA/1}
BYSTANDER_CELL=${BYSTANDER_CELL:-cell3}
# wrong-tag: only this app keeps its policy to the server app.
WRONG_TAG_APP=${WRONG_TAG_APP:-AppC}
# wrong-port: the client calls the server on this port, which no policy admits.
WRONG_PORT=${WRONG_PORT:-9090}
# underlay-mtu: the largest IP packet the underlay between the client's and the server's cell carries.
UNDERLAY_PATH_MTU=${UNDERLAY_PATH_MTU:-1400}
# reply-lost: where the server cell's FDB entry for the client cell's VTEP points (nobody holds it).
NOWHERE_IP=${NOWHERE_IP:-172.31.200.200}

log() { echo "testbed: $*" >&2; }
die() { echo "testbed: $*" >&2; exit 1; }

# ---------------------------------------------------------------- facts from foundation.sh

# ip_hex 10.255.1.2 -> 0a:ff:01:02
ip_hex() { local IFS=.; set -- $1; printf '%02x:%02x:%02x:%02x' "$1" "$2" "$3" "$4"; }
# ip_padded 10.255.1.2 -> 010255001002
ip_padded() { local IFS=.; set -- $1; printf '%03d%03d%03d%03d' "$1" "$2" "$3" "$4"; }
cell_ns() { echo "stb-$1"; }
# container namespace: stb-c-<app lower case>-<index>
inst_ns() { local n="stb-c-${1,,}-$2"; [ ${#n} -le 15 ] || die "namespace name too long: $n"; echo "$n"; }
veth_name() { echo "s-$(ip_padded "$1")"; }
subnet_addr() { echo "${1%/*}"; }
vtep_mac() { echo "ee:ee:$(ip_hex "$(subnet_addr "$1")")"; }
overlay_mtu() { echo $((UNDERLAY_MTU - 50)); }
underlay_nic_mac() { echo "02:00:$(ip_hex "$1")"; }

cell_field() { # CELL FIELD(1=ip,2=subnet)
  local c; for c in "${CELLS[@]}"; do
    set -- $c "$1" "$2"
    if [ "$1" = "$4" ]; then if [ "$5" = 1 ]; then echo "$2"; else echo "$3"; fi; return 0; fi
    set -- "$4" "$5"
  done
  die "no cell named $1 in foundation.sh"
}
app_field() { # APP FIELD(1=guid,2=tag)
  local a; for a in "${APPS[@]}"; do
    set -- $a "$1" "$2"
    if [ "$1" = "$4" ]; then if [ "$5" = 1 ]; then echo "$2"; else echo "$3"; fi; return 0; fi
    set -- "$4" "$5"
  done
  die "no app named $1 in foundation.sh"
}
instance_record() { # APP/INDEX -> "app index cell ip handle"
  local want=$1 i; for i in "${INSTANCES[@]}"; do
    set -- $i
    if [ "$1/$2" = "$want" ]; then echo "$i"; return 0; fi
  done
  die "no instance $want in foundation.sh"
}
cells_names() { local c; for c in "${CELLS[@]}"; do set -- $c; echo "$1"; done; }
tag_hex() { printf '%04X' "$1"; }

# ---------------------------------------------------------------- records of what was made

record() { echo "$*" >>"$STATE/created"; }

make_ns() { # NAME: namespace with its own resolv.conf, lo up, no IPv6, no route out
  local ns=$1
  ip netns add "$ns"
  record netns "$ns"
  if [ ! -d "/etc/netns/$ns" ]; then
    mkdir -p "/etc/netns/$ns"
    record netnsdir "/etc/netns/$ns"
  fi
  echo "nameserver 127.0.0.1" >"/etc/netns/$ns/resolv.conf"
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$ns" link set lo up
}

start_daemon() { # PIDFILE LOG NS CMD... : CMD in NS, detached, pid recorded
  local pidfile=$1 logf=$2 ns=$3; shift 3
  setsid ip netns exec "$ns" "$@" </dev/null >"$logf" 2>&1 9>&- &
  echo $! >"$pidfile"
  record pidfile "$pidfile"
}

# Is the pid in FILE alive and still the program we started (its comm)?
pid_alive() {
  local f=$1 pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -d "/proc/$pid" ] || return 1
  local expect; expect=$(cat "$f.comm" 2>/dev/null || true)
  [ -z "$expect" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$expect" ]
}

# Does PID exist and not only as a zombie waiting to be reaped?
running() { [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }

# ---------------------------------------------------------------- building

build_underlay() {
  make_ns "$UNDERLAY_NS"
  ip -n "$UNDERLAY_NS" link add name br0 mtu "$UNDERLAY_MTU" type bridge
  ip -n "$UNDERLAY_NS" link set br0 up
  ip link add name "$HOST_LINK" mtu "$UNDERLAY_MTU" type veth peer name host netns "$UNDERLAY_NS"
  record link "$HOST_LINK"
  sysctl -qw "net.ipv6.conf.$HOST_LINK.disable_ipv6=1"
  ip addr add "$HOST_IP/$UNDERLAY_PREFIX" dev "$HOST_LINK"
  ip link set "$HOST_LINK" up
  ip -n "$UNDERLAY_NS" link set host master br0 up
  bridge -n "$UNDERLAY_NS" link set dev host flood off
  bridge -n "$UNDERLAY_NS" fdb add "$(cat "/sys/class/net/$HOST_LINK/address")" dev host master static
}

build_cell() { # NAME
  local cell=$1 ns uip subnet
  ns=$(cell_ns "$cell"); uip=$(cell_field "$cell" 1); subnet=$(cell_field "$cell" 2)
  make_ns "$ns"
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
  ip -n "$UNDERLAY_NS" link add name "$cell" mtu "$UNDERLAY_MTU" type veth \
    peer name eth0 mtu "$UNDERLAY_MTU" address "$(underlay_nic_mac "$uip")" netns "$ns"
  ip -n "$UNDERLAY_NS" link set "$cell" master br0 up
  # Like an IaaS fabric, the underlay knows where every cell is (a static entry survives the port
  # going down and up) and floods no unknown unicast (a cell that dropped off must not see its
  # frames show up at the other cells).
  bridge -n "$UNDERLAY_NS" link set dev "$cell" flood off
  bridge -n "$UNDERLAY_NS" fdb add "$(underlay_nic_mac "$uip")" dev "$cell" master static
  ip -n "$ns" addr add "$uip/$UNDERLAY_PREFIX" dev eth0
  ip -n "$ns" link set eth0 up
  # silk-daemon's VTEP: VNI 1, GBP, no learning; MAC ee:ee + lease; <lease>.0/16 scope link.
  ip -n "$ns" link add name silk-vtep mtu "$(overlay_mtu)" address "$(vtep_mac "$subnet")" type vxlan \
    id 1 local "$uip" dev eth0 dstport 4789 gbp nolearning
  ip -n "$ns" addr add "$(subnet_addr "$subnet")/16" scope link dev silk-vtep
  ip -n "$ns" link set silk-vtep up
}

build_container() { # "app index cell ip handle": namespace + veth pair as silk-cni makes them
  set -- $1
  local app=$1 idx=$2 cell=$3 ip=$4 cns host peer mtu cellns
  cns=$(inst_ns "$app" "$idx"); host=$(veth_name "$ip"); peer="c-$(ip_padded "$ip")"
  mtu=$(overlay_mtu); cellns=$(cell_ns "$cell")
  make_ns "$cns"
  ip -n "$cellns" link add name "$host" mtu "$mtu" address "aa:aa:$(ip_hex "$ip")" type veth \
    peer name "$peer" mtu "$mtu" address "ee:ee:$(ip_hex "$ip")" netns "$cns"
  ip -n "$cns" link set "$peer" name eth0
  ip -n "$cns" link set eth0 arp off up
  ip -n "$cns" addr add "$ip/32" peer 169.254.0.1/32 scope link dev eth0
  ip -n "$cns" route add default via 169.254.0.1 dev eth0 src "$ip"
  ip -n "$cns" neigh add 169.254.0.1 lladdr "aa:aa:$(ip_hex "$ip")" dev eth0 nud permanent
  ip netns exec "$cellns" sysctl -qw "net.ipv4.conf.$host.rp_filter=1"
  ip -n "$cellns" link set "$host" arp off up
  ip -n "$cellns" addr add 169.254.0.1/32 peer "$ip/32" scope link dev "$host"
  ip -n "$cellns" neigh add "$ip" lladdr "ee:ee:$(ip_hex "$ip")" dev "$host" nud permanent
}

start_servers() { # "app index cell ip handle": HTTP and UDP echo in the container
  set -- $1
  local app=$1 idx=$2 cns; cns=$(inst_ns "$app" "$idx")
  start_daemon "$STATE/pids/$cns.http.pid" "$STATE/logs/$cns.http.log" "$cns" \
    ncat -l -k -p "$HTTP_PORT" --sh-exec "exec bash '$HERE/http-responder.sh' '$app/$idx'"
  echo ncat >"$STATE/pids/$cns.http.pid.comm"
  start_daemon "$STATE/pids/$cns.udp.pid" "$STATE/logs/$cns.udp.log" "$cns" \
    ncat -u -l -k -p "$UDP_ECHO_PORT" --exec /bin/cat
  echo ncat >"$STATE/pids/$cns.udp.pid.comm"
}

# Two sshd per cell, as two generations of stemcell offer them:
#   current (port 22, the default): ed25519 host key only, ed25519 user key only, curve25519 kex;
#   older   (port 2222, Host CELL-rsa): RSA host key only, RSA user key only, no curve25519.
# So a client must speak both: ssh-keygen's default key and what current stemcells offer, and
# the RSA of older foundations. known_hosts holds each cell's two keys ([ip]:2222 for the older).
LEGACY_SSH_PORT=2222

make_ssh_keys() {
  local d="$STATE/ssh" cell uip
  mkdir -p "$d"; chmod 700 "$d"
  ssh-keygen -q -t ed25519 -N '' -C silkscreen-testbed -f "$d/id_ed25519"
  ssh-keygen -q -t rsa -b 3072 -N '' -C silkscreen-testbed-rsa -f "$d/id_rsa"
  cp "$d/id_ed25519.pub" "$d/authorized_keys"
  cp "$d/id_rsa.pub" "$d/authorized_keys_rsa"
  : >"$d/known_hosts"
  : >"$d/config"
  for cell in $(cells_names); do
    uip=$(cell_field "$cell" 1)
    ssh-keygen -q -t ed25519 -N '' -C "$cell" -f "$d/host_$cell"
    ssh-keygen -q -t rsa -b 3072 -N '' -C "$cell-rsa" -f "$d/host_rsa_$cell"
    echo "$uip $(cut -d' ' -f1,2 "$d/host_$cell.pub")" >>"$d/known_hosts"
    echo "[$uip]:$LEGACY_SSH_PORT $(cut -d' ' -f1,2 "$d/host_rsa_$cell.pub")" >>"$d/known_hosts"
    cat >>"$d/config" <<EOF
Host $cell
  HostName $uip
  User root
  IdentityFile $d/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $d/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
Host $cell-rsa
  HostName $uip
  Port $LEGACY_SSH_PORT
  User root
  IdentityFile $d/id_rsa
  IdentitiesOnly yes
  UserKnownHostsFile $d/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
EOF
  done
}

sshd_config() { # CELL KIND (current|rsa): the sshd_config of one of the cell's two sshd
  local cell=$1 kind=$2 uip d="$STATE/ssh"
  uip=$(cell_field "$cell" 1)
  if [ "$kind" = current ]; then
    cat <<EOF
ListenAddress $uip:22
HostKey $d/host_$cell
HostKeyAlgorithms ssh-ed25519
PubkeyAcceptedAlgorithms ssh-ed25519
KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org
AuthorizedKeysFile $d/authorized_keys
PidFile $STATE/pids/sshd-$cell.pid
EOF
  else
    cat <<EOF
ListenAddress $uip:$LEGACY_SSH_PORT
HostKey $d/host_rsa_$cell
HostKeyAlgorithms rsa-sha2-512,rsa-sha2-256
PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256
KexAlgorithms diffie-hellman-group14-sha256,ecdh-sha2-nistp256
AuthorizedKeysFile $d/authorized_keys_rsa
PidFile $STATE/pids/sshd-rsa-$cell.pid
EOF
  fi
  cat <<EOF
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
X11Forwarding no
PrintMotd no
ClientAliveInterval 15
Subsystem sftp internal-sftp
EOF
}

start_sshd() { # CELL: the cell's two sshd on its underlay IP (current :22, older :2222), test keys only
  local cell=$1 ns d="$STATE/ssh" kind name i
  ns=$(cell_ns "$cell")
  if [ ! -d /run/sshd ]; then mkdir -m 755 /run/sshd; record dir /run/sshd; fi
  for kind in current rsa; do
    name=sshd-$cell; [ "$kind" = current ] || name=sshd-rsa-$cell
    sshd_config "$cell" "$kind" >"$d/$name.config"
    record pidfile "$STATE/pids/$name.pid"
    echo sshd >"$STATE/pids/$name.pid.comm"
    ip netns exec "$ns" /usr/sbin/sshd -f "$d/$name.config" -E "$STATE/logs/$name.log" 9>&-
    for i in $(seq 50); do [ -s "$STATE/pids/$name.pid" ] && break; sleep 0.1; done
    [ -s "$STATE/pids/$name.pid" ] || die "sshd on $cell ($kind) did not start (see $STATE/logs/$name.log)"
  done
}

# ---------------------------------------------------------------- policy (iptables)

# Policy list in force for the current scenario (set by apply_scenario).
EFF_POLICIES=()

# iptables-restore input for CELL: vpa--<µs> at FORWARD 1 from the policy list, then one
# overlay--<handle> chain per local container, and silk-cni's masquerade rule.
render_rules() {
  local cell=$1 ts chain i p
  ts=$(date +%s%6N); chain="vpa--$ts"
  local -a local_inst=() overlay=()
  for i in "${INSTANCES[@]}"; do set -- $i; [ "$3" = "$cell" ] && local_inst+=("$i"); done
  echo "*filter"
  echo ":INPUT ACCEPT [0:0]"; echo ":FORWARD ACCEPT [0:0]"; echo ":OUTPUT ACCEPT [0:0]"
  echo ":$chain - [0:0]"
  for i in "${local_inst[@]}"; do set -- $i; local oc="overlay--$5"; oc=${oc:0:28}; overlay+=("$oc"); echo ":$oc - [0:0]"; done
  echo "-A FORWARD -j $chain"
  for oc in "${overlay[@]}"; do echo "-A FORWARD -j $oc"; done
  for i in "${local_inst[@]}"; do
    set -- $i
    printf -- '-A %s -s %s/32 -m comment --comment "src:%s" -j MARK --set-xmark 0x%x/0xffffffff\n' \
      "$chain" "$4" "$(app_field "$1" 1)" "$(app_field "$1" 2)"
  done
  for p in "${EFF_POLICIES[@]}"; do
    set -- $p
    local src=$1 dst=$2 proto=$3 lo=$4 hi=$5 ports stag sguid dguid
    if [ "$lo" = "$hi" ]; then ports=$lo; else ports="$lo:$hi"; fi
    stag=$(app_field "$src" 2); sguid=$(app_field "$src" 1); dguid=$(app_field "$dst" 1)
    for i in "${local_inst[@]}"; do
      set -- $i
      [ "$1" = "$dst" ] || continue
      local prefix="OK_$(tag_hex "$stag")_$dguid"
      printf -- '-A %s -d %s/32 -p %s -m %s --dport %s -m mark --mark 0x%x -m conntrack --ctstate INVALID,NEW,UNTRACKED -j LOG --log-prefix "%s "\n' \
        "$chain" "$4" "$proto" "$proto" "$ports" "$stag" "${prefix:0:28}"
      printf -- '-A %s -d %s/32 -p %s -m %s --dport %s -m mark --mark 0x%x -m comment --comment "src:%s_dst:%s" -j ACCEPT\n' \
        "$chain" "$4" "$proto" "$proto" "$ports" "$stag" "$sguid" "$dguid"
    done
  done
  for i in "${local_inst[@]}"; do
    set -- $i
    local oc="overlay--$5" deny="DENY_C2C_$5"; oc=${oc:0:28}
    echo "-A $oc -s $4/32 -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT"
    echo "-A $oc -d $4/32 -m state --state RELATED,ESTABLISHED -j ACCEPT"
    echo "-A $oc -d $4/32 -m mark --mark 0xffff0000 -j ACCEPT"
    echo "-A $oc -d $4/32 -m limit --limit 5/sec -j LOG --log-prefix \"${deny:0:28} \""
    echo "-A $oc -d $4/32 -j REJECT --reject-with icmp-port-unreachable"
  done
  echo "COMMIT"
  echo "*nat"
  echo ":PREROUTING ACCEPT [0:0]"; echo ":INPUT ACCEPT [0:0]"; echo ":OUTPUT ACCEPT [0:0]"; echo ":POSTROUTING ACCEPT [0:0]"
  for i in "${local_inst[@]}"; do
    set -- $i
    echo "-A POSTROUTING -s $4/32 ! -d 10.255.0.0/16 ! -o silk-vtep -j MASQUERADE"
  done
  echo "COMMIT"
}

# ---------------------------------------------------------------- scenarios

# The healthy state every scenario starts from: links up at their MTUs, and silk-daemon's entries
# per remote cell as its converger writes them (route with the local VTEP address as source,
# permanent ARP neighbour, FDB entry to the remote underlay IP).
net_baseline() {
  local cell=$1 ns own other oip osub omac i
  ns=$(cell_ns "$cell"); own=$(subnet_addr "$(cell_field "$cell" 2)")
  ip -n "$UNDERLAY_NS" link set dev "$cell" mtu "$UNDERLAY_MTU" up
  ip -n "$ns" link set dev eth0 mtu "$UNDERLAY_MTU" up
  ip -n "$ns" link set dev silk-vtep mtu "$(overlay_mtu)" up
  for i in "${INSTANCES[@]}"; do
    set -- $i
    [ "$3" = "$cell" ] || continue
    ip -n "$ns" link set dev "$(veth_name "$4")" mtu "$(overlay_mtu)" gso_max_segs 65535
    ip -n "$(inst_ns "$1" "$2")" link set dev eth0 mtu "$(overlay_mtu)" gso_max_segs 65535
    ip -n "$(inst_ns "$1" "$2")" route flush cache
  done
  for other in $(cells_names); do
    [ "$other" = "$cell" ] && continue
    oip=$(cell_field "$other" 1); osub=$(cell_field "$other" 2); omac=$(vtep_mac "$osub")
    ip -n "$ns" route replace "$osub" via "$(subnet_addr "$osub")" dev silk-vtep src "$own"
    ip -n "$ns" neigh replace "$(subnet_addr "$osub")" lladdr "$omac" dev silk-vtep nud permanent
    bridge -n "$ns" fdb del "$omac" dev silk-vtep 2>/dev/null || true
    bridge -n "$ns" fdb append "$omac" dev silk-vtep dst "$oip"
  done
  ip -n "$ns" neigh flush dev silk-vtep nud failed 2>/dev/null || true
}

apply_scenario() {
  local scenario=$1 ccell scell cell p i
  if command -v ebtables >/dev/null; then ip netns exec "$UNDERLAY_NS" ebtables -F FORWARD; fi
  set -- $(instance_record "$CLIENT_INSTANCE"); ccell=$3
  set -- $(instance_record "$SERVER_INSTANCE"); scell=$3
  local -a kept=()
  case $scenario in
    no-policy) EFF_POLICIES=() ;;
    wrong-tag) # only AppC may reach AppA: AppB's tag finds no ACCEPT on cell2
      for p in "${POLICIES[@]}"; do set -- $p; [ "$1" = "$WRONG_TAG_APP" ] && kept+=("$p"); done
      EFF_POLICIES=("${kept[@]}") ;;
    *) EFF_POLICIES=("${POLICIES[@]}") ;;
  esac
  for cell in $(cells_names); do
    net_baseline "$cell"
    render_rules "$cell" >"$STATE/rules-$cell.txt"
    ip netns exec "$(cell_ns "$cell")" iptables-restore <"$STATE/rules-$cell.txt"
  done
  local sns smac; sns=$(cell_ns "$scell"); smac=$(vtep_mac "$(cell_field "$scell" 2)")
  case $scenario in
    stale-fdb) # cell1 still sends cell2's VTEP MAC to an underlay IP that is now another cell
      bridge -n "$(cell_ns "$ccell")" fdb del "$smac" dev silk-vtep
      bridge -n "$(cell_ns "$ccell")" fdb append "$smac" dev silk-vtep dst "$(cell_field "$BYSTANDER_CELL" 1)" ;;
    no-route) # silk-daemon on cell1 has not learned cell2's lease: no route, neighbour or FDB entry
      local ssub; ssub=$(cell_field "$scell" 2)
      ip -n "$(cell_ns "$ccell")" route del "$ssub"
      ip -n "$(cell_ns "$ccell")" neigh del "$(subnet_addr "$ssub")" dev silk-vtep
      bridge -n "$(cell_ns "$ccell")" fdb del "$smac" dev silk-vtep ;;
    mtu) # cell1's containers have MTU 1500 while silk-vtep has 1450
      for i in "${INSTANCES[@]}"; do
        set -- $i
        [ "$3" = "$ccell" ] || continue
        ip -n "$(cell_ns "$ccell")" link set dev "$(veth_name "$4")" mtu "$UNDERLAY_MTU"
        ip -n "$(inst_ns "$1" "$2")" link set dev eth0 mtu "$UNDERLAY_MTU"
      done ;;
    underlay-mtu) # a hop between cell1 and cell2 carries IP packets of at most UNDERLAY_PATH_MTU: the
      # underlay ports of both cells drop larger frames (the kernel's veth and bridge MTU checks),
      # no ICMP. Offloads off on the path: TCP sends one segment per frame (gso_max_segs 1), so a
      # frame is as large on the wire as in the capture.
      ip -n "$UNDERLAY_NS" link set dev "$ccell" mtu "$UNDERLAY_PATH_MTU"
      ip -n "$UNDERLAY_NS" link set dev "$scell" mtu "$UNDERLAY_PATH_MTU"
      for i in "${INSTANCES[@]}"; do
        set -- $i
        ip -n "$(cell_ns "$3")" link set dev "$(veth_name "$4")" gso_max_segs 1
        ip -n "$(inst_ns "$1" "$2")" link set dev eth0 gso_max_segs 1
      done ;;
    vxlan-blocked) # the underlay drops UDP 4789 between cell1 and cell2 (like a security group
      # without it); everything else between them (ARP, ping, SSH) passes
      ip netns exec "$UNDERLAY_NS" ebtables -A FORWARD -i "$ccell" -o "$scell" -p IPv4 --ip-proto udp --ip-dport 4789 -j DROP
      ip netns exec "$UNDERLAY_NS" ebtables -A FORWARD -i "$scell" -o "$ccell" -p IPv4 --ip-proto udp --ip-dport 4789 -j DROP ;;
    reply-lost) # cell2's FDB entry for cell1's VTEP points at NOWHERE_IP: the SYN arrives, the
      # SYN-ACK never leaves cell2 (ARP for NOWHERE_IP goes unanswered)
      local cmac; cmac=$(vtep_mac "$(cell_field "$ccell" 2)")
      bridge -n "$sns" fdb del "$cmac" dev silk-vtep
      bridge -n "$sns" fdb append "$cmac" dev silk-vtep dst "$NOWHERE_IP" ;;
    cell-down) # cell2 just dropped off the underlay (its port is down): cell1 still has its
      # underlay ARP entry, so packets leave cell1; cell2's points stay capturable and see nothing
      ip netns exec "$(cell_ns "$ccell")" ping -c 1 -W 1 "$(cell_field "$scell" 1)" >/dev/null 2>&1 || true
      ip -n "$UNDERLAY_NS" link set dev "$scell" down ;;
  esac
  echo "$scenario" >"$STATE/scenario"
  write_topology "$scenario" >"$STATE/topology.json"
}

valid_scenario() {
  local s; for s in $SCENARIOS; do [ "$s" = "$1" ] && return 0; done
  die "unknown scenario '$1' (one of: $SCENARIOS)"
}

# ---------------------------------------------------------------- topology JSON

json_str() { # a JSON string, or null for an empty value
  [ -n "$1" ] || { printf 'null'; return; }
  local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"
}

# The word after KEY in an `ip` output line ("via", "dev", "src", "lladdr", "dst"), or empty.
word_after() { local key=$1; shift; while [ $# -gt 1 ]; do [ "$1" = "$key" ] && { echo "$2"; return; }; shift; done; }

# Silkscreen topology JSON (format silkscreen-topology/1, assets/topology-format.md), read
# from the kernel: each cell's routes, permanent neighbours, silk-vtep FDB and filter table as
# they are now, with the foundation's apps, instances, policies in force and the scenario's fault.
write_topology() {
  local scenario=${1:-seed} c a i p sep ns line
  printf '{\n  "format": "silkscreen-topology/1",\n  "name": %s,\n  "overlayNetwork": "10.255.0.0/16",\n  "cells": [' \
    "$(json_str "$FOUNDATION_NAME-$scenario")"
  sep=
  for c in "${CELLS[@]}"; do
    set -- $c; ns=$(cell_ns "$1")
    local mtu; mtu=$(ip -n "$ns" -o link show dev eth0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')
    printf '%s\n    {"name": %s, "underlayIp": %s, "underlayNic": "eth0", "underlayMtu": %d, "subnet": %s,' \
      "$sep" "$(json_str "$1")" "$(json_str "$2")" "${mtu:-$UNDERLAY_MTU}" "$(json_str "$3")"
    sep=,
    local rsep= dest via dev src origin
    printf '\n     "routes": ['
    while IFS= read -r line; do
      set -- $line; dest=$1; [[ $dest == */* ]] || dest="$dest/32"
      via=$(word_after via $line); dev=$(word_after dev $line); src=$(word_after src $line)
      case $line in *"proto kernel"*) origin=kernel ;; *silk-vtep*) origin=silk-daemon ;; *) origin=static ;; esac
      printf '%s\n       {"destination": %s, "via": %s, "dev": %s, "src": %s, "origin": %s}' "$rsep" \
        "$(json_str "$dest")" "$(json_str "$via")" "$(json_str "$dev")" "$(json_str "$src")" "$(json_str "$origin")"
      rsep=,
    done < <(ip -n "$ns" -4 route show)
    printf '],\n     "neighbours": ['
    rsep=
    while IFS= read -r line; do
      set -- $line
      printf '%s\n       {"ip": %s, "mac": %s, "dev": %s}' "$rsep" "$(json_str "$1")" \
        "$(json_str "$(word_after lladdr $line)")" "$(json_str "$(word_after dev $line)")"
      rsep=,
    done < <(ip -n "$ns" -4 neigh show nud permanent)
    printf '],\n     "fdb": ['
    rsep=
    while IFS= read -r line; do
      set -- $line
      printf '%s\n       {"mac": %s, "dst": %s, "dev": "silk-vtep"}' "$rsep" "$(json_str "$1")" "$(json_str "$(word_after dst $line)")"
      rsep=,
    done < <(bridge -n "$ns" fdb show dev silk-vtep)
    printf '],\n     "rules": ['
    rsep=
    while IFS= read -r line; do
      case $line in '#'*) continue ;; esac
      printf '%s\n       %s' "$rsep" "$(json_str "$line")"; rsep=,
    done < <(ip netns exec "$ns" iptables-save -t filter)
    printf ']}'
  done
  printf '\n  ],\n  "apps": ['
  sep=; for a in "${APPS[@]}"; do set -- $a
    printf '%s\n    {"name": %s, "guid": %s, "tag": %d}' "$sep" "$(json_str "$1")" "$(json_str "$2")" "$3"; sep=,; done
  printf '\n  ],\n  "instances": ['
  sep=; for i in "${INSTANCES[@]}"; do set -- $i
    printf '%s\n    {"app": %s, "index": %d, "cell": %s, "ip": %s, "handle": %s}' \
      "$sep" "$(json_str "$1")" "$2" "$(json_str "$3")" "$(json_str "$4")" "$(json_str "$5")"; sep=,; done
  printf '\n  ],\n  "policies": ['
  sep=; for p in "${EFF_POLICIES[@]}"; do set -- $p
    printf '%s\n    {"source": %s, "destination": %s, "protocol": %s, "portStart": %d, "portEnd": %d}' \
      "$sep" "$(json_str "$1")" "$(json_str "$2")" "$(json_str "$3")" "$4" "$5"; sep=,; done
  printf '\n  ],\n  "faults": ['
  local ccell scell
  set -- $(instance_record "$CLIENT_INSTANCE"); ccell=$3
  set -- $(instance_record "$SERVER_INSTANCE"); scell=$3
  case $scenario in
    stale-fdb) printf '\n    {"kind": "stale-fdb", "cell": "%s", "peer": "%s", "detail": "%s"}' "$ccell" "$scell" \
      "$ccell's FDB still sends $scell's VTEP MAC to $(cell_field "$BYSTANDER_CELL" 1), which is $BYSTANDER_CELL" ;;
    no-route) printf '\n    {"kind": "no-route", "cell": "%s", "peer": "%s", "detail": "%s"}' "$ccell" "$scell" \
      "silk-daemon on $ccell has not learned $scell's lease: no route, neighbour or FDB entry" ;;
    cell-down) printf '\n    {"kind": "cell-down", "cell": "%s", "peer": null, "detail": "%s"}' "$scell" \
      "$scell is unreachable on the underlay network" ;;
    mtu) printf '\n    {"kind": "mtu", "cell": "%s", "peer": null, "detail": "%s"}' "$ccell" \
      "containers on $ccell have MTU $UNDERLAY_MTU but silk-vtep has $(overlay_mtu)" ;;
    underlay-mtu) printf '\n    {"kind": "underlay-mtu", "cell": "%s", "peer": "%s", "detail": "%s"}' "$ccell" "$scell" \
      "the underlay path between $ccell and $scell carries IP packets of at most $UNDERLAY_PATH_MTU bytes and drops larger frames without ICMP" ;;
    vxlan-blocked) printf '\n    {"kind": "vxlan-blocked", "cell": "%s", "peer": "%s", "detail": "%s"}' "$ccell" "$scell" \
      "the underlay drops UDP 4789 (VXLAN) between $ccell and $scell; the cells reach each other otherwise" ;;
    reply-lost) printf '\n    {"kind": "reply-lost", "cell": "%s", "peer": "%s", "detail": "%s"}' "$scell" "$ccell" \
      "$scell's FDB sends $ccell's VTEP MAC to $NOWHERE_IP, not $ccell's address: the replies never get back" ;;
  esac
  printf '\n  ]\n}\n'
}

# ---------------------------------------------------------------- commands

need_root_tools() {
  [ "$(id -u)" = 0 ] || die "must run as root (network namespaces, iptables)"
  local t; for t in ip bridge iptables iptables-restore ncat ssh-keygen /usr/sbin/sshd setsid flock; do
    command -v "$t" >/dev/null 2>&1 || die "$t not found (install iproute2, iptables, ncat, openssh-server)"
  done
}

with_lock() { exec 9>"$LOCK"; flock -w 60 9 || die "another testbed.sh holds $LOCK"; }

# What the built kernel state depends on: this script and the foundation.
fingerprint() { cat "$HERE/foundation.sh" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16; }

is_up() { [ -f "$STATE/scenario" ] && [ -f "$STATE/created" ]; }

healthy() {
  is_up || return 1
  local kind what
  while read -r kind what; do
    case $kind in
      netns) ip netns list | grep -qx "$what\( (id: [0-9]*)\)\?" || return 1 ;;
      pidfile) pid_alive "$what" || return 1 ;;
    esac
  done <"$STATE/created"
}

cmd_up() {
  local scenario=${1:-seed}
  valid_scenario "$scenario"; need_root_tools; with_lock
  if is_up && [ "$(cat "$STATE/fingerprint" 2>/dev/null)" != "$(fingerprint)" ]; then
    log "a testbed built by another version of testbed.sh or foundation.sh is up: rebuilding it"
    do_down
  fi
  if is_up; then
    if healthy; then
      apply_scenario "$scenario"
      log "up (scenario $scenario)"
      return 0
    fi
    log "found a broken testbed in $STATE: tearing it down first"
    do_down
  fi
  [ ! -e "$STATE/created" ] || do_down
  mkdir -p "$STATE/pids" "$STATE/logs"
  : >"$STATE/created"
  fingerprint >"$STATE/fingerprint"
  trap 'rc=$?; if [ $rc -ne 0 ]; then log "up failed (status $rc): tearing down"; do_down; rm -f "$LOCK"; fi' EXIT
  build_underlay
  local c i
  for c in $(cells_names); do build_cell "$c"; done
  for i in "${INSTANCES[@]}"; do build_container "$i"; done
  make_ssh_keys
  for c in $(cells_names); do start_sshd "$c"; done
  for i in "${INSTANCES[@]}"; do start_servers "$i"; done
  apply_scenario "$scenario"
  sleep 0.3
  healthy || die "a server did not stay up (see $STATE/logs)"
  trap - EXIT
  log "up (scenario $scenario); ssh: ssh -F $STATE/ssh/config cell1"
}

cmd_fault() {
  [ $# -eq 1 ] || die "usage: testbed.sh fault SCENARIO"
  valid_scenario "$1"; need_root_tools; with_lock
  healthy || die "the testbed is not up (testbed.sh up)"
  [ "$(cat "$STATE/fingerprint" 2>/dev/null)" = "$(fingerprint)" ] ||
    die "the testbed that is up was built by another version of testbed.sh or foundation.sh (testbed.sh up rebuilds it)"
  apply_scenario "$1"
  log "scenario $1"
}

# Remove, in reverse order, what the records say was made: processes first, then namespaces,
# the root-namespace link and the /etc/netns directories.
do_down() {
  [ -f "$STATE/created" ] || { rm -rf "$STATE"; return 0; }
  local kind what pid
  local -a lines=()
  mapfile -t lines <"$STATE/created"
  local n
  for ((n = ${#lines[@]} - 1; n >= 0; n--)); do
    read -r kind what <<<"${lines[n]}"
    if [ "$kind" = pidfile ] && pid_alive "$what"; then
      pid=$(cat "$what")
      # Daemons lead their own process group (setsid): end it with them (ncat's children).
      local target=$pid
      [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && target=-$pid
      kill -- "$target" 2>/dev/null || true
      local k; for k in $(seq 40); do running "$pid" || break; sleep 0.05; done
      if running "$pid"; then
        kill -9 -- "$target" 2>/dev/null || true
        for k in $(seq 40); do running "$pid" || break; sleep 0.05; done
      fi
    fi
  done
  for ((n = ${#lines[@]} - 1; n >= 0; n--)); do
    read -r kind what <<<"${lines[n]}"
    case $kind in
      netns) ip netns del "$what" 2>/dev/null || true ;;
      link) ip link del "$what" 2>/dev/null || true ;;
      netnsdir) rm -f "$what/resolv.conf"; rmdir "$what" 2>/dev/null || true ;;
      dir) rmdir "$what" 2>/dev/null || true ;;
    esac
  done
  rm -rf "$STATE"
}

cmd_down() {
  [ "$(id -u)" = 0 ] || die "must run as root"
  with_lock
  do_down
  rm -f "$LOCK"
  log "down"
}

cmd_status() {
  if ! is_up; then echo "testbed: down"; return 3; fi
  local state=healthy; healthy || state=BROKEN
  echo "testbed: up, $state, scenario $(cat "$STATE/scenario")"
  echo "state:   $STATE (topology.json, ssh/, pids/, logs/)"
  local c i
  for c in $(cells_names); do
    printf '  %-6s underlay %-15s lease %-15s ssh root@%s  ns %s\n' "$c" "$(cell_field "$c" 1)" "$(cell_field "$c" 2)" "$(cell_field "$c" 1)" "$(cell_ns "$c")"
  done
  for i in "${INSTANCES[@]}"; do
    set -- $i
    printf '  %-7s on %-6s %-12s %s  ns %s\n' "$1/$2" "$3" "$4" "$(veth_name "$4")" "$(inst_ns "$1" "$2")"
  done
  echo "  ssh:   ssh -F $STATE/ssh/config cell1"
  [ "$state" = healthy ]
}

where_ns() { # cell1 | AppB/0 -> namespace
  local c; for c in $(cells_names); do [ "$c" = "$1" ] && { cell_ns "$c"; return; }; done
  [[ $1 == */* ]] || die "no cell or instance named $1"
  local rec; rec=$(instance_record "$1"); set -- $rec; inst_ns "$1" "$2"
}

cmd_exec() {
  [ $# -ge 2 ] || die "usage: testbed.sh exec CELL|APP/INDEX CMD..."
  local ns; ns=$(where_ns "$1"); shift
  exec ip netns exec "$ns" "$@"
}

# Capture points: per cell its underlay NIC, silk-vtep and each local container's host veth.
capture_points() {
  local c i
  for c in $(cells_names); do
    echo "$c eth0"; echo "$c silk-vtep"
    for i in "${INSTANCES[@]}"; do set -- $i; [ "$3" = "$c" ] && echo "$c $(veth_name "$4")"; done
  done
  return 0
}

cmd_capture() {
  [ $# -ge 2 ] || die "usage: testbed.sh capture DIR SECONDS [-- CMD...]"
  local dir=$1 secs=$2; shift 2
  [[ $secs =~ ^[0-9]+([.][0-9]+)?$ ]] || die "SECONDS must be a number, not '$secs'"
  if [ $# -gt 0 ]; then [ "$1" = -- ] || die "expected -- before the command"; shift; fi
  command -v tcpdump >/dev/null || die "tcpdump not found"
  is_up || die "the testbed is not up (testbed.sh up)"
  mkdir -p "$dir"
  local -a pids=() names=()
  local cell iface f rc=0
  stop_captures() {
    local p; for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pids=()
  }
  trap stop_captures EXIT
  : >"$dir/points.tsv"
  while read -r cell iface; do
    f="${cell}_${iface}.pcap"
    ip netns exec "$(cell_ns "$cell")" tcpdump -U -n -s 262144 -i "$iface" -w "$dir/$f" 2>"$dir/.$f.log" &
    pids+=($!); names+=("$dir/.$f.log")
    printf '%s:%s\t%s\n' "$cell" "$iface" "$f" >>"$dir/points.tsv"
  done < <(capture_points)
  local l t
  for l in "${names[@]}"; do
    for t in $(seq 100); do grep -q 'listening on' "$l" 2>/dev/null && break; sleep 0.05; done
    grep -q 'listening on' "$l" || die "tcpdump did not start: $(cat "$l")"
  done
  if [ $# -gt 0 ]; then "$@" || rc=$?; fi
  sleep "$secs"
  stop_captures
  trap - EXIT
  rm -f "$dir"/.*.pcap.log
  return $rc
}

# The scenario's traffic, one result line per exchange on stdout: "KIND FROM TO ok|failed DETAIL".
# Kinds: http (GET of 6000 bytes), upload (PUT of --upload bytes, default 200000), udp (echo),
# bigudp (one 1472-byte datagram: 1500 bytes of IP, DF as Linux sets it for UDP), ping, cellping
# (the client cell pings the server cell's underlay address, outside the overlay). Without
# kinds, the scenario's plan: its flows as the simulator's scenario has them. Failing is what most scenarios
# are for, so the status is 0 whenever the testbed is up.
cmd_traffic() {
  local from= to= port= bytes=200000 kinds=()
  while [ $# -gt 0 ]; do
    case $1 in
      --from) from=$2; shift 2 ;;
      --to) to=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      --upload) bytes=$2; shift 2 ;;
      http|upload|udp|bigudp|ping|cellping) kinds+=("$1"); shift ;;
      *) die "usage: testbed.sh traffic [--from APP/I] [--to APP/I] [--port N] [--upload BYTES] [http|upload|udp|bigudp|ping|cellping]..." ;;
    esac
  done
  is_up || die "the testbed is not up (testbed.sh up)"
  [[ $bytes =~ ^[0-9]+$ ]] || die "--upload takes a byte count, not '$bytes'"
  local scenario; scenario=$(cat "$STATE/scenario")
  if [ -z "$to" ]; then
    if [ "$scenario" = same-cell ]; then to=$SAME_CELL_SERVER; else to=$SERVER_INSTANCE; fi
  fi
  if [ -z "$port" ]; then
    if [ "$scenario" = wrong-port ]; then port=$WRONG_PORT; else port=$HTTP_PORT; fi
  fi
  local -a plan=()
  if [ ${#kinds[@]} -gt 0 ]; then
    local k; for k in "${kinds[@]}"; do plan+=("$k ${from:-$CLIENT_INSTANCE} $to"); done
  else
    local c=${from:-$CLIENT_INSTANCE}
    case $scenario in
      mtu) plan=("bigudp $c $to") ;;
      underlay-mtu) plan=("upload $c $to") ;;
      vxlan-blocked) plan=("cellping $c $to" "http $c $to") ;;
      wrong-tag) plan=("http $c $to" "http $WRONG_TAG_APP/0 $to") ;;
      same-cell) plan=("http $c $to" "http $to $c") ;;
      *) plan=("http $c $to") ;;
    esac
  fi
  local entry kind src dsti ns dst out rc
  for entry in "${plan[@]}"; do
    read -r kind src dsti <<<"$entry"
    set -- $(instance_record "$dsti"); dst=$4
    ns=$(where_ns "$src"); rc=0
    case $kind in
      http)
        out=$(ip netns exec "$ns" curl -sS -m 2 -o /dev/null -w '%{http_code} %{size_download} bytes' "http://$dst:$port/bytes/6000" 2>&1) || rc=$? ;;
      upload)
        head -c "$bytes" /dev/urandom >"$STATE/upload.bin"
        out=$(ip netns exec "$ns" curl -sS -m 4 -H 'Expect:' -T "$STATE/upload.bin" "http://$dst:$port/upload" 2>&1) || rc=$? ;;
      udp)
        out=$( (echo "echo from $src"; sleep 0.5) | ip netns exec "$ns" ncat -u -w 1 "$dst" "$UDP_ECHO_PORT" 2>&1) || rc=$?
        [ $rc -ne 0 ] || [ -n "$out" ] || { rc=1; out="no echo"; } ;;
      bigudp)
        out=$( (head -c 1472 /dev/zero | tr '\0' u; sleep 0.5) | ip netns exec "$ns" ncat -u -w 1 "$dst" "$UDP_ECHO_PORT" 2>&1) || rc=$?
        if [ $rc -eq 0 ]; then
          if [ ${#out} -eq 1472 ]; then out="echoed 1472 bytes"; else rc=1; out="no echo (${#out} bytes back)"; fi
        fi ;;
      ping)
        out=$(ip netns exec "$ns" ping -n -c 1 -W 1 "$dst" 2>&1 | grep -E 'bytes from|From|loss') || true
        [[ $out == *" 0% packet loss"* ]] || rc=1 ;;
      cellping) # the cells reach each other on the underlay, outside the overlay
        local fromcell tocell; set -- $(instance_record "$src"); fromcell=$3; set -- $(instance_record "$dsti"); tocell=$3
        out=$(ip netns exec "$(cell_ns "$fromcell")" ping -n -c 1 -W 1 "$(cell_field "$tocell" 1)" 2>&1 | grep -E 'bytes from|From|loss') || true
        [[ $out == *" 0% packet loss"* ]] || rc=1 ;;
    esac
    out=$(printf '%s' "$out" | tr '\n' ' ')
    if [ $rc -eq 0 ]; then echo "$kind $src $dsti ok $out"; else echo "$kind $src $dsti failed $out"; fi
  done
}

main() {
  local verb=${1:-}; [ $# -gt 0 ] && shift
  case $verb in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    fault) cmd_fault "$@" ;;
    topology) is_up || die "the testbed is not up (testbed.sh up)"; cat "$STATE/topology.json" ;;
    exec) cmd_exec "$@" ;;
    capture) cmd_capture "$@" ;;
    traffic) cmd_traffic "$@" ;;
    ''|-h|--help|help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown verb '$verb' (up, down, status, fault, topology, exec, traffic, capture)" ;;
  esac
}

main "$@"
