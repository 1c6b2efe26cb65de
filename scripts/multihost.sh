#!/usr/bin/env bash
# Several hosts on one PostgreSQL store (issue 16; README, "A shared store on PostgreSQL"):
# one server, clients in two network namespaces of their own (veth pairs with private
# addresses 10.231.1.0/30 and 10.231.2.0/30 and no default route, so nothing leaves the
# machine; the server listens on the root side's addresses). 8 writers (4 a namespace) move
# overlapping serials, SIGKILLed at random and started again; then: every acknowledged
# transaction is in the ledger once, no key twice, no serial in two places, and
# `stockroom verify` is clean from both namespaces. Needs root and `ip`; says so and exits 0
# (skipped) without them.
#
#   bash scripts/multihost.sh            8 writers x 500 commits
#   bash scripts/multihost.sh --short    8 writers x 100 commits (CI)
#   MULTIHOST_SEED=N bash scripts/multihost.sh   the same kills again
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

COMMITS=500
[ "${1:-}" = --short ] && COMMITS=100
WRITERS=8
if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
  echo "multihost: skipped (needs root and the ip command for network namespaces)"
  exit 0
fi
SEED=${MULTIHOST_SEED:-$(($(od -An -N4 -tu4 /dev/urandom) % 2147483646 + 1))}
RANDOM=$SEED
echo "multihost: seed $SEED (MULTIHOST_SEED=$SEED bash scripts/multihost.sh${1:+ $1})"

swift build >/dev/null
B="$root/.build/debug/stockroom"
export SWIFT_BACKTRACE=enable=no
WORK=$(mktemp -d /tmp/stockroom-multihost.XXXXXX)
NS=(sr-mh-a-$$ sr-mh-b-$$)
failures=0
fail() { echo "multihost: FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "multihost: SKIPPED $1 ($2)"; }
declare -A figures
cleanup() {
  for pid in ${WRITER_PIDS:-}; do kill -9 "$pid" 2>/dev/null || true; done
  for ns in "${NS[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  if [ -n "${PG_CLUSTER:-}" ]; then bash "$root/scripts/pg-cluster.sh" stop "$PG_CLUSTER" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=fault/postgres.sh
source "$root/scripts/fault/postgres.sh"

pg_start_cluster

# The two client hosts: a namespace each, joined to the root namespace by a veth pair.
for i in 1 2; do
  ns=${NS[$((i - 1))]}
  ip netns add "$ns"
  ip link add "srmh$i-$$" type veth peer name eth0 netns "$ns"
  ip addr add "10.231.$i.1/30" dev "srmh$i-$$"
  ip link set "srmh$i-$$" up
  ip -n "$ns" addr add "10.231.$i.2/30" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
done
echo "host all all 10.231.0.0/16 trust" >>"$PG_CLUSTER/data/pg_hba.conf"
PG_OPTIONS=${PG_OPTIONS/listen_addresses=127.0.0.1/listen_addresses=127.0.0.1,10.231.1.1,10.231.2.1}
pg_ctl_cluster restart -w

name=multihost
PG_POOL_SIZE=40
pg_new_store "$name"
# The store's URL as each namespace reaches it (host 1 and host 2).
host_url() { pg_url "$name" | sed "s/@127\.0\.0\.1:/@10.231.$1.1:/"; }
logs="$WORK/logs"
mkdir -p "$logs"

# Writer slot I (hosts alternate) runs generations until COMMITS rounds are done in all.
declare -a pids gens dones
start_writer() {
  local i=$1 host=$(($1 % 2 + 1)) left
  gens[$i]=$((${gens[$i]:-0} + 1))
  left=$((COMMITS - ${dones[$i]:-0}))
  # shellcheck disable=SC2086
  ip netns exec "${NS[$((host - 1))]}" "$B" _commit-test --mode move --count "$left" \
    --seed "$((RANDOM * 32768 + RANDOM))" --key-prefix "mh-w$i-g${gens[$i]}" \
    --store "$(host_url "$host")" --data-dir "$WORK/$name-dir" --serial $PG_POOL \
    >"$logs/w$i-g${gens[$i]}" 2>"$logs/w$i-g${gens[$i]}.err" &
  pids[$i]=$!
  WRITER_PIDS="${pids[*]}"
}
rounds_done() { cat "$logs/w$1-g"*[0-9] 2>/dev/null | grep -cE '^(ack|refused) ' || true; }

before=$(pg_sql "$name" "SELECT count(*) FROM stockroom.ledger")
start=$(date +%s)
for i in $(seq 0 $((WRITERS - 1))); do start_writer "$i"; done
kills=0
while true; do
  running=0
  for i in $(seq 0 $((WRITERS - 1))); do
    if kill -0 "${pids[$i]}" 2>/dev/null; then running=$((running + 1)); continue; fi
    set +e
    wait "${pids[$i]}" 2>/dev/null
    status=$?
    set -e
    dones[$i]=$(rounds_done "$i")
    if [ "$status" -ne 0 ] && [ "$status" -ne 137 ]; then
      fail "writer $i ended $status: $(head -1 "$logs/w$i-g${gens[$i]}.err")"
    elif [ "${dones[$i]}" -lt "$COMMITS" ]; then
      start_writer "$i"
      running=$((running + 1))
    fi
  done
  [ "$running" -eq 0 ] && break
  sleep "0.$((RANDOM % 4 + 1))"
  if [ $((RANDOM % 2)) -eq 0 ]; then
    victim=$((RANDOM % WRITERS))
    if kill -9 "${pids[$victim]}" 2>/dev/null; then
      set +e
      wait "${pids[$victim]}" 2>/dev/null
      status=$?
      set -e
      kills=$((kills + 1))
      dones[$victim]=$(rounds_done "$victim")
      if [ "$status" -ne 0 ] && [ "$status" -ne 137 ]; then
        fail "writer $victim ended $status: $(head -1 "$logs/w$victim-g${gens[$victim]}.err")"
      elif [ "${dones[$victim]}" -lt "$COMMITS" ]; then
        start_writer "$victim"
      fi
    fi
  fi
done
WRITER_PIDS=""
elapsed=$(($(date +%s) - start))

cat "$logs"/w*-g*[0-9] >"$WORK/acks"
acked=$(grep -c '^ack ' "$WORK/acks" || true)
refused=$(grep -c '^refused ' "$WORK/acks" || true)
echo "multihost: $WRITERS writers x $COMMITS rounds on $PG_POOL_SIZE shared serials in" \
  "${elapsed}s: $acked acknowledged, $refused refused (taken by another writer first)," \
  "$kills SIGKILLs"
pg_check_acks "$name" "$WORK/acks" "multihost:" || true
unacknowledged=$(($(pg_sql "$name" "SELECT count(*) FROM stockroom.ledger") - before - acked))
echo "multihost: $unacknowledged committed by a writer killed before it printed the ack" \
  "(applied once, never reported)"
for host in 1 2; do
  if ip netns exec "${NS[$((host - 1))]}" "$B" verify --store "$(host_url "$host")" \
    --data-dir "$WORK/$name-dir" >"$WORK/verify-$host" 2>&1; then
    echo "multihost: verify from host $host (10.231.$host.2): clean"
  else
    fail "verify from host $host: $(head -1 "$WORK/verify-$host")"
  fi
done
if [ "$failures" -ne 0 ]; then
  echo "multihost: $failures failure(s); the same run again: MULTIHOST_SEED=$SEED bash scripts/multihost.sh${1:+ $1}"
  exit 1
fi
echo "multihost: passed, nothing lost"
