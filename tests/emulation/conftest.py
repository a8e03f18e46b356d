from datetime import date

import pytest

from danvan.documents.models import LegalDocument
from danvan.emulation import services
from danvan.emulation.models import CommendationTitle
from danvan.plans.models import Plan, Task
from tests.factories import UserFactory

# --- Thi đua, khen thưởng -----------------------------------------------------


def title(code: str) -> CommendationTitle:
    return CommendationTitle.objects.get(code=code)


@pytest.fixture
def launching_document(db):
    return LegalDocument.objects.create(
        doc_type="Kế hoạch",
        number="12/KH-SKHCN",
        date=date(2026, 1, 15),
        issuer="Sở Khoa học và Công nghệ",
        title="Phát động phong trào thi đua năm 2026",
    )


@pytest.fixture
def movement(agency, lead_unit, office_officer, launching_document):
    return services.launch_movement(
        agency=agency,
        name="Phong trào thi đua “Dân vận khéo” năm 2026",
        starts_on=date(2026, 1, 15),
        ends_on=date(2026, 12, 31),
        registration_deadline=date(2026, 3, 20),
        aims="Hoàn thành xuất sắc nhiệm vụ năm 2026",
        criteria="Hoàn thành nhiệm vụ đúng hạn",
        units=[lead_unit],
        launched_by=launching_document,
        by=office_officer,
    )


@pytest.fixture
def registration(movement, unit_officer, office_officer):
    return services.register_for_emulation(
        movement=movement,
        year=2026,
        titles=[title("LDTT")],
        registered_on=date(2026, 3, 1),
        person=unit_officer,
        by=office_officer,
    )


@pytest.fixture
def council(agency, agency_head, office_officer):
    """Five members, four present: the leader, the office and two more; one absent."""
    others = [UserFactory(agency=agency) for _ in range(3)]
    return [
        (agency_head, True),
        (office_officer, True),
        (others[0], True),
        (others[1], True),
        (others[2], False),
    ]


@pytest.fixture
def meeting(agency, council, office_officer):
    return services.hold_council_meeting(
        agency=agency,
        year=2026,
        held_on=date(2026, 12, 20),
        chaired_by="Giám đốc Sở",
        members=council,
        by=office_officer,
    )


@pytest.fixture
def proposal(meeting, office_officer):
    return services.open_proposal(meeting=meeting, by=office_officer)


@pytest.fixture
def done_task(agency, lead_unit, unit_officer, office_officer):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch công tác dân vận năm 2026", created_by=office_officer
    )
    return Task.objects.create(
        plan=plan,
        heading="Tổ chức đối thoại với doanh nghiệp",
        lead_unit=lead_unit,
        assignee=unit_officer,
        due_date=date(2026, 6, 30),
        status=Task.Status.DONE,
        percent=100,
        completed_on=date(2026, 6, 20),
    )


@pytest.fixture
def candidate(proposal, unit_officer, done_task, office_officer):
    return services.add_candidate(
        proposal=proposal, title=title("LDTT"), person=unit_officer, by=office_officer
    )
