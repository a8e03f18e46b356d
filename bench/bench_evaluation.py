"""The evaluation's results at province scale: the province's results table for 44 agencies ×
5 years, and computing every registered indicator for every agency of the province for a year.

Run: .venv/bin/python bench/bench_evaluation.py   (part of `make bench`)

Uses the province-sized data set bench_web.py builds and caches (44 agencies, five years of
plans and tasks), on a copy. A child process adds the evaluation: a criteria set built here
(the shape of Cần Thơ's QĐ 2579: two groups of criteria proper, bonus and deduction, one leaf
per scoring method) imported from the workbook ``engine.sheets`` writes and put in use for
the five years and every kind of agency; one assessment per agency and year with a score for
each leaf (``bulk_create``), scored and classified by the engine with the quotas applied,
finalised for the past years and at every stage for the current one; and some petitions for
the year the indicators are measured on.

Then, while a writer process finalises and rescores assessments of every year, the results
page of each year is rendered through Django's test client by several reviewers of the
province in turn: the median, p95 and maximum time of each page and its SQL queries. Last,
every indicator registered in ``danvan.core.indicators`` is computed for every agency of the
province for one year, with the time each indicator takes (none registered: said so).

Environment: DANVAN_BENCH_ROUNDS (default 6) renders of each page by each reviewer.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal as D
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_web as web  # noqa: E402

ROOT = web.ROOT
SRC = web.SRC
ROUNDS = int(os.environ.get("DANVAN_BENCH_ROUNDS", "6"))
REVIEWERS = 4
PETITIONS_PER_AGENCY = 40
TARGET_PAGE_P95_MS = 300


def setup_django() -> None:
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()


# --- The criteria set, built here (bench/ imports nothing from tests/) ----------------------


def criteria_and_rules():
    from danvan.evaluation.engine.model import (
        AllOrNothing,
        Band,
        CapBand,
        Deduction,
        ForceBand,
        Kind,
        NoLeafAtZero,
        PerItem,
        Quota,
        RatioBand,
        RatioBands,
        RatioLinear,
        Rules,
        Steps,
    )
    from danvan.evaluation.engine.validation import Row, build_criteria_set, check_rules

    rows = [
        Row("I", "Tổ chức thực hiện, cụ thể hóa văn bản về dân vận chính quyền", D(10), row=2),
        Row(
            "1",
            "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm",
            D(4),
            "I",
            AllOrNothing(),
            row=3,
        ),
        Row(
            "2",
            "Cụ thể hóa văn bản về thực hiện dân chủ ở cơ sở",
            D(6),
            "I",
            Steps((D(0), D(2), D(4), D(6))),
            row=4,
        ),
        Row("II", "Tham mưu, tổ chức thực hiện công tác dân vận chính quyền", D(90), row=5),
        Row("1", "Quán triệt, báo cáo", D(30), "II", row=6),
        Row(
            "1.1",
            "Tỷ lệ cán bộ, công chức được quán triệt",
            D(15),
            "II/1",
            RatioBands((RatioBand(D(95), D(15)), RatioBand(D(80), D(10)), RatioBand(D(50), D(5)))),
            row=7,
        ),
        Row("1.2", "Báo cáo định kỳ đúng hạn", D(15), "II/1", Deduction(D(5)), row=8),
        Row("2", "Tiếp công dân, đối thoại", D(30), "II", Steps((D(0), D(10), D(20), D(30))), row=9),
        Row("3", "Tỷ lệ hồ sơ thủ tục hành chính đúng hạn", D(30), "II", RatioLinear(D(50), D(100)), row=10),
        Row("III", "Điểm thưởng", D(3), kind=Kind.BONUS, row=11),
        Row("1", "Mô hình “Dân vận khéo” được công nhận", D(2), "III", PerItem(D(1)), row=12),
        Row("2", "Gương điển hình được khen thưởng", D(2), "III", PerItem(D("0.5")), row=13),
        Row("IV", "Điểm trừ", D(3), kind=Kind.PENALTY, row=14),
        Row("1", "Phản ánh đúng bị cấp trên nhắc nhở", D(3), "IV", PerItem(D(1)), row=15),
    ]
    criteria = build_criteria_set(
        "Bộ tiêu chí đánh giá công tác dân vận chính quyền", rows, declared_max=D(100)
    )
    best, good, done, failed = "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"
    rules = Rules(
        bands=(
            Band(best, D(95), (NoLeafAtZero(),)),
            Band(good, D(85), (NoLeafAtZero(),)),
            Band(done, D(75)),
            Band(failed, D(0)),
        ),
        forces=(ForceBand("corruption", failed),),
        caps=(CapBand("leader_reprimanded", good),),
        quotas=(Quota(best, good, D(20)),),
        events={"corruption": "để xảy ra tham nhũng", "leader_reprimanded": "người đứng đầu bị khiển trách"},
        commendation_from=good,
    )
    check_rules(criteria, rules)
    return criteria, rules


def entered_for(criteria, rng: random.Random) -> dict:
    """A plausible self-assessment: most leaves near full points, some weaker."""
    from danvan.evaluation.engine.model import (
        AllOrNothing,
        Deduction,
        Done,
        Occurrences,
        PerItem,
        Ratio,
        RatioBands,
        RatioLinear,
        StepChoice,
        Steps,
    )

    entered = {}
    for node in criteria.leaves():
        method = node.method
        if isinstance(method, AllOrNothing):
            entered[node.key] = Done(rng.random() < 0.93)
        elif isinstance(method, Steps):
            steps = list(method.steps)
            entered[node.key] = StepChoice(
                rng.choice(steps[-2:] if rng.random() < 0.8 else steps), "Đã thực hiện"
            )
        elif isinstance(method, RatioBands | RatioLinear):
            entered[node.key] = Ratio(D(rng.randint(70, 100)), D(100))
        elif isinstance(method, Deduction):
            entered[node.key] = Occurrences(rng.choice([0, 0, 0, 1, 2]))
        elif isinstance(method, PerItem):
            entered[node.key] = Occurrences(rng.choice([0, 1, 2]))
    return entered


def show(entry) -> dict:
    return {"type": type(entry).__name__, **{key: str(value) for key, value in vars(entry).items()}}


# --- Child: build the evaluation data --------------------------------------------------------


def prepare_here() -> None:
    setup_django()
    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from danvan.core.models import Agency, Province, Role, RoleAssignment, User
    from danvan.evaluation import services
    from danvan.evaluation.engine.classification import apply_quotas, classify
    from danvan.evaluation.engine.scoring import score
    from danvan.evaluation.engine.sheets import write_criteria_sheet
    from danvan.evaluation.models import Assessment, CriteriaSet, LeafScore
    from danvan.petitions.models import Petition
    from danvan.plans.models import Plan

    rng = random.Random(2579)
    province = Province.objects.get()
    last_year = Plan.objects.aggregate(last=Max("period_year"))["last"]
    years = list(range(last_year - 4, last_year + 1))
    reviewers = []
    for number in range(1, REVIEWERS + 1):
        person, _made = User.objects.get_or_create(
            username=f"bench.danhgia{number}",
            defaults={"full_name": f"Người thẩm định {number}", "agency": None},
        )
        RoleAssignment.objects.get_or_create(user=person, role=Role.PROVINCE_REVIEWER, province=province)
        reviewers.append(person)
    # The demo's own set and its 2025 round give way to the bench's, for every agency and year.
    Assessment.objects.all().delete()
    CriteriaSet.objects.all().delete()
    criteria, rules = criteria_and_rules()
    started = time.perf_counter()
    details = services.SetDetails(
        document_number="01/QĐ-UBND", years=years, agency_kinds=list(Agency.Kind.values)
    )
    criteria_set = services.import_criteria_set(
        province=province, details=details, data=write_criteria_sheet(criteria, rules), by=reviewers[0]
    )
    criteria_set = services.put_in_use(criteria_set=criteria_set, by=reviewers[0])
    import_seconds = time.perf_counter() - started
    nodes = {node.key: node for node in criteria_set.nodes.all()}
    agencies = list(Agency.objects.active().filter(province=province).order_by("pk"))
    now = timezone.now()
    started = time.perf_counter()
    statuses = list(Assessment.Status.values)
    with transaction.atomic():
        for year in years:
            current = year == last_year
            cards = {}
            for agency in agencies:
                entered = entered_for(criteria, rng)
                cards[agency.pk] = (entered, score(criteria, entered))
            results = apply_quotas(
                rules, [(agency_id, classify(rules, card)) for agency_id, (_entered, card) in cards.items()]
            )
            rows = []
            for agency_id, result in results:
                status = rng.choice(statuses) if current else Assessment.Status.FINAL
                card = cards[agency_id][1]
                final = status == Assessment.Status.FINAL
                reviewed = status not in (Assessment.Status.DRAFT, Assessment.Status.SUBMITTED)
                rows.append(
                    Assessment(
                        criteria_set=criteria_set,
                        agency_id=agency_id,
                        year=year,
                        status=status,
                        self_total=card.total,
                        self_band=result.band or "",
                        reviewed_total=card.total if reviewed else None,
                        final_total=card.total if final else None,
                        final_band=(result.band or "") if final else "",
                        classification={
                            "band": result.band,
                            "reason": result.reason,
                            "score_band": result.score_band,
                            "notes": list(result.notes),
                            "needs_review": result.needs_review,
                            "council_vote": result.council_vote,
                        },
                        opened_by=reviewers[0],
                        submitted_at=now if status != Assessment.Status.DRAFT else None,
                        submitted_late=rng.random() < 0.1 and status != Assessment.Status.DRAFT,
                        finalised_at=now if final else None,
                        finalised_by=reviewers[0] if final else None,
                    )
                )
            made = Assessment.objects.bulk_create(rows, batch_size=500)
            scores = []
            for assessment in made:
                entered, card = cards[assessment.agency_id]
                for key, entry in entered.items():
                    points = card.nodes[key].points
                    scores.append(
                        LeafScore(
                            assessment=assessment,
                            node=nodes[key],
                            entered=show(entry),
                            points=points,
                            reviewed_points=points if assessment.reviewed_total is not None else None,
                            final_points=points if assessment.final_total is not None else None,
                        )
                    )
            LeafScore.objects.bulk_create(scores, batch_size=2000)
        petitions = []
        measured = last_year - 1
        for agency in agencies:
            for number in range(PETITIONS_PER_AGENCY):
                petitions.append(
                    Petition(
                        agency=agency,
                        code=f"BE{measured % 100:02d}{agency.pk:04d}{number:04d}",
                        received_on=timezone.datetime(
                            measured, rng.randint(1, 12), rng.randint(1, 28)
                        ).date(),
                        source=rng.choice(Petition.Source.values),
                        kind=rng.choice([Petition.Kind.COMPLAINT, Petition.Kind.FEEDBACK]),
                        subject=f"Kiến nghị số {number} về thủ tục hành chính",
                        content="Đề nghị xem xét, giải quyết.",
                        status=rng.choice(Petition.Status.values),
                    )
                )
        Petition.objects.bulk_create(petitions, batch_size=2000)
    build_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "province": province.pk,
                "years": years,
                "agencies": len(agencies),
                "assessments": Assessment.objects.count(),
                "leaf_scores": LeafScore.objects.count(),
                "petitions": len(petitions),
                "reviewers": [person.username for person in reviewers],
                "import_seconds": import_seconds,
                "build_seconds": build_seconds,
                "measured_year": measured,
            }
        )
    )


# --- Child: the writer -----------------------------------------------------------------------


def write_here(stop_file: str) -> None:
    """Finalise and rescore assessments of every year until the stop file appears; print the count."""
    setup_django()
    from django.db import OperationalError, transaction
    from django.utils import timezone

    from danvan.evaluation.models import Assessment, LeafScore

    rng = random.Random(7)
    ids = list(Assessment.objects.values_list("pk", flat=True))
    writes = failures = 0
    while not Path(stop_file).exists():
        pk = rng.choice(ids)
        total = D(rng.randint(7000, 10000)) / 100
        try:
            with transaction.atomic():
                Assessment.objects.filter(pk=pk).update(
                    status=Assessment.Status.FINAL,
                    reviewed_total=total,
                    final_total=total,
                    final_band=rng.choice(["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành"]),
                    finalised_at=timezone.now(),
                )
                score = LeafScore.objects.filter(assessment_id=pk).order_by("?").first()
                if score is not None:
                    LeafScore.objects.filter(pk=score.pk).update(final_points=score.points)
            writes += 1
        except OperationalError:
            failures += 1
        time.sleep(0.02)
    print(json.dumps({"writes": writes, "failures": failures}))


# --- Child: the measurements -----------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure_here(setup: dict) -> None:
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from danvan.core.indicators import all_indicators
    from danvan.core.models import Agency, User

    url = reverse("evaluation:results", args=[setup["province"]])
    clients = []
    for username in setup["reviewers"]:
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients.append(client)
    queries = {}
    for year in setup["years"]:
        clients[0].get(url, {"nam": year})
        with CaptureQueriesContext(connection) as context:
            response = clients[0].get(url, {"nam": year})
        assert response.status_code == 200, response.status_code
        assert response.content.decode().count("<tr>") >= setup["agencies"], "the table is not full"
        queries[year] = len(context.captured_queries)

    stop_file = Path(tempfile.mkdtemp(prefix="danvan-bench-eval-")) / "stop"
    writer = subprocess.Popen(  # noqa: S603
        [sys.executable, __file__, "--write", str(stop_file)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    time.sleep(1.0)
    timings: dict[int, list[float]] = {year: [] for year in setup["years"]}
    started = time.perf_counter()
    for _round in range(ROUNDS):
        for client in clients:
            for year in setup["years"]:
                begun = time.perf_counter()
                response = client.get(url, {"nam": year})
                timings[year].append((time.perf_counter() - begun) * 1000)
                assert response.status_code == 200
    elapsed = time.perf_counter() - started
    stop_file.touch()
    written = json.loads(writer.communicate(timeout=60)[0].strip().splitlines()[-1])
    shutil.rmtree(stop_file.parent, ignore_errors=True)

    decision_url = reverse("evaluation:results_decision", args=[setup["province"]])
    begun = time.perf_counter()
    response = clients[0].get(decision_url, {"nam": setup["years"][-2]})
    decision_ms = (time.perf_counter() - begun) * 1000
    assert response.status_code == 200

    agencies = list(Agency.objects.active().filter(province_id=setup["province"]).select_related("province"))
    indicators = []
    for found in all_indicators():
        per_agency = []
        for agency in agencies:
            begun = time.perf_counter()
            found.measure(agency, setup["measured_year"])
            per_agency.append((time.perf_counter() - begun) * 1000)
        indicators.append(
            {
                "code": found.code,
                "name": str(found.name),
                "total_ms": sum(per_agency),
                "median_ms": statistics.median(per_agency),
                "max_ms": max(per_agency),
            }
        )
    print(
        json.dumps(
            {
                "pages": {
                    str(year): {
                        "median": statistics.median(values),
                        "p95": percentile(values, 0.95),
                        "max": max(values),
                        "count": len(values),
                        "queries": queries[year],
                    }
                    for year, values in timings.items()
                },
                "elapsed": elapsed,
                "writer": written,
                "decision_ms": decision_ms,
                "indicators": indicators,
                "indicator_agencies": len(agencies),
            }
        )
    )


# --- Parent ----------------------------------------------------------------------------------


def child(mode: list[str], database_url: str) -> dict:
    env = {
        **os.environ,
        "DANVAN_DATABASE_URL": database_url,
        "DANVAN_DEBUG": "False",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    output = subprocess.run(
        [sys.executable, __file__, *mode], env=env, capture_output=True, text=True, check=False
    )
    if output.returncode:
        sys.stderr.write(output.stderr[-4000:])
        raise RuntimeError(f"{' '.join(mode)} thất bại")
    return json.loads(output.stdout.strip().splitlines()[-1])


def bench_engine(engine: str, database_url: str) -> dict:
    setup = child(["--prepare"], database_url)
    print(
        f"  {engine}: bộ tiêu chí nhập từ tệp Excel và áp dụng trong {setup['import_seconds']:.2f} giây; "
        f"{setup['assessments']} bản đánh giá ({setup['agencies']} cơ quan × {len(setup['years'])} năm "
        f"{setup['years'][0]}–{setup['years'][-1]}), {setup['leaf_scores']} điểm tiêu chí, "
        f"{setup['petitions']} đơn thư năm {setup['measured_year']}: tạo trong {setup['build_seconds']:.1f} giây"
    )
    figures = child(["--measure", json.dumps(setup)], database_url)
    print(
        f"  {engine}: bảng kết quả của tỉnh, {len(setup['reviewers'])} người thẩm định khác nhau × {ROUNDS} lượt "
        f"mỗi năm, trong khi một tiến trình khác ghi ({figures['writer']['writes']} lần công nhận, chấm lại; "
        f"{figures['writer']['failures']} lần ghi bị khóa) — {figures['elapsed']:.1f} giây:"
    )
    for year, page in figures["pages"].items():
        print(
            f"    năm {year}: trung vị {page['median']:6.1f} ms, p95 {page['p95']:6.1f} ms, "
            f"tối đa {page['max']:6.1f} ms, {page['queries']} truy vấn/trang ({page['count']} lần)"
        )
    print(f"  {engine}: dự thảo quyết định (Word) năm {setup['years'][-2]}: {figures['decision_ms']:.0f} ms")
    if not figures["indicators"]:
        print(f"  {engine}: chưa có chỉ số nào được đăng ký (danvan.core.indicators): không có gì để tính.")
    for found in figures["indicators"]:
        print(
            f"  {engine}: chỉ số {found['code']} ({found['name']}) cho {figures['indicator_agencies']} cơ quan, "
            f"năm {setup['measured_year']}: tổng {found['total_ms']:.0f} ms, trung vị {found['median_ms']:.1f} ms, "
            f"chậm nhất {found['max_ms']:.1f} ms"
        )
    if figures["indicators"]:
        total = sum(found["total_ms"] for found in figures["indicators"])
        print(f"  {engine}: mọi chỉ số cho cả tỉnh: {total / 1000:.2f} giây")
    return figures


def main() -> int:
    cached, _seconds = web.sqlite_database()
    results = {}
    with tempfile.TemporaryDirectory(prefix="danvan-bench-evaluation-") as work:
        copy = Path(work) / "province.sqlite3"
        shutil.copyfile(cached.removeprefix("sqlite:///"), copy)
        results["SQLite"] = bench_engine("SQLite", f"sqlite:///{copy}")
    postgres = web.Postgres()
    if postgres.bindir is None:
        print("CHÚ Ý: không tìm thấy PostgreSQL (initdb). BỎ QUA phần đo trên PostgreSQL.")
        if os.environ.get("CI") == "true":
            return 1
    else:
        try:
            postgres.start()
            postgres.load()
            results["PostgreSQL"] = bench_engine("PostgreSQL", postgres.url)
        finally:
            postgres.stop()
    print()
    for engine, figures in results.items():
        worst = max(page["p95"] for page in figures["pages"].values())
        verdict = "đạt" if worst < TARGET_PAGE_P95_MS else "CHƯA ĐẠT"
        print(
            f"Bảng kết quả của tỉnh trên {engine}: p95 chậm nhất {worst:.0f} ms "
            f"(mục tiêu < {TARGET_PAGE_P95_MS} ms: {verdict})"
        )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        prepare_here()
        sys.exit(0)
    if sys.argv[1:2] == ["--write"]:
        write_here(sys.argv[2])
        sys.exit(0)
    if sys.argv[1:2] == ["--measure"]:
        measure_here(json.loads(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
