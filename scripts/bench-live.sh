#!/usr/bin/env bash
# How soon an open screen shows another process's commit on the PostgreSQL store (README,
# "A shared store on PostgreSQL"): a `stockroom` on an account's allocation table in tmux,
# and N headless commits by another process (a serial returned, then allocated again); for
# each, the time from that process's exit to the changed screen (tmux polled every 10 ms).
# Prints the median with the spread.
#   bash scripts/bench-live.sh [N]      (default 20; starts and stops a cluster of its own)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
N=${1:-20}
swift build >/dev/null
B="$root/.build/debug/stockroom"
WORK=$(mktemp -d /tmp/stockroom-live.XXXXXX)
socket="stockroom-live-$$"
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  if [ -n "${PG_CLUSTER:-}" ]; then bash "$root/scripts/pg-cluster.sh" stop "$PG_CLUSTER" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "bench-live: $*" >&2; exit 1; }
# shellcheck source=fault/postgres.sh
source "$root/scripts/fault/postgres.sh"
pg_start_cluster >/dev/null 2>&1 || fail "no PostgreSQL cluster"
pg_new_store live
url=$(pg_url live)
tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 \
  "LANG=C.UTF-8 exec '$B' --store '$url' --data-dir '$WORK/live-dir'"
pg_wait_screen "$socket" "Choose where to go" || fail "no home screen"
tmux -L "$socket" send-keys Enter
pg_wait_screen "$socket" "6 of 6 accounts" || fail "no accounts"
tmux -L "$socket" send-keys -l "Fabrikam"
pg_wait_screen "$socket" "1 of 6 accounts" || fail "no search"
tmux -L "$socket" send-keys Enter
pg_wait_screen "$socket" "Allocation" || fail "no allocation table"
sleep 0.5
account="Fabrikam Health"
serial=$("$B" tokens --account "$account" --json --store "$url" --data-dir "$WORK/live-dir" |
  sed -n 's/^{"serial":"\([^"]*\)".*"state":"allocated".*"inUse":false.*/\1/p' | awk 'NR == 1')
[ -n "$serial" ] || fail "no unused token of $account"
# One serial returned and allocated again, in turn: each commit changes the table shown.
times=()
for round in $(seq 1 "$N"); do
  before=$(tmux -L "$socket" capture-pane -p)
  if [ $((round % 2)) = 1 ]; then
    "$B" deallocate hardware --account "$account" --serial "$serial" --disposition return \
      --yes --store "$url" --data-dir "$WORK/live-dir" >/dev/null
  else
    "$B" allocate --account "$account" --serial "$serial" --yes --store "$url" \
      --data-dir "$WORK/live-dir" >/dev/null
  fi
  start=$(date +%s%N)
  while [ "$(tmux -L "$socket" capture-pane -p)" = "$before" ]; do
    [ $(($(date +%s%N) - start)) -gt 5000000000 ] && fail "no change within 5 s"
    sleep 0.01
  done
  times+=($((($(date +%s%N) - start) / 1000000)))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  printf "bench-live: %d commits by another process shown on an open screen: median %d ms " \
    "(min %d, max %d)\n", NR, v[int((NR + 1) / 2)], v[1], v[NR] }'
