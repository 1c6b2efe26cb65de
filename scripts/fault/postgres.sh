# The database store's fault section of scripts/fault-suite.sh (sourced; uses B, WORK, root,
# fail, skip, figures and the tier's PG_ROUNDS and PG_COMMITS). It runs a PostgreSQL cluster of
# its own (scripts/pg-cluster.sh), so stopping the server touches nothing else, and checks
# after each fault that every acknowledged transaction is in stockroom.ledger exactly once,
# that the writers carried on after reconnecting, and that `stockroom verify` is clean.
# Also sourced by scripts/multihost.sh for pg_new_store and pg_check_acks.

# Runs SQL as the cluster's superuser in DATABASE; one row a line.
pg_sql() {
  psql "$(pg_url "$1")" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"
}

# The URL of DATABASE on the cluster (PG_BASE is the cluster's URL, as pg-cluster.sh prints it).
pg_url() {
  local base=${PG_BASE%%\?*} query=""
  [ "$base" != "$PG_BASE" ] && query="?${PG_BASE#*\?}"
  echo "${base%/*}/$1$query"
}

# A new database NAME holding an initialised store with the demo data (300 tokens); prints
# nothing. PG_POOL is set to the serials the writers move: ACC-0001's unused tokens.
pg_new_store() {
  local name=$1
  pg_sql stockroom_test "CREATE DATABASE $name" >/dev/null
  "$B" store init --store "$(pg_url "$name")" --yes >/dev/null
  "$B" demo --tokens 300 --store "$(pg_url "$name")" --data-dir "$WORK/$name-dir" >/dev/null
  PG_POOL=$(pg_sql "$name" "SELECT serial FROM stockroom.tokens WHERE account = 'ACC-0001'
    AND NOT in_use ORDER BY serial LIMIT ${PG_POOL_SIZE:-24}" | tr '\n' ' ')
}

# Checks database NAME against a log of "ack KEY TRANSACTION-ID" lines: each acknowledged key
# is in the ledger once, under the transaction ID its writer was told; no key is there twice;
# no serial is in two places; verify is clean (the chain, replay against the mirror tables).
# Prints PREFIX then "acknowledged N, lost N, duplicated N, ... records N".
pg_check_acks() {
  local name=$1 acks=$2 prefix=$3 ok=0 dups missing acked records twice
  pg_sql "$name" "SELECT key || ' ' || transaction_id FROM stockroom.ledger" | sort \
    >"$WORK/$name.ledger-keys"
  dups=$(pg_sql "$name" "SELECT count(*) - count(DISTINCT key) FROM stockroom.ledger")
  twice=$(pg_sql "$name" "SELECT count(*) - count(DISTINCT serial) FROM stockroom.tokens")
  awk '$1 == "ack" && NF == 3 && $3 ~ /^T[0-9]+$/ { print $2 " " $3 }' "$acks" | sort -u \
    >"$WORK/$name.acked"
  acked=$(wc -l <"$WORK/$name.acked")
  missing=$(comm -23 "$WORK/$name.acked" "$WORK/$name.ledger-keys" | wc -l)
  records=$(wc -l <"$WORK/$name.ledger-keys")
  [ "$dups" -ne 0 ] && { fail "$dups keys committed twice in $name"; ok=1; }
  [ "$twice" -ne 0 ] && { fail "$twice serials in two places in $name"; ok=1; }
  [ "$missing" -ne 0 ] && { fail "$missing acknowledged transactions missing in $name"; ok=1; }
  if ! timeout 120 "$B" verify --store "$(pg_url "$name")" --data-dir "$WORK/$name-dir" \
    >/dev/null 2>"$WORK/$name.verify"; then
    fail "verify failed on $name: $(head -1 "$WORK/$name.verify")"
    ok=1
  fi
  figures["acknowledged lost"]=$((${figures["acknowledged lost"]:-0} + missing))
  echo "$prefix acknowledged $acked, lost $missing, duplicated $dups, serials in two places" \
    "$twice, records $records"
  return $ok
}

# Starts N writers moving serials of PG_POOL in database NAME, COUNT commits each, logs in
# DIR/wI; their pids in PG_WRITERS (and WRITER_PIDS, for the clean-up).
pg_start_writers() {
  local name=$1 n=$2 count=$3 dir=$4 i
  mkdir -p "$dir"
  PG_WRITERS=()
  for i in $(seq 1 "$n"); do
    # shellcheck disable=SC2086
    "$B" _commit-test --mode move --count "$count" --seed "$((RANDOM * 32768 + RANDOM + i))" \
      --key-prefix "$name-w$i" --store "$(pg_url "$name")" --data-dir "$WORK/$name-dir" \
      --serial $PG_POOL >"$dir/w$i" 2>"$dir/w$i.err" &
    PG_WRITERS+=($!)
  done
  WRITER_PIDS="${PG_WRITERS[*]}"
}

# Waits for the writers; each must end 0 having finished its rounds (it carried on).
pg_wait_writers() {
  local dir=$1 count=$2 i=0 pid status done
  for pid in "${PG_WRITERS[@]}"; do
    i=$((i + 1))
    set +e
    wait "$pid"
    status=$?
    set -e
    done=$(grep -cE '^(ack|refused) ' "$dir/w$i" || true)
    if [ "$status" -ne 0 ] || [ "$done" -ne "$count" ]; then
      fail "writer $i ended $status after $done of $count rounds: $(head -1 "$dir/w$i.err")"
    fi
  done
  WRITER_PIDS=""
}

# Runs pg_ctl on the cluster as the postgres user (start and restart with PG_OPTIONS: the
# socket directory, the port and the addresses it listens on, as pg-cluster.sh started it).
pg_ctl_cluster() {
  local command=$1
  shift
  local -a extra=()
  [ "$command" != stop ] && extra=(-l "$PG_CLUSTER/server.log" -o "$PG_OPTIONS")
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" \
    -D "$PG_CLUSTER/data" "$command" "${extra[@]}" "$@" >/dev/null 2>&1
}

# Starts the section's cluster: PG_CLUSTER, PG_BASE (its URL), PG_PORT and PG_OPTIONS.
pg_start_cluster() {
  local exports
  exports=$(bash "$root/scripts/pg-cluster.sh" start) || return 1
  PG_CLUSTER=$(echo "$exports" | sed -n "s/^export STOCKROOM_PG_CLUSTER='\(.*\)'$/\1/p")
  PG_BASE=$(echo "$exports" | sed -n "s/^export STOCKROOM_TEST_POSTGRES='\(.*\)'$/\1/p")
  PG_PORT=$(echo "$PG_BASE" | sed -n 's/.*@127\.0\.0\.1:\([0-9]*\)\/.*/\1/p')
  PG_OPTIONS="-k $PG_CLUSTER -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200"
}

# The server stopped with `pg_ctl stop -m immediate` while writers commit, then started again.
pg_stop_immediate() {
  local name=fault_stop dir="$WORK/pg-stop" round
  pg_new_store "$name"
  echo "fault-suite: postgres: pg_ctl stop -m immediate during commits, $PG_ROUNDS times"
  pg_start_writers "$name" 4 "$PG_COMMITS" "$dir"
  for round in $(seq 1 "$PG_ROUNDS"); do
    sleep "0.$((RANDOM % 7 + 2))"
    pg_ctl_cluster stop -m immediate -w || fail "pg_ctl stop -m immediate failed"
    sleep "0.$((RANDOM % 9 + 1))"
    pg_ctl_cluster start -w || fail "the server did not start again"
  done
  pg_wait_writers "$dir" "$PG_COMMITS"
  local lost
  lost=$(cat "$dir"/w? | grep -c '^lost ' || true)
  pg_check_acks "$name" <(cat "$dir"/w?) "  $lost commits retried by key;" || true
  figures["postgres stops"]=$PG_ROUNDS
  figures["postgres retries by key"]=$((${figures["postgres retries by key"]:-0} + lost))
}

# Backends ended with pg_terminate_backend while writers commit.
pg_terminate() {
  local name=fault_term dir="$WORK/pg-term" round ended=0
  pg_new_store "$name"
  echo "fault-suite: postgres: pg_terminate_backend during commits, $((PG_ROUNDS * 5)) times"
  pg_start_writers "$name" 4 "$PG_COMMITS" "$dir"
  for round in $(seq 1 $((PG_ROUNDS * 5))); do
    sleep "0.$((RANDOM % 3 + 1))"
    ended=$((ended + $(pg_sql "$name" "SELECT count(pg_terminate_backend(pid)) FROM
      pg_stat_activity WHERE datname = '$name' AND pid <> pg_backend_pid()")))
  done
  pg_wait_writers "$dir" "$PG_COMMITS"
  local lost
  lost=$(cat "$dir"/w? | grep -c '^lost ' || true)
  pg_check_acks "$name" <(cat "$dir"/w?) \
    "  $ended backends ended, $lost commits retried by key;" || true
  figures["postgres backends ended"]=$ended
  figures["postgres retries by key"]=$((${figures["postgres retries by key"]:-0} + lost))
}

# A headless command whose connection dropped before its outcome was seen (the process ends
# after COMMIT, or after writing and before COMMIT), run again with the same --key: applied
# exactly once either way, the rerun printing the first result.
pg_key_rerun() {
  local name=fault_key point serial tid status count
  pg_new_store "$name"
  echo "fault-suite: postgres: a headless command rerun with the same --key"
  for point in db-committed db-written; do
    serial=$(echo "$PG_POOL" | cut -d' ' -f1)
    [ "$point" = db-written ] && serial=$(echo "$PG_POOL" | cut -d' ' -f2)
    set +e
    (STOCKROOM_CRASH_AT=$point "$B" deallocate hardware --account ACC-0001 --serial "$serial" \
      --disposition return --key "rerun-$point" --yes --store "$(pg_url "$name")" \
      --data-dir "$WORK/$name-dir" >/dev/null 2>&1
      exit $?) 2>/dev/null
    status=$?
    set -e
    [ "$status" -eq 134 ] || fail "the command crashed at $point with status $status"
    "$B" deallocate hardware --account ACC-0001 --serial "$serial" --disposition return \
      --key "rerun-$point" --yes --json --store "$(pg_url "$name")" \
      --data-dir "$WORK/$name-dir" >"$WORK/$name.rerun" 2>&1 ||
      fail "the rerun after $point failed: $(head -1 "$WORK/$name.rerun")"
    count=$(pg_sql "$name" "SELECT count(*) FROM stockroom.ledger WHERE key = 'rerun-$point'")
    [ "$count" -eq 1 ] || fail "after $point the key is in the ledger $count times"
    tid=$(pg_sql "$name" "SELECT transaction_id FROM stockroom.ledger WHERE key = 'rerun-$point'")
    grep -q "$tid" "$WORK/$name.rerun" || fail "the rerun after $point did not print $tid"
    echo "  $point: the key once in the ledger ($tid), the rerun printed it"
  done
  figures["postgres reruns by key"]=2
}

# A screen on Confirm when the server stops: Enter says the commit waits to be settled; once
# the server is back it is settled by its key (committed once) and the screen shows it.
pg_screen_settle() {
  local name=fault_screen socket="stockroom-pg-faults-$$" screen seconds count
  pg_new_store "$name"
  echo "fault-suite: postgres: a screen's commit while the server is stopped"
  STORM_SOCKET=$socket
  tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 \
    "LANG=C.UTF-8 exec '$B' receive --interactive --model KT-4 --ownership owned \
    --serial SETTLE-0001 --reference DN-1 --store '$(pg_url "$name")' \
    --data-dir '$WORK/$name-dir'"
  pg_wait_screen "$socket" "Step 3 of 3" || { fail "the wizard did not open on Confirm"; return; }
  pg_ctl_cluster stop -m immediate -w || fail "pg_ctl stop -m immediate failed"
  tmux -L "$socket" send-keys Enter
  pg_wait_screen "$socket" "Connection lost during the commit; retrying" ||
    fail "the screen did not say the commit waits"
  pg_ctl_cluster start -w || fail "the server did not start again"
  seconds=$SECONDS
  pg_wait_screen "$socket" "Transaction ID T" || fail "the commit was not settled on screen"
  seconds=$((SECONDS - seconds))
  count=$(pg_sql "$name" "SELECT count(*) FROM stockroom.ledger WHERE record LIKE '%SETTLE-0001%'")
  [ "$count" -eq 1 ] || fail "the screen's commit is in the ledger $count times"
  tmux -L "$socket" kill-server 2>/dev/null || true
  echo "  settled on screen ${seconds}s after the server started; in the ledger $count time(s)"
}

# Waits up to 20 s for TEXT in the pane of tmux server SOCKET.
pg_wait_screen() {
  local tries=0
  until tmux -L "$1" capture-pane -p 2>/dev/null | grep -qF "$2"; do
    tries=$((tries + 1))
    [ "$tries" -gt 200 ] && return 1
    sleep 0.1
  done
}

# The section: a cluster of its own, then each fault.
postgres_faults() {
  if [ "$(id -u)" != 0 ]; then
    skip postgres "needs root to run a PostgreSQL cluster as the postgres user"
    return
  fi
  pg_start_cluster || { fail "no PostgreSQL cluster"; return; }
  pg_stop_immediate
  pg_terminate
  pg_key_rerun
  pg_screen_settle
}
