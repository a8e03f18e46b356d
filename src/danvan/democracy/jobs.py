"""The democracy register's daily steps: reminders of briefing tasks whose
people are still missing, and of answers owed to the recommendations of the
Fatherland Front and the socio-political organisations."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.democracy.services import remind_briefing_tasks, send_supervision_reminders


@daily_step(
    order=150,
    name="democracy.remind_briefing_tasks",
    describe="{count} lời nhắc quán triệt chưa đủ",
)
def remind_briefings(today: date) -> int:
    return remind_briefing_tasks(today=today)


@daily_step(
    order=350,
    name="democracy.send_supervision_reminders",
    describe="{count} lời nhắc trả lời kiến nghị của Mặt trận, đoàn thể",
)
def remind_supervision_answers(today: date) -> int:
    return send_supervision_reminders(today=today)
