"""Every role × every commendation page: the agency's leader and office manage, the
council votes, staff read their own line, Sở Nội vụ reads, other agencies get 404."""

import pytest
from django.urls import reverse

from danvan.emulation import services
from tests.emulation.conftest import title
from tests.factories import UserFactory
from tests.matrix import ROLES, matrix_cases, status_for

# tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer, unit_head,
# unit_officer, inspector, people_inspector, other_agency_officer.
MATRIX = [
    ("emulation:movement_create", ["agency"], [200, 403, 200, 200, 403, 403, 403, 403, 404]),
    ("emulation:movement_detail", ["movement"], [200] * 8 + [404]),
    ("emulation:proposal_detail", ["proposal"], [200, 200, 200, 200, 404, 200, 200, 404, 404]),
    ("emulation:proposal_download", ["proposal"], [200, 403, 200, 200, 404, 403, 403, 404, 404]),
    ("emulation:proposal_minutes", ["proposal"], [200, 200, 200, 200, 404, 403, 200, 404, 404]),
]
VOTE_EMPTY_FORM = [422, 403, 422, 422, 404, 403, 403, 404, 404]


@pytest.fixture(autouse=True)
def _a_candidate(candidate):
    """The file proposes the staff member (unit_officer) for Lao động tiên tiến."""


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, VOTE_EMPTY_FORM, strict=True)))
def test_voting_with_nothing_by_role(client, request, proposal, candidate, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("emulation:proposal_vote", args=[proposal.pk, candidate.pk]), {})
    assert response.status_code == status
    candidate.refresh_from_db()
    assert candidate.votes_for is None


def test_staff_read_only_their_own_line(client, proposal, candidate, unit_officer, office_officer, agency):
    other = UserFactory(agency=agency, full_name="Người khác Được Đề Nghị")
    services.add_candidate(proposal=proposal, title=title("LDTT"), person=other, by=office_officer)
    client.force_login(unit_officer)
    page = client.get(reverse("emulation:proposal_detail", args=[proposal.pk])).content.decode()
    assert unit_officer.full_name in page and other.full_name not in page
    client.force_login(office_officer)
    page = client.get(reverse("emulation:proposal_detail", args=[proposal.pk])).content.decode()
    assert other.full_name in page
