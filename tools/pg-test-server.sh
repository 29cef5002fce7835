#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the server tests and the benchmarks.
#   eval "$(tools/pg-test-server.sh start [DIR])"   # prints: export DATABASE_URL=... PG_TEST_DIR=...
#   tools/pg-test-server.sh stop [DIR]              # stops it and deletes DIR
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
  stop)
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    if [ -d "$dir/data" ]; then as_owner "'$BIN/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
