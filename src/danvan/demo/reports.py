"""Demo reporting for the demo province: the six-month round of 2026 done
(one unit late, one agency late), and the yearly round asked and open, so a
newcomer sees both a filled province table and reports to write."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from danvan.core.models import Agency, Province, Unit, User
from danvan.core.selectors import agency_office, unit_heads
from danvan.reports import services
from danvan.reports.models import PeriodKind, Report, ReportRequest

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
HALF_TITLE = "Báo cáo kết quả công tác dân vận chính quyền 6 tháng đầu năm 2026"
YEAR_TITLE = "Báo cáo kết quả công tác dân vận chính quyền năm 2026"
UNIT_TEXTS = {
    "CCTDC": (
        "Tổ chức 02 hội nghị quán triệt Chỉ thị 33/CT-TTg cho 45 công chức, viên chức; "
        "100% hồ sơ thủ tục hành chính giải quyết đúng hạn.",
        "Một số nhiệm vụ triển khai còn chậm do thiếu nhân lực.",
        "Tiếp tục xây dựng mô hình Dân vận khéo trong lĩnh vực tiêu chuẩn, đo lường.",
    ),
    "TTKHCN": (
        "Tổ chức 01 buổi đối thoại với doanh nghiệp khoa học và công nghệ; tiếp nhận 12 ý kiến, đã trả lời 12.",
        "Báo cáo gửi chậm so với thời hạn.",
        "Duy trì đối thoại định kỳ với doanh nghiệp.",
    ),
}


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=HCM)


def load_demo_reports(*, province: Province, agencies: dict[str, Agency], units: dict) -> int:
    if ReportRequest.objects.filter(province=province, title=HALF_TITLE).exists():
        return 0
    reviewer = User.objects.get(username="snv.theodoi")
    office = User.objects.get(username="skhcn.vanphong")
    leader = User.objects.get(username="skhcn.lanhdao")
    departments = [agency for code, agency in agencies.items() if code != "UBND" and agency.valid_to is None]
    skhcn = agencies["SKHCN"]
    reporting_units = [units[("SKHCN", "CCTDC")], units[("SKHCN", "TTKHCN")], units[("SKHCN", "QLKH")]]

    half = services.get_or_create_period(province=province, kind=PeriodKind.HALF, year=2026)
    upward = services.request_agency_reports(
        province=province,
        period=half,
        title=HALF_TITLE,
        due_date=date(2026, 6, 25),
        agencies=departments,
        recipient="Sở Nội vụ",
        by=reviewer,
    )
    downward = services.request_unit_reports(
        agency=skhcn,
        period=half,
        title=HALF_TITLE,
        due_date=date(2026, 6, 20),
        units=reporting_units,
        parent=upward,
        by=office,
    )
    for unit_code, sent_on in (("CCTDC", date(2026, 6, 18)), ("TTKHCN", date(2026, 6, 23))):
        report = downward.reports.get(unit__code=unit_code)
        head = _unit_writer(report.unit)
        results, shortcomings, next_tasks = UNIT_TEXTS[unit_code]
        sections = {"results": results, "shortcomings": shortcomings, "next_tasks": next_tasks}
        services.save_report(report=report, sections=sections, base_revision=0, by=head)
        services.submit_report(report=report, by=head, today=sent_on)
        Report.objects.filter(pk=report.pk).update(first_sent_at=_at(sent_on), sent_at=_at(sent_on))
    report = services.compose_agency_report(unit_request=downward, by=office, today=date(2026, 6, 24))
    report = services.submit_report(report=report, by=office, today=date(2026, 6, 24))
    # One unit has not reported: the leader approves knowingly, and it is recorded.
    report = services.approve_report(report=report, by=leader, today=date(2026, 6, 24), despite_missing=True)
    Report.objects.filter(pk=report.pk).update(
        first_sent_at=_at(date(2026, 6, 24)), sent_at=_at(date(2026, 6, 24))
    )

    year = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026)
    upward = services.request_agency_reports(
        province=province,
        period=year,
        title=YEAR_TITLE,
        due_date=date(2026, 12, 18),
        agencies=departments,
        recipient="Sở Nội vụ",
        by=reviewer,
    )
    services.request_unit_reports(
        agency=skhcn,
        period=year,
        title=YEAR_TITLE,
        due_date=date(2026, 12, 16),
        units=reporting_units,
        parent=upward,
        by=office,
    )
    return 4


def _unit_writer(unit: Unit) -> User:
    """The unit's head where the demo has one, else the agency's office."""
    heads = unit_heads(unit)
    return heads[0] if heads else agency_office(unit.agency)[0]
