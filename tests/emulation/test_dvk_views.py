# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The «Dân vận khéo» pages: registration, the office's view of who has not
registered, the library's accent-insensitive search and the province's export."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.emulation.models import GoodPractice
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401

FORM = {
    "name": "Cân đúng, đủ tại chợ",
    "address": "Chợ Long Hoa",
    "field": "economy",
    "level": "grassroots",
    "aims": "Cân đúng",
    "content": "Kiểm định cân",
    "participants": "Tiểu thương",
    "starts_on": "01/04/2026",
    "ends_on": "30/11/2026",
    "expected_results": "100% cân được kiểm định",
    "responsible": "Nguyễn Văn An",
}


@pytest.fixture
def today_before_deadline(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: date(2026, 3, 1))


def test_a_unit_registers_a_model(client, campaign, lead_unit, unit_officer, today_before_deadline):
    client.force_login(unit_officer)
    response = client.post(
        reverse("emulation:dvk_register", args=[campaign.pk]), {**FORM, "unit": lead_unit.pk}
    )
    practice = GoodPractice.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "emulation:dvk_practice", args=[practice.pk]
    )
    assert practice.starts_on == date(2026, 4, 1) and not practice.is_late


@pytest.mark.parametrize(("missing", "message"), [("field", "Hãy chọn lĩnh vực"), ("level", "Hãy chọn cấp")])
def test_a_missing_field_or_level_gets_a_message_and_saves_nothing(
    client, campaign, lead_unit, unit_officer, missing, message
):
    client.force_login(unit_officer)
    data = {**FORM, "unit": lead_unit.pk, missing: ""}
    response = client.post(reverse("emulation:dvk_register", args=[campaign.pk]), data)
    assert response.status_code == 422 and message in response.content.decode()
    assert "Cân đúng, đủ tại chợ" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_the_office_sees_who_has_not_registered(client, campaign, practice, office_officer, sibling_unit):
    client.force_login(office_officer)
    page = client.get(reverse("emulation:dvk_campaign", args=[campaign.pk])).content.decode()
    assert "Chưa đăng ký" in page and sibling_unit.name in page
    assert practice.name in page


def test_the_library_finds_a_recognised_model_without_accents(
    client, practice, office_officer, other_agency_officer
):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    client.force_login(other_agency_officer)
    page = client.get(reverse("emulation:dvk_library"), {"q": "kiem dinh do luong", "field": "economy"})
    assert practice.name in page.content.decode()
    page = client.get(reverse("emulation:dvk_library"), {"q": "kiem dinh", "field": "culture_society"})
    assert practice.name not in page.content.decode()


def test_the_province_table_exports_to_excel(client, practice, office_officer, province_officer):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    client.force_login(province_officer)
    response = client.get(reverse("emulation:dvk_province"), {"nam": "2026", "xuat": "excel"})
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows == [("Sở Khoa học và Công nghệ", 1, 1, 0, 0, 0, 1, 0, 0, 1, 0)]


def test_a_score_above_the_maximum_is_refused_by_the_form(client, practice, office_officer, agency_head):
    advance(practice, GoodPractice.Status.REPORTED, by=office_officer)
    first, second = practice.campaign.criteria.all()
    client.force_login(agency_head)
    url = reverse("emulation:dvk_practice_score", args=[practice.pk])
    response = client.post(url, {f"c{first.pk}": "7", f"c{second.pk}": "2"})
    assert response.status_code == 422 and not practice.scores.exists()
