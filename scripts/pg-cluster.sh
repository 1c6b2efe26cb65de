#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (README, "A shared store on PostgreSQL").
#   eval "$(bash scripts/pg-cluster.sh start)"   # exports STOCKROOM_TEST_POSTGRES and
#                                                 # STOCKROOM_PG_CLUSTER (its directory)
#   bash scripts/pg-cluster.sh stop [DIR]         # stops it and removes DIR
# Installs Debian's postgresql when missing; runs initdb as the postgres user in a
# temporary directory; listens on a Unix socket in that directory and on 127.0.0.1 at a
# free port; creates a superuser role and database stockroom_test (trust authentication:
# nothing leaves the machine). Only the export lines go to stdout.
set -euo pipefail

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

case "${1:-}" in
start)
  if [ -z "$(bindir)" ] || ! id postgres >/dev/null 2>&1; then
    echo "pg-cluster: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
  fi
  bin=$(bindir)
  dir=$(mktemp -d /tmp/stockroom-pg.XXXXXX)
  chmod 755 "$dir"
  chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
    --no-instructions >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  runuser -u postgres -- "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE ROLE stockroom_test LOGIN SUPERUSER" \
    -c "CREATE DATABASE stockroom_test OWNER stockroom_test" >&2
  echo "export STOCKROOM_PG_CLUSTER='$dir'"
  echo "export STOCKROOM_TEST_POSTGRES='postgresql://stockroom_test@127.0.0.1:$port/stockroom_test?sslmode=disable'"
  ;;
stop)
  dir=${2:-${STOCKROOM_PG_CLUSTER:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "pg-cluster: no cluster to stop" >&2; exit 0; }
  runuser -u postgres -- "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-cluster.sh start|stop [DIR]" >&2
  exit 2
  ;;
esac
