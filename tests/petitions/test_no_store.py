"""Pages and files that carry citizens' personal data are kept by no
browser or proxy: ``Cache-Control: no-store``."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.petitions import services


@pytest.fixture
def pages(petition, denunciation, reception, agency_head):
    services.classify_petition(
        petition=petition, kind=petition.kind, conditions_met=True, in_jurisdiction=True, by=agency_head
    )
    services.accept_petition(
        petition=petition, accepted_on=date(2026, 3, 5), handler=agency_head, instance=1, by=agency_head
    )
    reception.documents_received = "01 đơn"
    reception.save()
    return [
        reverse("petitions:index"),
        reverse("petitions:dashboard"),
        reverse("petitions:petition_detail", args=[petition.pk]),
        reverse("petitions:petition_letter", args=[petition.pk]),
        reverse("petitions:case_step", args=[petition.pk]),
        reverse("petitions:denouncer_identity", args=[denunciation.pk]),
        reverse("petitions:petition_classify", args=[denunciation.pk]),
        reverse("petitions:reception_list"),
        reverse("petitions:reception_create"),
        reverse("petitions:reception_detail", args=[reception.pk]),
        reverse("petitions:reception_receipt", args=[reception.pk]),
        reverse("api:petition_list"),
        reverse("api:petition_detail", args=[petition.pk]),
    ]


def test_every_page_of_petitions_and_receptions_is_no_store(client, agency_head, pages):
    client.force_login(agency_head)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"].split(", "), url


def test_the_public_form_and_lookup_are_no_store(client, petition):
    for url in (reverse("petitions_public:submit"), reverse("petitions_public:lookup")):
        assert "no-store" in client.get(url)["Cache-Control"].split(", ")
    response = client.post(reverse("petitions_public:lookup"), {"code": petition.code, "digits": "5678"})
    assert petition.subject in response.content.decode()
    assert "no-store" in response["Cache-Control"].split(", ")
