"""The surveys' daily step: a survey whose period is over stops taking answers."""

from datetime import date

from danvan.core.jobs import daily_step
from danvan.surveys.services import close_ended_surveys


@daily_step(
    order=220, name="surveys.close_ended_surveys", describe="{count} cuộc khảo sát hết hạn đã kết thúc"
)
def close_ended(today: date) -> int:
    return close_ended_surveys(today=today)
