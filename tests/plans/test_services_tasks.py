from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.models import Notification
from danvan.core.services import DomainError, send_daily_digests
from danvan.plans.models import Task
from danvan.plans.services import (
    add_task,
    assign_task,
    cancel_task,
    comment_on_task,
    confirm_task_update,
    edit_task,
    mark_overdue_tasks,
    post_task_update,
    send_task_reminders,
)


def test_assign_task_to_a_unit_member_notifies_them(task, unit_head, unit_officer):
    assign_task(task=task, assignee=unit_officer, due_date=date(2026, 10, 20), by=unit_head)
    assert task.assignee == unit_officer and "Trưởng đơn vị giao" in task.due_rule
    assert Notification.objects.filter(recipient=unit_officer).exists()


def test_assign_task_outside_the_lead_unit_is_refused(task, unit_head, office_officer):
    with pytest.raises(DomainError):
        assign_task(task=task, assignee=office_officer, due_date=None, by=unit_head)


def test_post_task_update_with_evidence_sets_status(task, unit_officer, unit_head):
    pdf = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 ...")
    update = post_task_update(
        task=task,
        status=Task.Status.DONE,
        percent=80,
        note="Đã tổ chức hội nghị.",
        reported_on=date(2026, 5, 4),
        evidence=pdf,
        by=unit_officer,
    )
    task.refresh_from_db()
    assert (task.status, task.percent, task.completed_on) == (Task.Status.DONE, 100, date(2026, 5, 4))
    assert update.evidence_name == "minh-chung.pdf"
    assert Notification.objects.filter(recipient=unit_head).exists()


def test_a_done_task_takes_no_more_updates(task, unit_officer):
    post_task_update(
        task=task,
        status=Task.Status.DONE,
        percent=100,
        note="Xong",
        reported_on=date(2026, 5, 4),
        by=unit_officer,
    )
    with pytest.raises(DomainError):
        post_task_update(
            task=task,
            status=Task.Status.IN_PROGRESS,
            percent=50,
            note="Lại",
            reported_on=date(2026, 5, 5),
            by=unit_officer,
        )


def test_confirm_task_update_only_once(task, unit_officer, unit_head):
    update = post_task_update(
        task=task,
        status=Task.Status.IN_PROGRESS,
        percent=30,
        note="Đang làm",
        reported_on=date(2026, 5, 4),
        by=unit_officer,
    )
    confirm_task_update(update=update, by=unit_head)
    with pytest.raises(DomainError):
        confirm_task_update(update=update, by=unit_head)


def test_cancel_task_needs_a_reason(task, unit_head):
    with pytest.raises(DomainError):
        cancel_task(task=task, reason="", by=unit_head)
    assert (
        cancel_task(task=task, reason="Cấp trên dừng triển khai.", by=unit_head).status
        == Task.Status.CANCELLED
    )


def test_comment_on_task_notifies_the_people_on_it(task, unit_officer, unit_head, office_officer):
    task.assignee = unit_officer
    task.save(update_fields=["assignee"])
    comment_on_task(task=task, text="Đề nghị gửi kèm danh sách.", by=office_officer)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {unit_officer.pk, unit_head.pk}


def test_add_task_refuses_a_due_date_before_the_plan_period(draft_plan, lead_unit, office_officer):
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        add_task(
            plan=draft_plan,
            heading="Việc",
            lead_unit=lead_unit,
            timing="",
            due_date=date(2025, 12, 31),
            by=office_officer,
        )


def test_add_task_to_an_issued_plan_is_refused(issued_plan, lead_unit, office_officer):
    with pytest.raises(DomainError, match="sửa đổi"):
        add_task(
            plan=issued_plan, heading="Việc", lead_unit=lead_unit, timing="", due_date=None, by=office_officer
        )


def test_mark_overdue_tasks_escalates_once(task, unit_head, office_officer):
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    assert mark_overdue_tasks(today=date(2026, 10, 21)) == 1
    assert mark_overdue_tasks(today=date(2026, 10, 22)) == 0
    task.refresh_from_db()
    assert task.status == Task.Status.OVERDUE
    assert Notification.objects.filter(recipient=office_officer, key__startswith="task-overdue").count() == 1


def test_reminders_come_seven_and_one_days_before_and_on_the_day(task, unit_head):
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    sent = [send_task_reminders(today=date(2026, 10, d)) for d in (13, 14, 19, 20)]
    assert sent == [1, 0, 1, 1]


def test_running_the_reminder_scan_twice_sends_nothing_new(task, unit_head):
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    send_task_reminders(today=date(2026, 10, 19))
    assert send_task_reminders(today=date(2026, 10, 19)) == 0


def test_reminder_days_are_set_per_agency(task, unit_head, agency):
    agency.reminder_days = [3]
    agency.save(update_fields=["reminder_days"])
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    assert send_task_reminders(today=date(2026, 10, 13)) == 0
    assert send_task_reminders(today=date(2026, 10, 17)) == 1


def test_notifications_are_emailed_at_once_or_in_the_digest(
    task, unit_head, django_capture_on_commit_callbacks
):
    unit_head.notification_digest = True
    unit_head.save(update_fields=["notification_digest"])
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    with django_capture_on_commit_callbacks(execute=True):
        send_task_reminders(today=date(2026, 10, 19))
    assert len(mail.outbox) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests() == 1
    assert "Còn 1 ngày" in mail.outbox[0].body


def test_edit_task_of_an_issued_plan_is_refused(task, lead_unit, office_officer):
    with pytest.raises(DomainError, match="sửa đổi"):
        edit_task(task=task, heading="Khác", lead_unit=lead_unit, timing="", due_date=None, by=office_officer)
