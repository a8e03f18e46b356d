# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""Every role × every «Dân vận khéo» page: 404 for a campaign or model of an
agency the person does not see, 403 for an action on one they see but may not take."""

import pytest
from django.urls import reverse

from danvan.emulation import services
from danvan.emulation.models import GoodPractice
from tests.emulation.dvk_fixtures import campaign, practice  # noqa: F401
from tests.matrix import ROLES, matrix_cases, status_for


@pytest.fixture
def evidence(practice, unit_officer):
    services.start_practice(practice=practice, by=unit_officer)
    report = services.report_progress(
        practice=practice,
        period="6 tháng đầu năm",
        text="Đã kiểm định 120 cân",
        files=[("bien-ban.pdf", b"%PDF-1.4\n")],
        by=unit_officer,
    )
    return report.evidence.get()


# view name, URL argument fixtures, expected status per role (tests.matrix.ROLES order:
# system_admin, province_officer, agency_head, office_officer, unit_head,
# unit_officer, inspector, people_inspector, other_agency_officer).
MATRIX = [
    ("emulation:index", [], [200] * 9),
    ("emulation:dvk_campaigns", [], [200] * 9),
    ("emulation:dvk_campaign_create", [], [200, 200, 200, 200, 403, 403, 403, 403, 200]),
    ("emulation:dvk_campaign", ["campaign"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("emulation:dvk_register", ["campaign"], [200, 403, 200, 200, 200, 200, 403, 403, 404]),
    ("emulation:dvk_practice", ["practice"], [200, 200, 200, 200, 200, 200, 200, 200, 404]),
    ("emulation:dvk_practice_replicate", ["practice"], [403, 403, 403, 403, 403, 403, 403, 403, 404]),
    ("emulation:dvk_library", [], [200] * 9),
    ("emulation:dvk_province", [], [200, 200, 403, 403, 403, 403, 403, 403, 403]),
]
START = [302, 403, 302, 302, 302, 302, 403, 403, 404]
DOWNLOAD = [200, 200, 200, 200, 200, 200, 200, 200, 404]


@pytest.mark.parametrize(("view", "args", "role", "status"), matrix_cases(MATRIX))
def test_role_gets_expected_status(client, request, view, args, role, status):
    assert status_for(client, request, view, args, role) == status


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, START, strict=True)))
def test_starting_a_model_by_role(client, request, practice, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("emulation:dvk_practice_start", args=[practice.pk]))
    assert response.status_code == status
    practice.refresh_from_db()
    expected = GoodPractice.Status.IN_PROGRESS if status == 302 else GoodPractice.Status.REGISTERED
    assert practice.status == expected


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, DOWNLOAD, strict=True)))
def test_downloading_evidence_by_role(client, request, practice, evidence, role, status):
    client.force_login(request.getfixturevalue(role))
    url = reverse("emulation:dvk_evidence_download", args=[practice.pk, evidence.pk])
    assert client.get(url).status_code == status


def test_the_menu_opens_the_landing_page(client, unit_officer):
    client.force_login(unit_officer)
    page = client.get(reverse("emulation:index")).content.decode()
    assert reverse("emulation:dvk_campaigns") in page and reverse("emulation:dvk_library") in page
