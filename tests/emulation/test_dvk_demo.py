"""The demo's 2026 «Dân vận khéo» campaign at Sở KH&CN."""

from io import StringIO

from django.core.management import call_command

from danvan.core.indicators import get_indicator
from danvan.emulation.models import Campaign, GoodPractice
from danvan.emulation.services import missing_registrants


def test_the_demo_campaign_has_a_recognised_and_replicated_model_and_a_unit_not_registered(db):
    call_command("load_demo_province", stdout=StringIO())
    call_command("load_demo_province", stdout=StringIO())
    campaign = Campaign.objects.get(agency__symbol_code="SKHCN", year=2026)
    assert f"{campaign.deadline:%d/%m/%Y}" == "20/03/2026"
    origin = GoodPractice.objects.get(campaign=campaign, status=GoodPractice.Status.REPLICATED)
    assert origin.replications.count() == 1 and origin.recognition.document.number.endswith("/QĐ-SKHCN")
    units, _agencies = missing_registrants(campaign)
    assert [unit.code for unit in units] == ["QLKH"]
    assert get_indicator("emulation.recognised_models").measure(campaign.agency, 2026).numerator == 1
