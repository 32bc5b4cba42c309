#!/usr/bin/env bash
# A throwaway PostgreSQL server (Debian's postgresql package) on 127.0.0.1, the local stand-in for
# the pipeline's databases: database it_db2 stands in for the Db2 source, it_snowflake for the
# Snowflake account. Logical decoding is on (wal_level=logical, pgoutput), for Debezium's
# PostgreSQL connector.
#
#   postgres.sh start     initdb a fresh data directory, start the server, create the role and databases
#   postgres.sh stop      stop it (fast shutdown, then KILL of its process group)
#   postgres.sh status    exit 0 when it accepts connections
#   postgres.sh psql DB   a psql session (or `psql DB -c ...`) as the test role
#
# The server runs under `timeout`: it dies by itself after KAFKA_IT_CONNECT_MAX_LIFETIME_S (900 s).
# Run as root (CI), the server runs as the `postgres` system user, which the package creates.
set -euo pipefail
# shellcheck source=../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=connect-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/connect-common.sh"

PG_DIR="$CONNECT_WORK/postgres"
PG_DATA="$PG_DIR/data"
PG_ROLE="$CONNECT_PG_ROLE"
PG_PASSWORD="$CONNECT_PG_PASSWORD"

# Debian installs the server binaries under /usr/lib/postgresql/<major>/bin; the newest wins.
pg_bin() {
  local d
  d="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/postgres" ] || it_die "PostgreSQL server not installed (apt-get install postgresql; .ci/run does)"
  echo "$d"
}

# Runs a server binary as the postgres system user when we are root (PostgreSQL refuses root);
# setpriv execs the binary itself, so that `timeout` and the process group hold the server.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups --reset-env -- "$@"
  else
    "$@"
  fi
}

pg_pgid() { [ -f "$PG_DIR/pgid" ] && cat "$PG_DIR/pgid"; return 0; }
pg_alive() {
  local pgid
  pgid="$(pg_pgid)"
  [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null
}

cmd_psql() {
  PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CONNECT_PG_PORT" -U "$PG_ROLE" "$@"
}

cmd_status() { pg_alive && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$CONNECT_PG_PORT"; }

cmd_stop() {
  local pgid
  pgid="$(pg_pgid)"
  [ -n "$pgid" ] || return 0
  # SIGINT to the postmaster is PostgreSQL's fast shutdown.
  if [ -f "$PG_DATA/postmaster.pid" ]; then kill -INT "$(head -n 1 "$PG_DATA/postmaster.pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 40); do pg_alive || break; sleep 0.25; done
  if pg_alive; then
    it_log "PostgreSQL did not stop in time: SIGKILL"
    kill -KILL -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 20); do pg_alive || break; sleep 0.25; done
  fi
  pg_alive && it_die "PostgreSQL is still alive"
  rm -f "$PG_DIR/pgid"
}

cmd_start() {
  local bin deadline
  pg_alive && it_die "PostgreSQL is already running (process group $(pg_pgid)); stop it first"
  bin="$(pg_bin)"
  AS_PG=()
  if [ "$(id -u)" -eq 0 ]; then AS_PG=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env --); fi
  it_port_open "$CONNECT_PG_PORT" && it_die "port $CONNECT_PG_PORT is in use (set KAFKA_IT_BASE_PORT or KAFKA_IT_PG_PORT)"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DATA" "$PG_DIR/socket"
  printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$PG_DIR"; fi
  as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_ROLE" --pwfile="$PG_DIR/pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    it_die "initdb failed"
  }
  # Replication connections (Debezium's streaming) from 127.0.0.1 with the same password.
  echo "host replication $PG_ROLE 127.0.0.1/32 scram-sha-256" >>"$PG_DATA/pg_hba.conf"
  # setsid: the server gets its own process group, which stop signals as a whole.
  setsid timeout -k 10 "$CONNECT_MAX_LIFETIME_S" "${AS_PG[@]}" "$bin/postgres" -D "$PG_DATA" \
    -c listen_addresses=127.0.0.1 -c port="$CONNECT_PG_PORT" -c unix_socket_directories="$PG_DIR/socket" \
    -c wal_level=logical -c max_wal_senders=4 -c max_replication_slots=4 -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB -c max_connections=200 \
    >>"$PG_DIR/server.log" 2>&1 </dev/null 9>&- &
  echo $! >"$PG_DIR/pgid"
  deadline=$((SECONDS + 60))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$CONNECT_PG_PORT"; do
    if ! pg_alive || [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$PG_DIR/server.log" >&2 || true
      cmd_stop
      it_die "PostgreSQL did not come up on 127.0.0.1:$CONNECT_PG_PORT"
    fi
    sleep 0.25
  done
  cmd_psql -d postgres -c "CREATE DATABASE it_db2" -c "CREATE DATABASE it_snowflake"
  it_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') up on 127.0.0.1:$CONNECT_PG_PORT (databases it_db2, it_snowflake)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql)
    shift
    cmd_psql "$@"
    ;;
  *)
    echo "usage: $0 start|stop|status|psql DB [psql args]" >&2
    exit 2
    ;;
esac
