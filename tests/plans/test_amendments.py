"""Amending an issued plan: a document of its own, numbered in the agency's
register, whose changes reach the plan and its tasks only when the leader
issues it; the versions page says what changed in words."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from danvan.core.models import Notification, Role
from danvan.core.services import DomainError
from danvan.documents.register import next_document_number
from danvan.plans.models import AmendmentChange, Plan, PlanAmendment, Task, TaskUpdate
from danvan.plans.services import (
    edit_amendment_reason,
    issue_amendment,
    open_amendment,
    propose_new_task,
    propose_plan_change,
    propose_task_cancellation,
    propose_task_change,
    return_amendment,
    start_amendment,
    submit_amendment,
    withdraw_change,
)
from tests.factories import UnitFactory, person_with_role


@pytest.fixture
def task(issued_plan):
    """The plan's ongoing task ("Thường xuyên")."""
    return issued_plan.tasks.get(order=0)


@pytest.fixture
def dated_task(issued_plan, lead_unit):
    return Task.objects.create(
        plan=issued_plan,
        order=1,
        heading="Tổ chức hội nghị đối thoại với doanh nghiệp",
        lead_unit=lead_unit,
        lead_text=lead_unit.name,
        timing="Quý II/2026",
        timing_kind=Task.TimingKind.DUE_DATE,
        due_date=date(2026, 6, 30),
        status=Task.Status.IN_PROGRESS,
        percent=40,
    )


@pytest.fixture
def amendment(issued_plan, office_officer):
    return start_amendment(
        plan=issued_plan, reason="Thực hiện Kế hoạch số 45/KH-UBND của tỉnh", by=office_officer
    )


def _issue(amendment, office_officer, agency_head, day=date(2026, 7, 2)):
    submit_amendment(amendment=amendment, by=office_officer)
    return issue_amendment(amendment=amendment, by=agency_head, issue_date=day)


def test_an_amendment_changes_nothing_until_it_is_issued(amendment, dated_task, sibling_unit, office_officer):
    propose_task_change(
        amendment=amendment,
        task=dated_task,
        by=office_officer,
        lead_unit=sibling_unit,
        due_date=date(2026, 9, 30),
    )
    dated_task.refresh_from_db()
    assert dated_task.lead_unit != sibling_unit and dated_task.due_date == date(2026, 6, 30)


def test_issuing_numbers_it_in_the_agency_register_and_applies_every_change(
    amendment, issued_plan, dated_task, task, lead_unit, sibling_unit, office_officer, agency_head
):
    next_document_number(agency=issued_plan.agency, year=2026)  # 01: the plan itself
    propose_task_change(
        amendment=amendment,
        task=dated_task,
        by=office_officer,
        lead_unit=sibling_unit,
        due_date=date(2026, 9, 30),
    )
    propose_task_cancellation(
        amendment=amendment, task=task, reason="Đã lồng ghép vào nhiệm vụ 2", by=office_officer
    )
    propose_new_task(
        amendment=amendment,
        by=office_officer,
        heading="Khảo sát sự hài lòng của người dân",
        lead_unit=lead_unit,
        timing="Trước 30/11/2026",
        due_date=date(2026, 11, 30),
    )
    propose_plan_change(
        amendment=amendment, changes={"title": "Kế hoạch đã sửa đổi, bổ sung"}, by=office_officer
    )

    issued = _issue(amendment, office_officer, agency_head)

    assert issued.status == PlanAmendment.Status.ISSUED and issued.reference == "02/KH-SKHCN"
    assert issued.decided_by == agency_head and issued.issue_date == date(2026, 7, 2)
    dated_task.refresh_from_db()
    assert dated_task.lead_unit == sibling_unit and dated_task.lead_text == sibling_unit.name
    assert dated_task.due_date == date(2026, 9, 30) and "02/KH-SKHCN" in dated_task.due_rule
    # Under way it stays: progress and status are the task's own.
    assert dated_task.percent == 40 and dated_task.status == Task.Status.IN_PROGRESS
    task.refresh_from_db()
    assert task.status == Task.Status.CANCELLED and "Đã lồng ghép" in task.cancel_reason
    added = issued_plan.tasks.get(heading="Khảo sát sự hài lòng của người dân")
    assert added.due_date == date(2026, 11, 30) and added.order > dated_task.order
    assert issued.changes.get(kind=AmendmentChange.Kind.ADD).task == added
    issued_plan.refresh_from_db()
    assert issued_plan.title == "Kế hoạch đã sửa đổi, bổ sung"
    assert issued_plan.status == Plan.Status.ISSUED and issued_plan.number == "01"


def test_a_changed_task_keeps_its_history_and_progress_reports(
    amendment, dated_task, sibling_unit, unit_officer, office_officer, agency_head
):
    TaskUpdate.objects.create(
        task=dated_task,
        created_by=unit_officer,
        status=Task.Status.IN_PROGRESS,
        percent=40,
        note="Đã xây dựng kịch bản",
        reported_on=date(2026, 5, 4),
    )
    propose_task_change(amendment=amendment, task=dated_task, by=office_officer, lead_unit=sibling_unit)
    _issue(amendment, office_officer, agency_head)
    assert dated_task.updates.count() == 1
    latest, earlier = dated_task.history.order_by("-history_date", "-history_id")[:2]
    assert earlier.lead_unit_id != sibling_unit.pk and latest.lead_unit_id == sibling_unit.pk
    assert latest.history_user == agency_head
    assert latest.history_change_reason.startswith("Sửa đổi, bổ sung theo văn bản số ")


def test_moving_the_lead_unit_tells_its_head_and_frees_the_assignment(
    amendment, dated_task, unit_officer, sibling_unit, office_officer, agency_head
):
    Task.objects.filter(pk=dated_task.pk).update(assignee=unit_officer)
    new_head = person_with_role(Role.UNIT_HEAD, unit=sibling_unit)
    propose_task_change(amendment=amendment, task=dated_task, by=office_officer, lead_unit=sibling_unit)
    _issue(amendment, office_officer, agency_head)
    dated_task.refresh_from_db()
    assert dated_task.assignee is None
    assert Notification.objects.filter(recipient=new_head, text__contains=dated_task.heading[:40]).exists()


def test_moving_an_overdue_task_to_a_later_date_makes_it_open_again(
    amendment, dated_task, office_officer, agency_head
):
    Task.objects.filter(pk=dated_task.pk).update(status=Task.Status.OVERDUE)
    later = timezone.localdate().replace(year=timezone.localdate().year + 1)
    propose_task_change(amendment=amendment, task=dated_task, by=office_officer, due_date=later)
    _issue(amendment, office_officer, agency_head, day=timezone.localdate())
    dated_task.refresh_from_db()
    assert dated_task.status == Task.Status.IN_PROGRESS and dated_task.due_date == later


def test_a_task_finished_since_the_draft_stops_the_issue_and_nothing_changes(
    amendment, dated_task, task, sibling_unit, office_officer, agency_head
):
    propose_task_change(amendment=amendment, task=dated_task, by=office_officer, lead_unit=sibling_unit)
    propose_task_cancellation(amendment=amendment, task=task, reason="Không còn phù hợp", by=office_officer)
    submit_amendment(amendment=amendment, by=office_officer)
    Task.objects.filter(pk=task.pk).update(status=Task.Status.DONE)
    with pytest.raises(DomainError, match="hoàn thành"):
        issue_amendment(amendment=amendment, by=agency_head)
    amendment.refresh_from_db()
    dated_task.refresh_from_db()
    assert amendment.status == PlanAmendment.Status.SUBMITTED and amendment.number == ""
    assert dated_task.lead_unit != sibling_unit


def test_only_an_issued_plan_is_amended_and_with_a_reason(agency, issued_plan, office_officer):
    draft_plan = Plan.objects.create(
        agency=agency, title="Dự thảo", period_year=2026, created_by=office_officer
    )
    with pytest.raises(DomainError, match="dự thảo thì sửa trực tiếp"):
        start_amendment(plan=draft_plan, reason="Lý do", by=office_officer)
    with pytest.raises(DomainError, match="lý do"):
        start_amendment(plan=issued_plan, reason="   ", by=office_officer)
    assert not PlanAmendment.objects.exists()


def test_one_amendment_is_written_at_a_time(amendment, issued_plan, office_officer, agency_head, task):
    with pytest.raises(DomainError, match="chưa ban hành"):
        start_amendment(plan=issued_plan, reason="Lần hai", by=office_officer)
    propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Nội dung mới")
    _issue(amendment, office_officer, agency_head)
    assert open_amendment(issued_plan) is None
    assert start_amendment(plan=issued_plan, reason="Lần hai", by=office_officer).pk != amendment.pk


def test_a_change_that_changes_nothing_is_refused(amendment, dated_task, office_officer):
    with pytest.raises(DomainError, match="giống hệt"):
        propose_task_change(
            amendment=amendment,
            task=dated_task,
            by=office_officer,
            heading=dated_task.heading,
            lead_unit=dated_task.lead_unit,
            due_date=dated_task.due_date,
            timing=dated_task.timing,
        )
    with pytest.raises(DomainError, match="giống hệt"):
        propose_plan_change(amendment=amendment, changes={"title": amendment.plan.title}, by=office_officer)
    assert not amendment.changes.exists()


def test_a_recurring_task_has_no_single_date_to_move(amendment, task, office_officer):
    with pytest.raises(DomainError, match="bãi bỏ nhiệm vụ này"):
        propose_task_change(amendment=amendment, task=task, by=office_officer, due_date=date(2026, 9, 30))


def test_a_new_task_is_checked_like_a_drafts(amendment, lead_unit, office_officer):
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        propose_new_task(
            amendment=amendment,
            by=office_officer,
            heading="Việc cũ",
            lead_unit=lead_unit,
            due_date=date(2025, 5, 1),
        )
    with pytest.raises(DomainError, match="ngày đến hạn trong tháng"):
        propose_new_task(
            amendment=amendment,
            by=office_officer,
            heading="Báo cáo",
            lead_unit=lead_unit,
            timing_kind=Task.TimingKind.MONTHLY_DAY,
        )
    assert not amendment.changes.exists()


def test_a_new_monthly_task_gets_its_periods_when_issued(
    amendment, issued_plan, lead_unit, office_officer, agency_head
):
    propose_new_task(
        amendment=amendment,
        by=office_officer,
        heading="Báo cáo kết quả tiếp công dân",
        lead_unit=lead_unit,
        timing_kind=Task.TimingKind.MONTHLY_DAY,
        timing_day=20,
    )
    Plan.objects.filter(pk=issued_plan.pk).update(period_year=timezone.localdate().year)
    _issue(amendment, office_officer, agency_head, day=timezone.localdate())
    added = issued_plan.tasks.get(heading="Báo cáo kết quả tiếp công dân")
    assert added.occurrences.exists() and all(o.due_date.day <= 20 for o in added.occurrences.all())


def test_a_task_of_another_plan_cannot_be_changed(amendment, office_officer, agency, lead_unit):
    other_plan = Plan.objects.create(
        agency=agency, title="Kế hoạch khác", status=Plan.Status.ISSUED, created_by=office_officer
    )
    other = Task.objects.create(plan=other_plan, heading="Việc của kế hoạch khác", lead_unit=lead_unit)
    with pytest.raises(DomainError, match="không thuộc"):
        propose_task_change(amendment=amendment, task=other, by=office_officer, heading="Đổi")


def test_the_draft_can_be_corrected_returned_and_resubmitted(amendment, task, office_officer, agency_head):
    change = propose_task_change(
        amendment=amendment, task=task, by=office_officer, heading="Nội dung thứ nhất"
    )
    again = propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Nội dung thứ hai")
    assert (
        list(amendment.changes.all()) == [again] and not AmendmentChange.objects.filter(pk=change.pk).exists()
    )
    edit_amendment_reason(amendment=amendment, reason="Lý do đã sửa", by=office_officer)
    withdraw_change(change=again, by=office_officer)
    with pytest.raises(DomainError, match="chưa có nội dung"):
        submit_amendment(amendment=amendment, by=office_officer)
    propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Nội dung thứ ba")
    submit_amendment(amendment=amendment, by=office_officer)
    with pytest.raises(DomainError, match="đã trình"):
        propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Muộn")
    with pytest.raises(DomainError, match="ý kiến"):
        return_amendment(amendment=amendment, comment=" ", by=agency_head)
    return_amendment(amendment=amendment, comment="Ghi rõ căn cứ", by=agency_head)
    amendment.refresh_from_db()
    assert amendment.status == PlanAmendment.Status.RETURNED and amendment.reason == "Lý do đã sửa"
    submit_amendment(amendment=amendment, by=office_officer)
    with pytest.raises(DomainError, match="người khác"):
        submit_amendment(amendment=amendment, by=office_officer)


# --- Pages ---------------------------------------------------------------------------


def test_office_and_leader_amend_through_the_pages_and_the_versions_say_it_in_words(
    client, issued_plan, dated_task, task, sibling_unit, office_officer, agency_head
):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:plan_amend", args=[issued_plan.pk]), {"reason": "Theo Kế hoạch của tỉnh"}
    )
    amendment = PlanAmendment.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "plans:amendment_detail", args=[amendment.pk]
    )
    # A second visit goes on with the same draft.
    assert client.get(reverse("plans:plan_amend", args=[issued_plan.pk])).url == response.url
    page = reverse("plans:amendment_change_task", args=[amendment.pk, dated_task.pk])
    assert client.get(page).status_code == 200
    response = client.post(
        page,
        {
            "heading": dated_task.heading,
            "lead_unit": sibling_unit.pk,
            "timing": "Quý III/2026",
            "due_date": "30/09/2026",
        },
    )
    assert response.status_code == 302
    client.post(
        reverse("plans:amendment_cancel_task", args=[amendment.pk, task.pk]), {"reason": "Trùng nội dung"}
    )
    body = client.get(reverse("plans:amendment_detail", args=[amendment.pk])).content.decode()
    assert (
        sibling_unit.name in body
        and "30/06/2026" in body
        and "30/09/2026" in body
        and "Bãi bỏ nhiệm vụ" in body
    )
    assert client.post(reverse("plans:amendment_submit", args=[amendment.pk])).status_code == 302

    client.force_login(agency_head)
    assert (
        "Xem văn bản sửa đổi"
        in client.get(reverse("plans:plan_detail", args=[issued_plan.pk])).content.decode()
    )
    detail = client.get(reverse("plans:amendment_detail", args=[amendment.pk])).content.decode()
    assert reverse("plans:amendment_issue", args=[amendment.pk]) in detail
    response = client.post(reverse("plans:amendment_issue", args=[amendment.pk]))
    assert response.status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == PlanAmendment.Status.ISSUED

    agency_head.notifications.update(read_at=timezone.now())
    body = client.get(reverse("plans:plan_versions", args=[issued_plan.pk])).content.decode()
    assert f"Văn bản số {amendment.reference} ngày {amendment.issue_date:%d/%m/%Y}" in body
    assert (
        agency_head.full_name in body
        and office_officer.full_name in body
        and "Theo Kế hoạch của tỉnh" in body
    )
    assert "Đơn vị chủ trì" in body and dated_task.lead_unit.name in body and sibling_unit.name in body
    assert "30/06/2026" in body and "30/09/2026" in body and "Trùng nội dung" in body
    for raw in (f">{sibling_unit.pk}<", "2026-09-30", ">in_progress<", "lead_unit"):
        assert raw not in body


def test_a_bad_date_on_the_change_form_is_said_and_nothing_is_kept(
    client, amendment, dated_task, office_officer
):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:amendment_change_task", args=[amendment.pk, dated_task.pk]),
        {"heading": "Nội dung mới đã gõ", "lead_unit": dated_task.lead_unit_id, "due_date": "31/02/2026"},
    )
    body = response.content.decode()
    assert response.status_code == 422 and "Nội dung mới đã gõ" in body
    assert not amendment.changes.exists()


def test_a_draft_amendment_is_not_shown_to_staff_nor_to_another_agency(
    client, amendment, unit_officer, other_agency_officer, agency_head
):
    url = reverse("plans:amendment_detail", args=[amendment.pk])
    for person in (unit_officer, other_agency_officer):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(agency_head)
    assert client.get(url).status_code == 200


def test_the_leader_cannot_write_it_and_the_office_cannot_issue_it(
    client, amendment, task, office_officer, agency_head
):
    client.force_login(agency_head)
    assert client.get(reverse("plans:amendment_add_task", args=[amendment.pk])).status_code == 403
    propose_task_change(amendment=amendment, task=task, by=office_officer, heading="Nội dung mới")
    submit_amendment(amendment=amendment, by=office_officer)
    client.force_login(office_officer)
    assert client.post(reverse("plans:amendment_issue", args=[amendment.pk])).status_code == 403
    amendment.refresh_from_db()
    assert amendment.status == PlanAmendment.Status.SUBMITTED


def test_a_unit_of_another_agency_is_not_offered_as_lead(client, amendment, task, office_officer, other_unit):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:amendment_change_task", args=[amendment.pk, task.pk]),
        {"heading": task.heading, "lead_unit": other_unit.pk},
    )
    assert response.status_code == 422 and not amendment.changes.exists()


def test_a_new_unit_of_the_agency_can_lead_an_added_task(client, amendment, agency, office_officer):
    unit = UnitFactory(agency=agency, code="PCN", name="Phòng Chuyển đổi số")
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:amendment_add_task", args=[amendment.pk]),
        {"heading": "Số hóa hồ sơ tiếp công dân", "lead_unit": unit.pk, "due_date": "15/12/2026"},
    )
    assert response.status_code == 302
    change = amendment.changes.get()
    assert change.kind == AmendmentChange.Kind.ADD and change.values["lead_unit"] == unit.pk
    assert change.values["due_date"] == "2026-12-15"


def test_the_issued_amendment_prints_as_a_numbered_plan_saying_each_change(
    client, amendment, issued_plan, dated_task, task, sibling_unit, lead_unit, office_officer, agency_head
):
    next_document_number(agency=issued_plan.agency, year=2026)
    propose_task_change(amendment=amendment, task=dated_task, by=office_officer, lead_unit=sibling_unit)
    propose_task_cancellation(amendment=amendment, task=task, reason="Trùng nội dung", by=office_officer)
    propose_new_task(
        amendment=amendment,
        by=office_officer,
        heading="Khảo sát sự hài lòng",
        lead_unit=lead_unit,
        due_date=date(2026, 11, 30),
    )
    _issue(amendment, office_officer, agency_head)
    client.force_login(office_officer)
    response = client.get(reverse("plans:amendment_docx", args=[amendment.pk]))
    assert response.status_code == 200
    text = [p.text for p in Document(BytesIO(response.content)).paragraphs if p.text.strip()]
    header = " ".join(
        c.text for t in Document(BytesIO(response.content)).tables for r in t.rows for c in r.cells
    )
    assert "Số: 02/KH-SKHCN" in header
    assert "Sửa đổi, bổ sung Kế hoạch số 01/KH-SKHCN" in text
    body = "\n".join(text)
    assert (
        f"- Sửa đổi đơn vị chủ trì của nhiệm vụ «{dated_task.heading}»: «{lead_unit.name}» thành «{sibling_unit.name}»."
        in body
    )
    assert f"- Bãi bỏ nhiệm vụ «{task.heading}». Lý do: Trùng nội dung." in body
    assert "- Bổ sung nhiệm vụ «Khảo sát sự hài lòng» (" in body and "30/11/2026" in body
    assert "Các nội dung khác của Kế hoạch số 01/KH-SKHCN giữ nguyên hiệu lực." in body


def test_a_draft_amendments_document_is_not_given_to_staff(client, amendment, unit_officer):
    client.force_login(unit_officer)
    assert client.get(reverse("plans:amendment_docx", args=[amendment.pk])).status_code == 404
