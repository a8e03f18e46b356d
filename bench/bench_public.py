"""The citizens' public pages under load, on SQLite and PostgreSQL.

Run: .venv/bin/python bench/bench_public.py   (part of `make bench`)

For each engine: migrates a fresh database, creates 100,000 petitions (half
of them accepted as cases) with bulk_create, serves it with gunicorn
(2 workers, as bench_web.py) on a free loopback port, and

* loads the public lookup (code + last four phone digits, POSTed with a
  CSRF token, a different real code on each request) with wrk at 50
  concurrent clients, twice: in place, as the page's script sends it (htmx's
  HX-Request header; the answer is the result alone), and as the whole page
  a browser without script gets; prints requests per second, p50 and p95
  against the 100 ms target (PostgreSQL);
* sends 20 submissions of the public intake form at once from 20 threads,
  then checks in the database that all 20 were stored with 20 different
  codes.

The public rate limits (per address, and every request here comes from
127.0.0.1) are raised for this run only, through a settings module that
imports danvan.settings and sets DANVAN_PUBLIC_LOOKUP_LIMIT and
DANVAN_PUBLIC_SUBMIT_LIMIT. Only 127.0.0.1 is ever a target.

Environment: DANVAN_BENCH_SECONDS (default 10) per measurement,
DANVAN_BENCH_CASES (default 100000).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_web  # noqa: E402  - the shared machinery: PostgreSQL cluster, ports, gunicorn

ROOT, SRC, HOST = bench_web.ROOT, bench_web.SRC, bench_web.HOST
SECONDS = bench_web.SECONDS
CASES = int(os.environ.get("DANVAN_BENCH_CASES", "100000"))
CLIENTS = 50
SUBMISSIONS = 20
WORKERS = bench_web.WORKERS
TARGET_P95_MS = 100
LOOKUP_PATH = "/cong-dan/tra-cuu/"
SUBMIT_PATH = "/cong-dan/gui-don/"
SAMPLE_CODES = 2000
SETTINGS_MODULE = "danvan_bench_public_settings"
URLCONF_MODULE = "danvan_bench_public_urls"
NOOP_PATH = "/do-tai/khong-lam-gi/"
TARGET_CPU_RATIO = 1.5
SETTINGS_TEXT = f"""from danvan.settings import *  # noqa: F403

# Every bench request comes from 127.0.0.1: the per-address limits would
# otherwise answer the refusal page after 20 lookups.
DANVAN_PUBLIC_LOOKUP_LIMIT = 10**9
DANVAN_PUBLIC_SUBMIT_LIMIT = 10**9

# The product's pages plus the bench's no-op view ({URLCONF_MODULE}.py).
ROOT_URLCONF = "{URLCONF_MODULE}"
"""
# The yardstick for the lookup's CPU: a view that does nothing, behind the
# very same middleware. It exists only in this bench's own URLconf.
URLCONF_TEXT = f"""from django.http import HttpResponse
from django.urls import path

from danvan.urls import *  # noqa: F403
from danvan.urls import urlpatterns as product_urlpatterns


def noop(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("{NOOP_PATH[1:]}", noop), *product_urlpatterns]
"""


def deployed_threads() -> int:
    """The threads of each worker as ``danvan serve --prod`` deploys them: its
    ``--threads`` when it passes one, else gunicorn's own default."""
    from gunicorn.config import Config

    sys.path.insert(0, str(SRC))
    from danvan.core.management.commands.serve import gunicorn_command

    command = gunicorn_command(bind=f"{HOST}:0", workers=WORKERS)
    if "--threads" in command:
        return int(command[command.index("--threads") + 1])
    return Config().threads


# --- Child modes (run with DANVAN_DATABASE_URL and the bench settings) -------------------


def _setup_django() -> None:
    sys.path.insert(0, str(SRC))
    import django

    django.setup()


def seed_here(count: int) -> None:
    """Create ``count`` petitions, a third accepted as cases, with bulk_create;
    print the agency and a sample of (code, digits) as JSON."""
    _setup_django()
    from datetime import date, timedelta

    from django.db import transaction

    from danvan.core.models import Agency, Province
    from danvan.core.text import search_key
    from danvan.petitions.models import Case, Petition
    from danvan.petitions.services import new_case_code

    province = Province.objects.create(name="Tỉnh Đo Tải", code="DT")
    agency = Agency.objects.create(province=province, name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    kinds = [Petition.Kind.COMPLAINT, Petition.Kind.FEEDBACK, Petition.Kind.DENUNCIATION]
    # A complaint accepted, a feedback answered, a denunciation still in processing.
    statuses = [Petition.Status.ACCEPTED, Petition.Status.ANSWERED, Petition.Status.RECEIVED]
    codes: set[str] = set()
    sample: list[tuple[str, str]] = []
    batch = 5000
    start = date(2024, 1, 1)
    for offset in range(0, count, batch):
        petitions = []
        for number in range(offset, min(offset + batch, count)):
            code = new_case_code()
            while code in codes:
                code = new_case_code()
            codes.add(code)
            digits = f"{number % 10000:04d}"
            subject = f"Phản ánh số {number} về đèn đường, hẻm {number % 300}"
            petitions.append(
                Petition(
                    agency=agency,
                    code=code,
                    received_on=start + timedelta(days=number % 900),
                    source=Petition.Source.ONLINE,
                    kind=kinds[number % 3],
                    subject=subject,
                    content=f"{subject}. Đề nghị cơ quan xem xét, giải quyết.",
                    status=statuses[number % 3],
                    search_text=search_key(subject),
                    lookup_digits=digits,
                    public_answer="Cơ quan đã trả lời bằng văn bản." if number % 3 == 1 else "",
                )
            )
            if len(sample) < SAMPLE_CODES and number % max(count // SAMPLE_CODES, 1) == 0:
                sample.append((code, digits))
        with transaction.atomic():
            created = Petition.objects.bulk_create(petitions)
            Case.objects.bulk_create(
                Case(
                    petition=petition,
                    kind=petition.kind,
                    accepted_on=petition.received_on + timedelta(days=7),
                )
                for petition in created
                if petition.status == Petition.Status.ACCEPTED
            )
    print(json.dumps({"agency": agency.pk, "sample": sample, "petitions": Petition.objects.count()}))


def check_intake_here(marker: str) -> None:
    """Print how many petitions carry the marker and how many distinct codes they have."""
    _setup_django()
    from danvan.petitions.models import Petition

    codes = list(Petition.objects.filter(subject__startswith=marker).values_list("code", flat=True))
    print(json.dumps({"stored": len(codes), "distinct": len(set(codes))}))


def child(mode: list[str], database_url: str, settings_dir: str) -> dict:
    env = {
        **os.environ,
        "DANVAN_DATABASE_URL": database_url,
        "DANVAN_DEBUG": "False",
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "PYTHONPATH": os.pathsep.join([str(SRC), settings_dir]),
    }
    output = subprocess.run(
        [sys.executable, __file__, *mode], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- Serving ---------------------------------------------------------------------------


class PublicServer(bench_web.Server):
    """bench_web's gunicorn, with the bench settings module on its path;
    ``threads`` serves with gthread workers of that many threads (keep-alive
    connections, as deployed) instead of bench_web's sync workers."""

    def __init__(self, database_url: str, settings_dir: str, threads: int | None = None) -> None:
        self.port = bench_web.free_port()
        env = {
            **os.environ,
            "DANVAN_DATABASE_URL": database_url,
            "DANVAN_DEBUG": "False",
            "DANVAN_DB_CONN_MAX_AGE": "60",
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "PYTHONPATH": os.pathsep.join([str(SRC), settings_dir]),
        }
        command = [sys.executable, "-m", "gunicorn", "danvan.wsgi:application"]
        command += ["--bind", f"{HOST}:{self.port}", "--workers", str(WORKERS), "--log-level", "warning"]
        if threads is not None:
            command += ["--worker-class", "gthread", "--threads", str(threads)]
        self.process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
        self.wait_until_ready()


def form_session(port: int, path: str) -> tuple[http.client.HTTPConnection, str, str]:
    """GET a public form: a kept-alive connection, its CSRF cookie and the form token."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return connection, cookie, token


def post(connection: http.client.HTTPConnection, path: str, cookie: str, fields: dict) -> tuple[int, str]:
    body = urllib.parse.urlencode(fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read().decode()


# --- Lookup under load -------------------------------------------------------------------

WRK_LOOKUP = """
local codes = {%(codes)s}
local i = 0
local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "csrftoken=%(cookie)s"%(htmx)s}
request = function()
  i = i + 1
  local pair = codes[(i %% #codes) + 1]
  local body = "csrfmiddlewaretoken=%(token)s&code=" .. pair[1] .. "&digits=" .. pair[2]
  return wrk.format("POST", "%(path)s", headers, body)
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("DANVAN %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def check_lookup(server: PublicServer, sample: list) -> tuple[str, str]:
    """A real code answers its status; a wrong second factor does not."""
    connection, cookie, token = form_session(server.port, LOOKUP_PATH)
    code, digits = sample[0]
    _status, found = post(
        connection, LOOKUP_PATH, cookie, {"csrfmiddlewaretoken": token, "code": code, "digits": digits}
    )
    wrong = "0000" if digits != "0000" else "1111"
    _status, refused = post(
        connection, LOOKUP_PATH, cookie, {"csrfmiddlewaretoken": token, "code": code, "digits": wrong}
    )
    connection.close()
    if f"<code>{code}</code>" not in found or f"<code>{code}</code>" in refused:
        raise RuntimeError("trang tra cứu không trả đúng kết quả với mã thật")
    # Every worker serves one page before the measurement.
    for _ in range(WORKERS * 2):
        connection, _cookie, _token = form_session(server.port, LOOKUP_PATH)
        connection.close()
    return cookie, token


def check_noop(server: PublicServer) -> None:
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
    connection.request("GET", NOOP_PATH)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200 or body != b"ok":
        raise RuntimeError(f"{NOOP_PATH} trả về {response.status}, không phải trang không làm gì của phép đo")


def load_lookup(
    server: PublicServer,
    sample: list,
    in_place: bool,
    database_pid: int | None = None,
    path: str = LOOKUP_PATH,
) -> dict:
    """in_place: the request the page's script sends (htmx's header; the
    answer is the result alone); otherwise the whole page, as without script.
    ``path``: the lookup, or the no-op view sent the very same requests."""
    cookie, token = check_lookup(server, sample)
    if path != LOOKUP_PATH:
        check_noop(server)
    codes = ", ".join(f'{{"{code}", "{digits}"}}' for code, digits in sample)
    htmx = ', ["HX-Request"] = "true"' if in_place else ""
    script_text = WRK_LOOKUP % {
        "codes": codes,
        "cookie": cookie,
        "token": token,
        "path": path,
        "htmx": htmx,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(script_text)
    cpu_before = bench_web.process_tree_cpu_ms(server.process.pid)
    database_before = bench_web.process_tree_cpu_ms(database_pid)
    try:
        wrk = shutil.which("wrk")
        command = [wrk, "-t2", f"-c{CLIENTS}", f"-d{SECONDS}s", "--timeout", "30s", "-s", script.name]
        command.append(server.url(path))
        output = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=SECONDS + 60
        ).stdout
    finally:
        os.unlink(script.name)
    numbers = next(line for line in output.splitlines() if line.startswith("DANVAN ")).split()[1:]
    requests, duration_us, p50_us, p95_us, bad_status, socket_errors = map(int, numbers)
    cpu_after = bench_web.process_tree_cpu_ms(server.process.pid)
    cpu = (cpu_after - cpu_before) / max(requests, 1) if cpu_before is not None and cpu_after else None
    database_after = bench_web.process_tree_cpu_ms(database_pid)
    return {
        "cpu_ms": cpu,
        "db_cpu_ms": bench_web.cpu_per_request(database_before, database_after, max(requests, 1)),
        "rps": requests / (duration_us / 1e6),
        "p50": p50_us / 1000,
        "p95": p95_us / 1000,
        "errors": bad_status + socket_errors,
        "requests": requests,
    }


# --- Concurrent intake ------------------------------------------------------------------------


def submit_concurrently(server: PublicServer, agency_id: int, marker: str) -> dict:
    """20 threads each open the form, wait for the others, then submit at once."""
    barrier = threading.Barrier(SUBMISSIONS)
    statuses: list[int] = []
    lock = threading.Lock()

    def citizen(number: int) -> None:
        connection, cookie, token = form_session(server.port, SUBMIT_PATH)
        fields = {
            "csrfmiddlewaretoken": token,
            "kind": "feedback",
            "agency": agency_id,
            "full_name": f"Nguyễn Văn Thử {number}",
            "address": "Phường 1",
            "phone": f"0912 345 {number:03d}",
            "subject": f"{marker} {number}",
            "content": "Đèn đường hẻm 12 hỏng hai tuần.",
        }
        barrier.wait()
        try:
            status, _body = post(connection, SUBMIT_PATH, cookie, fields)
        except OSError:
            status = 0
        connection.close()
        with lock:
            statuses.append(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=citizen, args=(number,)) for number in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"seconds": time.perf_counter() - started, "redirected": statuses.count(302), "statuses": statuses}


# --- One engine ---------------------------------------------------------------------------------


def bench_engine(
    engine: str, database_url: str, settings_dir: str, rows: list[dict], database_pid: int | None = None
) -> None:
    bench_web.danvan(["migrate", "--no-input"], database_url, capture_output=True)
    started = time.perf_counter()
    seeded = child(["--seed", str(CASES)], database_url, settings_dir)
    print(f"  {engine}: tạo {seeded['petitions']:,} hồ sơ trong {time.perf_counter() - started:.0f} giây")
    server = PublicServer(database_url, settings_dir)
    lookups = {}
    try:
        for in_place, label in ((True, "tại chỗ"), (False, "cả trang")):
            lookup = load_lookup(server, seeded["sample"], in_place, database_pid)
            lookups[label] = lookup
            print_load(engine, f"tra cứu {label}", lookup)
        # The same requests as the lookup in place, to a view that does nothing.
        noop = load_lookup(server, seeded["sample"], True, database_pid, path=NOOP_PATH)
        print_load(engine, "không làm gì", noop)
        marker = f"Đo tải {engine} {int(time.time())}"
        intake = submit_concurrently(server, seeded["agency"], marker)
    finally:
        server.stop()
    threads = deployed_threads()
    server = PublicServer(database_url, settings_dir, threads=threads)
    threaded = {}
    try:
        for in_place, label in ((True, "tại chỗ"), (False, "cả trang")):
            threaded[label] = load_lookup(server, seeded["sample"], in_place, database_pid)
            print_load(engine, f"tra cứu {label} (gthread {threads} luồng)", threaded[label])
    finally:
        server.stop()
    stored = child(["--check-intake", marker], database_url, settings_dir)
    ok = intake["redirected"] == stored["stored"] == stored["distinct"] == SUBMISSIONS
    print(
        f"  {engine:<10} gửi đơn, {SUBMISSIONS} cùng lúc: {intake['redirected']} nhận mã, "
        f"{stored['stored']} lưu, {stored['distinct']} mã khác nhau trong {intake['seconds']:.1f} giây "
        f"— {'không mất, không trùng' if ok else 'CÓ LỖI: ' + str(sorted(intake['statuses']))}"
    )
    for label, lookup in lookups.items():
        rows.append(
            {
                "engine": engine,
                "way": label,
                **lookup,
                "noop": noop,
                "gthread": threaded[label],
                "threads": threads,
                "intake_ok": ok,
                **stored,
                "redirected": intake["redirected"],
            }
        )


def print_load(engine: str, label: str, load: dict) -> None:
    print(
        f"  {engine:<10} {label:<28}, {CLIENTS} khách: {load['rps']:7.1f} yêu cầu/giây, "
        f"p50 {load['p50']:6.1f} ms, p95 {load['p95']:6.1f} ms, lỗi {load['errors']}, "
        f"CPU mỗi yêu cầu {bench_web.show_ms(load['cpu_ms'])} gunicorn "
        f"+ {bench_web.show_ms(load['db_cpu_ms'])} CSDL"
    )


def print_table(rows: list[dict]) -> bool:
    print()
    print(
        f"Kết quả (wrk, {SECONDS} giây, {CASES:,} hồ sơ, gunicorn {WORKERS} tiến trình, {os.cpu_count()} lõi):"
    )
    header = (
        f"{'CSDL':<10} {'tra cứu':<9} {'khách':>5} {'yêu cầu/giây':>12} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms/yc':>9} "
        f"{'lỗi':>5} {'gửi đơn 20':>12}"
    )
    print(header)
    print("-" * len(header))
    good = True
    for row in rows:
        intake = f"{row['stored']}/{SUBMISSIONS}, {row['distinct']} mã"
        print(
            f"{row['engine']:<10} {row['way']:<9} {CLIENTS:>5} {row['rps']:>12.1f} {row['p50']:>8.1f} {row['p95']:>8.1f} "
            f"{row['cpu_ms'] or 0:>9.1f} {row['errors']:>5} {intake:>12}"
        )
        good = good and row["intake_ok"] and row["errors"] == 0
        good = good and row["noop"]["errors"] == 0 and row["gthread"]["errors"] == 0
    print()
    print(
        f"CPU mỗi yêu cầu, {CLIENTS} khách, gunicorn {WORKERS} tiến trình đồng bộ (tổng CPU cả cây tiến trình / số yêu cầu):"
    )
    for row in rows:
        noop = row["noop"]
        ratio = row["cpu_ms"] / noop["cpu_ms"] if row["cpu_ms"] and noop["cpu_ms"] else None
        verdict = "—" if ratio is None else ("đạt" if ratio <= TARGET_CPU_RATIO else "CHƯA ĐẠT")
        print(
            f"  {row['engine']:<10} tra cứu {row['way']:<8}: {bench_web.show_ms(row['cpu_ms'])} gunicorn "
            f"+ {bench_web.show_ms(row['db_cpu_ms'])} CSDL; trang không làm gì (cùng middleware, cùng yêu cầu): "
            f"{bench_web.show_ms(noop['cpu_ms'])} + {bench_web.show_ms(noop['db_cpu_ms'])}; "
            f"gấp {'—' if ratio is None else f'{ratio:.2f}'} lần, mục tiêu ≤ {TARGET_CPU_RATIO} lần: {verdict}"
        )
    for row in rows:
        if row["engine"] == "PostgreSQL":
            verdict = "đạt" if row["p95"] < TARGET_P95_MS else "CHƯA ĐẠT"
            print(
                f"Mục tiêu p95 < {TARGET_P95_MS} ms với {CLIENTS} khách trên PostgreSQL, tra cứu {row['way']}, "
                f"gunicorn đồng bộ: {verdict} ({row['p95']:.0f} ms)"
            )
    for row in rows:
        if row["engine"] == "PostgreSQL":
            threaded = row["gthread"]
            verdict = "đạt" if threaded["p95"] <= TARGET_P95_MS else "CHƯA ĐẠT"
            print(
                f"Mục tiêu p95 ≤ {TARGET_P95_MS} ms với {CLIENTS} khách trên PostgreSQL, tra cứu {row['way']}, "
                f"gunicorn gthread {row['threads']} luồng như `danvan serve --prod`: {verdict} "
                f"(p50 {threaded['p50']:.0f} ms, p95 {threaded['p95']:.0f} ms, "
                f"{threaded['rps']:.0f} yêu cầu/giây, CPU {bench_web.show_ms(threaded['cpu_ms'])} gunicorn "
                f"+ {bench_web.show_ms(threaded['db_cpu_ms'])} CSDL)"
            )
    print(
        "tra cứu tại chỗ: yêu cầu mà trang gửi khi trình duyệt chạy script của trang (htmx), "
        "trả về riêng phần kết quả; cả trang: khi không có script. Trang không làm gì: một view trả "
        f"'ok', chỉ có trong URLconf của phép đo ({NOOP_PATH}), nhận đúng các yêu cầu POST của tra cứu tại chỗ."
    )
    return good


def main() -> int:
    if not shutil.which("wrk"):
        print("CHÚ Ý: chưa cài wrk (apt-get install wrk); bỏ qua phép đo trang công khai.")
        return 1 if os.environ.get("CI") == "true" else 0
    rows: list[dict] = []
    settings_dir = tempfile.mkdtemp(prefix="danvan-bench-public.")
    try:
        Path(settings_dir, f"{SETTINGS_MODULE}.py").write_text(SETTINGS_TEXT, encoding="utf-8")
        Path(settings_dir, f"{URLCONF_MODULE}.py").write_text(URLCONF_TEXT, encoding="utf-8")
        sqlite_file = Path(settings_dir) / "public.sqlite3"
        bench_engine("SQLite", f"sqlite:///{sqlite_file}", settings_dir, rows)
        postgres = bench_web.Postgres()
        if postgres.bindir is None:
            print("CHÚ Ý: không tìm thấy PostgreSQL (initdb). BỎ QUA phần đo trên PostgreSQL.")
            if os.environ.get("CI") == "true":
                return 1
        else:
            try:
                postgres.start()
                bench_engine("PostgreSQL", postgres.url, settings_dir, rows, postgres.pid)
            finally:
                postgres.stop()
    finally:
        shutil.rmtree(settings_dir, ignore_errors=True)
    return 0 if print_table(rows) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--seed"]:
        seed_here(int(sys.argv[2]))
        sys.exit(0)
    if sys.argv[1:2] == ["--check-intake"]:
        check_intake_here(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
