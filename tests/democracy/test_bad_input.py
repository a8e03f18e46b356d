"""Bad input on the democracy pages, with rows already in the register: each is
refused with a clear message and no count changes."""

import pytest
from django.urls import reverse

from danvan.core.models import Role
from danvan.democracy.models import (
    AgendaItem,
    Attendance,
    BoardMember,
    Briefing,
    Disclosure,
    InspectionBoard,
    StaffConference,
)
from tests.factories import person_with_role

pytestmark = pytest.mark.django_db

MODELS = (Briefing, Attendance, Disclosure, StaffConference, AgendaItem, InspectionBoard, BoardMember)


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def register(briefing, disclosure, conference, board):
    """A register with one of everything."""
    return _counts()


def test_recording_a_disclosure_before_its_decision_changes_nothing(
    client, register, agency, office_officer, disclosure
):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:disclosure_record", args=[disclosure.pk]),
        {"forms": ["posting"], "disclosed_on": "12/02/2026", "posted_from": "12/02/2026"},
    )
    assert response.status_code == 422
    assert (
        "Ngày công khai 12/02/2026 trước ngày của quyết định, văn bản 13/02/2026" in response.content.decode()
    )
    disclosure.refresh_from_db()
    assert disclosure.disclosed_on.isoformat() == "2026-02-24"
    assert _counts() == register


def test_a_conference_with_more_present_than_staff_changes_nothing(client, register, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:conference_create", args=[agency.pk]),
        {
            "work_year": "2026",
            "held_on": "20/01/2027",
            "convened_by": "head",
            "form": "all_staff",
            "staff_count": "30",
            "expected": "30",
            "present": "31",
            "kinds": ["accountability"],
        },
    )
    assert response.status_code == 422
    assert "nhiều hơn tổng số cán bộ" in response.content.decode()
    assert _counts() == register


def test_a_deputy_head_on_the_board_changes_nothing(client, register, agency, office_officer, board_staff):
    deputy = person_with_role(
        Role.AGENCY_LEADER, agency=agency, full_name="Lê Phó Giám Đốc", position="Phó Giám đốc"
    )
    client.force_login(office_officer)
    data = {"elected_on": "13/02/2028", "staff_count": "30"}
    for row, person in enumerate([*board_staff[:3], deputy], start=1):
        data[f"person_{row}"], data[f"post_{row}"] = person.pk, "chair" if row == 1 else "member"
    for row in range(5, 11):
        data[f"post_{row}"] = "member"
    response = client.post(reverse("democracy:board_create", args=[agency.pk]), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "cấp phó của người đứng đầu" in page
    assert _counts() == register


def test_a_briefing_on_a_document_not_in_the_library_changes_nothing(
    client, register, agency, office_officer, lead_unit
):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:briefing_create", args=[agency.pk]),
        {
            "title": "Quán triệt Nghị quyết mới",
            "held_on": "10/04/2026",
            "form": "conference",
            "other_document": "Nghị quyết 99/NQ-CP",
            "units": [lead_unit.pk],
        },
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Nghị quyết 99/NQ-CP» chưa có trong thư viện" in page
    assert reverse("documents:library") in page
    assert _counts() == register
