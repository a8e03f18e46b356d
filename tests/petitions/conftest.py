from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from danvan.core.models import CalendarDay
from tests.factories import CalendarDayFactory
from tests.signing_ca import agency_bundle, test_ca  # noqa: F401 — the test CA's fixtures.


def seed_time_limit_rules():
    """The rules the data migration seeds, put back at once (idempotent): for
    a transactional test, which starts from a flushed database. Every other
    test gets them from tests.conftest.seed_migration_data."""
    import_module("danvan.petitions.migrations.0002_seed_time_limit_rules").seed(apps, None)


@pytest.fixture
def calendar_2026(db):
    """Tết 2026 (16–20/02, from the statutory table), one extra day off
    after it (Monday 23/02) and a make-up Saturday (28/02)."""
    CalendarDayFactory(date=date(2026, 2, 23), kind=CalendarDay.Kind.DAY_OFF, note="Nghỉ bù Tết")
    CalendarDayFactory(date=date(2026, 2, 28), kind=CalendarDay.Kind.WORKING_DAY)


@pytest.fixture
def petition(agency):
    from tests.petitions.factories import petition_for

    return petition_for(agency)


@pytest.fixture
def other_petition(other_agency):
    from tests.petitions.factories import petition_for

    return petition_for(other_agency, sender_name="Phạm Văn Khác", identity_number="")


@pytest.fixture
def denunciation(agency, agency_head):
    # Received through the public form: only the agency's head is granted.
    from tests.petitions.factories import petition_for

    return petition_for(
        agency, kind="denunciation", sender_name="Hoàng Thị Mật", subject="Tố cáo cán bộ địa chính", by=None
    )


@pytest.fixture
def case_petition(agency, inspector):
    from tests.petitions.factories import case_for

    return case_for(agency, by=inspector).petition


@pytest.fixture
def reception(agency, office_officer):
    from danvan.petitions import services

    return services.record_reception(
        agency=agency,
        received_on=date(2026, 3, 2),
        full_name="Lê Văn Tám",
        content="Tranh chấp đất",
        by=office_officer,
    )


@pytest.fixture
def reception_day(agency, agency_head, office_officer):
    from danvan.petitions import services

    return services.schedule_reception_day(
        agency=agency,
        leader=agency_head,
        day=date(2026, 3, 16),
        place="Phòng tiếp công dân, số 2 đường Lê Lợi",
        planned_content="Tiếp công dân định kỳ tháng 3",
        by=office_officer,
    )
