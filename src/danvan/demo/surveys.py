"""The demo province's satisfaction survey: Sở Khoa học's one-stop desk
surveyed on the twelve criteria, published, with a few answers over two
months, so the results page, its charts and the satisfaction rate show
figures."""

from __future__ import annotations

from datetime import date

from danvan.core.models import Agency, User
from danvan.surveys import services, tokens
from danvan.surveys.models import Question, Survey

TITLE = "Khảo sát sự hài lòng về giải quyết thủ tục hành chính tại Bộ phận một cửa năm 2026"
# (day, the mark given on every scale question, the option chosen on every single choice)
ANSWERS = [
    (date(2026, 3, 4), 5, 0),
    (date(2026, 3, 11), 4, 0),
    (date(2026, 3, 19), 4, 1),
    (date(2026, 3, 26), 3, 1),
    (date(2026, 4, 2), 5, 0),
    (date(2026, 4, 9), 2, 2),
    (date(2026, 4, 16), 4, 0),
]


def load_demo_surveys(*, agencies: dict[str, Agency], units: dict) -> int:
    skhcn = agencies["SKHCN"]
    if Survey.objects.filter(agency=skhcn, title=TITLE).exists():
        return 0
    office = User.objects.get(username="skhcn.vanphong")
    survey = services.create_criteria_survey(agency=skhcn, by=office)
    survey = services.update_survey(
        survey=survey, title=TITLE, unit=units[("SKHCN", "VP")], starts_on=date(2026, 3, 1), by=office
    )
    services.publish_survey(survey=survey, on=date(2026, 3, 1), by=office)
    questions = list(survey.questions.order_by("order"))
    for number, (day, mark, option) in enumerate(ANSWERS, start=1):
        values = {
            question.pk: mark if question.kind == Question.Kind.SCALE else option
            for question in questions
            if question.kind in (Question.Kind.SCALE, Question.Kind.ONE)
        }
        services.submit_response(
            survey=survey, values=values, today=day, device_key=tokens.device_key(survey.pk, f"demo-{number}")
        )
    return 1 + len(ANSWERS)
