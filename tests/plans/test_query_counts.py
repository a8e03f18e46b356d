"""The agency dashboard, the task list and a plan page cost the same number of
SQL queries with one task as with many (STYLE rule 8): nothing is loaded per row.

Each test counts a page with the fixtures' single task, then adds many rows of
every kind the page shows and asserts the very same count. With one task today:
- dashboard (10): session, user, agency, roles; by unit, by plan, overdue,
  upcoming, targets; unread notifications.
- task list (8): session, user, roles, agencies' provinces, unread
  notifications; the filter's units and plans; the page's task ids with
  the number of matching tasks, then their rows (the year's plans too,
  when the year is asked for).
- plan page (10): session, user, plan, roles; the plan's targets,
  deadlines, citations; the task table's rows; unread notifications; its
  implementing plans.
A page whose count grows loads something per row: find the relation the
selector does not load.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Notification, Role
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task, TaskComment, TaskUpdate
from danvan.plans.services import set_deadline_duties
from tests.factories import UnitFactory, person_with_role

MANY = 30


def add_many_rows(plan, lead_unit, office_officer):
    """Tasks in every status across several units, each with an assignee,
    supporting units and updates; more plans, targets, deadlines, citations."""
    today = timezone.localdate()
    units = [lead_unit, *(UnitFactory(agency=plan.agency) for _ in range(4))]
    people = [person_with_role(Role.STAFF, unit=unit) for unit in units]
    second = Plan.objects.create(
        agency=plan.agency,
        title="Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2026",
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    statuses = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.OVERDUE, Task.Status.DONE]
    for number in range(MANY):
        unit = units[number % len(units)]
        task = Task.objects.create(
            plan=(plan, second)[number % 2],
            order=number + 1,
            heading=f"Nhiệm vụ số {number}",
            lead_unit=unit,
            assignee=people[number % len(people)],
            status=statuses[number % len(statuses)],
            due_date=today + timedelta(days=(number % 20) - 5),
        )
        task.supporting_units.add(units[(number + 1) % len(units)])
        TaskUpdate.objects.create(
            task=task,
            status=task.status,
            percent=50,
            note="Đang triển khai",
            reported_on=today,
            created_by=people[0],
            confirmed_by=office_officer,
        )
        TaskComment.objects.create(task=task, author=office_officer, text="Đề nghị báo cáo")
        Notification.objects.create(recipient=office_officer, key=f"k{number}", text="Nhắc hạn")
    for number in range(5):
        Target.objects.create(plan=plan, order=number, text=f"Chỉ tiêu {number}", percent=90)
        PlanDeadline.objects.create(plan=plan, order=number, due_date=date(2026, 6, 15), action="Báo cáo")
        document = LegalDocument.objects.create(doc_type="Chỉ thị", number=f"{33 + number}-CT/TW")
        PlanCitation.objects.create(plan=plan, document=document, order=number)
    set_deadline_duties(plan=plan)


def count_queries(client, url) -> int:
    client.get(url)  # warm: the first request of a test loads things once per process
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("screen", ["dashboard", "task_list", "plan_detail"])
def test_query_count_does_not_grow_with_rows(
    screen, client, django_assert_num_queries, issued_plan, office_officer, lead_unit
):
    client.force_login(office_officer)
    # One deadline with its owner's item from the start: the page reads them in one query.
    PlanDeadline.objects.create(plan=issued_plan, due_date=date(2026, 5, 25), action="Đăng ký mô hình")
    set_deadline_duties(plan=issued_plan)
    args = {"dashboard": [issued_plan.agency_id], "task_list": [], "plan_detail": [issued_plan.pk]}[screen]
    url = reverse(f"plans:{screen}", args=args)
    with_one_task = count_queries(client, url)

    add_many_rows(issued_plan, lead_unit, office_officer)

    assert issued_plan.tasks.count() > MANY // 2
    with django_assert_num_queries(with_one_task):
        response = client.get(url)
    assert response.status_code == 200
    shown = {"dashboard": "Quy chế dân chủ ở cơ sở năm 2026", "task_list": "Nhiệm vụ số 28"}
    assert shown.get(screen, "Nhiệm vụ số 28") in response.content.decode()  # the new rows are on the page
