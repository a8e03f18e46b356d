"""Every role × every plan and task page. An agency's plans are read by all
of the agency and its reviewers; its office writes them, its leader approves
them; a task is changed by its lead unit (and the office assigns it)."""

import pytest
from django.urls import reverse

from danvan.plans.models import Plan
from danvan.plans.services import propose_task_change, start_amendment, submit_amendment
from tests.matrix import ROLES, matrix_cases, status_for

# Pages read with GET.
MATRIX = [
    ("plans:index", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("plans:plan_detail", ["issued_plan"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("plans:plan_versions", ["issued_plan"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("plans:plan_tasks_xlsx", ["issued_plan"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("plans:plan_edit", ["draft_plan"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:plan_edit", ["issued_plan"], [403, 403, 403, 403, 403, 403, 403, 403, 404]),
    ("plans:task_add", ["draft_plan"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:plan_amend", ["issued_plan"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:plan_amend", ["draft_plan"], [403, 403, 403, 403, 403, 403, 403, 403, 404]),
    ("plans:amendment_detail", ["amendment"], [200, 404, 200, 200, 404, 404, 404, 404, 404]),
    ("plans:amendment_add_task", ["amendment"], [200, 404, 403, 200, 404, 404, 404, 404, 404]),
    ("plans:amendment_plan_text", ["amendment"], [200, 404, 403, 200, 404, 404, 404, 404, 404]),
    ("plans:plan_copy", ["issued_plan"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:plan_new", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:import_upload", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("plans:dashboard", ["agency"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("plans:task_detail", ["task"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]

# Actions sent with an empty POST: refused ones answer 403/404 before the
# form is read; allowed ones go on to the form (422) or the action (302).
POST_MATRIX = [
    ("plans:plan_submit", ["draft_plan"], [302, 403, 403, 302, 403, 403, 403, 403, 404]),
    ("plans:plan_return", ["submitted_plan"], [302, 403, 302, 403, 403, 403, 403, 403, 404]),
    ("plans:plan_return", ["draft_plan"], [403, 403, 403, 403, 403, 403, 403, 403, 404]),
    ("plans:task_assign", ["task"], [422, 403, 403, 422, 422, 403, 403, 403, 404]),
    ("plans:task_update", ["task"], [403, 403, 403, 403, 422, 422, 403, 403, 404]),
    ("plans:task_comment", ["task"], [422, 422, 422, 422, 422, 422, 422, 422, 404]),
    ("plans:task_cancel", ["task"], [302, 403, 403, 302, 302, 403, 403, 403, 404]),
    ("plans:amendment_submit", ["amendment"], [302, 404, 403, 302, 404, 404, 404, 404, 404]),
    ("plans:amendment_issue", ["submitted_amendment"], [302, 404, 302, 403, 404, 404, 404, 404, 404]),
    ("plans:amendment_return", ["submitted_amendment"], [302, 404, 302, 403, 404, 404, 404, 404, 404]),
]


@pytest.fixture
def submitted_plan(draft_plan):
    Plan.objects.filter(pk=draft_plan.pk).update(status=Plan.Status.SUBMITTED)
    draft_plan.refresh_from_db()
    return draft_plan


@pytest.fixture
def amendment(issued_plan, office_officer):
    return start_amendment(plan=issued_plan, reason="Theo kế hoạch của tỉnh", by=office_officer)


@pytest.fixture
def submitted_amendment(amendment, task, office_officer):
    propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Nội dung đã sửa đổi")
    return submit_amendment(amendment=amendment, by=office_officer)


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, db, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(POST_MATRIX))
def test_role_gets_expected_status_for_an_action(client, db, request, view, args, role, status):
    client.force_login(request.getfixturevalue(role))
    objects = [request.getfixturevalue(name) for name in args]
    assert client.post(reverse(view, args=[obj.pk for obj in objects])).status_code == status


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_answer_404_not_500(client, db, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("plans:plan_detail", args=[999999])).status_code == 404
    assert client.get(reverse("plans:task_detail", args=[999999])).status_code == 404
