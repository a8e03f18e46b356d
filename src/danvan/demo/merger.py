"""The demo's 2025 merger: Sở Kế hoạch và Đầu tư merged into Sở Tài chính
from 01/07/2025 (Nghị quyết 190/2025/QH15 and the province's decision). Its
2024 report stays with it under its own name; its 2025 plan, still under way,
and the open tasks of its units go to Sở Tài chính, applied as an
administrator would apply the decision."""

from datetime import UTC, date, datetime

from danvan.core import organisation
from danvan.core.models import Agency, OrganisationChange, Province, User
from danvan.plans.models import Plan, Task
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, Report

DECISION = "Quyết định số 1412/QĐ-UBND ngày 30/6/2025 của UBND tỉnh Tây Ninh"
PLAN_TITLE = (
    "Kế hoạch thực hiện Quy chế dân chủ trong hoạt động của Sở Kế hoạch và Đầu tư giai đoạn 2025 - 2026"
)
REPORT_TITLE = "Báo cáo kết quả công tác dân vận chính quyền năm 2024"


def load_demo_merger(*, province: Province, agencies: dict[str, Agency], units: dict) -> int:
    if OrganisationChange.objects.filter(decision=DECISION).exists():
        return 0
    planning, finance = agencies["SKHĐT"], agencies["STC"]
    admin = User.objects.get(username="quantri")
    reviewer = User.objects.get(username="snv.theodoi")
    period = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2024)
    request = report_services.request_agency_reports(
        province=province,
        period=period,
        title=REPORT_TITLE,
        due_date=date(2024, 11, 15),
        agencies=[planning],
        recipient="Sở Nội vụ",
        by=reviewer,
    )
    Report.objects.filter(request=request).update(
        status=Report.Status.APPROVED,
        results="Quán triệt Chỉ thị 33/CT-TTg cho 46/46 công chức; tổ chức 02 hội nghị đối thoại với doanh nghiệp.",
        issue_date=date(2024, 11, 12),
        first_sent_at=datetime(2024, 11, 12, 9, tzinfo=UTC),
    )
    plan = Plan.objects.create(
        agency=planning,
        title=PLAN_TITLE,
        kind=Plan.Kind.THEMATIC,
        status=Plan.Status.ISSUED,
        number="12",
        symbol="KH-SKHĐT",
        issue_date=date(2025, 2, 10),
        created_by=admin,
    )
    for order, (heading, unit, due, status) in enumerate(
        [
            (
                "Quán triệt Luật Thực hiện dân chủ ở cơ sở cho công chức",
                "VP",
                date(2025, 3, 31),
                Task.Status.DONE,
            ),
            ("Đối thoại với doanh nghiệp về thủ tục đăng ký kinh doanh", "DKKD", date(2026, 12, 15), None),
            ("Rà soát, công khai quy trình thẩm định dự án đầu tư", "TDGSDT", date(2027, 3, 31), None),
        ]
    ):
        Task.objects.create(
            plan=plan,
            order=order,
            heading=heading,
            lead_unit=units[("SKHĐT", unit)],
            due_date=due,
            status=status or Task.Status.IN_PROGRESS,
            percent=100 if status else 40,
        )
    change = organisation.draft_change(
        kind=OrganisationChange.Kind.MERGE,
        level=OrganisationChange.Level.AGENCY,
        effective_on=date(2025, 7, 1),
        decision=DECISION,
        note="Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính.",
        before=[planning],
        after=[finance],
        by=admin,
    )
    preview = organisation.preview_change(change)
    organisation.apply_change(change=change, confirmed=[move.person.pk for move in preview.people], by=admin)
    planning.refresh_from_db()
    return 1
