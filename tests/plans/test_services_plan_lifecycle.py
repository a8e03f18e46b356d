from datetime import date

import pytest
from django.utils import timezone

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.documents.register import next_document_number
from danvan.plans.events import plan_issued
from danvan.plans.models import Plan
from danvan.plans.services import (
    approve_plan,
    close_finished_plans,
    close_plan,
    copy_plan,
    return_plan,
    submit_plan,
)


def test_submit_plan_tells_the_leader(
    draft_plan, office_officer, agency_head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_plan(plan=draft_plan, by=office_officer)
    assert draft_plan.status == Plan.Status.SUBMITTED
    assert Notification.objects.filter(recipient=agency_head).exists()


def test_a_plan_without_tasks_cannot_be_submitted(draft_plan, office_officer):
    draft_plan.tasks.all().delete()
    with pytest.raises(DomainError, match="chưa có nhiệm vụ"):
        submit_plan(plan=draft_plan, by=office_officer)


def test_approve_plan_gives_the_next_number_of_the_year(draft_plan, office_officer, agency_head):
    submit_plan(plan=draft_plan, by=office_officer)
    plan = approve_plan(plan=draft_plan, by=agency_head, issue_date=date(2026, 3, 5))
    assert (plan.status, plan.number, plan.issue_date) == (Plan.Status.ISSUED, "01", date(2026, 3, 5))


def test_return_plan_needs_a_comment(draft_plan, office_officer, agency_head):
    submit_plan(plan=draft_plan, by=office_officer)
    with pytest.raises(DomainError):
        return_plan(plan=draft_plan, comment=" ", by=agency_head)


def test_returned_plan_keeps_the_comment_and_can_be_resubmitted(draft_plan, office_officer, agency_head):
    submit_plan(plan=draft_plan, by=office_officer)
    return_plan(plan=draft_plan, comment="Bổ sung chỉ tiêu.", by=agency_head)
    assert draft_plan.review_comment == "Bổ sung chỉ tiêu."
    assert submit_plan(plan=draft_plan, by=office_officer).status == Plan.Status.SUBMITTED


def test_approving_twice_is_refused(draft_plan, office_officer, agency_head):
    submit_plan(plan=draft_plan, by=office_officer)
    approve_plan(plan=draft_plan, by=agency_head)
    with pytest.raises(DomainError, match="người khác xử lý"):
        approve_plan(plan=draft_plan, by=agency_head)


def test_close_plan_ends_an_issued_plan(issued_plan, office_officer):
    assert close_plan(plan=issued_plan, by=office_officer).status == Plan.Status.CLOSED


def test_copy_plan_shifts_dates_and_keeps_tasks(issued_plan, office_officer):
    issued_plan.tasks.update(due_date=date(2026, 10, 20))
    copy = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    assert copy.status == Plan.Status.DRAFT and copy.title.endswith("năm 2027")
    assert copy.tasks.get().due_date == date(2027, 10, 20) and copy.copied_from == issued_plan


def test_working_day_deadline_is_counted_at_issue_across_a_holiday(draft_plan, office_officer, agency_head):
    # Issued Friday 24/04/2026; 27/04 (Giỗ Tổ observed), 30/04 and 01/05 are off.
    draft_plan.tasks.update(due_working_days=3)
    submit_plan(plan=draft_plan, by=office_officer)
    approve_plan(plan=draft_plan, by=agency_head, issue_date=date(2026, 4, 24))
    task = draft_plan.tasks.get()
    assert task.due_date == date(2026, 5, 4)
    assert "3 ngày làm việc kể từ ngày ban hành 24/04/2026" in task.due_rule


def test_close_finished_plans_closes_last_years_issued_plans(issued_plan):
    assert close_finished_plans(today=date(2027, 1, 2)) == 1
    issued_plan.refresh_from_db()
    assert issued_plan.status == Plan.Status.CLOSED


def test_issuing_a_plan_tells_the_apps_that_listen(draft_plan, office_officer, agency_head):
    heard = []

    def listener(sender, *, plan, by, **kwargs):
        heard.append((sender, plan.pk, plan.number, plan.issue_date, by))

    plan_issued.connect(listener)
    try:
        submit_plan(plan=draft_plan, by=office_officer)
        approve_plan(plan=draft_plan, by=agency_head, issue_date=date(2026, 3, 5))
    finally:
        plan_issued.disconnect(listener)
    assert heard == [(Plan, draft_plan.pk, "01", date(2026, 3, 5), agency_head)]


def test_a_listener_that_refuses_stops_the_plan_being_issued(draft_plan, office_officer, agency_head):
    def refuse(sender, **kwargs):
        raise DomainError("Không tạo được yêu cầu báo cáo.")

    submit_plan(plan=draft_plan, by=office_officer)
    plan_issued.connect(refuse)
    try:
        with pytest.raises(DomainError):
            approve_plan(plan=draft_plan, by=agency_head)
    finally:
        plan_issued.disconnect(refuse)
    draft_plan.refresh_from_db()
    assert (draft_plan.status, draft_plan.number) == (Plan.Status.SUBMITTED, "")
    assert next_document_number(agency=draft_plan.agency, year=timezone.localdate().year) == "01"
