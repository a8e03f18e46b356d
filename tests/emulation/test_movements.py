"""Emulation movements and the yearly registration, late registrations marked."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.emulation import services
from danvan.emulation.models import Movement, Registration
from tests.emulation.conftest import title


def test_a_movement_is_launched_by_a_document(movement, launching_document, lead_unit):
    assert movement.launched_by == launching_document
    assert list(movement.units.all()) == [lead_unit]


def test_a_movement_ending_before_it_starts_is_refused(agency, office_officer):
    with pytest.raises(DomainError):
        services.launch_movement(
            agency=agency,
            name="Phong trào",
            starts_on=date(2026, 5, 1),
            ends_on=date(2026, 4, 1),
            registration_deadline=date(2026, 4, 1),
            by=office_officer,
        )
    assert not Movement.objects.exists()


def test_a_unit_of_another_agency_is_refused(agency, other_unit, office_officer):
    with pytest.raises(DomainError):
        services.launch_movement(
            agency=agency,
            name="Phong trào",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            registration_deadline=date(2026, 3, 20),
            units=[other_unit],
            by=office_officer,
        )


def test_staff_cannot_launch(agency, unit_officer):
    with pytest.raises(DomainError):
        services.launch_movement(
            agency=agency,
            name="Phong trào",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            registration_deadline=date(2026, 3, 20),
            by=unit_officer,
        )


def test_registration_on_time_and_late(registration, movement, lead_unit, office_officer):
    assert not registration.is_late
    late = services.register_for_emulation(
        movement=movement,
        year=2026,
        titles=[title("TTLDTT")],
        registered_on=date(2026, 3, 21),
        unit=lead_unit,
        by=office_officer,
    )
    assert late.is_late


def test_a_title_for_the_wrong_subject_is_refused(movement, lead_unit, office_officer):
    with pytest.raises(DomainError):
        services.register_for_emulation(
            movement=movement,
            year=2026,
            titles=[title("LDTT")],
            registered_on=date(2026, 3, 1),
            unit=lead_unit,
            by=office_officer,
        )
    assert not Registration.objects.exists()


def test_registering_twice_is_refused(registration, movement, unit_officer, office_officer):
    with pytest.raises(DomainError):
        services.register_for_emulation(
            movement=movement,
            year=2026,
            titles=[title("LDTT")],
            registered_on=date(2026, 3, 2),
            person=unit_officer,
            by=office_officer,
        )


def test_staff_see_their_own_registration_only(
    client, registration, movement, unit_officer, unit_head, office_officer
):
    client.force_login(unit_head)
    page = client.get(reverse("emulation:movement_detail", args=[movement.pk])).content.decode()
    assert "Chưa có đăng ký thi đua." in page
    client.force_login(unit_officer)
    page = client.get(reverse("emulation:movement_detail", args=[movement.pk])).content.decode()
    assert "Lao động tiên tiến" in page
    client.force_login(office_officer)
    page = client.get(reverse("emulation:movement_detail", args=[movement.pk])).content.decode()
    assert unit_officer.full_name in page


def test_the_office_launches_a_movement_from_the_page(client, agency, lead_unit, office_officer):
    client.force_login(office_officer)
    url = reverse("emulation:movement_create", args=[agency.pk])
    response = client.post(
        url,
        {
            "name": "Thi đua năm 2027",
            "starts_on": "01/01/2027",
            "ends_on": "31/12/2027",
            "registration_deadline": "20/03/2027",
            "units": [lead_unit.pk],
        },
    )
    movement = Movement.objects.get()
    assert response.status_code == 302 and movement.ends_on == date(2027, 12, 31)
    assert client.post(url, {"name": ""}).status_code == 422
    assert Movement.objects.count() == 1


def test_the_office_registers_from_the_page(client, movement, unit_officer, office_officer, unit_head):
    client.force_login(office_officer)
    url = reverse("emulation:movement_registration", args=[movement.pk])
    data = {
        "year": 2026,
        "person": unit_officer.pk,
        "titles": [title("LDTT").pk],
        "registered_on": "25/03/2026",
    }
    assert client.post(url, {**data, "titles": [title("TTLDTT").pk]}).status_code == 422
    assert client.post(url, data).status_code == 302
    assert Registration.objects.get().is_late
    client.force_login(unit_head)
    assert client.get(url).status_code == 403
