"""The role matrix shared by each app's permission tests: every persona of
tests/conftest.py against every page, with the status each must get."""

import pytest
from django.urls import reverse

ROLES = [
    "system_admin",
    "province_officer",
    "agency_head",
    "office_officer",
    "unit_head",
    "unit_officer",
    "inspector",
    "people_inspector",
    "other_agency_officer",
]


def matrix_cases(matrix):
    """pytest params from rows of (view name, URL argument fixtures, one status per role in ROLES order)."""
    return [
        pytest.param(view, args, role, status, id=f"{view}({','.join(args)})-{role}")
        for view, args, statuses in matrix
        for role, status in zip(ROLES, statuses, strict=True)
    ]


def status_for(client, request, view, args, role) -> int:
    """Sign in as the persona and GET the view with the named fixtures' ids."""
    client.force_login(request.getfixturevalue(role))
    objects = [request.getfixturevalue(name) for name in args]
    return client.get(reverse(view, args=[obj.pk for obj in objects])).status_code
