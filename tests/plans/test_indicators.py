"""The figures the plans area measures for the yearly evaluation: tasks done
by their due date, tasks overdue, and the implementing plan issued by the
province's date."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.indicators import Kind, all_indicators, get_indicator
from danvan.core.models import Agency
from danvan.plans import indicators, services
from danvan.plans.models import Plan, Task
from tests.factories import AgencyFactory, ProvinceFactory, UnitFactory


def _plan(agency, by, **fields):
    values = {
        "title": "Kế hoạch công tác dân vận chính quyền năm 2025",
        "period_year": 2025,
        "status": Plan.Status.ISSUED,
        "number": "03",
        "symbol": f"KH-{agency.symbol_code}",
        "issue_date": date(2025, 1, 10),
    }
    values.update(fields)
    return Plan.objects.create(agency=agency, created_by=by, **values)


def _task(plan, unit, heading, **fields):
    return Task.objects.create(plan=plan, lead_unit=unit, heading=heading, order=plan.tasks.count(), **fields)


def _done(task, on, by):
    """Done as the staff report it: the task takes the reported day as its day of completion."""
    services.post_task_update(
        task=task, status=Task.Status.DONE, percent=100, note="Đã thực hiện xong", reported_on=on, by=by
    )


@pytest.fixture
def year_tasks(agency, other_agency, other_unit, lead_unit, office_officer, unit_officer):
    """The 2025 plan, closed since its year ended, with tasks on time, late,
    not done, cancelled, done with no date and with no due date; beside it
    tasks that fall outside 2025 or outside the agency."""
    plan = _plan(agency, office_officer, status=Plan.Status.CLOSED)
    on_time = _task(plan, lead_unit, "Quán triệt Chỉ thị 33/CT-TTg", due_date=date(2025, 3, 15))
    _done(on_time, date(2025, 3, 14), unit_officer)
    on_the_day = _task(plan, lead_unit, "Tổ chức hội nghị dân vận khéo", due_date=date(2025, 6, 30))
    _done(on_the_day, date(2025, 6, 30), unit_officer)
    late = _task(plan, lead_unit, "Xây dựng mô hình Dân vận khéo", due_date=date(2025, 9, 30))
    _done(late, date(2025, 10, 2), unit_officer)
    last_day = _task(
        plan,
        lead_unit,
        "Sơ kết công tác dân vận năm 2025",
        due_date=date(2025, 12, 31),
        status=Task.Status.OVERDUE,
    )
    _task(plan, lead_unit, "Khảo sát sự hài lòng", due_date=date(2025, 11, 1), status=Task.Status.CANCELLED)
    undated = _task(
        plan,
        lead_unit,
        "Tập huấn kỹ năng dân vận",
        due_date=date(2025, 5, 1),
        status=Task.Status.DONE,
        percent=100,
    )
    _task(plan, lead_unit, "Tuyên truyền thường xuyên", timing="Thường xuyên")
    _task(
        plan,
        lead_unit,
        "Tổng kết năm 2024",
        due_date=date(2024, 12, 31),
        status=Task.Status.DONE,
        completed_on=date(2024, 12, 30),
    )

    next_year = _plan(agency, office_officer, title="Kế hoạch năm 2026", period_year=2026, number="05")
    new_year = _task(next_year, lead_unit, "Triển khai kế hoạch năm 2026", due_date=date(2026, 1, 1))
    draft = _plan(agency, office_officer, status=Plan.Status.DRAFT, number="", issue_date=None)
    _task(draft, lead_unit, "Nhiệm vụ của dự thảo", due_date=date(2025, 4, 1))
    theirs = _plan(other_agency, office_officer)
    _task(
        theirs,
        other_unit,
        "Nhiệm vụ của Sở Tài chính",
        due_date=date(2025, 4, 1),
        status=Task.Status.DONE,
        completed_on=date(2025, 3, 1),
    )
    return {
        "on_time": on_time,
        "on_the_day": on_the_day,
        "late": late,
        "last_day": last_day,
        "undated": undated,
        "new_year": new_year,
    }


def test_every_plans_indicator_is_registered_once_django_is_set_up():
    codes = {found.code: found.kind for found in all_indicators()}
    assert codes["plans.tasks_on_time"] == Kind.RATIO
    assert codes["plans.tasks_overdue"] == Kind.COUNT
    assert codes["plans.implementing_plan_on_time"] == Kind.DONE
    assert get_indicator("plans.tasks_on_time").measure is indicators.tasks_on_time


def test_tasks_on_time_counts_the_agencys_tasks_due_in_the_year(
    agency, year_tasks, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the tasks with their plan's number and title
        figure = indicators.tasks_on_time(agency, 2025)

    # On time: done the day before and done on the day. Not: done late, not
    # done by 31/12, done with no date. Left out: cancelled, no due date, due
    # 31/12/2024 or 01/01/2026, a draft's, another agency's.
    assert (figure.numerator, figure.denominator) == (Decimal(2), Decimal(5))
    assert figure.percent == Decimal(40)
    assert [line.label for line in figure.lines] == [
        "Quán triệt Chỉ thị 33/CT-TTg",
        "Tập huấn kỹ năng dân vận",
        "Tổ chức hội nghị dân vận khéo",
        "Xây dựng mô hình Dân vận khéo",
        "Sơ kết công tác dân vận năm 2025",
    ]
    assert [line.counts for line in figure.lines] == [True, False, True, False, False]
    first = figure.lines[0]
    assert first.url == reverse("plans:task_detail", args=[year_tasks["on_time"].pk])
    assert first.detail == "Kế hoạch số 03/KH-SKHCN – Hạn 15/03/2025 – hoàn thành 14/03/2025"
    assert figure.lines[1].detail == (
        "Kế hoạch số 03/KH-SKHCN – Hạn 01/05/2025 – hoàn thành, không ghi ngày hoàn thành"
    )
    assert figure.lines[4].detail == "Kế hoạch số 03/KH-SKHCN – Hạn 31/12/2025 – chưa hoàn thành"
    assert "2025" in figure.note


def test_the_task_due_on_the_first_of_january_counts_in_its_own_year(agency, year_tasks):
    figure = indicators.tasks_on_time(agency, 2026)

    assert (figure.numerator, figure.denominator) == (Decimal(0), Decimal(1))
    assert figure.lines[0].url == reverse("plans:task_detail", args=[year_tasks["new_year"].pk])


def test_tasks_overdue_are_those_done_late_or_not_done_past_their_date(
    agency, year_tasks, django_assert_num_queries
):
    with django_assert_num_queries(1):
        figure = indicators.tasks_overdue(agency, 2025)

    assert figure.numerator == Decimal(2)
    assert figure.denominator is None
    assert [(line.label, line.detail) for line in figure.lines] == [
        ("Xây dựng mô hình Dân vận khéo", "Kế hoạch số 03/KH-SKHCN – Hạn 30/09/2025 – hoàn thành 02/10/2025"),
        ("Sơ kết công tác dân vận năm 2025", "Kế hoạch số 03/KH-SKHCN – Hạn 31/12/2025 – chưa hoàn thành"),
    ]
    assert all(line.counts for line in figure.lines)


def test_an_open_task_not_yet_due_is_neither_on_time_nor_late(
    monkeypatch, agency, lead_unit, office_officer, unit_officer
):
    monkeypatch.setattr(indicators.timezone, "localdate", lambda *args: date(2026, 6, 30))
    plan = _plan(agency, office_officer, title="Kế hoạch năm 2026", period_year=2026)
    _task(plan, lead_unit, "Quá hạn hôm qua", due_date=date(2026, 6, 29))
    _task(plan, lead_unit, "Đến hạn hôm nay", due_date=date(2026, 6, 30))
    _task(plan, lead_unit, "Còn hạn", due_date=date(2026, 9, 1))
    early = _task(plan, lead_unit, "Xong sớm", due_date=date(2026, 9, 1))
    _done(early, date(2026, 6, 1), unit_officer)

    on_time = indicators.tasks_on_time(agency, 2026)
    overdue = indicators.tasks_overdue(agency, 2026)

    assert (on_time.numerator, on_time.denominator) == (Decimal(1), Decimal(2))
    assert [line.label for line in on_time.lines] == ["Quá hạn hôm qua", "Xong sớm"]
    assert [line.label for line in overdue.lines] == ["Quá hạn hôm qua"]


def test_an_agency_without_tasks_has_a_ratio_over_nothing(agency):
    figure = indicators.tasks_on_time(agency, 2025)

    assert (figure.numerator, figure.denominator, figure.lines) == (Decimal(0), Decimal(0), ())
    assert not figure.measurable
    assert indicators.tasks_overdue(agency, 2025).numerator == Decimal(0)


# --- The implementing plan ------------------------------------------------------------------


@pytest.fixture
def province_committee(province):
    return AgencyFactory(
        province=province,
        name="UBND tỉnh Tây Ninh",
        symbol_code="UBND",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
    )


@pytest.fixture
def provincial_plan(province_committee, office_officer):
    """The province's 2026 plan: agencies issue theirs by 28/02/2026."""
    return _plan(
        province_committee,
        office_officer,
        title="Kế hoạch công tác dân vận chính quyền năm 2026 của tỉnh",
        period_year=2026,
        number="25",
        issue_date=date(2026, 1, 20),
        implementation_due=date(2026, 2, 28),
    )


def _implementing(agency, by, higher, issued, **fields):
    values = {
        "title": "Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        "period_year": 2026,
        "number": "05",
        "issue_date": issued,
        "implements": higher,
    }
    values.update(fields)
    return _plan(agency, by, **values)


def test_the_implementing_plan_issued_by_the_provinces_date_is_done(
    agency, office_officer, provincial_plan, django_assert_num_queries
):
    own = _implementing(agency, office_officer, provincial_plan, date(2026, 2, 28))

    with django_assert_num_queries(2):  # the province's plans asking, the agency's plans answering
        figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(1)
    assert figure.denominator is None
    (line,) = figure.lines
    assert line.label == "Kế hoạch thực hiện công tác dân vận chính quyền năm 2026"
    assert line.url == reverse("plans:plan_detail", args=[own.pk])
    assert line.detail == "Thực hiện Kế hoạch số 25/KH-UBND: hạn 28/02/2026 – ban hành 28/02/2026"
    assert line.counts
    assert "hạn" in figure.note


def test_the_implementing_plan_issued_after_the_provinces_date_is_not_done(
    agency, office_officer, provincial_plan
):
    _implementing(agency, office_officer, provincial_plan, date(2026, 3, 1))

    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(0)
    assert figure.lines[0].detail == "Thực hiện Kế hoạch số 25/KH-UBND: hạn 28/02/2026 – ban hành 01/03/2026"
    assert not figure.lines[0].counts


def test_no_implementing_plan_in_force_is_not_done(agency, other_agency, office_officer, provincial_plan):
    # Another agency answered in time; this one's plan is still with its leader.
    _implementing(other_agency, office_officer, provincial_plan, date(2026, 2, 10))
    _implementing(agency, office_officer, provincial_plan, date(2026, 2, 10), status=Plan.Status.SUBMITTED)

    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(0)
    (line,) = figure.lines
    assert line.label == "Chưa ban hành kế hoạch thực hiện Kế hoạch số 25/KH-UBND"
    assert line.url == reverse("plans:plan_detail", args=[provincial_plan.pk])
    assert line.detail == "Hạn 28/02/2026 – chưa ban hành"
    assert not line.counts
    assert indicators.implementing_plan_on_time(other_agency, 2026).numerator == Decimal(1)


def test_every_yearly_plan_of_the_province_with_a_date_must_be_answered_in_time(
    agency, province, office_officer, provincial_plan
):
    home_affairs = AgencyFactory(province=province, name="Sở Nội vụ", symbol_code="SNV")
    second = _plan(
        home_affairs,
        office_officer,
        title="Kế hoạch thực hiện Quy chế dân chủ năm 2026",
        period_year=2026,
        number="40",
        issue_date=date(2026, 2, 1),
        implementation_due=date(2026, 3, 15),
    )
    _implementing(agency, office_officer, provincial_plan, date(2026, 2, 20))

    assert indicators.implementing_plan_on_time(agency, 2026).numerator == Decimal(0)

    _implementing(agency, office_officer, second, date(2026, 3, 10), title="Kế hoạch về dân chủ", number="07")
    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(1)
    assert [line.label for line in figure.lines] == [
        "Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        "Kế hoạch về dân chủ",
    ]


def test_without_a_date_from_the_province_the_yearly_plan_is_due_on_31_january(
    agency, office_officer, province_committee
):
    # A plan of the province for 2025, or of another province, sets no date for 2026.
    _plan(province_committee, office_officer, number="20", implementation_due=date(2025, 2, 28))
    elsewhere = AgencyFactory(province=ProvinceFactory(code="CTO", name="Cần Thơ"), symbol_code="UBNDCT")
    _plan(elsewhere, office_officer, period_year=2026, number="9", implementation_due=date(2026, 2, 28))

    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(0)
    assert [(line.label, line.url, line.detail) for line in figure.lines] == [
        ("Chưa ban hành kế hoạch năm 2026", "", "Hạn 31/01/2026 – chưa ban hành")
    ]
    assert "31/01/2026" in figure.note

    own = _plan(
        agency, office_officer, title="Kế hoạch năm 2026", period_year=2026, issue_date=date(2026, 1, 31)
    )
    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(1)
    assert figure.lines[0].url == reverse("plans:plan_detail", args=[own.pk])
    assert figure.lines[0].detail == "Hạn 31/01/2026 – ban hành 31/01/2026"


def test_a_yearly_plan_issued_on_the_first_of_february_is_late(agency, office_officer):
    _plan(agency, office_officer, title="Kế hoạch năm 2026", period_year=2026, issue_date=date(2026, 2, 1))
    _plan(
        agency,
        office_officer,
        title="Kế hoạch chuyên đề",
        kind=Plan.Kind.THEMATIC,
        period_year=2026,
        issue_date=date(2026, 1, 5),
    )

    figure = indicators.implementing_plan_on_time(agency, 2026)

    assert figure.numerator == Decimal(0)
    assert figure.lines[0].detail == "Hạn 31/01/2026 – ban hành 01/02/2026"


def test_lines_name_the_unit_tasks_of_the_right_agency_only(agency, other_agency, office_officer):
    unit = UnitFactory(agency=other_agency)
    theirs = _plan(other_agency, office_officer)
    _task(theirs, unit, "Nhiệm vụ của cơ quan khác", due_date=date(2025, 2, 1))

    assert indicators.tasks_overdue(agency, 2025).lines == ()
    assert [line.label for line in indicators.tasks_overdue(other_agency, 2025).lines] == [
        "Nhiệm vụ của cơ quan khác"
    ]
