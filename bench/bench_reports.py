"""Reporting on the province-sized data set: composing and rendering an
agency's yearly report from its units' reports, and the province reviewer's
table of every agency × indicators under load.

Run: .venv/bin/python bench/bench_reports.py   (part of `make bench`)

Uses the data set bench_web.py builds and caches (a copy of it for SQLite; a
throwaway PostgreSQL cluster loaded from its dump). On it, a child process
opens a yearly reporting round: the province asks every agency, three
agencies ask their units, every unit writes (pre-filled from the year's
progress) and submits, and the office composes the agency report, which is
sent, approved and rendered to Word and Excel — those steps are timed. Every
other agency sends its report too, so the province table is full. Then
gunicorn serves it and wrk loads the table at 1 and 20 clients.

Targets (issue: reporting): an agency's report composed and rendered in under
2 s; the province table p95 under 300 ms at 20 clients on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_web as web  # noqa: E402

ROOT = web.ROOT
SRC = web.SRC
REVIEWER = "bench.tinh"
COMPOSED_AGENCIES = 3
TARGET_REPORT_SECONDS = 2.0
TARGET_TABLE_P95_MS = 300


def prepare_here() -> None:
    """Child mode: open the reporting round, time the agency reports, print JSON."""
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.db.models import Count, Max
    from django.urls import reverse

    from danvan.core.models import Agency, Province, Role, RoleAssignment, Unit, User
    from danvan.documents.output.report import render_report_docx, report_annex_xlsx
    from danvan.plans.models import Plan, Task
    from danvan.reports import services
    from danvan.reports.models import PeriodKind, Report

    province = Province.objects.get()
    year = Plan.objects.aggregate(last=Max("period_year"))["last"]
    reviewer, _made = User.objects.get_or_create(
        username=REVIEWER, defaults={"full_name": "Người theo dõi của tỉnh", "agency": None}
    )
    reviewer.set_password(web.PASSWORD)
    reviewer.save(update_fields=["password"])
    RoleAssignment.objects.get_or_create(user=reviewer, role=Role.PROVINCE_REVIEWER, province=province)
    period = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=year)
    agencies = list(Agency.objects.active().filter(province=province).order_by("pk"))
    upward = services.request_agency_reports(
        province=province,
        period=period,
        title=f"Báo cáo kết quả công tác dân vận chính quyền năm {year}",
        due_date=period.end,
        agencies=agencies,
        by=reviewer,
    )
    busiest = (
        Agency.objects.filter(province=province)
        .annotate(tasks=Count("plans__tasks", filter=models_q(year)))
        .order_by("-tasks")
    )
    timings, sizes = [], []
    for agency in busiest:
        office = User.objects.filter(
            role_assignments__role=Role.AGENCY_OFFICE, role_assignments__agency=agency
        ).first()
        leader = User.objects.filter(
            role_assignments__role=Role.AGENCY_LEADER, role_assignments__agency=agency
        ).first()
        if office is None or leader is None:
            continue
        if len(timings) == COMPOSED_AGENCIES:
            break
        units = list(
            Unit.objects.filter(agency=agency, is_active=True).exclude(
                kind__in=[Unit.Kind.LEADERSHIP, Unit.Kind.OFFICE]
            )
        )
        downward = services.request_unit_reports(
            agency=agency,
            period=period,
            title=upward.title,
            due_date=period.end,
            units=units,
            parent=upward,
            by=office,
        )
        for report in downward.reports.select_related("unit"):
            report = services.start_report(report=report, by=office)
            if not report.results:
                report = services.save_report(
                    report=report,
                    sections={"results": "Không có nhiệm vụ chủ trì trong kỳ."},
                    base_revision=report.revision,
                    by=office,
                )
            services.submit_report(report=report, by=office)
        started = time.perf_counter()
        composed = services.compose_agency_report(unit_request=downward, by=office)
        composed = services.submit_report(report=composed, by=office)
        composed = services.approve_report(report=composed, by=leader)
        word = render_report_docx(composed)
        annex = report_annex_xlsx(composed)
        timings.append(time.perf_counter() - started)
        tasks = Task.objects.filter(plan__agency=agency, plan__period_year=year).count()
        sizes.append(
            {
                "agency": agency.name,
                "units": len(units),
                "tasks": tasks,
                "docx_kb": len(word) // 1024,
                "xlsx_kb": len(annex) // 1024,
            }
        )
    for report in Report.objects.filter(request=upward, status=Report.Status.PENDING).select_related(
        "agency"
    ):
        office = User.objects.filter(
            role_assignments__role=Role.AGENCY_OFFICE, role_assignments__agency=report.agency
        ).first()
        leader = User.objects.filter(
            role_assignments__role=Role.AGENCY_LEADER, role_assignments__agency=report.agency
        ).first()
        if office is None or leader is None:
            continue
        report = services.save_report(
            report=report, sections={"results": "Kết quả thực hiện trong năm."}, base_revision=0, by=office
        )
        report = services.submit_report(report=report, by=office)
        services.approve_report(report=report, by=leader)
    result = {
        "timings": timings,
        "sizes": sizes,
        "agencies": len(agencies),
        "table": reverse("reports:province_table", args=[province.pk]) + f"?period={period.pk}",
        "login": reverse("login"),
    }
    print(json.dumps(result))


def models_q(year: int):
    from django.db.models import Q

    return Q(plans__period_year=year)


def prepare(database_url: str) -> dict:
    env = {**os.environ, "DANVAN_DATABASE_URL": database_url, "DANVAN_DEBUG": "False"}
    output = subprocess.run(
        [sys.executable, __file__, "--prepare"], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def bench_engine(engine: str, database_url: str, rows: list[dict]) -> None:
    started = time.perf_counter()
    setup = prepare(database_url)
    print(
        f"  {engine}: mở kỳ báo cáo năm cho {setup['agencies']} cơ quan trong {time.perf_counter() - started:.0f} giây"
    )
    for size, seconds in zip(setup["sizes"], setup["timings"], strict=True):
        print(
            f"  {engine}: tổng hợp, gửi, duyệt và in báo cáo {size['agency']} ({size['units']} đơn vị, "
            f"{size['tasks']} nhiệm vụ trong năm; Word {size['docx_kb']} KB, Excel {size['xlsx_kb']} KB): {seconds:.2f} giây"
        )
    rows.append(
        {
            "engine": engine,
            "kind": "report",
            "seconds": max(setup["timings"]),
            "median": statistics.median(setup["timings"]),
        }
    )
    web.OFFICE_USERNAME = REVIEWER
    server = web.Server(database_url)
    try:
        cookie = web.sign_in(server, setup["login"])
        web.check_page(server, setup["table"], cookie)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(web.WRK_SCRIPT)
        wrk = shutil.which("wrk")
        for clients in web.CONCURRENCY:
            if wrk:
                figures = web.load_wrk(wrk, server.url(setup["table"]), cookie, clients, Path(script.name))
            else:
                figures = web.load_python(server.port, setup["table"], cookie, clients)
            rows.append({"engine": engine, "kind": "table", "clients": clients, **figures})
            print(
                f"  {engine:<10} bảng tổng hợp tỉnh {clients:>2} khách: {figures['rps']:7.1f} yêu cầu/giây, "
                f"p50 {figures['p50']:7.1f} ms, p95 {figures['p95']:7.1f} ms, lỗi {figures['errors']}"
            )
        os.unlink(script.name)
    finally:
        server.stop()


def main() -> int:
    rows: list[dict] = []
    cached, _seconds = web.sqlite_database()
    with tempfile.TemporaryDirectory(prefix="danvan-bench-reports-") as work:
        copy = Path(work) / "province.sqlite3"
        shutil.copyfile(cached.removeprefix("sqlite:///"), copy)
        bench_engine("SQLite", f"sqlite:///{copy}", rows)
    postgres = web.Postgres()
    if postgres.bindir is None:
        print("CHÚ Ý: không tìm thấy PostgreSQL (initdb). BỎ QUA phần đo trên PostgreSQL.")
        if os.environ.get("CI") == "true":
            return 1
    else:
        try:
            postgres.start()
            postgres.load()
            bench_engine("PostgreSQL", postgres.url, rows)
        finally:
            postgres.stop()
    print()
    print(
        f"Kết quả báo cáo ({web.SECONDS} giây mỗi phép đo, gunicorn {web.WORKERS} tiến trình, {os.cpu_count()} lõi):"
    )
    for row in rows:
        if row["kind"] == "report":
            verdict = "đạt" if row["seconds"] < TARGET_REPORT_SECONDS else "CHƯA ĐẠT"
            print(
                f"  {row['engine']:<10} báo cáo cơ quan: chậm nhất {row['seconds']:.2f} giây, trung vị {row['median']:.2f} giây "
                f"(mục tiêu < {TARGET_REPORT_SECONDS:.0f} giây: {verdict})"
            )
        else:
            line = f"  {row['engine']:<10} bảng tỉnh, {row['clients']:>2} khách: {row['rps']:.1f} yêu cầu/giây, p95 {row['p95']:.1f} ms"
            if row["engine"] == "PostgreSQL" and row["clients"] == max(web.CONCURRENCY):
                line += f" (mục tiêu p95 < {TARGET_TABLE_P95_MS} ms: {'đạt' if row['p95'] < TARGET_TABLE_P95_MS else 'CHƯA ĐẠT'})"
            print(line)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        prepare_here()
        sys.exit(0)
    sys.exit(main())
