# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The achievement report of a commendation candidate names the «Dân vận
khéo» models of the candidate recognised in the year."""

from django.urls import reverse

from danvan.emulation import services
from danvan.emulation.models import GoodPractice
from danvan.emulation.selectors_commendation import Subject, draft_achievement
from tests.emulation.conftest import title
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401
from tests.emulation.test_commendation_exports import text_of


def test_a_recognised_model_is_in_the_achievement_report(practice, office_officer, agency, lead_unit):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    report = draft_achievement(Subject(agency=agency, year=2026, unit=lead_unit))
    assert f"Mô hình «Dân vận khéo» “{practice.name}” được công nhận theo Quyết định số 01/QĐ-SKHCN" in report


def test_a_model_not_recognised_is_not_in_it(practice, office_officer, agency, lead_unit):
    advance(practice, GoodPractice.Status.PROPOSED, by=office_officer)
    assert practice.name not in draft_achievement(Subject(agency=agency, year=2026, unit=lead_unit))


def test_the_proposal_file_in_word_names_the_recognised_model(
    client, practice, proposal, unit_officer, done_task, office_officer
):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    services.add_candidate(proposal=proposal, title=title("LDTT"), person=unit_officer, by=office_officer)
    client.force_login(office_officer)
    response = client.get(reverse("emulation:proposal_download", args=[proposal.pk]))
    text = text_of(response.content)
    assert "BÁO CÁO THÀNH TÍCH" in text
    assert f"Mô hình «Dân vận khéo» “{practice.name}” được công nhận theo Quyết định số 01/QĐ-SKHCN" in text
