"""Petitions' daily steps: the handlers' time limits."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.petitions.services import escalate_overdue_deadlines, send_deadline_reminders


@daily_step(order=200, name="petitions.send_deadline_reminders", describe="{count} lời nhắc hạn đơn thư")
def remind_case_deadlines(today: date) -> int:
    return send_deadline_reminders(today=today)


@daily_step(
    order=210, name="petitions.escalate_overdue_deadlines", describe="{count} thông báo đơn thư quá hạn"
)
def escalate_case_deadlines(today: date) -> int:
    return escalate_overdue_deadlines(today=today)
