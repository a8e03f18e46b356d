"""Every role × every dialogue page: 404 for a dialogue of an agency the
person does not see, 403 for an action on a dialogue they see but may not
record."""

import pytest
from django.urls import reverse

from tests.matrix import matrix_cases, status_for

# view name, URL argument fixtures, expected status per role (tests.matrix.ROLES order:
# system_admin, province_officer, agency_head, office_officer, unit_head,
# unit_officer, inspector, people_inspector, other_agency_officer).
MATRIX = [
    ("engagement:dialogue_list", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("engagement:dialogue_create", [], [200, 403, 200, 200, 403, 403, 403, 403, 200]),
    ("engagement:dialogue_detail", ["dialogue"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, agency, view, args, role, status):
    # ``agency`` exists for every case, so an administrator has somewhere to plan.
    assert status_for(client, request, view, args, role) == status


RECORDING = [
    "engagement:dialogue_issue_add",
    "engagement:dialogue_minutes",
    "engagement:dialogue_commitment_add",
]
EXPECTED_POST = dict(
    zip(
        [
            "system_admin",
            "province_officer",
            "agency_head",
            "office_officer",
            "unit_head",
            "unit_officer",
            "inspector",
            "people_inspector",
            "other_agency_officer",
        ],
        [422, 403, 422, 422, 403, 403, 403, 403, 404],
        strict=True,
    )
)


@pytest.mark.parametrize("view", RECORDING)
@pytest.mark.parametrize(("role", "status"), EXPECTED_POST.items())
def test_recording_an_empty_form_by_role(client, request, dialogue, view, role, status):
    # An empty form: those allowed get the form back with its errors (422).
    client.force_login(request.getfixturevalue(role))
    assert client.post(reverse(view, args=[dialogue.pk]), {}).status_code == status
