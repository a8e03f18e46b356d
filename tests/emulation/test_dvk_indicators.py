# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
from datetime import date

from danvan.core.indicators import get_indicator
from danvan.emulation.models import GoodPractice
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401


def test_recognised_models_count_the_agencys_models_recognised_in_the_year(practice, office_officer, agency):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    figure = get_indicator("emulation.recognised_models").measure(agency, 2026)
    assert figure.numerator == 1
    assert [line.label for line in figure.lines] == [practice.name]
    assert figure.lines[0].url == f"/dan-van-kheo/mo-hinh/{practice.pk}/"
    assert "01/QĐ-SKHCN" in figure.lines[0].detail and "10/12/2026" in figure.lines[0].detail


def test_a_model_not_yet_recognised_does_not_count(practice, office_officer, agency):
    advance(practice, GoodPractice.Status.PROPOSED, by=office_officer)
    assert get_indicator("emulation.recognised_models").measure(agency, 2026).numerator == 0
    assert get_indicator("emulation.recognised_models").measure(agency, date(2027, 1, 1).year).numerator == 0


def test_the_indicator_is_registered_as_a_count():
    from_registry = get_indicator("emulation.recognised_models")
    assert from_registry.kind.value == "count"
