"""The evaluation's daily step: reminders before the window for self-assessments
closes, and word to the province of the agencies that sent nothing."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.evaluation.services import send_assessment_reminders


@daily_step(
    order=400, name="evaluation.send_assessment_reminders", describe="{count} lời nhắc gửi bản tự đánh giá"
)
def remind_assessments(today: date) -> int:
    return send_assessment_reminders(today=today)
