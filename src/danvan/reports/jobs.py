"""Reports' daily step: reminders to send the requested reports."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.reports.services import send_report_reminders


@daily_step(order=300, name="reports.send_report_reminders", describe="{count} lời nhắc nộp báo cáo")
def remind_reports(today: date) -> int:
    return send_report_reminders(today=today)
