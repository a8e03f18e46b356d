"""Every role × every page that shows or changes organisation data.

404 means "not yours" and looks exactly like "does not exist"; 403 means the
page's object is visible to the person but the action is not theirs.
"""

import pytest
from django.urls import reverse

from tests.matrix import ROLES, matrix_cases, status_for

# view name, URL argument fixtures, expected status per role (in ROLES order).
MATRIX = [
    ("core:home", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("core:agency_list", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("core:calendar", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("core:agency_detail", ["agency"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("core:agency_detail", ["other_agency"], [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("core:unit_detail", ["lead_unit"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("core:unit_detail", ["sibling_unit"], [200, 200, 200, 200, 404, 404, 200, 200, 404]),
    ("core:unit_detail", ["other_unit"], [200, 200, 404, 404, 404, 404, 404, 404, 200]),
    ("core:organisation_import", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("core:organisation_template", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("core:organisation_import", ["other_agency"], [200, 403, 404, 404, 404, 404, 404, 404, 200]),
    ("core:agency_contact", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("core:agency_contact", ["other_agency"], [200, 403, 404, 404, 404, 404, 404, 404, 200]),
    ("core:read_log", [], [200, 403, 403, 403, 403, 403, 200, 403, 403]),
    ("api:me", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("admin:index", [], [200, 302, 302, 302, 302, 302, 302, 302, 302]),
]

CASES = matrix_cases(MATRIX)


@pytest.mark.parametrize(("view", "args", "role", "status"), CASES)
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_answer_404_not_500(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("core:agency_detail", args=[999999])).status_code == 404
    assert client.get(reverse("core:unit_detail", args=[999999])).status_code == 404


def test_other_agency_officer_sees_none_of_the_agency_in_the_directory(client, other_agency_officer, agency):
    client.force_login(other_agency_officer)
    response = client.get(reverse("core:agency_list"))
    assert agency.name not in response.content.decode()
