"""The democracy register's daily steps."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.democracy.services import remind_briefing_tasks


@daily_step(
    order=150,
    name="democracy.remind_briefing_tasks",
    describe="{count} lời nhắc quán triệt chưa đủ",
)
def remind_briefings(today: date) -> int:
    return remind_briefing_tasks(today=today)
