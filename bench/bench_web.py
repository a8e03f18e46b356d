"""Web pages under load on a province-sized database, on SQLite and PostgreSQL.

Run: .venv/bin/python bench/bench_web.py   (part of `make bench`)

Builds the `danvan demo --scale province` data set once per database engine
and keeps it under var/bench/ (a SQLite file, a pg_dump), keyed by a version
and by the generator and migrations it was built with, so a second run reuses
it. Serves it with gunicorn (2 workers) on a free loopback port, signs in a
generated office person, and loads the agency dashboard, the task list and a
plan page with wrk (or a small keep-alive Python client when wrk is missing),
at 1 and 20 concurrent clients for a fixed number of seconds each. This is
the single-reader mode: ONE person reloading ONE page, every request
rendering the page anew (no page is kept); bench_province.py measures many
people reading their own pages while others write. Also counts the SQL
queries of each page in-process. Only 127.0.0.1 is ever a target.

Environment: DANVAN_BENCH_SECONDS (default 10) per measurement.
"""

from __future__ import annotations

import hashlib
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
BENCH_DIR = ROOT / "var" / "bench"
VERSION = 1  # bump to rebuild every cached data set
SECONDS = int(os.environ.get("DANVAN_BENCH_SECONDS", "10"))
CONCURRENCY = (1, 20)
WORKERS = 2
OFFICE_USERNAME = "stp.vanphong"  # Văn phòng Sở Tư pháp, the first generated agency
PASSWORD = "Danvan@2026"  # noqa: S105 - the demo password, printed by `danvan demo`
HOST = "127.0.0.1"
PAGES = [
    ("dashboard", "tổng quan cơ quan"),
    ("task_list", "danh sách nhiệm vụ"),
    ("plan_detail", "trang kế hoạch"),
]
TARGET_P95_MS = 200


# --- The data sets ------------------------------------------------------------------


def data_key() -> str:
    """Changes when the generator or any migration changes: then the data is rebuilt."""
    digest = hashlib.sha256(f"v{VERSION}".encode())
    files = sorted(SRC.glob("danvan/demo/*.py"))
    files += sorted(SRC.glob("danvan/*/migrations/0*.py"))
    for path in files:
        digest.update(path.relative_to(SRC).as_posix().encode())
        digest.update(path.read_bytes())
    return f"v{VERSION}-{digest.hexdigest()[:12]}"


def danvan(args: list[str], database_url: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DANVAN_DATABASE_URL": database_url, "DANVAN_DEBUG": "False"}
    return subprocess.run([str(ROOT / ".venv" / "bin" / "danvan"), *args], env=env, check=True, **kwargs)


def build(database_url: str) -> float:
    """Migrate and generate the province; returns the generation's wall time."""
    danvan(["migrate", "--no-input"], database_url, capture_output=True)
    started = time.perf_counter()
    output = danvan(["demo", "--scale", "province"], database_url, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    for line in output.splitlines():
        if line.startswith("Tài khoản mẫu"):
            break
        if line.strip():
            print(f"  {line}")
    return seconds


def forget_older(keep: str, suffix: str) -> None:
    """Remove data sets of earlier keys: each is tens of megabytes."""
    for path in BENCH_DIR.glob(f"province-*{suffix}*"):
        if not path.name.startswith(f"province-{keep}{suffix}"):
            path.unlink()


def sqlite_database() -> tuple[str, float | None]:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    forget_older(data_key(), ".sqlite3")
    path = BENCH_DIR / f"province-{data_key()}.sqlite3"
    seconds = None
    if not path.exists():
        print(f"Tạo dữ liệu quy mô tỉnh trên SQLite ({path.name}) ...")
        building = path.with_suffix(".building")
        for stale in BENCH_DIR.glob(f"{building.name}*"):
            stale.unlink()
        seconds = build(f"sqlite:///{building}")
        building.rename(path)
    else:
        print(f"Dùng lại dữ liệu SQLite đã tạo: {path.relative_to(ROOT)}")
    url = f"sqlite:///{path}"
    danvan(["migrate", "--no-input"], url, capture_output=True)
    return url, seconds


class Postgres:
    """A throwaway PostgreSQL cluster, made as scripts/with-postgres.sh makes it."""

    def __init__(self) -> None:
        self.bindir = self.find_bindir()
        self.workdir: Path | None = None
        self.as_owner: list[str] = []
        self.port = free_port()

    @staticmethod
    def find_bindir() -> Path | None:
        candidates = []
        if shutil.which("pg_config"):
            candidates.append(
                subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout
            )
        candidates += sorted(
            (str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")), key=lambda p: int(p.split("/")[-2])
        )[::-1]
        for candidate in candidates:
            if candidate.strip() and (Path(candidate.strip()) / "initdb").exists():
                return Path(candidate.strip())
        return None

    @property
    def url(self) -> str:
        return f"postgres://danvan@{HOST}:{self.port}/danvan"

    @property
    def pid(self) -> int | None:
        """The server's main process: its children are the connections' backends."""
        try:
            return int((self.workdir / "data" / "postmaster.pid").read_text().split()[0])
        except (OSError, TypeError, ValueError, IndexError):
            return None

    def run(self, program: str, *args: str, owner: bool = False) -> None:
        command = [*(self.as_owner if owner else []), str(self.bindir / program), *args]
        subprocess.run(command, check=True, capture_output=True)

    def start(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="danvan-bench-pg."))
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.workdir, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        data = str(self.workdir / "data")
        self.run(
            "initdb", "-D", data, "-U", "danvan", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", owner=True
        )
        options = f"-h {HOST} -p {self.port} -k {self.workdir} -c fsync=off -c synchronous_commit=off"
        self.run(
            "pg_ctl",
            "-D",
            data,
            "-l",
            str(self.workdir / "server.log"),
            "-w",
            "-o",
            options,
            "start",
            owner=True,
        )
        self.run("createdb", "-h", HOST, "-p", str(self.port), "-U", "danvan", "danvan")

    def stop(self) -> None:
        if self.workdir is None:
            return
        data = str(self.workdir / "data")
        subprocess.run(
            [*self.as_owner, str(self.bindir / "pg_ctl"), "-D", data, "-m", "fast", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.workdir, ignore_errors=True)
        self.workdir = None

    def load(self) -> float | None:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        forget_older(data_key(), ".pgdump")
        dump = BENCH_DIR / f"province-{data_key()}.pgdump"
        connect = ["-h", HOST, "-p", str(self.port), "-U", "danvan", "-d", "danvan"]
        seconds = None
        if dump.exists():
            print(f"Dùng lại dữ liệu PostgreSQL đã tạo: {dump.relative_to(ROOT)}")
            self.run("pg_restore", *connect, "--no-owner", "--jobs=2", str(dump))
        else:
            print(f"Tạo dữ liệu quy mô tỉnh trên PostgreSQL ({dump.name}) ...")
            seconds = build(self.url)
            partial = dump.with_suffix(".building")
            self.run("pg_dump", *connect, "--format=custom", f"--file={partial}")
            partial.rename(dump)
        danvan(["migrate", "--no-input"], self.url, capture_output=True)
        # Statistics as autovacuum would have them on a server that has run a while.
        self.run("psql", *connect, "-q", "-c", "VACUUM ANALYZE")
        return seconds


# --- Serving and signing in -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the data set on a loopback port, 2 sync workers."""

    def __init__(self, database_url: str, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "DANVAN_DATABASE_URL": database_url,
            "DANVAN_DEBUG": "False",
            "DANVAN_DB_CONN_MAX_AGE": "60",  # persistent connections, as a deployment sets them
            "PYTHONPATH": str(SRC),
            **(extra_env or {}),
        }
        command = [sys.executable, "-m", "gunicorn", "danvan.wsgi:application"]
        command += ["--bind", f"{HOST}:{self.port}", "--workers", str(WORKERS), "--log-level", "warning"]
        self.process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
        self.wait_until_ready()

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn không trả lời /healthz sau 60 giây")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(server: Server, login_path: str) -> str:
    """Sign in through the login form; returns the Cookie header of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(server.url(login_path), timeout=10) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": OFFICE_USERNAME, "password": PASSWORD}
    )
    try:
        opener.open(server.url(login_path), data=body.encode(), timeout=30)
    except urllib.error.HTTPError as error:  # the 302 after a good sign-in
        if error.code != 302:
            raise
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"không đăng nhập được bằng {OFFICE_USERNAME}")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def check_page(server: Server, path: str, cookie: str) -> None:
    """The page answers 200 (not a redirect to sign-in), and every worker has
    served it once, so a worker's first request is not measured."""
    statuses: list[int] = []

    def fetch() -> None:
        connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        connection.close()
        statuses.append(response.status)

    for _round in range(2):
        threads = [threading.Thread(target=fetch) for _ in range(WORKERS * 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if set(statuses) != {200}:
        raise RuntimeError(f"{path} trả về {sorted(set(statuses))}, không phải 200")


# --- CPU per request ------------------------------------------------------------------


def process_tree_cpu_ms(root: int | None) -> float | None:
    """CPU time (user + system) used so far by a process and all its
    descendants, from /proc; None where there is no /proc. Other programs on
    the machine do not count, so this figure holds when the machine is busy."""
    proc = Path("/proc")
    if root is None or not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        # utime, stime, and those of its children that have exited (a
        # backend that closes its connection, a worker that is replaced)
        ticks[int(entry.name)] = sum(int(value) for value in fields[11:15])
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in ticks:
            continue
        seen.add(pid)
        total += ticks[pid]
        todo += [child for child, parent in parents.items() if parent == pid]
    return total * 1000 / os.sysconf("SC_CLK_TCK")


# --- Load ------------------------------------------------------------------------------

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("DANVAN %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def load_wrk(wrk: str, url: str, cookie: str, clients: int, script: Path) -> dict:
    command = [wrk, f"-t{min(clients, 2)}", f"-c{clients}", f"-d{SECONDS}s", "--timeout", "30s"]
    command += ["-H", f"Cookie: {cookie}", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=SECONDS + 60).stdout
    numbers = next(line for line in output.splitlines() if line.startswith("DANVAN ")).split()[1:]
    requests, duration_us, p50_us, p95_us, bad_status, socket_errors = map(int, numbers)
    return {
        "rps": requests / (duration_us / 1e6),
        "p50": p50_us / 1000,
        "p95": p95_us / 1000,
        "errors": bad_status + socket_errors,
    }


def load_python(port: int, path: str, cookie: str, clients: int) -> dict:
    """A keep-alive client per thread, each sending requests until the time is up."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                failed += response.status != 200
            except OSError:
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0.0

    return {
        "rps": len(latencies) / elapsed,
        "p50": percentile(0.5),
        "p95": percentile(0.95),
        "errors": errors[0],
    }


# --- Queries per page, in-process ------------------------------------------------------------


def count_queries_here() -> None:
    """Child mode: print the paths of the pages and their SQL query counts as JSON."""
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from danvan.core.models import User
    from danvan.plans.models import Plan

    person = User.objects.get(username=OFFICE_USERNAME)
    plan = (
        Plan.objects.filter(agency=person.agency, status=Plan.Status.ISSUED)
        .order_by("-period_year", "pk")
        .first()
    )
    paths = {
        "dashboard": reverse("plans:dashboard", args=[person.agency_id]),
        "task_list": reverse("plans:task_list"),
        "plan_detail": reverse("plans:plan_detail", args=[plan.pk]),
    }
    client = Client()
    client.force_login(person)
    result = {"login": reverse("login"), "paths": paths, "queries": {}, "slowest": {}}
    for name, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        queries = context.captured_queries
        slowest = max(queries, key=lambda query: float(query["time"]))
        result["queries"][name] = len(queries)
        result["slowest"][name] = {
            "ms": float(slowest["time"]) * 1000,
            "total_ms": sum(float(query["time"]) for query in queries) * 1000,
            "sql": slowest["sql"][:300],
        }
    print(json.dumps(result))


def count_queries(database_url: str) -> dict:
    env = {**os.environ, "DANVAN_DATABASE_URL": database_url, "DANVAN_DEBUG": "False"}
    output = subprocess.run(
        [sys.executable, __file__, "--count-queries"], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- One engine ----------------------------------------------------------------------


def bench_engine(engine: str, database_url: str, rows: list[dict], database_pid: int | None = None) -> None:
    pages = count_queries(database_url)
    for name, _label in PAGES:
        slowest = pages["slowest"][name]
        print(
            f"  {engine} {name}: {pages['queries'][name]} truy vấn, tổng {slowest['total_ms']:.0f} ms SQL; "
            f"chậm nhất {slowest['ms']:.0f} ms: {slowest['sql'][:160]}"
        )
    bench_server(engine, database_url, rows, pages, database_pid)


def bench_server(
    engine: str, database_url: str, rows: list[dict], pages: dict, database_pid: int | None
) -> None:
    mode = "một người"
    server = Server(database_url)
    wrk = shutil.which("wrk")
    try:
        cookie = sign_in(server, pages["login"])
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        for name, label in PAGES:
            path = pages["paths"][name]
            check_page(server, path, cookie)
            for clients in CONCURRENCY:
                app_before = process_tree_cpu_ms(server.process.pid)
                database_before = process_tree_cpu_ms(database_pid)
                if wrk:
                    figures = load_wrk(wrk, server.url(path), cookie, clients, Path(script.name))
                else:
                    figures = load_python(server.port, path, cookie, clients)
                served = max(figures["rps"] * SECONDS, 1)
                figures["app_cpu"] = cpu_per_request(
                    app_before, process_tree_cpu_ms(server.process.pid), served
                )
                figures["db_cpu"] = cpu_per_request(
                    database_before, process_tree_cpu_ms(database_pid), served
                )
                row = {
                    "engine": engine,
                    "page": label,
                    "mode": mode,
                    "queries": pages["queries"][name],
                    "clients": clients,
                }
                rows.append({**row, **figures})
                print(
                    f"  {engine:<10} {label:<20} {mode:<9} {clients:>2} khách: {figures['rps']:7.1f} yêu cầu/giây, "
                    f"p50 {figures['p50']:7.1f} ms, p95 {figures['p95']:7.1f} ms, "
                    f"CPU mỗi yêu cầu {show_ms(figures['app_cpu'])} ứng dụng + {show_ms(figures['db_cpu'])} CSDL"
                )
        os.unlink(script.name)
    finally:
        server.stop()


def cpu_per_request(before: float | None, after: float | None, served: float) -> float | None:
    return None if before is None or after is None else (after - before) / served


def show_ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def print_table(rows: list[dict], tool: str) -> None:
    print()
    print(
        f"Kết quả ({tool}, {SECONDS} giây mỗi phép đo, gunicorn {WORKERS} tiến trình, {os.cpu_count()} lõi):"
    )
    header = (
        f"{'CSDL':<10} {'trang':<20} {'cách phục vụ':<12} {'truy vấn':>8} {'khách':>5} {'yêu cầu/giây':>12} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'lỗi':>5} {'CPU ứng dụng':>12} {'CPU CSDL':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['engine']:<10} {row['page']:<20} {row['mode']:<12} {row['queries']:>8} {row['clients']:>5} "
            f"{row['rps']:>12.1f} {row['p50']:>8.1f} {row['p95']:>8.1f} {row['errors']:>5} "
            f"{show_ms(row['app_cpu']):>12} {show_ms(row['db_cpu']):>9}"
        )
    postgres = [row for row in rows if row["engine"] == "PostgreSQL" and row["clients"] == max(CONCURRENCY)]
    if postgres:
        worst = max(row["p95"] for row in postgres)
        verdict = "đạt" if worst < TARGET_P95_MS else "CHƯA ĐẠT"
        print(
            f"Mục tiêu p95 < {TARGET_P95_MS} ms với {max(CONCURRENCY)} khách trên PostgreSQL (một người): "
            f"{verdict} (chậm nhất {worst:.0f} ms)"
        )
    print(
        "một người: MỘT người tải lại MỘT trang, mỗi yêu cầu dựng trang mới (không trang nào được giữ); "
        "nhiều người đọc trang của mình trong khi người khác ghi: bench_province.py."
    )
    print(
        "CPU mỗi yêu cầu: thời gian CPU của các tiến trình gunicorn và PostgreSQL chia cho số yêu cầu, "
        "không tính chương trình khác trên máy; 2 lõi phục vụ được tối đa khoảng 2000 / (tổng CPU ms) yêu cầu/giây."
    )


def main() -> int:
    rows: list[dict] = []
    tool = "wrk" if shutil.which("wrk") else "máy khách Python giữ kết nối (chưa có wrk)"
    url, seconds = sqlite_database()
    if seconds is not None:
        print(f"  tạo dữ liệu trên SQLite: {seconds:.0f} giây")
    bench_engine("SQLite", url, rows)

    postgres = Postgres()
    if postgres.bindir is None:
        print("CHÚ Ý: không tìm thấy PostgreSQL (initdb). BỎ QUA phần đo trên PostgreSQL.")
        if os.environ.get("CI") == "true":
            return 1
    else:
        try:
            postgres.start()
            seconds = postgres.load()
            if seconds is not None:
                print(f"  tạo dữ liệu trên PostgreSQL: {seconds:.0f} giây")
            bench_engine("PostgreSQL", postgres.url, rows, database_pid=postgres.pid)
        finally:
            postgres.stop()
    print_table(rows, tool)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--count-queries"]:
        count_queries_here()
        sys.exit(0)
    sys.exit(main())
