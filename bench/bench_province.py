"""A province at work: many people reading their own pages while others write.

Run: .venv/bin/python bench/bench_province.py   (part of `make bench`)

On PostgreSQL, against the `danvan demo --scale province` data set that
bench_web.py builds and keeps (100,012 tasks, 40 agencies, 4,000 people):

* 200 and more distinct signed-in people, spread over agencies and roles
  (leaders, offices, unit heads, staff, the province reviewer), each with
  their own pages: landing page, task list, "my tasks", the agency dashboard,
  a plan page of theirs, the reports index and a report page where they have
  one;
* 20 concurrent readers, each request a random person and one of that
  person's pages, for DANVAN_BENCH_SECONDS (default 30);
* at the same time other people write at 2 writes a second through the
  application's own forms: progress updates with a small evidence file,
  comments on tasks, autosaves of a report draft;
* served by gunicorn with 2 sync workers, as deployed.

It prints p50/p95/p99 per page, requests a second, the CPU of gunicorn and of
PostgreSQL per request of each page (each page measured again on its own),
the CPU of the same page's SQL statements run directly on the database, the
memory of each worker over the run, and the figures of the single-reader
mode (one person reloading one page, as bench_web.py measures) beside them.
Only 127.0.0.1 is ever a target.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_web  # noqa: E402 - the data set, the PostgreSQL cluster and the server are bench_web's
from bench_web import HOST, SRC, Postgres, process_tree_cpu_ms  # noqa: E402

SECONDS = int(os.environ.get("DANVAN_BENCH_SECONDS", "30"))
READERS = 20
WRITES_PER_SECOND = 2.0
PEOPLE = 220
SQL_PEOPLE = 10  # each page's SQL is read for this many of its people, the same people it is measured on
TARGET_P95_MS = 200
TARGET_CPU_RATIO = 3.0
GROWTH_USERNAME = "skhcn.vanphong"  # the small demo's office: the same tasks in both data sets
GROWTH_PAGES = {
    "landing": "trang đầu",
    "task_list": "danh sách nhiệm vụ",
    "all_years": "mọi năm, mọi trạng thái",
    "last_page": "trang cuối (mọi năm)",
    "search": 'tìm "tuyên truyền"',
    "my_tasks": "nhiệm vụ của tôi",
    "plans_index": "danh sách kế hoạch",
    "dashboard": "tổng quan cơ quan",
    "plan_detail": "trang kế hoạch",
}
PAGES = {
    "landing": "trang đầu",
    "task_list": "danh sách nhiệm vụ",
    "my_tasks": "nhiệm vụ của tôi",
    "dashboard": "tổng quan cơ quan",
    "plan_detail": "trang kế hoạch",
    "reports": "báo cáo (danh sách)",
    "report_detail": "trang báo cáo",
}
# The fixed part of every signed-in page, measured the same way as the pages:
# a view that only checks the session, and the page frame (base.html with an
# empty content: menu, messages, footer). Both exist only in this bench's URLconf.
FLOOR = {
    "floor_noop": "sàn: đã đăng nhập, không làm gì",
    "floor_frame": "sàn: khung trang trống",
}
FLOOR_PATHS = {"floor_noop": "/do-tai/da-dang-nhap/", "floor_frame": "/do-tai/khung-trang/"}
SETTINGS_MODULE = "danvan_bench_province_settings"
URLCONF_MODULE = "danvan_bench_province_urls"
SETTINGS_TEXT = f"""from danvan.settings import *  # noqa: F403

ROOT_URLCONF = "{URLCONF_MODULE}"
"""
URLCONF_TEXT = f"""from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from danvan.urls import *  # noqa: F403
from danvan.urls import urlpatterns as product_urlpatterns

FRAME = engines["django"].from_string(
    '{{% extends "base.html" %}}{{% block title %}}Đo{{% endblock %}}{{% block content %}}{{% endblock %}}'
)


@login_required
def signed_in_noop(request):
    return HttpResponse(b"ok", content_type="text/plain")


@login_required
def empty_frame(request):
    return HttpResponse(FRAME.render({{}}, request))


urlpatterns = [
    path("{FLOOR_PATHS["floor_noop"][1:]}", signed_in_noop),
    path("{FLOOR_PATHS["floor_frame"][1:]}", empty_frame),
    *product_urlpatterns,
]
"""


# --- The people and their pages (a child process with Django) ------------------------


def prepare_here() -> None:
    """Child mode: sign in the people, choose their pages and the writers' work;
    print them as JSON, with each page's SQL statements for the direct run."""
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from danvan.core.models import Role, RoleAssignment, User
    from danvan.plans import permissions as plan_permissions
    from danvan.plans.forms import TaskUpdateForm
    from danvan.plans.models import Plan, Task
    from danvan.reports import permissions as report_permissions
    from danvan.reports.models import Report

    rng = random.Random(2026)  # noqa: S311 - a reproducible choice of people
    roles = {Role.AGENCY_LEADER: 40, Role.AGENCY_OFFICE: 40, Role.UNIT_HEAD: 60, Role.STAFF: 80}
    people: list[User] = []
    for role, count in roles.items():
        holders = list(
            RoleAssignment.objects.current()
            .filter(role=role, user__is_active=True)
            .values_list("user_id", flat=True)
            .distinct()
            .order_by("user_id")
        )
        people += User.objects.filter(pk__in=rng.sample(holders, min(count, len(holders))))
    reviewers = RoleAssignment.objects.current().filter(role=Role.PROVINCE_REVIEWER)
    people += User.objects.filter(pk__in=reviewers.values("user_id"))

    def role_of(person: User) -> str:
        held = {assignment.role for assignment in person.role_assignments.current()}
        for role in (Role.PROVINCE_REVIEWER, Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.UNIT_HEAD):
            if role in held:
                return role
        return Role.STAFF

    readers, writers, sql = [], [], {}
    cookie_name = settings.SESSION_COOKIE_NAME
    for person in people:
        client = Client()
        client.force_login(person)
        cookie = f"{cookie_name}={client.cookies[cookie_name].value}"
        paths = {
            "landing": reverse("core:home"),
            "task_list": reverse("plans:task_list"),
            "my_tasks": reverse("plans:my_tasks"),
            "reports": reverse("reports:index"),
        }
        if person.agency_id:
            paths["dashboard"] = reverse("plans:dashboard", args=[person.agency_id])
        plan = plan_permissions.visible_plans(person).filter(agency_id=person.agency_id).order_by("?").first()
        if plan is not None:
            paths["plan_detail"] = reverse("plans:plan_detail", args=[plan.pk])
        report = report_permissions.visible_reports(person).order_by("?").first()
        if report is not None:
            paths["report_detail"] = reverse("reports:report_detail", args=[report.pk])
        readers.append(
            {"username": person.username, "role": role_of(person), "cookie": cookie, "paths": paths}
        )
    # Each page's own SQL, read for SQL_PEOPLE of its people spread over the
    # roles: the page's CPU is then measured on exactly these people.
    clients = {}
    for name in PAGES:
        having = [reader for reader in readers if name in reader["paths"]]
        for reader in rng.sample(having, min(SQL_PEOPLE, len(having))):
            client = clients.get(reader["username"])
            if client is None:
                client = clients[reader["username"]] = Client()
                client.force_login(User.objects.get(username=reader["username"]))
            client.get(reader["paths"][name])
            with CaptureQueriesContext(connection) as context:
                client.get(reader["paths"][name])
            sql.setdefault(name, []).append(
                {
                    "username": reader["username"],
                    "statements": [query["sql"] for query in context.captured_queries],
                }
            )

    # The writers: other people than the readers, on work of their own.
    reading = {person.pk for person in people}
    heads = (
        RoleAssignment.objects.current()
        .filter(role=Role.UNIT_HEAD)
        .exclude(user_id__in=reading)
        .select_related("user")
        .order_by("user_id")[:40]
    )
    for assignment in heads:
        person = assignment.user
        task = (
            plan_permissions.visible_tasks(person)
            .filter(
                lead_unit_id=assignment.unit_id, status__in=[Task.Status.IN_PROGRESS, Task.Status.NOT_STARTED]
            )
            .filter(plan__status=Plan.Status.ISSUED)
            .order_by("pk")
            .first()
        )
        if task is None or not plan_permissions.can_update_task(person, task):
            continue
        # A recurring task's progress is reported for one of its periods.
        period = task.occurrences.exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED]).first()
        if period is None and "occurrence" in TaskUpdateForm(task=task).fields:
            continue
        client = Client()
        client.force_login(person)
        writers.append(
            {
                "kind": "task",
                "occurrence": str(period.pk) if period else "",
                "cookie": f"{cookie_name}={client.cookies[cookie_name].value}",
                "page": reverse("plans:task_detail", args=[task.pk]),
                "update": reverse("plans:task_update", args=[task.pk]),
                "comment": reverse("plans:task_comment", args=[task.pk]),
            }
        )
    for report in Report.objects.filter(status__in=[Report.Status.PENDING, Report.Status.RETURNED]).order_by(
        "pk"
    )[:10]:
        editors = [
            person
            for person in User.objects.filter(is_active=True, agency_id=report.agency_id)
            if report_permissions.can_edit_report(person, report)
        ]
        if not editors:
            continue
        client = Client()
        client.force_login(editors[0])
        writers.append(
            {
                "kind": "report",
                "cookie": f"{cookie_name}={client.cookies[cookie_name].value}",
                "page": reverse("reports:report_detail", args=[report.pk]),
                "autosave": reverse("reports:report_autosave", args=[report.pk]),
            }
        )
    print(json.dumps({"readers": readers, "writers": writers, "sql": sql}))


def growth_here() -> None:
    """Child mode: GROWTH_USERNAME's cookie and key pages in this database, each
    page with its queries and bytes, as JSON."""
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from danvan.core.models import User
    from danvan.plans.models import Plan

    person = User.objects.get(username=GROWTH_USERNAME)
    plan = (
        Plan.objects.filter(agency=person.agency, status=Plan.Status.ISSUED)
        .order_by("-period_year", "pk")
        .first()
    )
    tasks = reverse("plans:task_list")
    paths = {
        "landing": reverse("core:home"),
        "task_list": tasks,
        "all_years": f"{tasks}?nam=&status=",
        "last_page": f"{tasks}?nam=&status=&trang=999",
        "search": f"{tasks}?q={_quote('tuyên truyền')}",
        "my_tasks": reverse("plans:my_tasks"),
        "plans_index": reverse("plans:index"),
        "dashboard": reverse("plans:dashboard", args=[person.agency_id]),
        "plan_detail": reverse("plans:plan_detail", args=[plan.pk]),
    }
    client = Client()
    client.force_login(person)
    cookie_name = settings.SESSION_COOKIE_NAME
    pages = {}
    for name, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code}")
        pages[name] = {"path": path, "queries": len(context.captured_queries), "bytes": len(response.content)}
    print(json.dumps({"cookie": f"{cookie_name}={client.cookies[cookie_name].value}", "pages": pages}))


def child(mode: str, database_url: str, failure: str) -> dict:
    """This script run in a child mode (``--prepare``, ``--growth``) against a
    database, with Django; its last line of output, as JSON."""
    env = {**os.environ, "DANVAN_DATABASE_URL": database_url, "DANVAN_DEBUG": "False", "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, __file__, mode], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{failure}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def growth_pages(database_url: str) -> dict:
    return child("--growth", database_url, f"không đọc được các trang của {GROWTH_USERNAME}")


def cpu_of_page(server, path: str, cookie: str, database_pid, rounds: int = 40) -> tuple[float, float]:
    """gunicorn's and PostgreSQL's CPU per request of one page, one client in turn."""
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)

    def fetch() -> None:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")

    for _warm in range(2 * bench_web.WORKERS):
        fetch()
    app_before, database_before = process_tree_cpu_ms(server.process.pid), process_tree_cpu_ms(database_pid)
    for _round in range(rounds):
        fetch()
    connection.close()
    return (
        (process_tree_cpu_ms(server.process.pid) - app_before) / rounds,
        (process_tree_cpu_ms(database_pid) - database_before) / rounds,
    )


def growth(postgres: Postgres, province_server) -> None:
    """The same office's pages at demo size and at province size (module docstring)."""
    demo_url = postgres.url.rsplit("/", 1)[0] + "/danvan_demo"
    postgres.run("createdb", "-h", HOST, "-p", str(postgres.port), "-U", "danvan", "danvan_demo")
    bench_web.danvan(["migrate", "--no-input"], demo_url, capture_output=True)
    bench_web.danvan(["demo"], demo_url, capture_output=True)
    sizes = {"demo": growth_pages(demo_url), "tỉnh": growth_pages(postgres.url)}
    demo_server = bench_web.Server(demo_url)
    try:
        servers = {"demo": demo_server, "tỉnh": province_server}
        cpu = {
            size: {
                name: cpu_of_page(servers[size], page["path"], sizes[size]["cookie"], postgres.pid)
                for name, page in sizes[size]["pages"].items()
            }
            for size in sizes
        }
    finally:
        demo_server.stop()
    print()
    print(
        f"Tăng theo quy mô: {GROWTH_USERNAME} (văn phòng, thấy cùng các nhiệm vụ của mình) ở dữ liệu demo "
        "và ở dữ liệu tỉnh (100.012 nhiệm vụ); CPU mỗi yêu cầu gunicorn + PostgreSQL, số truy vấn, cỡ trang:"
    )
    header = f"{'trang':<26} {'demo ms':>14} {'tỉnh ms':>14} {'truy vấn':>10} {'KB':>11}"
    print(header)
    print("-" * len(header))
    for name, label in GROWTH_PAGES.items():
        small, large = sizes["demo"]["pages"][name], sizes["tỉnh"]["pages"][name]
        (small_app, small_db), (large_app, large_db) = cpu["demo"][name], cpu["tỉnh"][name]
        print(
            f"{label:<26} {small_app:>7.1f} + {small_db:>4.1f} {large_app:>7.1f} + {large_db:>4.1f} "
            f"{small['queries']:>4} → {large['queries']:<3} {small['bytes'] / 1024:>4.0f} → {large['bytes'] / 1024:<4.0f}"
        )


def prepare(database_url: str) -> dict:
    return child("--prepare", database_url, "không chuẩn bị được người đọc và người ghi")


# --- The SQL of a page, run directly ---------------------------------------------------


def direct_sql_ms(postgres: Postgres, pages: list[dict], rounds: int = 20) -> float:
    """CPU of each person's page statements sent straight to PostgreSQL (one
    connection, no Django): the database's CPU and this client's, per page,
    averaged over the people."""
    import psycopg

    statements = [statement for page in pages for statement in page["statements"]]
    with psycopg.connect(postgres.url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        backend = conn.info.backend_pid
        with conn.cursor() as cursor:
            for statement in statements:  # once to warm the caches, as the pages were
                cursor.execute(statement)
                if cursor.description:
                    cursor.fetchall()
            before_db = process_tree_cpu_ms(backend)
            before_me = time.process_time()
            for _round in range(rounds):
                for statement in statements:
                    cursor.execute(statement)
                    if cursor.description:
                        cursor.fetchall()
            database = process_tree_cpu_ms(backend) - before_db
            client = (time.process_time() - before_me) * 1000
    return (database + client) / rounds / max(len(pages), 1)


# --- Load ------------------------------------------------------------------------------


class Load:
    """Readers and writers against one server; latencies kept per page."""

    def __init__(self, port: int, readers: list[dict], writers: list[dict], seconds: int) -> None:
        self.port = port
        self.readers = readers
        self.writers = writers
        self.seconds = seconds
        self.latencies: dict[str, list[float]] = {name: [] for name in {**PAGES, **FLOOR}}
        self.writes: dict[str, list[float]] = {"progress": [], "comment": [], "autosave": []}
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def request(self, connection, method: str, path: str, cookie: str, body=None, headers=None):
        all_headers = {"Cookie": cookie, **(headers or {})}
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        content = response.read()
        return response, content

    def reader(self, seed: int, deadline: float) -> None:
        rng = random.Random(seed)  # noqa: S311
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        mine: dict[str, list[float]] = {name: [] for name in {**PAGES, **FLOOR}}
        failures = []
        while time.monotonic() < deadline:
            person = rng.choice(self.readers)
            name = rng.choice(list(person["paths"]))
            started = time.perf_counter()
            try:
                response, _content = self.request(connection, "GET", person["paths"][name], person["cookie"])
            except OSError as error:
                failures.append(f"{name}: {error}")
                connection.close()
                connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
                continue
            mine[name].append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                failures.append(f"{name} {person['username']}: {response.status}")
        connection.close()
        with self.lock:
            for name, values in mine.items():
                self.latencies[name] += values
            self.errors += failures

    def writer(self, deadline: float) -> None:
        rng = random.Random(7)  # noqa: S311
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        tokens: dict[str, str] = {}
        interval = 1 / WRITES_PER_SECOND
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += interval
            work = rng.choice(self.writers)
            try:
                kind, seconds, status = self.write(connection, work, tokens, rng)
            except OSError as error:
                self.errors.append(f"ghi: {error}")
                connection.close()
                connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
                continue
            with self.lock:
                self.writes[kind].append(seconds * 1000)
                if status not in (200, 302):
                    self.errors.append(f"ghi {kind}: {status}")
        connection.close()

    def write(self, connection, work: dict, tokens: dict, rng) -> tuple[str, float, int]:
        cookie = work["cookie"]
        if work["page"] not in tokens:
            response, content = self.request(connection, "GET", work["page"], cookie)
            csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
            set_cookie = response.getheader("Set-Cookie") or ""
            cookie_value = re.search(r"csrftoken=([^;]+)", set_cookie)
            tokens[work["page"]] = (csrf.group(1).decode(), cookie_value.group(1) if cookie_value else "")
        token, csrf_cookie = tokens[work["page"]]
        cookie = f"{cookie}; csrftoken={csrf_cookie}" if csrf_cookie else cookie
        headers = {"X-CSRFToken": token, "Referer": f"http://{HOST}:{self.port}{work['page']}"}
        started = time.perf_counter()
        if work["kind"] == "report":
            revision = re.search(
                rb'name="revision" value="(\d+)"', self.request(connection, "GET", work["page"], cookie)[1]
            )
            fields = {
                "csrfmiddlewaretoken": token,
                "revision": revision.group(1).decode() if revision else "0",
            }
            fields["results"] = f"Nội dung tự lưu lúc {time.strftime('%H:%M:%S')}."
            body = "&".join(f"{key}={_quote(value)}" for key, value in fields.items())
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["HX-Request"] = "true"
            response, _content = self.request(connection, "POST", work["autosave"], cookie, body, headers)
            return "autosave", time.perf_counter() - started, response.status
        if rng.random() < 0.5:
            body = f"csrfmiddlewaretoken={token}&text=" + _quote("Đề nghị bổ sung số liệu tháng này.")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            response, _content = self.request(connection, "POST", work["comment"], cookie, body, headers)
            return "comment", time.perf_counter() - started, response.status
        boundary = uuid.uuid4().hex
        fields = {
            "csrfmiddlewaretoken": token,
            "status": "in_progress",
            "percent": str(rng.randint(10, 90)),
            "note": "Đã triển khai tại các phòng, đang tổng hợp kết quả.",
            "reported_on": time.strftime("%d/%m/%Y"),
        }
        if work.get("occurrence"):
            fields["occurrence"] = work["occurrence"]
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in fields.items()
        ]
        evidence = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="minh-chung.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + evidence
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        response, content = self.request(connection, "POST", work["update"], cookie, b"".join(parts), headers)
        if response.status == 422:
            feedback = re.findall(rb"invalid-feedback[^>]*>([^<]+)", content)
            self.errors.append(f"tiến độ không lưu được: {b' / '.join(feedback).decode()[:300]}")
        return "progress", time.perf_counter() - started, response.status

    def run(self) -> float:
        deadline = time.monotonic() + self.seconds
        threads = [threading.Thread(target=self.reader, args=(seed, deadline)) for seed in range(READERS)]
        if self.writers and WRITES_PER_SECOND:
            threads.append(threading.Thread(target=self.writer, args=(deadline,)))
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def _quote(value: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(value)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


def worker_memory_mb(server_pid: int) -> dict[int, float]:
    """Resident memory of each gunicorn worker (the children of the master)."""
    memory = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[1]) != server_pid:
                continue
            rss = next(
                line for line in (entry / "status").read_text().splitlines() if line.startswith("VmRSS")
            )
        except (OSError, StopIteration, ValueError):
            continue
        memory[int(entry.name)] = int(rss.split()[1]) / 1024
    return memory


class MemoryWatch(threading.Thread):
    def __init__(self, server_pid: int) -> None:
        super().__init__(daemon=True)
        self.server_pid = server_pid
        self.samples: list[dict[int, float]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(1.0):
            self.samples.append(worker_memory_mb(self.server_pid))


# --- One run -------------------------------------------------------------------------


def page_alone(server, readers: list[dict], name: str, seconds: int, database_pid, path: str = "") -> dict:
    """One page kind alone, rotating over its people, 2 clients: CPU per request.
    ``path``: the same address for every one of them (the floor's views)."""
    having = [person for person in readers if path or name in person["paths"]]
    subset = [{**person, "paths": {name: path or person["paths"][name]}} for person in having]
    load = Load(server.port, subset, [], seconds)
    app_before = process_tree_cpu_ms(server.process.pid)
    database_before = process_tree_cpu_ms(database_pid)
    global READERS
    readers_were, READERS = READERS, 2
    try:
        load.run()
    finally:
        READERS = readers_were
    served = max(len(load.latencies[name]), 1)
    return {
        "app_cpu": (process_tree_cpu_ms(server.process.pid) - app_before) / served,
        "db_cpu": (process_tree_cpu_ms(database_pid) - database_before) / served,
        "p95": percentile(load.latencies[name], 0.95),
    }


def single_reader(server, person: dict, name: str, seconds: int) -> dict:
    """One person reloading one page with one client (the former way of measuring)."""
    load = Load(server.port, [{**person, "paths": {name: person["paths"][name]}}], [], seconds)
    global READERS
    readers_were, READERS = READERS, 1
    try:
        elapsed = load.run()
    finally:
        READERS = readers_were
    values = load.latencies[name]
    return {"rps": len(values) / elapsed, "p50": percentile(values, 0.5), "p95": percentile(values, 0.95)}


def main() -> int:
    postgres = Postgres()
    if postgres.bindir is None:
        print("CHÚ Ý: không tìm thấy PostgreSQL (initdb): bỏ qua phép đo một tỉnh làm việc.")
        return 1 if os.environ.get("CI") == "true" else 0
    try:
        postgres.start()
        postgres.load()
        plan = prepare(postgres.url)
        readers, writers = plan["readers"], plan["writers"]
        by_role: dict[str, int] = {}
        for person in readers:
            by_role[person["role"]] = by_role.get(person["role"], 0) + 1
        print(
            f"{len(readers)} người đọc khác nhau ({', '.join(f'{role}: {n}' for role, n in sorted(by_role.items()))}), "
            f"{len(writers)} người ghi, {READERS} khách đồng thời, {WRITES_PER_SECOND:g} lượt ghi/giây, "
            f"{SECONDS} giây."
        )
        settings_dir = tempfile.mkdtemp(prefix="danvan-bench-province.")
        Path(settings_dir, f"{SETTINGS_MODULE}.py").write_text(SETTINGS_TEXT, encoding="utf-8")
        Path(settings_dir, f"{URLCONF_MODULE}.py").write_text(URLCONF_TEXT, encoding="utf-8")
        environment = {
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "PYTHONPATH": os.pathsep.join([str(SRC), settings_dir]),
        }
        server = bench_web.Server(postgres.url, extra_env=environment)
        try:
            return run(server, postgres, plan)
        finally:
            server.stop()
            shutil.rmtree(settings_dir, ignore_errors=True)
    finally:
        postgres.stop()


def run(server, postgres: Postgres, plan: dict) -> int:
    readers, writers = plan["readers"], plan["writers"]
    # Every worker has served each page kind once before anything is measured.
    warm = Load(server.port, readers, [], 0)
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
    for person in readers[:: max(1, len(readers) // 10)]:
        for path in person["paths"].values():
            for _ in range(2):
                warm.request(connection, "GET", path, person["cookie"])
    connection.close()

    watch = MemoryWatch(server.process.pid)
    watch.start()
    app_before = process_tree_cpu_ms(server.process.pid)
    database_before = process_tree_cpu_ms(postgres.pid)
    client_before = time.process_time()
    load = Load(server.port, readers, writers, SECONDS)
    elapsed = load.run()
    client_cpu = (time.process_time() - client_before) * 1000
    app_cpu = process_tree_cpu_ms(server.process.pid) - app_before
    database_cpu = process_tree_cpu_ms(postgres.pid) - database_before
    watch.stopped.set()
    watch.join()

    served = sum(len(values) for values in load.latencies.values())
    writes = sum(len(values) for values in load.writes.values())
    print()
    print(
        f"Một tỉnh làm việc (PostgreSQL, gunicorn {bench_web.WORKERS} tiến trình đồng bộ, {os.cpu_count()} lõi): "
        f"{served / elapsed:.1f} yêu cầu đọc/giây, {writes / elapsed:.1f} lượt ghi/giây, "
        f"{len(load.errors)} lỗi."
    )
    for error in load.errors[:10]:
        print(f"  lỗi: {error}")
    header = f"{'trang':<22} {'số yêu cầu':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for name, label in PAGES.items():
        values = load.latencies[name]
        if not values:
            continue
        p95 = percentile(values, 0.95)
        worst = max(worst, p95)
        print(
            f"{label:<22} {len(values):>10} {percentile(values, 0.5):>8.1f} {p95:>8.1f} "
            f"{percentile(values, 0.99):>8.1f}"
        )
    for kind, values in load.writes.items():
        if values:
            print(
                f"{'ghi: ' + kind:<22} {len(values):>10} {percentile(values, 0.5):>8.1f} "
                f"{percentile(values, 0.95):>8.1f} {percentile(values, 0.99):>8.1f}"
            )
    print(
        f"CPU mỗi yêu cầu của cả lượt: {app_cpu / max(served + writes, 1):.1f} ms gunicorn + "
        f"{database_cpu / max(served + writes, 1):.1f} ms PostgreSQL; máy khách đo dùng "
        f"{client_cpu / max(served + writes, 1):.2f} ms."
    )
    print("Trang không được giữ lại trong bộ nhớ đệm: mỗi yêu cầu dựng trang mới (không có tỷ lệ trúng đệm).")
    first = {pid: mb for pid, mb in (watch.samples[0] if watch.samples else {}).items()}
    last = watch.samples[-1] if watch.samples else {}
    for pid, mb in sorted(last.items()):
        peak = max(sample.get(pid, 0.0) for sample in watch.samples)
        print(f"Bộ nhớ tiến trình {pid}: {first.get(pid, mb):.0f} → {mb:.0f} MB (cao nhất {peak:.0f} MB)")
    verdict = "đạt" if worst <= TARGET_P95_MS else "CHƯA ĐẠT"
    print(f"Mục tiêu p95 ≤ {TARGET_P95_MS} ms mọi trang: {verdict} (chậm nhất {worst:.0f} ms)")

    print()
    print(
        f"Từng trang riêng (2 khách, xoay vòng trên {SQL_PEOPLE} người của trang), CPU mỗi yêu cầu so với SQL "
        "của chính trang của đúng những người ấy chạy trực tiếp:"
    )
    header = (
        f"{'trang':<32} {'gunicorn ms':>11} {'PostgreSQL ms':>13} {'SQL trực tiếp ms':>16} {'tỷ lệ':>6} "
        f"{'trên sàn':>8} {'truy vấn':>8}"
    )
    print(header)
    print("-" * len(header))
    alone_seconds = max(5, SECONDS // 6)
    floor = {}
    for name, label in FLOOR.items():
        figures = page_alone(server, readers, name, alone_seconds, postgres.pid, path=FLOOR_PATHS[name])
        floor[name] = figures["app_cpu"] + figures["db_cpu"]
        print(f"{label:<32} {figures['app_cpu']:>11.1f} {figures['db_cpu']:>13.1f} {'':>16} {'':>6} {'':>8}")
    ratios, above = [], []
    for name, label in PAGES.items():
        if not load.latencies[name] or name not in plan["sql"]:
            continue
        measured = {page["username"] for page in plan["sql"][name]}
        people = [person for person in readers if person["username"] in measured]
        figures = page_alone(server, people, name, alone_seconds, postgres.pid)
        direct = direct_sql_ms(postgres, plan["sql"][name])
        cpu = figures["app_cpu"] + figures["db_cpu"]
        ratio = cpu / max(direct, 0.01)
        over_floor = max(cpu - floor["floor_frame"], 0.0) / max(direct, 0.01)
        ratios.append(ratio)
        above.append(over_floor)
        queries = sum(len(page["statements"]) for page in plan["sql"][name]) / len(plan["sql"][name])
        print(
            f"{label:<32} {figures['app_cpu']:>11.1f} {figures['db_cpu']:>13.1f} {direct:>16.1f} "
            f"{ratio:>6.1f} {over_floor:>8.1f} {queries:>8.1f}"
        )
    if ratios:
        verdict = "đạt" if max(ratios) <= TARGET_CPU_RATIO else "CHƯA ĐẠT"
        print(
            f"Mục tiêu CPU trang ≤ {TARGET_CPU_RATIO:g}× CPU của SQL của nó: {verdict} (cao nhất {max(ratios):.1f}×); "
            f"phần trên sàn khung trang ({floor['floor_frame']:.1f} ms): cao nhất {max(above):.1f}×"
        )

    print()
    print("Để so sánh, kiểu đo cũ: MỘT người tải lại MỘT trang (1 khách):")
    person = next(p for p in readers if {"dashboard", "plan_detail"} <= set(p["paths"]))
    for name in ("dashboard", "task_list", "plan_detail"):
        figures = single_reader(server, person, name, max(5, SECONDS // 6))
        print(
            f"  {PAGES[name]:<22} {figures['rps']:7.1f} yêu cầu/giây, p50 {figures['p50']:6.1f} ms, "
            f"p95 {figures['p95']:6.1f} ms"
        )
    growth(postgres, server)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        prepare_here()
        sys.exit(0)
    if sys.argv[1:] == ["--growth"]:
        growth_here()
        sys.exit(0)
    sys.exit(main())
