"""Every role × every petitions page.

404 means "not yours" and looks exactly like "does not exist"; 403 means the
page's object is visible to the person but the action is not theirs.
"""

import pytest
from django.urls import reverse

from tests.matrix import ROLES, matrix_cases, status_for

# view name, URL argument fixtures, expected status per role (in ROLES order).
MATRIX = [
    ("petitions:index", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("petitions:dashboard", [], [200, 200, 200, 200, 403, 403, 200, 403, 200]),
    ("petitions:petition_create", [], [200, 403, 200, 200, 403, 403, 200, 403, 200]),
    ("petitions:petition_detail", ["petition"], [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    ("petitions:petition_detail", ["other_petition"], [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("petitions:petition_classify", ["petition"], [200, 403, 200, 403, 404, 404, 200, 404, 404]),
    ("petitions:petition_accept", ["petition"], [200, 403, 200, 403, 404, 404, 200, 404, 404]),
    ("petitions:petition_split", ["petition"], [200, 403, 200, 403, 404, 404, 200, 404, 404]),
    ("petitions:petition_extend_check", ["denunciation"], [200, 403, 200, 403, 404, 404, 200, 404, 404]),
    ("petitions:case_step", ["case_petition"], [200, 403, 200, 403, 404, 404, 200, 404, 404]),
    ("petitions:denouncer_identity", ["denunciation"], [403, 403, 200, 403, 404, 404, 403, 404, 404]),
    ("petitions:reception_list", [], [200, 200, 200, 200, 403, 403, 200, 403, 200]),
    ("petitions:reception_create", [], [200, 403, 200, 200, 403, 403, 200, 403, 200]),
    ("petitions:reception_detail", ["reception"], [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    ("petitions:reception_receipt", ["reception"], [200, 403, 200, 200, 404, 404, 200, 404, 404]),
    ("petitions:reception_schedule", ["agency"], [200, 200, 200, 200, 404, 404, 200, 404, 404]),
    ("petitions:reception_day_postpone", ["reception_day"], [200, 403, 200, 200, 404, 404, 403, 404, 404]),
]

CASES = matrix_cases(MATRIX)


@pytest.mark.parametrize(("view", "args", "role", "status"), CASES)
def test_role_gets_expected_status(client, request, agency, view, args, role, status):
    # ``agency`` exists for every case, so an administrator has somewhere to file.
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize("action", ["gia-han", "tam-dinh-chi", "tiep-tuc", "dinh-chi"])
def test_case_actions_follow_the_case_step_rule(client, case_petition, office_officer, inspector, action):
    url = reverse("petitions:case_action", args=[case_petition.pk, action])
    client.force_login(office_officer)
    assert client.get(url).status_code == 403
    client.force_login(inspector)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_answer_404_not_500(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("petitions:petition_detail", args=[999999])).status_code == 404
    assert client.get(reverse("petitions:reception_detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("name", ["petitions_public:submit", "petitions_public:lookup"])
def test_public_pages_open_without_an_account(client, db, name):
    assert client.get(reverse(name)).status_code == 200


def test_other_agency_officer_sees_none_of_the_agency_in_the_list(client, other_agency_officer, petition):
    client.force_login(other_agency_officer)
    assert petition.code not in client.get(reverse("petitions:index")).content.decode()
