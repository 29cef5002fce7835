#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the server tests and the benchmarks.
#   eval "$(tools/pg-test-server.sh start [DIR])"   # prints: export DATABASE_URL=... PG_TEST_DIR=...
#   tools/pg-test-server.sh stop [DIR]              # stops it and deletes DIR
#   eval "$(tools/pg-test-server.sh replica PRIMARY_DIR [DIR])"
#       # a streaming replica of that server (pg_basebackup -R), read-only, on its own port;
#       # prints: export REPLICA_URL=... PG_REPLICA_DIR=...; stop it with `stop DIR` too
# Uses Debian's PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin). As root, the cluster
# belongs to the postgres user; otherwise to you. Extra server settings: PG_TEST_OPTIONS.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-${PG_TEST_DIR:-}}

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    [ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 is not installed ($BIN/initdb missing)" >&2; exit 1; }
    dir=${dir:-$(mktemp -d /tmp/recovery-pg.XXXXXX)}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "'$BIN/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "'$BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 ${PG_TEST_OPTIONS:-}\" start" >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres PG_TEST_DIR=$dir"
    ;;
  replica)
    primary=${2:-}
    [ -f "$primary/data/postmaster.pid" ] || { echo "usage: $0 replica PRIMARY_DIR [DIR] (a running server of this script)" >&2; exit 2; }
    [ -x "$BIN/pg_basebackup" ] || { echo "PostgreSQL 15 is not installed ($BIN/pg_basebackup missing)" >&2; exit 1; }
    primary_port=$(sed -n 4p "$primary/data/postmaster.pid")
    dir=${3:-$(mktemp -d /tmp/recovery-pg-replica.XXXXXX)}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    # initdb -A trust lets loopback replication connections in; -R writes standby.signal and primary_conninfo.
    as_owner "'$BIN/pg_basebackup' -h 127.0.0.1 -p $primary_port -U postgres -D '$dir/data' -R -X stream" >"$dir/basebackup.log" 2>&1 ||
      { cat "$dir/basebackup.log" >&2; exit 1; }
    as_owner "'$BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c hot_standby=on ${PG_TEST_OPTIONS:-}\" start" >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export REPLICA_URL=postgres://postgres@127.0.0.1:$port/postgres PG_REPLICA_DIR=$dir"
    ;;
  stop)
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    if [ -d "$dir/data" ]; then as_owner "'$BIN/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [DIR] | replica PRIMARY_DIR [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
