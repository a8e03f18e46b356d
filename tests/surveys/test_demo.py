from io import StringIO

from django.core.management import call_command

from danvan.core.indicators import get_indicator
from danvan.core.models import Agency
from danvan.surveys.models import Survey


def test_the_demo_province_has_a_published_survey_with_answers(db):
    call_command("load_demo_province", stdout=StringIO())
    survey = Survey.objects.get(agency__symbol_code="SKHCN")
    assert survey.status == Survey.Status.PUBLISHED and survey.responses.count() == 7
    assert survey.questions.count() == 12
    # Marks 5, 4, 4, 3, 5, 2, 4 on each of the 8 scale questions: 5 of 7 satisfied.
    figure = get_indicator("surveys.satisfaction_rate").measure(Agency.objects.get(symbol_code="SKHCN"), 2026)
    assert (figure.numerator, figure.denominator) == (40, 56)
    out = StringIO()
    call_command("load_demo_province", stdout=out)
    assert "tạo mới 0 bản ghi" in out.getvalue()
