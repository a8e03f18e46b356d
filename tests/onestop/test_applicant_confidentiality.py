"""A late dossier names the citizen or organisation that applied: every
persona walks every page it can reach from the landing page, the one-stop
area, the admin and the API, opens the Word files it finds, and the name
shows only to the staff of the dossier's agency."""

from __future__ import annotations

import pytest
from django.urls import reverse

from danvan.core.text import search_key
from danvan.onestop import permissions
from tests.matrix import ROLES
from tests.petitions.test_confidentiality_crawl import _text, crawl


def _seeds(dossier, period) -> list[str]:
    return [
        "/",
        reverse("onestop:index"),
        reverse("onestop:agency", args=[dossier.agency_id]),
        reverse("onestop:period", args=[period.pk]),
        reverse("onestop:late_list", args=[dossier.agency_id]),
        reverse("onestop:late_detail", args=[dossier.pk]),
        reverse("onestop:late_letter", args=[dossier.pk]),
        "/quan-tri/",
        "/api/v1/me",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_the_applicants_name_shows_only_to_the_agencys_staff(client, request, late_dossier, period, role):
    person = request.getfixturevalue(role)
    client.force_login(person)
    allowed = permissions.can_read_late_dossiers(person, late_dossier.agency)
    names = [late_dossier.applicant, search_key(late_dossier.applicant)]
    showing = []
    for url, response in crawl(client, _seeds(late_dossier, period)).items():
        if response.status_code != 200:
            continue
        text = _text(response)
        if any(name in text or name in search_key(text) for name in names):
            showing.append(url)
    assert bool(showing) == allowed, (role, showing)
    if allowed:
        assert reverse("onestop:late_letter", args=[late_dossier.pk]) in showing


@pytest.mark.parametrize("role", ROLES)
def test_no_search_by_the_applicants_name_finds_the_dossier(client, request, late_dossier, role):
    client.force_login(request.getfixturevalue(role))
    detail = reverse("onestop:late_detail", args=[late_dossier.pk])
    for term in (late_dossier.applicant, search_key(late_dossier.applicant)):
        assert detail not in _text(client.get("/tim-kiem/", {"q": term})), (role, term)
