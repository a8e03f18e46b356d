"""The contacts citizens chose to leave on a survey are personal data: the
office's results page and Excel file that show them write one row of the
read log each; the same pages without contacts write none."""

from datetime import date

from django.urls import reverse

from danvan.core.models import SensitiveRead
from danvan.surveys import services
from tests.surveys.conftest import build_survey


def test_results_with_contacts_log_each_read(client, agency, office_officer, unit_officer):
    survey = build_survey(agency, office_officer, allow_contact=True)
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    scale = survey.questions.order_by("order").first()
    one = survey.questions.order_by("order")[1]
    services.submit_response(
        survey=survey,
        values={scale.pk: 2, one.pk: 0},
        today=date(2026, 3, 2),
        device_key="a",
        contact="0909 111 222",
    )
    # A unit's officer sees the results without the contacts: nothing to log.
    client.force_login(unit_officer)
    assert client.get(reverse("surveys:survey_results", args=[survey.pk])).status_code == 200
    assert not SensitiveRead.objects.exists()
    client.force_login(office_officer)
    client.get(reverse("surveys:survey_results", args=[survey.pk]))
    client.get(reverse("surveys:survey_export", args=[survey.pk]))
    rows = list(SensitiveRead.objects.values_list("person", "agency", "model", "object_pk", "what"))
    assert rows == [
        (office_officer.pk, agency.pk, "surveys.survey", str(survey.pk), "surveys.survey_export"),
        (office_officer.pk, agency.pk, "surveys.survey", str(survey.pk), "surveys.survey_results"),
    ]
