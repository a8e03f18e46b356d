from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from danvan.core import jobs
from danvan.core.jobs import DailyStep, daily_steps, run_daily_steps
from danvan.core.models import DailyStepRun, Notification
from danvan.plans.models import Task, TaskOccurrence


def test_the_daily_steps_run_in_their_stated_order():
    assert [step.name for step in daily_steps()] == [
        "core.recover_jobs",
        "plans.close_finished_plans",
        "plans.create_task_occurrences",
        "plans.mark_overdue_tasks",
        "plans.send_task_reminders",
        "plans.send_deadline_reminders",
        "plans.refresh_measured_targets",
        "democracy.remind_briefing_tasks",
        "petitions.send_deadline_reminders",
        "petitions.escalate_overdue_deadlines",
        "surveys.close_ended_surveys",
        "reports.send_report_reminders",
        "democracy.send_supervision_reminders",
        "evaluation.send_assessment_reminders",
        "emulation.send_dvk_reminders",
        "core.daily_digests",
        "core.outbox",
        "core.forget_rate_counts",
        "core.remove_abandoned_files",
    ]


def test_the_scan_says_what_every_step_did_in_one_line(db):
    out = StringIO()
    call_command("scan_deadlines", "--ngay", "21/10/2026", stdout=out)
    assert out.getvalue() == (
        "21/10/2026: 0 việc nền bị gián đoạn đã xử lý, 0 kế hoạch kết thúc, 0 kỳ nhiệm vụ định kỳ mới, 0 nhiệm vụ quá hạn, 0 lời nhắc, 0 lời nhắc hạn theo kế hoạch, 0 chỉ tiêu tính lại, 0 lời nhắc quán triệt chưa đủ, "
        "0 lời nhắc hạn đơn thư, "
        "0 thông báo đơn thư quá hạn, 0 cuộc khảo sát hết hạn đã kết thúc, 0 lời nhắc nộp báo cáo, "
        "0 lời nhắc trả lời kiến nghị của Mặt trận, đoàn thể, 0 lời nhắc gửi bản tự đánh giá, "
        "0 lời nhắc «Dân vận khéo», 0 thư tổng hợp, "
        "0 thư điện tử đã gửi, 0 lượt đếm cũ đã xóa, 0 tệp dở dang đã xóa.\n"
    )


def test_running_the_steps_twice_the_same_day_sends_nothing_twice(task, unit_head):
    unit_head.notification_digest = True
    unit_head.save(update_fields=["notification_digest"])
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))

    first = {result.step.name: result.count for result in run_daily_steps(date(2026, 10, 21))}
    notifications, mails = Notification.objects.count(), len(mail.outbox)
    second = {result.step.name: result.count for result in run_daily_steps(date(2026, 10, 21))}

    assert first["plans.mark_overdue_tasks"] == 1 and first["core.daily_digests"] >= 1
    assert notifications > 0 and mails == first["core.outbox"] >= first["core.daily_digests"]
    assert set(second.values()) == {0}
    assert (Notification.objects.count(), len(mail.outbox)) == (notifications, mails)


def _failing(today):
    raise RuntimeError("máy chủ thư từ chối")


def test_a_failing_step_does_not_stop_the_others_and_the_scan_says_which(db, monkeypatch):
    broken = DailyStep(order=15, name="test.broken", describe="{count} việc", run=_failing)
    monkeypatch.setitem(jobs._STEPS, broken.name, broken)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 bước không chạy xong"):
        call_command("scan_deadlines", "--ngay", "21/10/2026", stdout=out, stderr=err)
    # The steps after it ran and were recorded.
    assert "0 lời nhắc nộp báo cáo" in out.getvalue() and "0 thư tổng hợp" in out.getvalue()
    assert "test.broken" in err.getvalue() and "máy chủ thư từ chối" in err.getvalue()
    runs = dict(DailyStepRun.objects.filter(day=date(2026, 10, 21)).values_list("step", "ok"))
    assert runs["test.broken"] is False and runs["reports.send_report_reminders"] is True


def test_the_next_scan_sends_a_missed_days_reminder_marked_late(task, unit_head, agency):
    agency.reminder_days = [7]
    agency.save(update_fields=["reminder_days"])
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 29))
    run_daily_steps(date(2026, 10, 20))
    assert not Notification.objects.filter(recipient=unit_head).exists()
    # No scan on 21, 22, 23/10; the reminder of 22/10 (7 days before) comes on the 24th, late.
    results = run_daily_steps(date(2026, 10, 24))
    late_days = {r.day for r in results if r.late and r.step.name == "plans.send_task_reminders"}
    assert late_days == {date(2026, 10, 21), date(2026, 10, 22), date(2026, 10, 23)}
    (reminder,) = Notification.objects.filter(recipient=unit_head)
    assert reminder.text.startswith("Nhắc muộn (lẽ ra gửi ngày 22/10/2026): ")
    # A further run the same day catches up nothing more and sends nothing twice.
    again = run_daily_steps(date(2026, 10, 24))
    assert not any(r.late for r in again)
    assert Notification.objects.filter(recipient=unit_head).count() == 1


def test_a_step_that_failed_is_run_again_for_that_day_on_the_next_scan(db, monkeypatch):
    calls = []

    def flaky(today):
        calls.append(today)
        if len(calls) == 1:
            raise RuntimeError("lỗi tạm thời")
        return 1

    step = DailyStep(order=15, name="test.flaky", describe="{count} việc", run=flaky)
    monkeypatch.setitem(jobs._STEPS, step.name, step)
    run_daily_steps(date(2026, 10, 19))
    run_daily_steps(date(2026, 10, 20))
    run_daily_steps(date(2026, 10, 21))
    assert calls == [date(2026, 10, 19), date(2026, 10, 20), date(2026, 10, 21)]


def test_the_scan_creates_the_periods_of_a_recurring_task_once(task):
    Task.objects.filter(pk=task.pk).update(timing_kind=Task.TimingKind.QUARTERLY, timing="Hằng quý")

    first = {result.step.name: result.count for result in run_daily_steps(date(2026, 11, 2))}
    rows = list(TaskOccurrence.objects.values_list("task_id", "label", "due_date"))
    second = {result.step.name: result.count for result in run_daily_steps(date(2026, 11, 2))}

    # Quý IV of the plan's year; its Quý I/2027 lies outside the plan of 2026.
    assert first["plans.create_task_occurrences"] == 1
    assert rows == [(task.pk, "Quý IV/2026", date(2026, 12, 31))]
    assert second["plans.create_task_occurrences"] == 0
    assert list(TaskOccurrence.objects.values_list("task_id", "label", "due_date")) == rows
