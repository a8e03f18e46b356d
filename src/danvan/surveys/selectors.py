"""Read queries of the survey pages, each starting from what the person may
see, and the figures computed from the answers.

The satisfaction rate is the share of marks 4 and 5 («hài lòng», «rất hài
lòng») among all the marks given on 1–5 scale questions; single and multiple
choices and texts do not count in it. The same rate is the plan target
source and the yearly evaluation's indicator (indicators.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.models import Agency, Unit, User
from danvan.core.permissions import scopes_of
from danvan.core.prepared import ids, prepared
from danvan.core.selectors import TODO_LIMIT, TodoItem, TodoList, todo_list
from danvan.core.sql import column, first_row, loaded, model_order, written_out
from danvan.petitions.models import Petition
from danvan.petitions.public_links import PublicLink
from danvan.plans.measures import Reading, TargetSource
from danvan.plans.models import Target
from danvan.surveys import permissions, tokens
from danvan.surveys.models import SATISFIED, SCALE, Answer, Question, Response, Survey

TEXTS_SHOWN = 30  # latest short texts shown per question


@dataclass
class Satisfaction:
    satisfied: int = 0
    scored: int = 0

    @property
    def percent(self) -> Decimal | None:
        if not self.scored:
            return None
        return (Decimal(self.satisfied) * 100 / self.scored).quantize(Decimal("0.1"))


def satisfaction_of(answers: QuerySet[Answer]) -> Satisfaction:
    found = answers.filter(question__kind=Question.Kind.SCALE, scale__isnull=False).aggregate(
        scored=Count("pk"), satisfied=Count("pk", filter=Q(scale__in=SATISFIED))
    )
    return Satisfaction(satisfied=found["satisfied"], scored=found["scored"])


def agency_year_answers(agency: Agency, year: int) -> QuerySet[Answer]:
    return Answer.objects.filter(
        response__survey__agency=agency,
        response__submitted_on__range=(date(year, 1, 1), date(year, 12, 31)),
    )


# --- Pages -------------------------------------------------------------------------


def surveys_for_list(person: User) -> QuerySet[Survey]:
    return (
        permissions.visible_surveys(person)
        .select_related("agency", "unit")
        .annotate(response_count=Count("responses"))
        .order_by("-created_at", "-pk")
    )


def survey_page(person: User, survey: Survey) -> dict:
    questions = list(survey.questions.all())
    return {
        "survey": survey,
        "questions": questions,
        "response_count": survey.responses.count(),
        "can_manage": permissions.can_manage_survey(person, survey),
        "public_url": public_url(survey),
    }


def public_url(survey: Survey) -> str:
    """The short link printed under the QR code."""
    return settings.SITE_URL.rstrip("/") + reverse("surveys_public:answer", args=[survey.slug])


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    counts: list[int] = field(default_factory=list)  # per mark 1–5, or per option
    labels: list[str] = field(default_factory=list)
    satisfaction: Satisfaction | None = None
    mean: Decimal | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[str, int, Decimal | None]]:
        """(label, count, percent of those who answered) for the table beside the chart."""
        return [
            (
                label,
                count,
                (Decimal(count) * 100 / self.answered).quantize(Decimal("0.1")) if self.answered else None,
            )
            for label, count in zip(self.labels, self.counts, strict=True)
        ]


@dataclass
class GroupResult:
    label: str
    responses: int
    satisfaction: Satisfaction


SCALE_LABELS = (
    gettext_lazy("1 – Rất không hài lòng"),
    gettext_lazy("2 – Không hài lòng"),
    gettext_lazy("3 – Bình thường"),
    gettext_lazy("4 – Hài lòng"),
    gettext_lazy("5 – Rất hài lòng"),
)


def _question_results(survey: Survey, questions: list[Question]) -> list[QuestionResult]:
    results = {question.pk: QuestionResult(question=question) for question in questions}
    for result in results.values():
        question = result.question
        if question.kind == Question.Kind.SCALE:
            result.labels, result.counts = [str(label) for label in SCALE_LABELS], [0] * len(SCALE)
        elif question.has_choices():
            result.labels, result.counts = list(question.choices), [0] * len(question.choices)
    answers = Answer.objects.filter(response__survey=survey)
    scale_rows = (
        answers.filter(question__kind=Question.Kind.SCALE, scale__isnull=False)
        .values_list("question_id", "scale")
        .annotate(count=Count("pk"))
    )
    for question_id, mark, count in scale_rows:
        results[question_id].counts[mark - 1] += count
    choice_rows = answers.filter(question__kind__in=[Question.Kind.ONE, Question.Kind.MANY]).values_list(
        "question_id", "choices"
    )
    answered: Counter[int] = Counter()
    for question_id, picked in choice_rows:
        answered[question_id] += 1
        counts = results[question_id].counts
        for position in picked:
            if 0 <= position < len(counts):
                counts[position] += 1
    texts: dict[int, list[str]] = defaultdict(list)
    text_rows = answers.filter(question__kind=Question.Kind.TEXT).exclude(text="")
    for question_id, text in text_rows.order_by("-response__submitted_at", "-pk").values_list(
        "question_id", "text"
    ):
        answered[question_id] += 1
        if len(texts[question_id]) < TEXTS_SHOWN:
            texts[question_id].append(text)
    for result in results.values():
        question = result.question
        if question.kind == Question.Kind.SCALE:
            result.answered = sum(result.counts)
            satisfied = result.counts[SATISFIED[0] - 1] + result.counts[SATISFIED[1] - 1]
            result.satisfaction = Satisfaction(satisfied=satisfied, scored=result.answered)
            if result.answered:
                total = sum(mark * count for mark, count in zip(SCALE, result.counts, strict=True))
                result.mean = (Decimal(total) / result.answered).quantize(Decimal("0.01"))
        else:
            result.answered = answered[question.pk]
            result.texts = texts[question.pk]
    return [results[question.pk] for question in questions]


def _by_unit(survey: Survey) -> list[GroupResult]:
    scale = Q(answers__question__kind=Question.Kind.SCALE, answers__scale__isnull=False)
    rows = (
        Response.objects.filter(survey=survey)
        .values("unit_id", "unit__name")
        .annotate(
            responses=Count("pk", distinct=True),
            scored=Count("answers", filter=scale),
            satisfied=Count("answers", filter=scale & Q(answers__scale__in=SATISFIED)),
        )
        .order_by("unit__name")
    )
    return [
        GroupResult(
            label=row["unit__name"] or _("Không nêu đơn vị"),
            responses=row["responses"],
            satisfaction=Satisfaction(satisfied=row["satisfied"], scored=row["scored"]),
        )
        for row in rows
    ]


def _by_month(survey: Survey) -> list[GroupResult]:
    scale = Q(answers__question__kind=Question.Kind.SCALE, answers__scale__isnull=False)
    rows = (
        Response.objects.filter(survey=survey)
        .annotate(month=TruncMonth("submitted_on"))
        .values("month")
        .annotate(
            responses=Count("pk", distinct=True),
            scored=Count("answers", filter=scale),
            satisfied=Count("answers", filter=scale & Q(answers__scale__in=SATISFIED)),
        )
        .order_by("month")
    )
    return [
        GroupResult(
            label=f"{row['month']:%m/%Y}",
            responses=row["responses"],
            satisfaction=Satisfaction(satisfied=row["satisfied"], scored=row["scored"]),
        )
        for row in rows
    ]


def survey_results(person: User, survey: Survey) -> dict:
    """What the results page and the Excel file show."""
    questions = list(survey.questions.all())
    by_unit, by_month = _by_unit(survey), _by_month(survey)
    overall = Satisfaction(
        satisfied=sum(group.satisfaction.satisfied for group in by_month),
        scored=sum(group.satisfaction.scored for group in by_month),
    )
    results = _question_results(survey, questions)
    return {
        "survey": survey,
        "results": results,
        "by_unit": by_unit,
        "by_month": by_month,
        "overall": overall,
        "response_count": sum(group.responses for group in by_month),
        "can_manage": permissions.can_manage_survey(person, survey),
        "contacts": contacts(person, survey),
        "chart_data": {
            "questions": [
                {"id": result.question.pk, "labels": result.labels, "counts": result.counts}
                for result in results
                if result.counts
            ],
            "units": {
                "labels": [group.label for group in by_unit],
                "rates": [_number(group.satisfaction.percent) for group in by_unit],
            },
            "months": {
                "labels": [group.label for group in by_month],
                "rates": [_number(group.satisfaction.percent) for group in by_month],
                "responses": [group.responses for group in by_month],
            },
        },
    }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def contacts(person: User, survey: Survey) -> list[tuple[date, str]]:
    """The contacts citizens chose to leave, for the office only."""
    if not permissions.can_read_survey_contacts(person, survey):
        return []
    rows = survey.responses.exclude(contact="").order_by("-submitted_at", "-pk")
    return list(rows.values_list("submitted_on", "contact"))


def response_rows(survey: Survey, questions: list[Question]) -> list[tuple[Response, dict[int, Answer]]]:
    """Every response with its answers by question, for the Excel file (two queries)."""
    responses = list(
        survey.responses.select_related("unit").prefetch_related("answers").order_by("submitted_at", "pk")
    )
    return [
        (response, {answer.question_id: answer for answer in response.answers.all()})
        for response in responses
    ]


def already_answered(survey: Survey, device_key: str, petition_key: str) -> bool:
    if petition_key:
        return Response.objects.filter(survey=survey, petition_key=petition_key).exists()
    return bool(device_key) and Response.objects.filter(survey=survey, device_key=device_key).exists()


def unit_choices(survey: Survey) -> QuerySet[Unit]:
    """The units a citizen may name when the survey is about no one unit."""
    if survey.unit_id:
        return Unit.objects.none()
    return Unit.objects.filter(agency=survey.agency_id, is_active=True).order_by("sort_key", "name")


# --- What other areas read ---------------------------------------------------------


def read_satisfaction_target(target: Target) -> Reading:
    """The plans.measures reading of a target bound to the satisfaction rate:
    the agency's answers in the plan's year (this year when it has none)."""
    plan = target.plan
    year = plan.period_year or timezone.localdate().year
    found = satisfaction_of(agency_year_answers(plan.agency, year))
    return Reading(
        value=found.percent,
        counted=found.satisfied,
        total=found.scored,
        note=_(
            "%(satisfied)s trên %(scored)s lượt đánh giá theo thang 1–5 trong năm %(year)s là «hài lòng» "
            "hoặc «rất hài lòng» (mức 4, 5)."
        )
        % {"satisfied": found.satisfied, "scored": found.scored, "year": year},
        url=reverse("surveys:survey_list"),
    )


SATISFACTION_SOURCE = TargetSource(
    code="surveys.satisfaction_rate",
    label=gettext_lazy(
        "Tỷ lệ người dân hài lòng (tính từ phiếu khảo sát của cơ quan, mức 4–5 trên thang 1–5)"
    ),
    read=read_satisfaction_target,
    needs_document=False,
)

# The petitions whose sender is invited: those the agency answered, guided or forwarded.
INVITED_STATUSES = (Petition.Status.ANSWERED, Petition.Status.GUIDED, Petition.Status.FORWARDED)


# What the lookup's invitation reads of a survey: whether it takes answers, and its address.
_INVITING_FIELDS = ("id", "status", "starts_on", "ends_on", "slug")


@written_out
def _petition_surveys_sql(quote) -> str:
    """The agency's published surveys about petition handling, latest first,
    written out: every lookup of an answered petition asks (the public
    lookup answers many citizens at once)."""
    named = {
        name: quote(column(Survey, name))
        for name in (*_INVITING_FIELDS, "agency", "published_on", "about_petitions")
    }
    columns = ", ".join(named[field.name] for field in model_order(Survey, _INVITING_FIELDS))
    return (
        f"SELECT {columns} FROM {quote(Survey._meta.db_table)} "  # noqa: S608
        f"WHERE {named['agency']} = %s AND {named['about_petitions']} = %s AND {named['status']} = %s "
        f"ORDER BY {named['published_on']} DESC, {named['id']} DESC"
    )


@written_out
def _petition_answered_sql(quote) -> str:
    survey = quote(column(Response, "survey"))
    key = quote(column(Response, "petition_key"))
    return f"SELECT 1 FROM {quote(Response._meta.db_table)} WHERE {survey} = %s AND {key} = %s LIMIT 1"  # noqa: S608


def petition_survey(agency_id: int, today: date) -> Survey | None:
    """The agency's survey about petition handling now open, the latest published."""
    fields = model_order(Survey, _INVITING_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(_petition_surveys_sql(), [agency_id, True, Survey.Status.PUBLISHED.value])
        found = (loaded(Survey, fields, row) for row in cursor.fetchall())
        return next((survey for survey in found if survey.accepts_answers(today)), None)


def petition_survey_link(petition: Petition) -> list[PublicLink]:
    """On the public lookup of an answered petition: the invitation to the
    survey about how it was handled, once per petition."""
    if petition.status not in INVITED_STATUSES:
        return []
    survey = petition_survey(petition.agency_id, timezone.localdate())
    if survey is None:
        return []
    if first_row(_petition_answered_sql(), [survey.pk, tokens.petition_key(survey.pk, petition.pk)]):
        return [
            PublicLink(label=_("Ông/bà đã gửi phiếu khảo sát về việc giải quyết đơn này. Cảm ơn ông/bà."))
        ]
    url = reverse("surveys_public:answer", args=[survey.slug])
    return [
        PublicLink(
            label=_("Đánh giá việc giải quyết đơn"),
            url=f"{url}?don={tokens.invite_token(survey.pk, petition.pk)}",
            detail=_("Phiếu ngắn, không ghi tên."),
        )
    ]


@prepared
def _drafts():
    drafts = Survey.objects.filter(agency__in=ids("agencies"), status=Survey.Status.DRAFT)
    return drafts.order_by("created_at", "pk").only("title")[: TODO_LIMIT + 1]


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """The office's surveys still being drafted."""
    scopes = scopes_of(person)
    agencies = scopes.agencies_with(*permissions.MANAGING_ROLES)
    if not agencies:
        return []
    return [
        todo_list(
            _drafts.rows(agencies=agencies),
            lambda row: TodoItem(url=reverse("surveys:survey_detail", args=[row.pk]), text=row.title),
            role=permissions.MANAGING_ROLES[0],
            key="surveys-drafts",
            title=_("Phiếu khảo sát chưa công bố"),
            empty=_("Không có phiếu khảo sát nào đang soạn."),
            more_url=reverse("surveys:survey_list"),
            more_label=_("Xem mọi phiếu khảo sát"),
        )
    ]
