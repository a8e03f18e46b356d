"""A client scoped to one agency reads the province's evaluation results
only for that agency: its rows, and the distribution of bands of those rows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.evaluation.models import Assessment
from tests.api.conftest import bearer, client_token, register
from tests.evaluation.conftest import assess, can_tho_workbook, draft_set, set_in_use  # noqa: F401 — fixtures


@pytest.fixture
def results(agency, other_agency, set_in_use, province_officer):  # noqa: F811
    assess(agency, set_in_use, province_officer, final=Decimal("96"), band="Hoàn thành xuất sắc")
    assess(other_agency, set_in_use, province_officer, final=Decimal("60"), band="Không hoàn thành")


def test_a_client_of_one_agency_reads_only_its_own_band_in_the_distribution(
    client, province, province_officer, agency, system_admin, results
):
    registered = register(
        acting_person=province_officer, agencies=[agency], scopes=["evaluation:read"], by=system_admin
    )
    token = client_token(client, registered)
    body = client.get(
        reverse("api:evaluation_results"), {"tinh": province.pk, "nam": 2025}, **bearer(token)
    ).json()
    assert [row["agency_id"] for row in body["rows"]] == [agency.pk]
    counted = {band["band"]: band["count"] for band in body["distribution"]}
    assert counted.get("Hoàn thành xuất sắc") == 1
    assert sum(counted.values()) == 1 and not counted.get("Không hoàn thành")


def test_the_province_reviewer_still_reads_the_whole_distribution(
    client, province, province_officer, results
):
    client.force_login(province_officer)
    body = client.get(reverse("api:evaluation_results"), {"tinh": province.pk, "nam": 2025}).json()
    counted = {band["band"]: band["count"] for band in body["distribution"]}
    assert counted["Hoàn thành xuất sắc"] == 1 and counted["Không hoàn thành"] == 1
    assert Assessment.objects.count() == 2
