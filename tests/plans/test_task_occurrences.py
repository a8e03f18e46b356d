"""Recurring tasks: one instance per period, created ahead by the daily
step, reminded and marked overdue each on its own due date, counted on the
dashboard, the landing page and the unit's report of the period."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.documents.output.docx import render_plan_docx
from danvan.plans import selectors
from danvan.plans.models import Plan, Task, TaskOccurrence
from danvan.plans.services import (
    add_task,
    approve_plan,
    create_plan,
    create_task_occurrences,
    edit_task,
    mark_overdue_tasks,
    plan_window,
    post_task_update,
    resolve_timing,
    send_task_reminders,
    submit_plan,
)
from danvan.plans.services.imports import ReviewedPlan
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind
from danvan.reports.selectors import unit_period_data
from tests.documents.output.conftest import all_text, open_docx


def _recurring(plan, lead_unit, kind, *, day=None, heading="Báo cáo kết quả công tác dân vận", order=1):
    return Task.objects.create(
        plan=plan,
        order=order,
        heading=heading,
        lead_unit=lead_unit,
        timing_kind=kind,
        timing_day=day,
    )


def _periods(task):
    return list(task.occurrences.order_by("period_start").values_list("label", "due_date"))


@pytest.fixture
def monthly(issued_plan, lead_unit):
    Plan.objects.filter(pk=issued_plan.pk).update(issue_date=date(2026, 1, 10))
    issued_plan.refresh_from_db()
    return _recurring(issued_plan, lead_unit, Task.TimingKind.MONTHLY_DAY, day=20)


def test_the_daily_step_creates_this_period_and_the_next_once(monthly):
    assert create_task_occurrences(today=date(2026, 10, 5)) == 2
    assert create_task_occurrences(today=date(2026, 10, 5)) == 0
    assert _periods(monthly) == [("Tháng 10/2026", date(2026, 10, 20)), ("Tháng 11/2026", date(2026, 11, 20))]
    # A day later nothing new; a month later only the month after.
    assert create_task_occurrences(today=date(2026, 10, 6)) == 0
    assert create_task_occurrences(today=date(2026, 11, 1)) == 1
    assert TaskOccurrence.objects.count() == 3


def test_a_plan_of_this_year_gets_no_january_and_a_plan_of_next_year_gets_it_ahead(
    monthly, agency, office_officer, lead_unit
):
    create_task_occurrences(today=date(2026, 12, 5))
    # 20/12/2026 is a Sunday: due on the stated date all the same.
    assert _periods(monthly) == [("Tháng 12/2026", date(2026, 12, 20))]
    next_year = Plan.objects.create(
        agency=agency,
        title="Kế hoạch năm 2027",
        period_year=2027,
        status=Plan.Status.ISSUED,
        issue_date=date(2026, 12, 1),
        created_by=office_officer,
    )
    quarterly = _recurring(next_year, lead_unit, Task.TimingKind.QUARTERLY)
    create_task_occurrences(today=date(2026, 12, 5))
    assert _periods(quarterly) == [("Quý I/2027", date(2027, 3, 31))]
    assert plan_window(next_year) == (date(2027, 1, 1), date(2027, 12, 31))


def test_a_plan_with_no_year_recurs_across_the_year_boundary(agency, office_officer, lead_unit):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch chuyên đề",
        kind=Plan.Kind.THEMATIC,
        status=Plan.Status.ISSUED,
        issue_date=date(2026, 5, 4),
        created_by=office_officer,
    )
    half = _recurring(plan, lead_unit, Task.TimingKind.HALF_YEARLY)
    yearly = _recurring(plan, lead_unit, Task.TimingKind.YEARLY, order=2)
    create_task_occurrences(today=date(2026, 12, 30))
    assert _periods(half) == [
        ("6 tháng cuối năm 2026", date(2026, 12, 31)),
        ("6 tháng đầu năm 2027", date(2027, 6, 30)),
    ]
    assert _periods(yearly) == [("Năm 2026", date(2026, 12, 31)), ("Năm 2027", date(2027, 12, 31))]


def test_a_period_due_before_the_plan_was_issued_is_not_asked(issued_plan, lead_unit):
    Plan.objects.filter(pk=issued_plan.pk).update(issue_date=date(2026, 3, 25))
    task = _recurring(Plan.objects.get(pk=issued_plan.pk), lead_unit, Task.TimingKind.MONTHLY_DAY, day=20)
    create_task_occurrences(today=date(2026, 3, 25))
    assert _periods(task) == [("Tháng 04/2026", date(2026, 4, 20))]


def test_done_cancelled_and_draft_tasks_get_no_periods(monthly, draft_plan, lead_unit):
    Task.objects.filter(pk=monthly.pk).update(status=Task.Status.CANCELLED)
    Plan.objects.filter(pk=draft_plan.pk).update(status=Plan.Status.DRAFT)
    assert create_task_occurrences(today=date(2026, 10, 5)) == 0


def test_each_period_is_reminded_before_its_own_due_date_and_marked_overdue_once(
    monthly, unit_head, office_officer
):
    create_task_occurrences(today=date(2026, 10, 5))
    assert send_task_reminders(today=date(2026, 10, 13)) == 1  # 7 days before 20/10
    assert send_task_reminders(today=date(2026, 10, 13)) == 0
    (reminder,) = Notification.objects.filter(recipient=unit_head, key__startswith="task-reminder:")
    assert "kỳ Tháng 10/2026" in reminder.text and "20/10/2026" in reminder.text

    assert mark_overdue_tasks(today=date(2026, 10, 21)) == 1
    assert mark_overdue_tasks(today=date(2026, 10, 22)) == 0
    october, november = monthly.occurrences.order_by("period_start")
    assert (october.status, november.status) == (Task.Status.OVERDUE, Task.Status.NOT_STARTED)
    # The task itself has no single due date and is not overdue.
    monthly.refresh_from_db()
    assert monthly.due_date is None and monthly.status == Task.Status.NOT_STARTED
    told = Notification.objects.filter(recipient=office_officer, key=f"occurrence-overdue:{october.pk}")
    assert told.get().text.startswith("Nhiệm vụ định kỳ quá hạn kỳ Tháng 10/2026 (hạn 20/10/2026)")


def test_an_ongoing_task_has_no_due_date_and_never_goes_overdue(task, draft_plan, lead_unit, office_officer):
    assert task.timing_kind == Task.TimingKind.ONGOING and task.due_date is None
    assert mark_overdue_tasks(today=date(2026, 12, 31)) == 0
    assert create_task_occurrences(today=date(2026, 12, 31)) == 0
    task.refresh_from_db()
    assert task.status == Task.Status.NOT_STARTED


def test_progress_on_a_period_is_that_periods_and_its_own_update(monthly, unit_officer):
    create_task_occurrences(today=date(2026, 10, 5))
    october, november = monthly.occurrences.order_by("period_start")
    update = post_task_update(
        task=monthly,
        occurrence=october,
        status=Task.Status.DONE,
        percent=100,
        note="Đã gửi báo cáo tháng 10",
        reported_on=date(2026, 10, 18),
        by=unit_officer,
    )
    october.refresh_from_db()
    monthly.refresh_from_db()
    assert update.occurrence == october and october.status == Task.Status.DONE
    assert october.completed_on == date(2026, 10, 18)
    assert monthly.status == Task.Status.IN_PROGRESS
    # A done period is not reported again; a period of another task is refused.
    with pytest.raises(DomainError, match="Kỳ này đã hoàn thành"):
        post_task_update(
            task=monthly,
            occurrence=october,
            status=Task.Status.DONE,
            percent=100,
            note="Lần nữa",
            reported_on=date(2026, 10, 19),
            by=unit_officer,
        )
    other = _recurring(monthly.plan, monthly.lead_unit, Task.TimingKind.MONTHLY, order=5)
    with pytest.raises(DomainError, match="không thuộc nhiệm vụ"):
        post_task_update(
            task=other,
            occurrence=november,
            status=Task.Status.IN_PROGRESS,
            percent=10,
            note="Nhầm kỳ",
            reported_on=date(2026, 10, 19),
            by=unit_officer,
        )


def test_the_dashboard_counts_a_recurring_task_by_its_periods(task, monthly, agency, lead_unit):
    create_task_occurrences(today=date(2026, 10, 5))
    mark_overdue_tasks(today=date(2026, 10, 21))
    data = selectors.agency_dashboard(agency, today=date(2026, 11, 10))
    (unit,) = data["by_unit"]
    # The ongoing task, and the monthly task's two periods (one overdue).
    assert (unit["lead_unit__name"], unit["total"], unit["done"], unit["overdue"]) == (
        lead_unit.name,
        3,
        0,
        1,
    )
    assert [(row["pk"], row["heading"], row["due_date"]) for row in data["overdue"]] == [
        (monthly.pk, f"{monthly.heading} (kỳ Tháng 10/2026)", date(2026, 10, 20))
    ]
    assert data["overdue"][0]["total"] == 1
    assert [(row["heading"], row["due_date"]) for row in data["upcoming"]] == [
        (f"{monthly.heading} (kỳ Tháng 11/2026)", date(2026, 11, 20))
    ]


def test_the_unit_head_and_the_assignee_see_the_open_periods_on_their_landing_page(
    monthly, unit_head, unit_officer
):
    Task.objects.filter(pk=monthly.pk).update(assignee=unit_officer)
    create_task_occurrences(today=date(2026, 10, 5))
    for person, key in ((unit_head, "ky-nhiem-vu-don-vi"), (unit_officer, "ky-nhiem-vu-cua-toi")):
        (found,) = [item for item in selectors.todo_lists(person, today=date(2026, 10, 5)) if item.key == key]
        assert [(item.text, item.due) for item in found.items] == [
            (monthly.heading, date(2026, 10, 20)),
            (monthly.heading, date(2026, 11, 20)),
        ]
        assert found.items[0].detail.startswith("Kỳ Tháng 10/2026")


def test_the_units_report_of_a_quarter_lists_its_periods_and_the_ongoing_task(
    task, monthly, province, lead_unit
):
    create_task_occurrences(today=date(2026, 10, 5))
    create_task_occurrences(today=date(2026, 11, 5))
    create_task_occurrences(today=date(2026, 12, 5))
    quarter = report_services.get_or_create_period(
        province=province, kind=PeriodKind.QUARTER, year=2026, number=4
    )
    rows = unit_period_data(lead_unit, quarter)["tasks"]
    periods = [row for row in rows if row["id"] == monthly.pk]
    # One row per period due inside the report's window, with its own due date and status.
    assert periods and all(row["heading"].startswith(f"{monthly.heading} (kỳ Tháng ") for row in periods)
    assert all(quarter.start.isoformat() <= row["due_date"] <= quarter.end.isoformat() for row in periods)
    assert {row["status"] for row in periods} == {Task.Status.NOT_STARTED}
    (ongoing,) = [row for row in rows if row["id"] == task.pk]
    assert ongoing["ongoing"] and ongoing["status_label"] == "Đang thực hiện (thường xuyên)"
    assert ongoing["due_date"] is None


def test_typed_timing_text_gives_the_kind_and_a_choice_wins_over_it(draft_plan, lead_unit, office_officer):
    read = add_task(
        plan=draft_plan,
        heading="Báo cáo",
        lead_unit=lead_unit,
        timing="Trước ngày 20 hằng tháng",
        by=office_officer,
    )
    assert (read.timing_kind, read.timing_day, read.due_date) == (Task.TimingKind.MONTHLY_DAY, 20, None)
    dated = add_task(
        plan=draft_plan, heading="Sơ kết", lead_unit=lead_unit, timing="Trước 30/6/2026", by=office_officer
    )
    assert (dated.timing_kind, dated.due_date) == (Task.TimingKind.DUE_DATE, date(2026, 6, 30))
    chosen = edit_task(
        task=read,
        heading="Báo cáo",
        lead_unit=lead_unit,
        timing="Trước ngày 20 hằng tháng",
        timing_kind=Task.TimingKind.QUARTERLY,
        by=office_officer,
    )
    assert (chosen.timing_kind, chosen.timing_day) == (Task.TimingKind.QUARTERLY, None)
    # A date typed on an ongoing task makes it a task due on that date.
    dated_now = edit_task(
        task=chosen,
        heading="Báo cáo",
        lead_unit=lead_unit,
        timing="",
        timing_kind=Task.TimingKind.ONGOING,
        due_date=date(2026, 9, 30),
        by=office_officer,
    )
    assert (dated_now.timing_kind, dated_now.due_date) == (Task.TimingKind.DUE_DATE, date(2026, 9, 30))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"timing_kind": "monthly_day"}, "ngày đến hạn trong tháng"),
        ({"timing_kind": "after_issue"}, "số ngày làm việc"),
        ({"timing_kind": "monthly", "due_date": date(2026, 6, 30)}, "không có một hạn hoàn thành chung"),
        ({"timing_kind": "quarterly", "due_date": date(2026, 6, 30)}, "không có một hạn hoàn thành chung"),
    ],
)
def test_a_timing_that_lacks_its_parameter_is_refused_and_nothing_is_saved(
    draft_plan, lead_unit, office_officer, fields, message
):
    before = draft_plan.tasks.count()
    with pytest.raises(DomainError, match=message):
        resolve_timing(plan=draft_plan, fields=fields)
    with pytest.raises(DomainError, match=message):
        add_task(plan=draft_plan, heading="Việc", lead_unit=lead_unit, by=office_officer, **fields)
    assert draft_plan.tasks.count() == before


def test_an_imported_plan_reads_each_tasks_timing_kind(agency, office_officer):
    reviewed = ReviewedPlan(
        title="Kế hoạch năm 2026",
        kind=Plan.Kind.YEARLY,
        period_year=2026,
        tasks=[
            {"heading": "Báo cáo quý", "lead_text": "Văn phòng", "timing": "Định kỳ hằng quý"},
            {"heading": "Báo cáo tháng", "lead_text": "Văn phòng", "timing": "truoc ngay 25 hang thang"},
            {
                "heading": "Triển khai",
                "lead_text": "Văn phòng",
                "timing": "05 ngày làm việc sau khi ban hành",
            },
            {"heading": "Sơ kết", "lead_text": "Văn phòng", "timing": "Quý II năm 2026"},
            {"heading": "Cũ", "lead_text": "Văn phòng", "timing": "Trước 30/6/2025"},
        ],
    )
    plan = create_plan(agency=agency, reviewed=reviewed, by=office_officer)
    kinds = list(
        plan.tasks.order_by("order").values_list("timing_kind", "timing_day", "due_working_days", "due_date")
    )
    assert kinds == [
        ("quarterly", None, None, None),
        ("monthly_day", 25, None, None),
        ("after_issue", None, 5, None),
        ("due_date", None, None, date(2026, 6, 30)),
        # A date before the plan's year is not taken as its due date.
        ("due_date", None, None, None),
    ]


def test_the_task_form_chooses_monthly_and_the_issued_plan_shows_its_periods(
    client, draft_plan, lead_unit, office_officer, agency_head, unit_head
):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:task_add", args=[draft_plan.pk]),
        {"heading": "Báo cáo kết quả hằng tháng", "lead_unit": lead_unit.pk, "timing_kind": "monthly"},
    )
    assert response.status_code == 302, response.content.decode()[:800]
    task = draft_plan.tasks.get(heading="Báo cáo kết quả hằng tháng")
    assert task.timing_kind == Task.TimingKind.MONTHLY and task.timing == ""
    # The plan page and the Word file say it in words.
    page = client.get(reverse("plans:plan_detail", args=[draft_plan.pk])).content.decode()
    assert "Hằng tháng" in page
    assert "- Thời gian thực hiện: Hằng tháng" in all_text(open_docx(render_plan_docx(draft_plan)))
    # The edit form opens on the chosen kind.
    form = client.get(reverse("plans:task_edit", args=[task.pk])).content.decode()
    assert '<option value="monthly" selected>' in form

    submit_plan(plan=draft_plan, by=office_officer)
    approve_plan(plan=draft_plan, by=agency_head)
    assert task.occurrences.count() >= 1
    client.force_login(unit_head)
    body = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    first = task.occurrences.order_by("period_start").first()
    assert "Các kỳ thực hiện" in body and first.label in body and f"{first.due_date:%d/%m/%Y}" in body
    # The task board says how it recurs where a dated task shows its date.
    board = client.get(reverse("plans:task_list")).content.decode()
    assert "Báo cáo kết quả hằng tháng" in board and "<td>Hằng tháng</td>" in board


def test_the_task_form_refuses_a_monthly_day_without_its_day(client, draft_plan, lead_unit, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:task_add", args=[draft_plan.pk]),
        {"heading": "Báo cáo", "lead_unit": lead_unit.pk, "timing_kind": "monthly_day"},
    )
    assert response.status_code == 422
    assert "Hãy ghi ngày đến hạn trong tháng" in response.content.decode()
    assert not draft_plan.tasks.filter(heading="Báo cáo").exists()


def test_progress_is_reported_on_a_period_from_the_task_page(client, monthly, unit_officer):
    Task.objects.filter(pk=monthly.pk).update(assignee=unit_officer)
    create_task_occurrences(today=date(2026, 10, 5))
    october = monthly.occurrences.order_by("period_start").first()
    client.force_login(unit_officer)
    data = {"status": "in_progress", "percent": 50, "note": "Đang tổng hợp", "reported_on": "15/10/2026"}
    missing = client.post(reverse("plans:task_update", args=[monthly.pk]), data)
    assert missing.status_code == 422  # which period is asked
    response = client.post(
        reverse("plans:task_update", args=[monthly.pk]), {**data, "occurrence": october.pk}
    )
    assert response.status_code == 302
    october.refresh_from_db()
    assert (october.status, october.percent) == (Task.Status.IN_PROGRESS, 50)
