# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The «Dân vận khéo» read API, scoped like the pages."""

from django.urls import reverse

from danvan.emulation.models import GoodPractice
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401


def ids(client, name):
    return [item["id"] for item in client.get(reverse(f"api:{name}")).json()["results"]]


def test_campaigns_are_scoped_like_the_pages(client, campaign, unit_officer, other_agency_officer):
    client.force_login(unit_officer)
    assert ids(client, "dvk_campaign_list") == [campaign.pk]
    body = client.get(reverse("api:dvk_campaign_detail", args=[campaign.pk])).json()
    assert body["deadline"] == "2026-03-20" and len(body["criteria"]) == 2
    client.force_login(other_agency_officer)
    assert ids(client, "dvk_campaign_list") == []
    assert client.get(reverse("api:dvk_campaign_detail", args=[campaign.pk])).status_code == 404


def test_another_agency_reads_a_model_once_it_is_recognised(
    client, practice, office_officer, other_agency_officer
):
    client.force_login(other_agency_officer)
    assert ids(client, "dvk_practice_list") == []
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    body = client.get(reverse("api:dvk_practice_detail", args=[practice.pk])).json()
    assert body["status"] == "recognised" and body["recognition_number"] == "01/QĐ-SKHCN"
