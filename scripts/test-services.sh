#!/usr/bin/env bash
# Starts (or stops) the test suite's own PostgreSQL and Redis on loopback, never the system services:
#   eval "$(scripts/test-services.sh start DIR)"   prints the export lines for RENAKSI_TEST_POSTGRES / RENAKSI_TEST_REDIS
#   scripts/test-services.sh stop DIR
# Installs Debian's postgresql and redis-server when missing (apt-get, sudo only when not root). PostgreSQL runs as the
# calling user, or as the `postgres` system user when called as root (postgres refuses to run as root). The test
# cluster has fsync off: it is thrown away after the run.
set -euo pipefail

action="${1:?start|stop}"
dir="${2:?state directory}"
sudo_cmd=""
if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  echo "$found"
}

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "Installing Debian's ${packages[*]}..." >&2
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  install_missing
  mkdir -p "$dir"
  local bin; bin=$(pg_bin)
  local pgdata="$dir/pgdata" sock="$dir/pgsock"
  mkdir -p "$sock"
  if [ "$(id -u)" = "0" ]; then chown postgres "$dir" "$sock"; fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    as_pg_user "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_pg_user "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
  fi
  local pg_port; pg_port=$(free_port)
  as_pg_user "$bin/pg_ctl" -D "$pgdata" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    start >&2
  local redis_port; redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2
  echo "$redis_port" >"$dir/redis.port"
  echo "export RENAKSI_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=50'"
  echo "export RENAKSI_TEST_REDIS='127.0.0.1:$redis_port'"
}

stop() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$dir/pgdata/postmaster.pid" ]; then
    as_pg_user "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w stop >&2 || true
  fi
  if [ -f "$dir/redis.pid" ]; then
    local pid; pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    # Wait for it to exit (it writes its log on the way out), so the caller can remove the folder.
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
