from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Notification, Role
from danvan.core.services import DomainError
from danvan.plans.models import Plan, Target, Task, TaskUpdate
from danvan.plans.services import record_target_value
from tests.factories import person_with_role


def post(client, person, name, *args, data=None):
    client.force_login(person)
    return client.post(reverse(name, args=args), data or {})


def test_office_submits_and_leader_approves_with_a_number(client, draft_plan, office_officer, agency_head):
    post(client, office_officer, "plans:plan_submit", draft_plan.pk)
    post(client, agency_head, "plans:plan_approve", draft_plan.pk)
    draft_plan.refresh_from_db()
    assert draft_plan.status == Plan.Status.ISSUED and draft_plan.number == "01"


def test_staff_member_cannot_approve(client, draft_plan, office_officer, unit_officer):
    post(client, office_officer, "plans:plan_submit", draft_plan.pk)
    assert post(client, unit_officer, "plans:plan_approve", draft_plan.pk).status_code == 403


def test_other_agency_officer_gets_404_for_plan_and_task(client, task, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("plans:plan_detail", args=[task.plan_id])).status_code == 404
    assert client.get(reverse("plans:task_detail", args=[task.pk])).status_code == 404


def test_staff_of_a_sibling_unit_does_not_see_the_task(client, task, sibling_unit):
    from danvan.core.models import Role
    from tests.factories import person_with_role

    client.force_login(person_with_role(Role.STAFF, unit=sibling_unit))
    assert client.get(reverse("plans:task_detail", args=[task.pk])).status_code == 404


def test_staff_posts_progress_with_pdf_evidence(client, task, unit_officer):
    data = {
        "status": "in_progress",
        "percent": "40",
        "note": "Đã phổ biến",
        "reported_on": "04/05/2026",
        "evidence": SimpleUploadedFile("mc.pdf", b"%PDF-1.4 x"),
    }
    response = post(client, unit_officer, "plans:task_update", task.pk, data=data)
    assert response.status_code == 302
    assert TaskUpdate.objects.get().reported_on == date(2026, 5, 4)


def test_evidence_over_20_mb_is_refused_and_nothing_changes(client, task, unit_officer):
    big = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
    data = {
        "status": "in_progress",
        "percent": "40",
        "note": "Đã phổ biến",
        "reported_on": "04/05/2026",
        "evidence": big,
    }
    response = post(client, unit_officer, "plans:task_update", task.pk, data=data)
    assert response.status_code == 422 and "tối đa 20 MB" in response.content.decode()
    assert not TaskUpdate.objects.exists()
    # What was typed stays on the page.
    assert "Đã phổ biến" in response.content.decode()


def test_executable_evidence_is_refused(client, task, unit_officer):
    data = {
        "status": "in_progress",
        "percent": "40",
        "note": "x",
        "reported_on": "04/05/2026",
        "evidence": SimpleUploadedFile("a.pdf", b"MZ\x90\x00"),
    }
    assert post(client, unit_officer, "plans:task_update", task.pk, data=data).status_code == 422


def test_forged_assignee_from_another_agency_is_refused(client, task, unit_head, other_agency_officer):
    response = post(
        client, unit_head, "plans:task_assign", task.pk, data={"assignee": other_agency_officer.pk}
    )
    assert response.status_code == 422
    task.refresh_from_db()
    assert task.assignee is None


def test_task_with_no_lead_unit_cannot_be_added(client, draft_plan, office_officer):
    response = post(
        client, office_officer, "plans:task_add", draft_plan.pk, data={"heading": "Việc mới", "lead_unit": ""}
    )
    assert response.status_code == 422 and draft_plan.tasks.count() == 1


def test_due_date_before_the_plan_period_is_refused(client, draft_plan, office_officer, lead_unit):
    data = {"heading": "Việc mới", "lead_unit": lead_unit.pk, "due_date": "31/12/2025"}
    response = post(client, office_officer, "plans:task_add", draft_plan.pk, data=data)
    assert "sau ngày bắt đầu" in response.content.decode() and draft_plan.tasks.count() == 1


def test_task_list_searches_without_accents(client, task, office_officer):
    client.force_login(office_officer)
    body = client.get(
        reverse("plans:task_list"), {"q": "quan triet chi thi", "year": "2026"}
    ).content.decode()
    assert task.heading in body


def test_my_tasks_lists_only_mine(client, task, unit_officer):
    client.force_login(unit_officer)
    assert task.heading not in client.get(reverse("plans:my_tasks"), {"year": "2026"}).content.decode()
    Task.objects.filter(pk=task.pk).update(assignee=unit_officer)
    assert task.heading in client.get(reverse("plans:my_tasks"), {"year": "2026"}).content.decode()


def test_dashboard_shows_overdue_task(client, task, office_officer):
    Task.objects.filter(pk=task.pk).update(status=Task.Status.OVERDUE, due_date=date(2026, 1, 5))
    client.force_login(office_officer)
    body = client.get(reverse("plans:dashboard", args=[task.plan.agency_id])).content.decode()
    assert "Nhiệm vụ quá hạn" in body and task.heading[:40] in body


def test_notifications_page_and_counter(client, unit_officer):
    Notification.objects.create(recipient=unit_officer, key="k", text="Còn 1 ngày đến hạn", url="/")
    client.force_login(unit_officer)
    home = client.get(reverse("core:home")).content.decode()
    assert 'data-testid="so-thong-bao">1<' in home
    client.post(reverse("core:notifications"))
    assert 'data-testid="so-thong-bao"' not in client.get(reverse("core:home")).content.decode()


@pytest.mark.parametrize("name", ["plans:task_list", "plans:my_tasks"])
def test_task_list_query_count_does_not_grow_with_rows(
    client, issued_plan, office_officer, lead_unit, django_assert_max_num_queries, name
):
    for n in range(30):
        Task.objects.create(plan=issued_plan, order=n + 1, heading=f"Nhiệm vụ {n}", lead_unit=lead_unit)
    client.force_login(office_officer)
    # session, user, roles, notifications count, filter choices (2), tasks: a fixed number whatever the rows.
    with django_assert_max_num_queries(12):
        client.get(reverse(name))


def test_office_edits_a_task_of_a_draft(client, draft_plan, office_officer, sibling_unit):
    task = draft_plan.tasks.get()
    data = {
        "heading": "Nội dung đã sửa",
        "lead_unit": sibling_unit.pk,
        "timing": "Quý II",
        "due_date": "30/06/2026",
    }
    post(client, office_officer, "plans:task_edit", task.pk, data=data)
    task.refresh_from_db()
    assert (task.heading, task.lead_unit, task.due_date) == (
        "Nội dung đã sửa",
        sibling_unit,
        date(2026, 6, 30),
    )


def test_task_of_an_issued_plan_cannot_be_edited(client, task, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("plans:task_edit", args=[task.pk])).status_code == 403


def test_office_records_a_targets_current_value(client, issued_plan, office_officer):
    target = Target.objects.create(plan=issued_plan, text="100% công chức được quán triệt", percent=100)
    post(
        client,
        office_officer,
        "plans:target_value",
        issued_plan.pk,
        target.pk,
        data={"value": "85,5", "measured_on": "20/10/2026"},
    )
    target.refresh_from_db()
    assert target.current_value == Decimal("85.5") and target.measured_on == date(2026, 10, 20)
    assert not target.is_met()


def test_staff_cannot_record_a_target_value(client, issued_plan, unit_officer):
    target = Target.objects.create(plan=issued_plan, text="100% hồ sơ đúng hạn", percent=100)
    assert (
        post(
            client,
            unit_officer,
            "plans:target_value",
            issued_plan.pk,
            target.pk,
            data={"value": "90", "measured_on": "20/10/2026"},
        ).status_code
        == 403
    )


def test_record_target_value_refuses_over_100(issued_plan, office_officer):
    target = Target.objects.create(plan=issued_plan, text="x", percent=100)
    with pytest.raises(DomainError):
        record_target_value(
            target=target, value=Decimal(120), measured_on=date(2026, 10, 20), by=office_officer
        )


def test_task_list_pages_fifty_rows_and_keeps_the_filters(client, issued_plan, office_officer, lead_unit):
    for n in range(60):
        Task.objects.create(plan=issued_plan, order=n + 1, heading=f"Nhiệm vụ số {n}", lead_unit=lead_unit)
    client.force_login(office_officer)
    response = client.get(reverse("plans:task_list"), {"q": "nhiem vu so", "year": "2026"})
    assert len(response.context["tasks"].object_list) == 50
    assert "q=nhiem+vu+so" in response.content.decode() and "trang=2" in response.content.decode()


def test_task_list_shows_open_work_of_any_year_by_default(client, issued_plan, office_officer, lead_unit):
    agency, year = issued_plan.agency, timezone.localdate().year
    current = Plan.objects.create(
        agency=agency, title="KH năm nay", period_year=year, created_by=office_officer
    )
    Task.objects.create(plan=current, heading="Việc của năm nay", lead_unit=lead_unit)
    old = Plan.objects.create(agency=agency, title="KH 2022", period_year=2022, created_by=office_officer)
    Task.objects.create(plan=old, heading="Việc của năm 2022 còn dở", lead_unit=lead_unit)
    Task.objects.create(plan=old, heading="Việc của năm 2022 đã xong", lead_unit=lead_unit, status="done")
    client.force_login(office_officer)
    body = client.get(reverse("plans:task_list")).content.decode()
    assert "Việc của năm nay" in body and "Việc của năm 2022 còn dở" in body
    assert "Việc của năm 2022 đã xong" not in body
    of_2022 = client.get(reverse("plans:task_list"), {"year": "2022", "status": ""}).content.decode()
    assert "Việc của năm 2022 đã xong" in of_2022 and "Việc của năm nay" not in of_2022


@pytest.mark.parametrize("name", ["plans:task_list", "plans:my_tasks"])
def test_the_task_lists_open_on_the_persons_open_tasks_of_every_year(
    client, issued_plan, agency, lead_unit, office_officer, unit_officer, name
):
    this_year = timezone.localdate().year
    next_plan = Plan.objects.create(
        agency=agency,
        title=f"Kế hoạch năm {this_year + 1}",
        period_year=this_year + 1,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    Plan.objects.filter(pk=issued_plan.pk).update(period_year=this_year)
    mine = {"lead_unit": lead_unit, "assignee": unit_officer}
    Task.objects.create(plan=next_plan, order=1, heading="Nhiệm vụ của năm sau", **mine)
    Task.objects.create(plan=issued_plan, order=5, heading="Nhiệm vụ năm nay đang làm", **mine)
    Task.objects.create(
        plan=issued_plan, order=6, heading="Nhiệm vụ đã hoàn thành", status=Task.Status.DONE, **mine
    )
    Task.objects.create(
        plan=issued_plan, order=7, heading="Nhiệm vụ đã hủy", status=Task.Status.CANCELLED, **mine
    )
    client.force_login(unit_officer)

    body = client.get(reverse(name)).content.decode()
    assert "Nhiệm vụ của năm sau" in body and "Nhiệm vụ năm nay đang làm" in body
    assert "Nhiệm vụ đã hoàn thành" not in body and "Nhiệm vụ đã hủy" not in body

    # The year and the status are still filters.
    this_years = client.get(reverse(name), {"year": this_year, "status": "open"}).content.decode()
    assert "Nhiệm vụ của năm sau" not in this_years and "Nhiệm vụ năm nay đang làm" in this_years
    every = client.get(reverse(name), {"status": ""}).content.decode()
    assert "Nhiệm vụ đã hoàn thành" in every and "Nhiệm vụ của năm sau" in every
    done = client.get(reverse(name), {"status": "done"}).content.decode()
    assert "Nhiệm vụ đã hoàn thành" in done and "Nhiệm vụ năm nay đang làm" not in done


def test_the_plan_page_links_only_the_tasks_the_person_may_open(client, task, sibling_unit):
    from danvan.core.models import Role
    from tests.factories import person_with_role

    theirs = Task.objects.create(
        plan=task.plan, order=2, heading="Việc của phòng bên cạnh", lead_unit=sibling_unit
    )
    client.force_login(person_with_role(Role.STAFF, unit=sibling_unit))
    body = client.get(reverse("plans:plan_detail", args=[task.plan_id])).content.decode()

    assert f'href="{reverse("plans:task_detail", args=[theirs.pk])}"' in body
    assert f'href="{reverse("plans:task_detail", args=[task.pk])}"' not in body
    assert task.heading in body  # shown, as text
    assert client.get(reverse("plans:task_detail", args=[theirs.pk])).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR, Role.PROVINCE_REVIEWER]
)
def test_those_who_read_the_whole_agency_open_every_task_of_its_plan(client, task, sibling_unit, role):
    theirs = Task.objects.create(
        plan=task.plan, order=2, heading="Việc của phòng bên cạnh", lead_unit=sibling_unit
    )
    agency = task.plan.agency
    if role == Role.PROVINCE_REVIEWER:
        person = person_with_role(role, province=agency.province)
    else:
        person = person_with_role(role, agency=agency)
    client.force_login(person)
    body = client.get(reverse("plans:plan_detail", args=[task.plan_id])).content.decode()

    for row in (task, theirs):
        assert f'href="{reverse("plans:task_detail", args=[row.pk])}"' in body
        assert client.get(reverse("plans:task_detail", args=[row.pk])).status_code == 200


def test_the_plan_page_of_a_unit_member_costs_the_same_queries_whatever_the_tasks(
    client, task, sibling_unit, lead_unit
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.core.models import Role
    from tests.factories import person_with_role

    client.force_login(person_with_role(Role.STAFF, unit=sibling_unit))
    url = reverse("plans:plan_detail", args=[task.plan_id])

    def counted() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = counted()
    for n in range(20):
        Task.objects.create(
            plan=task.plan, order=n + 3, heading=f"Việc {n}", lead_unit=(lead_unit, sibling_unit)[n % 2]
        )
    assert counted() == few


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_approving_says_the_plan_was_issued_with_its_number(client, draft_plan, office_officer, agency_head):
    post(client, office_officer, "plans:plan_submit", draft_plan.pk)
    client.force_login(agency_head)
    response = client.post(reverse("plans:plan_approve", args=[draft_plan.pk]), follow=True)
    draft_plan.refresh_from_db()
    said = f"Đã phê duyệt và ban hành kế hoạch số 01/KH-SKHCN ngày {draft_plan.issue_date:%d/%m/%Y}."
    assert said in _messages(response) and said in response.content.decode()


def test_the_second_leader_to_approve_is_told_who_was_first(client, draft_plan, office_officer, agency_head):
    deputy = person_with_role(
        Role.AGENCY_LEADER, agency=draft_plan.agency, first_name="Phó", last_name="Giám đốc"
    )
    post(client, office_officer, "plans:plan_submit", draft_plan.pk)
    post(client, agency_head, "plans:plan_approve", draft_plan.pk)
    client.force_login(deputy)
    response = client.post(reverse("plans:plan_approve", args=[draft_plan.pk]), follow=True)
    assert response.status_code == 200
    first = f"Kế hoạch đã được {agency_head.get_full_name()} phê duyệt và ban hành lúc "
    assert [said for said in _messages(response) if said.startswith(first)]
    draft_plan.refresh_from_db()
    assert draft_plan.number == "01" and draft_plan.issued_by == agency_head


def test_confirming_an_update_says_so(client, task, unit_officer, unit_head):
    from danvan.plans.services import post_task_update

    update = post_task_update(
        task=task,
        status=Task.Status.IN_PROGRESS,
        percent=30,
        note="Đang làm",
        reported_on=date(2026, 5, 4),
        by=unit_officer,
    )
    client.force_login(unit_head)
    response = client.post(reverse("plans:task_confirm", args=[task.pk, update.pk]), follow=True)
    said = f"Đã xác nhận cập nhật tiến độ ngày 04/05/2026 (30%) của nhiệm vụ «{task.heading}»."
    assert said in _messages(response) and said in response.content.decode()
    again = client.post(reverse("plans:task_confirm", args=[task.pk, update.pk]), follow=True)
    assert _messages(again) == ["Cập nhật này đã được xác nhận."]
