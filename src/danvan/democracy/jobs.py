"""The democracy register's daily step: reminders to answer the recommendations of the
Fatherland Front and the socio-political organisations."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.democracy.services import send_supervision_reminders


@daily_step(
    order=350,
    name="democracy.send_supervision_reminders",
    describe="{count} lời nhắc trả lời kiến nghị của Mặt trận, đoàn thể",
)
def remind_supervision_answers(today: date) -> int:
    return send_supervision_reminders(today=today)
