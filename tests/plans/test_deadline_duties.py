"""Every dated obligation a plan states is an item of its owner, reminded
before the day, on the day and once overdue, whatever its wording."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.plans import services
from danvan.plans.models import DeadlineDuty, PlanDeadline


@pytest.fixture
def deadlines(issued_plan, agency):
    agency.reminder_days = [7]
    agency.save(update_fields=["reminder_days"])
    registration = PlanDeadline.objects.create(
        plan=issued_plan,
        order=0,
        due_date=date(2026, 3, 20),
        action="Đăng ký mô hình «Dân vận khéo»",
        units=["Chi cục Tiêu chuẩn Đo lường Chất lượng"],
        recipient="Văn phòng Sở",
    )
    summary = PlanDeadline.objects.create(
        plan=issued_plan, order=1, due_date=date(2026, 10, 25), action="Tổng hợp kết quả, gửi Sở Nội vụ"
    )
    return registration, summary


def test_each_deadline_becomes_a_dated_item_of_its_owner(deadlines, lead_unit, issued_plan):
    registration, summary = deadlines
    made = services.set_deadline_duties(plan=issued_plan)
    assert [(duty.deadline, duty.unit) for duty in made] == [(registration, lead_unit), (summary, None)]
    assert summary.duties.get().owner_label == "Văn phòng cơ quan"
    assert services.set_deadline_duties(plan=issued_plan) == []  # once


def test_owners_are_reminded_before_on_and_after_the_day(deadlines, unit_head, office_officer):
    registration, _summary = deadlines
    assert services.send_deadline_reminders(today=date(2026, 3, 13)) == 1  # 7 days before
    assert Notification.objects.filter(recipient=unit_head, text__contains="Còn 7 ngày").exists()
    assert services.send_deadline_reminders(today=date(2026, 3, 13)) == 0  # not twice
    assert services.send_deadline_reminders(today=date(2026, 3, 15)) == 0  # not a reminder day
    assert services.send_deadline_reminders(today=date(2026, 3, 20)) == 1
    assert Notification.objects.filter(recipient=unit_head, text__startswith="Hôm nay là hạn").exists()
    assert services.send_deadline_reminders(today=date(2026, 3, 21)) == 2  # the unit and the office
    duty = registration.duties.get()
    assert Notification.objects.filter(recipient=office_officer, key=f"plan-duty-overdue:{duty.pk}:20260320")
    assert services.send_deadline_reminders(today=date(2026, 3, 22)) == 0  # overdue told once


def test_a_done_item_is_not_reminded(deadlines, unit_head, issued_plan):
    registration, _summary = deadlines
    services.set_deadline_duties(plan=issued_plan)
    duty = registration.duties.get()
    services.complete_deadline_duty(duty=duty, by=unit_head)
    assert duty.status == DeadlineDuty.Status.DONE and duty.done_by == unit_head
    assert services.send_deadline_reminders(today=date(2026, 3, 21)) == 0
    with pytest.raises(DomainError):
        services.complete_deadline_duty(duty=duty, by=unit_head)


def test_a_deadline_followed_by_a_report_request_stops_reminding(deadlines, issued_plan):
    _registration, summary = deadlines
    assert services.follow_deadline(deadline=summary, label="Báo cáo kết quả năm 2026") == 1
    duty = summary.duties.get()
    assert duty.status == DeadlineDuty.Status.FOLLOWED and duty.followed_in == "Báo cáo kết quả năm 2026"
    assert services.send_deadline_reminders(today=date(2026, 10, 26)) == 1  # only the registration's


def test_a_draft_plans_deadlines_do_not_remind(draft_plan, unit_head):
    PlanDeadline.objects.create(plan=draft_plan, due_date=date(2026, 3, 20), action="Đăng ký", units=[])
    assert services.send_deadline_reminders(today=date(2026, 3, 20)) == 0
    assert not DeadlineDuty.objects.exists()


def test_the_owner_marks_an_item_done_on_the_plan_page(
    client, deadlines, unit_head, sibling_unit, issued_plan
):
    registration, summary = deadlines
    services.set_deadline_duties(plan=issued_plan)
    client.force_login(unit_head)
    page = client.get(reverse("plans:plan_detail", args=[issued_plan.pk]))
    assert "Đăng ký mô hình" in page.content.decode()
    duty = registration.duties.get()
    response = client.post(reverse("plans:duty_done", args=[duty.pk]))
    assert response.status_code == 302
    duty.refresh_from_db()
    assert duty.status == DeadlineDuty.Status.DONE
    # The office's item is not the unit head's to close.
    office_duty = summary.duties.get()
    assert client.post(reverse("plans:duty_done", args=[office_duty.pk])).status_code == 403
    office_duty.refresh_from_db()
    assert office_duty.status == DeadlineDuty.Status.OPEN


def test_another_agencys_item_is_not_found(client, deadlines, other_agency_officer, issued_plan):
    services.set_deadline_duties(plan=issued_plan)
    duty = deadlines[0].duties.get()
    client.force_login(other_agency_officer)
    assert client.post(reverse("plans:duty_done", args=[duty.pk])).status_code == 404
