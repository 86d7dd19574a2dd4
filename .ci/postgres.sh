#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the test run: installed from the system's packages when missing, started as
# the unprivileged `postgres` user on 127.0.0.1 and a free port, trust authentication (loopback only), no durability.
# Its default collation is ICU's en-GB, as a British trust's server would likely have: the tests prove that the
# model's own collation keeps ordering the same as on SQLite.
# Source this file, then:  pg_start  (exports SCHOOL_TESTS_POSTGRES)  ...  pg_stop
# Run directly (`.ci/postgres.sh start|stop DIR`) to keep one running while developing.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_install() {
  if pg_bin >/dev/null; then return 0; fi
  echo "Installing PostgreSQL from the system's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  pg_bin >/dev/null
}

pg_free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# Runs a command as the cluster's owner (root cannot run PostgreSQL); as that user already when not root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  pg_install || { echo "PostgreSQL is not available." >&2; return 1; }
  local bin; bin=$(pg_bin)
  PG_DIR=${1:-$(mktemp -d /tmp/school-pg-XXXXXX)}
  PG_PORT=$(pg_free_port)
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"
  # ICU default collations need PostgreSQL 15; an older server gets the C locale.
  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-GB >"$PG_DIR/initdb.log" 2>&1 \
    || { rm -rf "$PG_DIR/data"; pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; } \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # A test cluster: nothing needs to survive a crash, so skip the flushes. Enough connections for parallel test classes.
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=256MB" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PG_DIR PG_PORT
  export SCHOOL_TESTS_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) pg_start "${2:-}"; echo "export SCHOOL_TESTS_POSTGRES=\"$SCHOOL_TESTS_POSTGRES\"" ;;
    stop) PG_DIR=${2:?the cluster directory}; pg_stop ;;
    *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
  esac
fi
