#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: a new cluster in a
# temporary directory, on a free loopback port, stopped and removed on exit.
# PostgreSQL refuses to run as root, so as root the server runs as "postgres".
set -euo pipefail

bindir=""
if command -v pg_config >/dev/null 2>&1; then bindir=$(pg_config --bindir); fi
if [ ! -x "$bindir/initdb" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "============================================================"
  echo "CHÚ Ý: không tìm thấy PostgreSQL (initdb). BỎ QUA lượt kiểm thử trên PostgreSQL."
  echo "============================================================"
  [ "${CI:-}" = "true" ] && { echo "CI=true: thiếu PostgreSQL là lỗi." >&2; exit 1; }
  exit 0
fi

workdir=$(mktemp -d /tmp/danvan-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$workdir"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U danvan --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') chạy tạm trên 127.0.0.1:$port"

export DANVAN_DATABASE_URL="postgres://danvan@127.0.0.1:$port/danvan"
"$@"
