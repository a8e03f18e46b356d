"""The emulation register's daily step: «Dân vận khéo» registration and
progress-report reminders."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.emulation.services import send_dvk_reminders


@daily_step(order=450, name="emulation.send_dvk_reminders", describe="{count} lời nhắc «Dân vận khéo»")
def remind_dvk(today: date) -> int:
    return send_dvk_reminders(today=today)
