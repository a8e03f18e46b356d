"""What the surveys area measures for the yearly evaluation (``core.indicators``):
the satisfaction rate of the citizens who answered the agency's surveys.

A mark counts in the year its response was sent; the rate is the share of
marks 4 and 5 among the marks of every 1–5 scale question (selectors.py).
A line per survey says how its marks count; no line names a respondent.
Two queries.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.surveys.models import SATISFIED, Question
from danvan.surveys.selectors import agency_year_answers, satisfaction_of


@indicator(
    code="surveys.satisfaction_rate",
    name=gettext_lazy("Tỷ lệ người dân, doanh nghiệp hài lòng"),
    kind=Kind.RATIO,
)
def satisfaction_rate(agency: Agency, year: int) -> Figure:
    answers = agency_year_answers(agency, year)
    found = satisfaction_of(answers)
    per_survey = (
        answers.filter(question__kind=Question.Kind.SCALE, scale__isnull=False)
        .values("response__survey_id", "response__survey__title")
        .annotate(scored=Count("pk"), satisfied=Count("pk", filter=Q(scale__in=SATISFIED)))
        .order_by("response__survey_id")
    )
    lines = tuple(
        Line(
            label=row["response__survey__title"],
            url=reverse("surveys:survey_results", args=[row["response__survey_id"]]),
            detail=_("%(satisfied)s trên %(scored)s lượt đánh giá ở mức 4–5")
            % {"satisfied": row["satisfied"], "scored": row["scored"]},
            counts=row["satisfied"] * 2 >= row["scored"],
        )
        for row in per_survey
    )
    return Figure(
        numerator=Decimal(found.satisfied),
        denominator=Decimal(found.scored),
        lines=lines,
        note=_(
            "Lượt đánh giá mức 4 (hài lòng) và 5 (rất hài lòng) trên mọi lượt đánh giá theo thang 1–5 "
            "của các phiếu khảo sát của cơ quan gửi trong năm %(year)s."
        )
        % {"year": year},
    )
