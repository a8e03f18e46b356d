"""The figures the reports area measures for the yearly evaluation: the
agency's reports to the province sent by their due date, and sent with
every section written."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.indicators import Kind, all_indicators
from danvan.reports import indicators, services
from danvan.reports.models import PeriodKind, Report

ALL_SECTIONS = {
    "results": "Tổ chức 02 hội nghị quán triệt cho 120 công chức.",
    "shortcomings": "Một số đơn vị nộp báo cáo chậm.",
    "lessons": "Lãnh đạo trực tiếp chỉ đạo thì việc chạy.",
    "next_tasks": "Tiếp tục đối thoại với doanh nghiệp.",
    "proposals": "Đề nghị tỉnh tổ chức tập huấn.",
}


@pytest.fixture
def ask(province, agency, other_agency, province_officer):
    """The province asks this agency and another for a report due on a day."""

    def asked(title, due, *, year=None):
        period = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=year or due.year)
        request = services.request_agency_reports(
            province=province,
            period=period,
            title=title,
            due_date=due,
            agencies=[agency, other_agency],
            recipient="Sở Nội vụ",
            by=province_officer,
        )
        return request.reports.get(agency=agency), request.reports.get(agency=other_agency)

    return asked


@pytest.fixture
def send(office_officer, agency_head):
    """The office writes and submits, the leader approves and it goes to the
    province; ``at`` is when it went (the first sending)."""

    def sent(report, *, at, sections=ALL_SECTIONS):
        services.save_report(
            report=report, sections=sections, base_revision=report.revision, by=office_officer
        )
        report = services.submit_report(report=report, by=office_officer)
        services.approve_report(report=report, by=agency_head)
        Report.objects.filter(pk=report.pk).update(first_sent_at=at)
        return report

    return sent


@pytest.fixture
def year_reports(ask, send, agency, lead_unit, office_officer, unit_head):
    quarter, theirs = ask("Báo cáo quý I năm 2025", date(2025, 3, 15))
    # 23:30 on the due day, Hà Nội time: on time.
    send(quarter, at="2025-03-15T23:30:00+07:00")
    send(theirs, at="2025-03-01T09:00:00+07:00")
    half, _ = ask("Báo cáo 6 tháng năm 2025", date(2025, 6, 30))
    # 00:30 the next day, Hà Nội time (still 30/06 in UTC): late, and two sections only.
    send(half, at="2025-07-01T00:30:00+07:00", sections={"results": "Kết quả 6 tháng.", "lessons": "  \n "})
    yearly, _ = ask("Báo cáo năm 2025", date(2025, 12, 31))  # never sent
    next_year, _ = ask("Báo cáo quý IV năm 2025", date(2026, 1, 1), year=2025)
    send(next_year, at="2025-12-30T09:00:00+07:00")
    last_year, _ = ask("Báo cáo năm 2024", date(2024, 12, 31))
    send(last_year, at="2024-12-30T09:00:00+07:00")

    # The units' reports to the agency are the agency's own business, not its reports to the province.
    period = services.get_or_create_period(province=agency.province, kind=PeriodKind.YEAR, year=2025)
    unit_request = services.request_unit_reports(
        agency=agency,
        period=period,
        title="Báo cáo của các đơn vị quý I",
        due_date=date(2025, 3, 10),
        units=[lead_unit],
        by=office_officer,
    )
    unit_report = unit_request.reports.get()
    services.save_report(report=unit_report, sections=ALL_SECTIONS, base_revision=0, by=unit_head)
    services.submit_report(report=unit_report, by=unit_head)
    Report.objects.filter(pk=unit_report.pk).update(first_sent_at="2025-03-09T09:00:00+07:00")
    return {"quarter": quarter, "half": half, "yearly": yearly}


def test_every_reports_indicator_is_registered_once_django_is_set_up():
    codes = {found.code: found.kind for found in all_indicators()}
    assert codes["reports.on_time"] == Kind.RATIO
    assert codes["reports.complete"] == Kind.RATIO


def test_on_time_counts_the_agencys_reports_to_the_province_due_in_the_year(
    agency, year_reports, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the reports with their request's title and due date
        figure = indicators.reports_on_time(agency, 2025)

    # Left out: due 01/01/2026 and 31/12/2024, the other agency's, the unit's.
    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(3))
    assert [(line.label, line.detail, line.counts) for line in figure.lines] == [
        ("Báo cáo quý I năm 2025", "Hạn 15/03/2025 – gửi 15/03/2025", True),
        ("Báo cáo 6 tháng năm 2025", "Hạn 30/06/2025 – gửi 01/07/2025", False),
        ("Báo cáo năm 2025", "Hạn 31/12/2025 – chưa gửi", False),
    ]
    assert figure.lines[0].url == reverse("reports:report_detail", args=[year_reports["quarter"].pk])
    assert "2025" in figure.note


def test_the_report_due_on_the_first_of_january_counts_in_its_own_year(agency, year_reports):
    figure = indicators.reports_on_time(agency, 2026)

    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(1))
    assert figure.lines[0].label == "Báo cáo quý IV năm 2025"


def test_a_report_not_sent_and_not_yet_due_is_left_out(monkeypatch, agency, ask, send):
    monkeypatch.setattr(indicators.timezone, "localdate", lambda *args: date(2026, 6, 30))
    ask("Báo cáo năm 2026", date(2026, 12, 10))
    early, _ = ask("Báo cáo chuyên đề năm 2026", date(2026, 11, 30))
    send(early, at="2026-06-01T09:00:00+07:00")
    ask("Báo cáo 6 tháng năm 2026", date(2026, 6, 29))

    figure = indicators.reports_on_time(agency, 2026)

    assert [(line.label, line.counts) for line in figure.lines] == [
        ("Báo cáo 6 tháng năm 2026", False),
        ("Báo cáo chuyên đề năm 2026", True),
    ]


def test_complete_counts_sent_reports_with_every_section_written(
    agency, year_reports, django_assert_num_queries
):
    with django_assert_num_queries(1):
        figure = indicators.reports_complete(agency, 2025)

    # The yearly report was never sent: it is not in the figure.
    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(2))
    assert [(line.label, line.detail, line.counts) for line in figure.lines] == [
        ("Báo cáo quý I năm 2025", "Gửi 15/03/2025 – đủ 5 phần", True),
        (
            "Báo cáo 6 tháng năm 2025",
            "Gửi 01/07/2025 – còn trống: Hạn chế, nguyên nhân; Bài học kinh nghiệm; "
            "Phương hướng, nhiệm vụ kỳ tới; Kiến nghị, đề xuất",
            False,
        ),
    ]
    assert figure.lines[1].url == reverse("reports:report_detail", args=[year_reports["half"].pk])


def test_an_agency_asked_for_nothing_has_ratios_over_nothing(other_agency, agency, year_reports):
    # The other agency was asked too (and sent the first quarter's on time).
    theirs = indicators.reports_on_time(other_agency, 2025)
    assert (theirs.numerator, theirs.denominator) == (Decimal(1), Decimal(3))

    nothing = indicators.reports_complete(agency, 2023)
    assert (nothing.numerator, nothing.denominator, nothing.measurable) == (Decimal(0), Decimal(0), False)
