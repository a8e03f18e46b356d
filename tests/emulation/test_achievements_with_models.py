# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The achievement report of a commendation candidate names the «Dân vận
khéo» models of the candidate recognised in the year."""

from danvan.emulation.models import GoodPractice
from danvan.emulation.selectors_commendation import Subject, draft_achievement
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401


def test_a_recognised_model_is_in_the_achievement_report(practice, office_officer, agency, lead_unit):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    report = draft_achievement(Subject(agency=agency, year=2026, unit=lead_unit))
    assert f"Mô hình «Dân vận khéo» “{practice.name}” được công nhận theo Quyết định số 01/QĐ-SKHCN" in report


def test_a_model_not_recognised_is_not_in_it(practice, office_officer, agency, lead_unit):
    advance(practice, GoodPractice.Status.PROPOSED, by=office_officer)
    assert practice.name not in draft_achievement(Subject(agency=agency, year=2026, unit=lead_unit))
