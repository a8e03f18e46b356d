"""What a person types is stored in one canonical form, and input the
system cannot store is refused in Vietnamese."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from django import forms
from django.urls import reverse

from danvan.core.forms import WorkDateField
from danvan.core.models import Unit
from danvan.democracy.models import DisclosureRequest
from danvan.reports.forms import SECTION_LIMIT, ReportForm

DECOMPOSED = unicodedata.normalize("NFD", "Phòng Tổ chức cán bộ")


def test_decomposed_vietnamese_is_stored_composed(agency):
    assert not unicodedata.is_normalized("NFC", DECOMPOSED)
    unit = Unit.objects.create(agency=agency, name=DECOMPOSED, code="TCCB")
    unit.refresh_from_db()
    assert unit.name == "Phòng Tổ chức cán bộ" and unicodedata.is_normalized("NFC", unit.name)
    assert Unit.objects.filter(name="Phòng Tổ chức cán bộ").exists()


def test_a_form_sent_decomposed_is_stored_composed(client, unit_officer, agency):
    client.force_login(unit_officer)
    subject = unicodedata.normalize("NFD", "Quy chế chi tiêu nội bộ năm 2026")
    client.post(reverse("democracy:request_create"), {"agency": agency.pk, "subject": subject})
    assert DisclosureRequest.objects.get().subject == "Quy chế chi tiêu nội bộ năm 2026"


def test_a_nul_character_is_refused_in_vietnamese(client, unit_officer, agency):
    client.force_login(unit_officer)
    response = client.post(
        reverse("democracy:request_create"), {"agency": agency.pk, "subject": "Quy chế\x00 chi tiêu"}
    )
    assert response.status_code in (200, 422)
    assert "Null characters" not in response.content.decode()
    assert "ký tự rỗng" in response.content.decode()
    assert not DisclosureRequest.objects.exists()


class _DateForm(forms.Form):
    day = WorkDateField()


@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999", "31/12/1989", "01/01/2101"])
def test_a_date_far_outside_the_agencys_work_is_refused(typed):
    form = _DateForm({"day": typed})
    assert not form.is_valid()
    assert "nằm ngoài khoảng năm 1990–2100" in form.errors["day"][0]


def test_a_working_date_is_read_day_first():
    form = _DateForm({"day": "05/03/2026"})
    assert form.is_valid() and form.cleaned_data["day"] == date(2026, 3, 5)


def test_a_report_section_holds_no_more_than_its_limit():
    full = ReportForm({"revision": 0, "results": "a" * SECTION_LIMIT})
    over = ReportForm({"revision": 0, "results": "a" * (SECTION_LIMIT + 1)})
    assert full.is_valid(), full.errors
    assert not over.is_valid() and "results" in over.errors
