"""Every role × every one-stop page: 404 for an agency, period or dossier the
person does not see, 403 for what they see but may not do; the late
dossiers, which name citizens, only for the agency's own staff."""

import pytest
from django.urls import reverse

from tests.matrix import ROLES, matrix_cases, status_for

# tests.matrix.ROLES order: system_admin, province_officer, agency_head, office_officer,
# unit_head, unit_officer, inspector, people_inspector, other_agency_officer.
MATRIX = [
    ("onestop:index", [], [200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("onestop:agency", ["agency"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("onestop:period", ["period"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("onestop:import_start", ["agency"], [403, 403, 200, 200, 403, 403, 403, 403, 404]),
    ("onestop:late_list", ["agency"], [403, 403, 200, 200, 200, 200, 200, 200, 404]),
    ("onestop:late_create", ["agency"], [403, 403, 200, 200, 403, 403, 403, 403, 404]),
    ("onestop:late_detail", ["late_dossier"], [404, 404, 200, 200, 200, 200, 200, 200, 404]),
    ("onestop:late_letter", ["late_dossier"], [404, 404, 200, 200, 200, 200, 200, 200, 404]),
]
APOLOGY_EMPTY_FORM = [404, 404, 422, 422, 403, 403, 403, 403, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, APOLOGY_EMPTY_FORM, strict=True)))
def test_recording_an_apology_by_role(client, request, late_dossier, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("onestop:late_apology", args=[late_dossier.pk]), {"sent_on": ""})
    assert response.status_code == status
    late_dossier.refresh_from_db()
    assert late_dossier.apology_sent_on is None


def test_other_agency_cannot_import_into_this_agency(client, agency, other_agency_officer):
    client.force_login(other_agency_officer)
    response = client.post(reverse("onestop:apology_rule", args=[agency.pk]), {"apology_clears_late": "on"})
    assert response.status_code == 404


def test_the_menu_opens_the_one_stop_figures(client, unit_officer, period):
    client.force_login(unit_officer)
    page = client.get(reverse("onestop:index")).content.decode()
    assert f'href="{reverse("onestop:index")}"' in page
    assert reverse("onestop:period", args=[period.pk]) in page and "84,62%" in page
