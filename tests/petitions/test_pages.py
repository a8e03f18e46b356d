"""Every petitions page has one <h1> and a Vietnamese <title> (as the core guard asks)."""

import re

import pytest
from django.urls import reverse

PAGES = [
    ("petitions:index", []),
    ("petitions:dashboard", []),
    ("petitions:petition_create", []),
    ("petitions:petition_detail", ["case_petition"]),
    ("petitions:petition_classify", ["petition"]),
    ("petitions:petition_accept", ["petition"]),
    ("petitions:petition_split", ["petition"]),
    ("petitions:case_step", ["case_petition"]),
    ("petitions:denouncer_identity", ["denunciation"]),
    ("petitions:reception_list", []),
    ("petitions:reception_create", []),
    ("petitions:reception_detail", ["reception"]),
    ("petitions:reception_receipt", ["reception"]),
    ("petitions:reception_schedule", ["agency"]),
    ("petitions:reception_day_postpone", ["reception_day"]),
    ("petitions_public:submit", []),
    ("petitions_public:lookup", []),
    ("petitions_public:schedule", []),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_has_one_h1_and_a_vietnamese_title(client, request, agency_head, name, args):
    client.force_login(agency_head)
    objects = [request.getfixturevalue(arg) for arg in args]
    html = client.get(reverse(name, args=[obj.pk for obj in objects])).content.decode()
    assert html.count("<h1") == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert re.search(r"[ạảấầẩậắằẳặẹẻếềểệịỉọỏốồổộớờởợụủứừửựỳỷđơưăâêô]", title, re.I), title


@pytest.mark.parametrize("action", ["gia-han", "tam-dinh-chi", "tiep-tuc", "dinh-chi"])
def test_case_action_pages_have_one_h1(client, inspector, case_petition, action):
    client.force_login(inspector)
    html = client.get(reverse("petitions:case_action", args=[case_petition.pk, action])).content.decode()
    assert html.count("<h1") == 1
