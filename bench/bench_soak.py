"""A long run of mixed traffic: does a server process's memory stay flat?

Run: .venv/bin/python bench/bench_soak.py   (part of `make bench`)

Serves the province-sized SQLite data set of bench_web.py with gunicorn
(2 sync workers, as deployed) on a
free loopback port, signs in many distinct generated people (leaders, offices
and unit heads of the generated agencies) through the sign-in form, and lets
a few client threads act for them at random for the whole run: each request is
one person opening their agency's dashboard, the task list (several of its
pages), their own tasks, a plan page or a task page, or writing a comment on
a task (a write raises the data version, so every kept page is rendered anew
afterwards, while the others keep reading). Every DANVAN_SOAK_EVERY seconds it
prints the requests and errors so far and the resident memory (RSS, from
/proc) of the gunicorn master and of each worker; at the end, each worker's
memory at the first report and at the last, and the errors by kind. Only
127.0.0.1 is ever a target.

Environment:
  DANVAN_SOAK_SECONDS   length of the run (default 600: ten minutes)
  DANVAN_SOAK_EVERY     seconds between two reports (default 30)
  DANVAN_SOAK_USERS     distinct people signed in (default 60)
  DANVAN_SOAK_CLIENTS   client threads sending requests at once (default 8)
  DANVAN_SOAK_WRITES    share of requests that write, in percent (default 10)
Any DANVAN_* setting reaches the server too.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_web  # noqa: E402  - the shared machinery: data set, ports, gunicorn

ROOT, SRC, HOST = bench_web.ROOT, bench_web.SRC, bench_web.HOST
SECONDS = int(os.environ.get("DANVAN_SOAK_SECONDS", "600"))
EVERY = int(os.environ.get("DANVAN_SOAK_EVERY", "30"))
USERS = int(os.environ.get("DANVAN_SOAK_USERS", "60"))
CLIENTS = int(os.environ.get("DANVAN_SOAK_CLIENTS", "8"))
WRITES = int(os.environ.get("DANVAN_SOAK_WRITES", "10"))
PASSWORD = bench_web.PASSWORD


# --- Who acts, and on what (in-process, before the server starts) -----------------


def choose_people_here() -> None:
    """Child mode: print, as JSON, the people who act and the pages each may open."""
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.urls import reverse

    from danvan.core.models import Role, RoleAssignment
    from danvan.plans.models import Plan, Task

    roles = (Role.AGENCY_OFFICE, Role.AGENCY_LEADER, Role.UNIT_HEAD)
    assignments = (
        RoleAssignment.objects.filter(role__in=roles, user__is_active=True, user__agency__isnull=False)
        .select_related("user")
        .order_by("user__username")
    )
    people, seen = [], set()
    for assignment in assignments:
        person = assignment.user
        if person.pk in seen or person.must_change_password:
            continue
        seen.add(person.pk)
        plans = list(
            Plan.objects.filter(agency_id=person.agency_id, status=Plan.Status.ISSUED)
            .order_by("-period_year", "pk")
            .values_list("pk", flat=True)[:2]
        )
        tasks = Task.objects.filter(plan_id__in=plans)
        if assignment.role == Role.UNIT_HEAD:
            tasks = tasks.filter(lead_unit_id=person.unit_id)
        task_ids = list(tasks.order_by("pk").values_list("pk", flat=True)[:3])
        if not plans or not task_ids:
            continue
        reads = [
            reverse("plans:dashboard", args=[person.agency_id]),
            reverse("plans:task_list"),
            reverse("plans:task_list") + "?trang=2",
            reverse("plans:task_list") + "?trang=3",
            reverse("plans:my_tasks"),
            *(reverse("plans:plan_detail", args=[pk]) for pk in plans),
            *(reverse("plans:task_detail", args=[pk]) for pk in task_ids),
        ]
        writes = [reverse("plans:task_comment", args=[pk]) for pk in task_ids]
        people.append({"username": person.username, "reads": reads, "writes": writes})
    # Spread over the agencies: the first USERS of a shuffled, fixed order.
    random.Random(2026).shuffle(people)
    print(json.dumps({"login": reverse("login"), "people": people[:USERS]}))


def choose_people(database_url: str) -> dict:
    env = {**os.environ, "DANVAN_DATABASE_URL": database_url, "DANVAN_DEBUG": "False"}
    output = subprocess.run(
        [sys.executable, __file__, "--choose-people"], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- Signing in -----------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(server: bench_web.Server, login_path: str, username: str) -> dict[str, str]:
    """Sign in through the form; the browser's cookies (session and CSRF)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(server.url(login_path), timeout=30) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    try:
        opener.open(server.url(login_path), data=body.encode(), timeout=60)
    except urllib.error.HTTPError as error:  # the 302 after a good sign-in
        if error.code != 302:
            raise
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"không đăng nhập được bằng {username}")
    return cookies


# --- Memory -------------------------------------------------------------------------------


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def workers_of(master: int) -> list[int]:
    """The gunicorn workers: the master's children, from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == master:
            children.append(int(entry.name))
    return sorted(children)


# --- The traffic ----------------------------------------------------------------------------


class Traffic:
    """Client threads acting for the signed-in people until the time is up."""

    def __init__(self, port: int, people: list[dict]) -> None:
        self.port = port
        self.people = people
        self.lock = threading.Lock()
        self.reads = 0
        self.writes = 0
        self.errors: Counter[str] = Counter()
        self.stop = threading.Event()

    def count(self, write: bool, error: str | None) -> None:
        with self.lock:
            if write:
                self.writes += 1
            else:
                self.reads += 1
            if error:
                self.errors[error] += 1

    def one(self, connection: http.client.HTTPConnection, chance: random.Random, number: int) -> None:
        person = chance.choice(self.people)
        cookie = "; ".join(f"{name}={value}" for name, value in person["cookies"].items())
        write = chance.randrange(100) < WRITES
        if write:
            path = chance.choice(person["writes"])
            body = urllib.parse.urlencode({"text": f"Ý kiến số {number} trong lần chạy dài"})
            headers = {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": person["cookies"].get("csrftoken", ""),
            }
            connection.request("POST", path, body=body.encode(), headers=headers)
            expected = 302
        else:
            path = chance.choice(person["reads"])
            connection.request("GET", path, headers={"Cookie": cookie})
            expected = 200
        response = connection.getresponse()
        response.read()
        location = response.getheader("Location", "")
        if response.status != expected or (write and "dang-nhap" in location):
            self.count(write, f"{'POST' if write else 'GET'} {response.status}")
        else:
            self.count(write, None)

    def client(self, seed: int) -> None:
        chance = random.Random(seed)
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        number = 0
        while not self.stop.is_set():
            number += 1
            try:
                self.one(connection, chance, seed * 1_000_000 + number)
            except (OSError, http.client.HTTPException) as error:
                self.count(False, type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        connection.close()

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self.client, args=(seed,), daemon=True) for seed in range(CLIENTS)]
        for thread in threads:
            thread.start()
        return threads


def check_pages(server: bench_web.Server, people: list[dict]) -> None:
    """Every page a person will open answers 200 once before the run (and each
    worker has started); a page that does not is left out, and said so."""
    left_out = 0
    for person in people:
        cookie = "; ".join(f"{name}={value}" for name, value in person["cookies"].items())
        kept = []
        for path in person["reads"]:
            connection = http.client.HTTPConnection(HOST, server.port, timeout=120)
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200:
                kept.append(path)
            else:
                left_out += 1
        person["reads"] = kept
    if left_out:
        print(f"  {left_out} trang không trả về 200 trước khi chạy, bỏ ra khỏi lượt chạy")


def report_line(elapsed: float, traffic: Traffic, master: int) -> dict[int, float]:
    workers = {pid: rss_mb(pid) for pid in workers_of(master)}
    with traffic.lock:
        reads, writes, errors = traffic.reads, traffic.writes, sum(traffic.errors.values())
    memory = "  ".join(f"{pid}: {mb:6.1f}" for pid, mb in workers.items() if mb is not None)
    print(
        f"  {int(elapsed) // 60:>2}:{int(elapsed) % 60:02d}  yêu cầu {reads + writes:>7} "
        f"(đọc {reads}, ghi {writes})  lỗi {errors:>3}  RSS MB: chủ {rss_mb(master) or 0:5.1f} | "
        f"tiến trình {memory}",
        flush=True,
    )
    return {pid: mb for pid, mb in workers.items() if mb is not None}


def main() -> int:
    if not Path("/proc").is_dir():
        print("CHÚ Ý: không có /proc, không đo được bộ nhớ. BỎ QUA.")
        return 0
    url, seconds = bench_web.sqlite_database()
    if seconds is not None:
        print(f"  tạo dữ liệu trên SQLite: {seconds:.0f} giây")
    chosen = choose_people(url)
    people = chosen["people"]
    server = bench_web.Server(url)
    master = server.process.pid
    try:
        print(f"Đăng nhập {len(people)} người khác nhau ...", flush=True)
        for person in people:
            person["cookies"] = sign_in(server, chosen["login"], person["username"])
        check_pages(server, people)
        print(
            f"Chạy {SECONDS} giây: {CLIENTS} luồng khách, {len(people)} người, {WRITES}% yêu cầu là ghi, "
            f"gunicorn {bench_web.WORKERS} tiến trình; "
            f"báo mỗi {EVERY} giây.",
            flush=True,
        )
        traffic = Traffic(server.port, people)
        started = time.monotonic()
        threads = traffic.start()
        samples: list[dict[int, float]] = []
        while (elapsed := time.monotonic() - started) < SECONDS:
            time.sleep(min(EVERY, SECONDS - elapsed))
            samples.append(report_line(time.monotonic() - started, traffic, master))
            if server.process.poll() is not None:
                print("gunicorn đã dừng giữa chừng")
                return 1
        traffic.stop.set()
        for thread in threads:
            thread.join(timeout=90)
        summary(traffic, samples, time.monotonic() - started)
    finally:
        server.stop()
    return 0


def summary(traffic: Traffic, samples: list[dict[int, float]], elapsed: float) -> None:
    total = traffic.reads + traffic.writes
    print()
    print(
        f"Kết quả: {total} yêu cầu trong {elapsed:.0f} giây ({total / max(elapsed, 1):.1f}/giây), "
        f"{traffic.writes} lần ghi, {sum(traffic.errors.values())} lỗi"
        + (
            f" ({', '.join(f'{kind}: {n}' for kind, n in traffic.errors.most_common())})"
            if traffic.errors
            else ""
        )
    )
    if not samples:
        return
    first, last = samples[0], samples[-1]
    for pid in sorted(set(first) | set(last)):
        if pid in first and pid in last:
            peak = max(sample.get(pid, 0) for sample in samples)
            print(
                f"  tiến trình {pid}: {first[pid]:.1f} MB lúc báo đầu → {last[pid]:.1f} MB lúc cuối "
                f"(cao nhất {peak:.1f} MB, tăng {last[pid] - first[pid]:+.1f} MB)"
            )
        else:
            print(f"  tiến trình {pid}: không có mặt suốt lượt chạy (được thay thế)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--choose-people"]:
        choose_people_here()
        sys.exit(0)
    sys.exit(main())
