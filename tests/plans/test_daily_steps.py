from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command

from danvan.core.jobs import daily_steps, run_daily_steps
from danvan.core.models import Notification
from danvan.plans.models import Task


def test_the_daily_steps_run_in_their_stated_order():
    assert [step.name for step in daily_steps()] == [
        "plans.close_finished_plans",
        "plans.mark_overdue_tasks",
        "plans.send_task_reminders",
        "plans.refresh_measured_targets",
        "democracy.remind_briefing_tasks",
        "petitions.send_deadline_reminders",
        "petitions.escalate_overdue_deadlines",
        "reports.send_report_reminders",
        "evaluation.send_assessment_reminders",
        "core.daily_digests",
    ]


def test_the_scan_says_what_every_step_did_in_one_line(db):
    out = StringIO()
    call_command("scan_deadlines", "--ngay", "21/10/2026", stdout=out)
    assert out.getvalue() == (
        "21/10/2026: 0 kế hoạch kết thúc, 0 nhiệm vụ quá hạn, 0 lời nhắc, 0 chỉ tiêu tính lại, 0 lời nhắc quán triệt chưa đủ, "
        "0 lời nhắc hạn đơn thư, "
        "0 thông báo đơn thư quá hạn, 0 lời nhắc nộp báo cáo, 0 lời nhắc gửi bản tự đánh giá, 0 thư tổng hợp.\n"
    )


def test_running_the_steps_twice_the_same_day_sends_nothing_twice(task, unit_head):
    unit_head.notification_digest = True
    unit_head.save(update_fields=["notification_digest"])
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))

    first = {result.step.name: result.count for result in run_daily_steps(date(2026, 10, 21))}
    notifications, mails = Notification.objects.count(), len(mail.outbox)
    second = {result.step.name: result.count for result in run_daily_steps(date(2026, 10, 21))}

    assert first["plans.mark_overdue_tasks"] == 1 and first["core.daily_digests"] >= 1
    assert notifications > 0 and mails == first["core.daily_digests"]
    assert set(second.values()) == {0}
    assert (Notification.objects.count(), len(mail.outbox)) == (notifications, mails)
