"""A survey of Sở Khoa học's one-stop desk: one scale, one single choice,
one multiple choice and one short text, built by the office."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.surveys import services
from danvan.surveys.models import Question

TODAY = date(2026, 6, 15)


def build_survey(agency, by, **overrides):
    fields = {"agency": agency, "title": "Khảo sát bộ phận một cửa", "by": by, **overrides}
    survey = services.create_survey(**fields)
    services.add_question(survey=survey, kind=Question.Kind.SCALE, text="Thái độ của cán bộ", by=by)
    services.add_question(
        survey=survey,
        kind=Question.Kind.ONE,
        text="Số lần phải đi lại",
        choices=["1 lần", "2 lần", "3 lần trở lên"],
        by=by,
    )
    services.add_question(
        survey=survey,
        kind=Question.Kind.MANY,
        text="Ông/bà biết thủ tục qua đâu",
        choices=["Cổng dịch vụ công", "Niêm yết tại bộ phận một cửa", "Người quen"],
        required=False,
        by=by,
    )
    services.add_question(survey=survey, kind=Question.Kind.TEXT, text="Góp ý khác", required=False, by=by)
    return survey


@pytest.fixture
def survey(agency, office_officer):
    return build_survey(agency, office_officer)


@pytest.fixture
def published(survey, office_officer):
    return services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)


def questions(survey):
    scale, one, many, text = survey.questions.order_by("order")
    return scale, one, many, text


def answer(survey, *, mark, one=0, many=None, text="", device, on=TODAY, unit=None, petition_key=""):
    scale, single, multiple, short = questions(survey)
    return services.submit_response(
        survey=survey,
        values={scale.pk: mark, single.pk: one, multiple.pk: many or [], short.pk: text},
        today=on,
        device_key=device,
        petition_key=petition_key,
        unit=unit,
    )


def public_url(survey):
    return reverse("surveys_public:answer", args=[survey.slug])


def form_data(survey, *, mark="5", one="0", many=(), text="", **extra):
    scale, single, multiple, short = questions(survey)
    data = {f"q{scale.pk}": mark, f"q{single.pk}": one, f"q{short.pk}": text, "website": "", **extra}
    if many:
        data[f"q{multiple.pk}"] = list(many)
    return data
