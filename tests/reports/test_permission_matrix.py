"""Every role × every reporting page. A unit's draft is its own: another unit
and even the office get "not found" until it is sent."""

import pytest
from django.urls import reverse

from tests.matrix import ROLES, matrix_cases, status_for

MATRIX = [
    ("reports:index", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("reports:request_detail", ["unit_request"], [200, 200, 200, 200, 200, 200, 404, 404, 404]),
    ("reports:request_detail", ["agency_request"], [200, 200, 200, 200, 404, 404, 404, 404, 200]),
    ("reports:report_detail", ["lead_report"], [200, 404, 404, 404, 200, 200, 404, 404, 404]),
    ("reports:report_detail", ["sibling_report"], [200, 404, 404, 404, 404, 404, 404, 404, 404]),
    ("reports:report_detail", ["own_agency_report"], [200, 404, 200, 200, 404, 404, 404, 404, 404]),
    ("reports:request_units", ["agency"], [200, 403, 403, 200, 403, 403, 403, 403, 404]),
    ("reports:request_agencies", ["province"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("reports:province_table", ["province"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
    ("reports:periods", ["province"], [200, 200, 404, 404, 404, 404, 404, 404, 404]),
]


@pytest.fixture
def own_agency_report(agency_request, agency):
    return agency_request.reports.get(agency=agency)


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, db, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_answer_404_not_500(client, db, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reports:report_detail", args=[999999])).status_code == 404
    assert client.get(reverse("reports:request_detail", args=[999999])).status_code == 404
