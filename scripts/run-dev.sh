#!/usr/bin/env bash
# `make run`'s last step: the background worker and the development server on
# HOST:PORT; once the server answers, the address and the demo accounts are
# printed last. Ctrl+C stops both. Expects the demo accounts in var/demo-accounts.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${BIN:-.venv/bin}"
host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"
export DANVAN_DEBUG=True

if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
  echo "Cổng $port đang có chương trình khác dùng. Chọn cổng khác, ví dụ: PORT=8001 make run" >&2
  exit 1
fi

# The worker reads uploaded plans and sends reminders; its log goes to a file.
# A worker that dies is started again (after 2 s, so a worker that cannot
# start does not spin); the worker itself takes up the jobs it left half done.
supervise_worker() {
  trap 'kill "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    "$bin/danvan" worker >>var/worker.log 2>&1 &
    child=$!
    wait "$child"
    status=$?
    echo "$(date '+%H:%M:%S %d/%m/%Y') tiến trình nền dừng (mã $status), khởi động lại" >>var/worker.log
    sleep 2
  done
}
: >var/worker.log
supervise_worker &
worker=$!
"$bin/danvan" serve --bind "$host:$port" &
server=$!
trap 'kill $server $worker 2>/dev/null; wait 2>/dev/null' EXIT
trap 'exit 0' INT TERM

for _ in $(seq 1 120); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "Máy chủ không khởi động được (xem thông báo ở trên)." >&2
    exit 1
  fi
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && break
  sleep 0.5
done

echo ""
echo "============================================================"
echo "Danvan đang chạy: http://$host:$port   (dừng: Ctrl+C)"
echo "Thư điện tử không gửi đi khi phát triển: mỗi thư là một tệp trong var/mail/."
echo "Nhật ký tiến trình nền: var/worker.log"
echo ""
sed -n '/^Tài khoản mẫu/,$p' var/demo-accounts.txt
echo "============================================================"
wait "$server"
