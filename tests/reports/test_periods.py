"""Data cut-off windows of Nghị định 09/2019/NĐ-CP Điều 12 and a province's own."""

from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.reports import services
from danvan.reports.models import PeriodKind, ReportingPeriod
from danvan.reports.periods import (
    PeriodError,
    cut_off_before,
    cut_off_window,
    period_due_by,
    period_label,
    window_before_due,
)


@pytest.mark.parametrize(
    ("kind", "number", "start", "end"),
    [
        (PeriodKind.QUARTER, 1, date(2025, 12, 15), date(2026, 3, 14)),
        (PeriodKind.QUARTER, 2, date(2026, 3, 15), date(2026, 6, 14)),
        (PeriodKind.QUARTER, 3, date(2026, 6, 15), date(2026, 9, 14)),
        (PeriodKind.QUARTER, 4, date(2026, 9, 15), date(2026, 12, 14)),
        (PeriodKind.HALF, 0, date(2025, 12, 15), date(2026, 6, 14)),
        (PeriodKind.NINE_MONTHS, 0, date(2025, 12, 15), date(2026, 9, 14)),
        (PeriodKind.YEAR, 0, date(2025, 12, 15), date(2026, 12, 14)),
        (PeriodKind.MONTH, 1, date(2025, 12, 15), date(2026, 1, 14)),
        (PeriodKind.MONTH, 7, date(2026, 6, 15), date(2026, 7, 14)),
    ],
)
def test_national_cut_off_windows(kind, number, start, end):
    assert cut_off_window(kind, 2026, number) == (start, end)


def test_calendar_periods_when_the_cut_off_day_is_zero():
    assert cut_off_window(PeriodKind.QUARTER, 2028, 1, cut_off_day=0) == (date(2028, 1, 1), date(2028, 3, 31))
    assert cut_off_window(PeriodKind.MONTH, 2028, 2, cut_off_day=0) == (date(2028, 2, 1), date(2028, 2, 29))


@pytest.mark.parametrize(
    ("kind", "number"), [(PeriodKind.QUARTER, 5), (PeriodKind.QUARTER, 0), (PeriodKind.MONTH, 13)]
)
def test_a_period_that_does_not_exist_is_refused(kind, number):
    with pytest.raises(PeriodError):
        cut_off_window(kind, 2026, number)


def test_labels_are_vietnamese():
    assert period_label(PeriodKind.QUARTER, 2026, 3) == "Quý III năm 2026"
    assert period_label(PeriodKind.HALF, 2026, 0) == "6 tháng đầu năm 2026"
    assert period_label(PeriodKind.YEAR, 2026, 0) == "Năm 2026"


def test_get_or_create_period_stores_the_window_with_its_rule(province):
    period = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026)
    assert (period.start, period.end) == (date(2025, 12, 15), date(2026, 12, 14))
    assert "09/2019" in period.rule
    again = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026, number=3)
    assert again.pk == period.pk


def test_get_or_create_period_refuses_a_quarter_five(province):
    with pytest.raises(DomainError, match="Quý"):
        services.get_or_create_period(province=province, kind=PeriodKind.QUARTER, year=2026, number=5)
    assert not ReportingPeriod.objects.exists()


def test_set_cut_off_rule_moves_unrequested_periods_only(
    province, province_officer, agency_request, year_period
):
    untouched = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2027)
    services.set_cut_off_rule(
        province=province,
        kind=PeriodKind.YEAR,
        cut_off_day=0,
        source="QĐ 01/2023/QĐ-UBND",
        by=province_officer,
    )
    untouched.refresh_from_db()
    year_period.refresh_from_db()
    assert (untouched.start, untouched.end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert "01/2023" in untouched.rule
    assert year_period.end == date(2026, 12, 14)  # already asked for: kept
    fresh = services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2030)
    assert fresh.end == date(2030, 12, 31)


def test_set_cut_off_rule_refuses_day_30(province, province_officer):
    with pytest.raises(DomainError):
        services.set_cut_off_rule(
            province=province, kind=PeriodKind.YEAR, cut_off_day=30, source="x", by=province_officer
        )


def test_correct_period_refuses_an_end_before_its_start(year_period, province_officer):
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        services.correct_period(
            period=year_period,
            start=date(2026, 6, 1),
            end=date(2026, 5, 1),
            reason="QĐ số 5",
            by=province_officer,
        )
    year_period.refresh_from_db()
    assert year_period.start == date(2025, 12, 15)


def test_correct_period_sets_the_window_with_its_reason(year_period, province_officer):
    services.correct_period(
        period=year_period,
        start=date(2026, 1, 1),
        end=date(2026, 11, 30),
        reason="Công văn 12/SNV",
        by=province_officer,
    )
    year_period.refresh_from_db()
    assert (year_period.start, year_period.end) == (date(2026, 1, 1), date(2026, 11, 30))
    assert "12/SNV" in year_period.rule


# --- A plan's report due before its period's own cut-off -------------------------------


@pytest.mark.parametrize(
    ("kind", "due", "plan_year", "period", "window"),
    [
        # "báo cáo 6 tháng … trước 25/5": the figures end at 14/05, before the due date.
        (PeriodKind.HALF, date(2027, 5, 25), 2027, (2027, 0), (date(2026, 12, 15), date(2027, 5, 14))),
        # The year's report "trước 10/10": figures to 14/09.
        (PeriodKind.YEAR, date(2027, 10, 10), 2027, (2027, 0), (date(2026, 12, 15), date(2027, 9, 14))),
        # Due after the period closed: the whole period.
        (PeriodKind.HALF, date(2027, 7, 10), 2027, (2027, 0), (date(2026, 12, 15), date(2027, 6, 14))),
        (PeriodKind.YEAR, date(2028, 1, 10), 2027, (2027, 0), (date(2026, 12, 15), date(2027, 12, 14))),
        (PeriodKind.NINE_MONTHS, date(2027, 9, 20), 2027, (2027, 0), (date(2026, 12, 15), date(2027, 9, 14))),
        # Across the year boundary: December's and quarter IV's reports are due in January.
        (PeriodKind.MONTH, date(2028, 1, 5), 2027, (2027, 12), (date(2027, 11, 15), date(2027, 12, 14))),
        (PeriodKind.MONTH, date(2028, 1, 20), 2027, (2028, 1), (date(2027, 12, 15), date(2028, 1, 14))),
        (PeriodKind.QUARTER, date(2028, 1, 10), 2027, (2027, 4), (date(2027, 9, 15), date(2027, 12, 14))),
        (PeriodKind.QUARTER, date(2027, 6, 25), 2027, (2027, 2), (date(2027, 3, 15), date(2027, 6, 14))),
        (PeriodKind.QUARTER, date(2027, 6, 10), 2027, (2027, 1), (date(2026, 12, 15), date(2027, 3, 14))),
        # A six-month report due in early January is of the year before.
        (PeriodKind.HALF, date(2027, 1, 5), 2027, (2026, 0), (date(2025, 12, 15), date(2026, 6, 14))),
    ],
)
def test_a_reports_window_ends_before_its_due_date(kind, due, plan_year, period, window):
    year, number = period_due_by(kind, due, year=plan_year)
    assert (year, number) == period
    start, end, _shortened = window_before_due(kind, year, number, due)
    assert (start, end) == window and end <= due


def test_the_cut_off_before_a_day_with_calendar_periods():
    assert cut_off_before(date(2027, 5, 25)) == date(2027, 5, 14)
    assert cut_off_before(date(2027, 5, 14)) == date(2027, 5, 14)  # the cut-off day itself
    assert cut_off_before(date(2027, 5, 13)) == date(2027, 4, 14)
    assert cut_off_before(date(2027, 1, 10)) == date(2026, 12, 14)
    assert cut_off_before(date(2027, 3, 1), cut_off_day=0) == date(2027, 2, 28)
    assert window_before_due(PeriodKind.HALF, 2027, 0, date(2027, 5, 25), cut_off_day=0) == (
        date(2027, 1, 1),
        date(2027, 4, 30),
        True,
    )


def test_a_due_date_before_any_cut_off_of_the_period_is_refused():
    with pytest.raises(PeriodError):
        window_before_due(PeriodKind.YEAR, 2027, 0, date(2026, 12, 20))


def test_a_request_due_before_the_periods_cut_off_keeps_its_data_before_the_due_date(
    province, agency, province_officer
):
    period = services.get_or_create_period(province=province, kind=PeriodKind.HALF, year=2027)
    request = services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo 6 tháng đầu năm 2027",
        due_date=date(2027, 5, 25),
        agencies=[agency],
        by=province_officer,
    )
    assert (request.data_period.start, request.data_period.end) == (date(2026, 12, 15), date(2027, 5, 14))
    assert "25/05/2027" in request.data_rule and "14/05/2027" in request.data_rule
    # The period itself keeps the window of Nghị định 09/2019.
    period.refresh_from_db()
    assert period.end == date(2027, 6, 14)
    later = services.request_agency_reports(
        province=province,
        period=period,
        title="Báo cáo 6 tháng đầu năm 2027 (bổ sung)",
        due_date=date(2027, 6, 20),
        agencies=[agency],
        by=province_officer,
    )
    assert later.data_end is None and later.data_period.end == date(2027, 6, 14)
