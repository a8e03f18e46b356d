"""A staff member who asks the People's Inspection Board to keep their name
confidential is named to nobody but the Board's members (Luật 10/2022 Điều
59: protecting who reports): every persona walks every page it can reach from
the landing page, the democracy area, the admin and the API, and wherever the
petition shows, its sender's name does not, unless the persona sits on the
Board and is not the agency's leader or office. Nor does any search by the
name find the petition."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from danvan.core.text import search_key
from danvan.democracy import permissions
from tests.matrix import ROLES
from tests.petitions.test_confidentiality_crawl import _links, _text, crawl

MARKER = "chấm công làm thêm giờ chưa công khai"
SEARCHES = ["/tim-kiem/", reverse("democracy:index")]


def _seeds(petition) -> list[str]:
    return [
        "/",
        reverse("democracy:index"),
        reverse("democracy:board_detail", args=[petition.board_id]),
        reverse("democracy:board_work", args=[petition.board_id]),
        reverse("democracy:staff_petition_detail", args=[petition.pk]),
        reverse("core:notifications"),
        "/quan-tri/",
        "/api/v1/me",
    ]


def _names(person) -> list[str]:
    return [person.full_name, search_key(person.full_name)]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_names_a_confidential_sender_but_to_the_board(client, request, staff_petition, role):
    person = request.getfixturevalue(role)
    client.force_login(person)
    allowed = permissions.can_see_petition_sender(person, staff_petition)
    detail = reverse("democracy:staff_petition_detail", args=[staff_petition.pk])
    showing = []
    for url, response in crawl(client, _seeds(staff_petition)).items():
        if response.status_code != 200:
            continue
        text = _text(response)
        if MARKER not in text and detail not in _links(text):
            continue
        showing.append(urlsplit(url).path)
        named = any(name in text or name in search_key(text) for name in _names(staff_petition.sender))
        assert named is False or allowed, (role, url)
    readers = permissions.visible_staff_petitions(person).filter(pk=staff_petition.pk).exists()
    assert bool(showing) == readers, (role, showing)


def test_the_board_member_reads_the_name_and_the_office_on_the_board_does_not(
    client, staff_petition, people_inspector, office_officer
):
    detail = reverse("democracy:staff_petition_detail", args=[staff_petition.pk])
    client.force_login(people_inspector)
    assert staff_petition.sender.full_name in client.get(detail).content.decode()
    client.force_login(office_officer)
    page = client.get(detail).content.decode()
    assert MARKER in page and staff_petition.sender.full_name not in page


@pytest.mark.parametrize("role", ROLES)
def test_no_search_by_the_senders_name_finds_the_petition(client, request, staff_petition, role):
    client.force_login(request.getfixturevalue(role))
    detail = reverse("democracy:staff_petition_detail", args=[staff_petition.pk])
    for page in SEARCHES:
        for term in _names(staff_petition.sender):
            response = client.get(page, {"q": term})
            text = _text(response)
            assert MARKER not in text and detail not in text, (role, page, term)
