"""A merged agency's democracy work not yet done goes to its successor with
its due dates as they were counted; what is done stays."""

from datetime import date

from danvan.democracy.models import (
    Consultation,
    Disclosure,
    DisclosureKind,
    DisclosureRequest,
    ResolutionCheck,
    StaffConference,
)
from tests.factories import merge_agencies


def disclosure(agency, **fields):
    return Disclosure.objects.create(
        agency=agency,
        kind=DisclosureKind.WORK_PLAN,
        subject="Kế hoạch công tác năm 2025",
        decision_date=date(2025, 6, 20),
        due_date=date(2025, 7, 10),
        due_explanation="Chậm nhất 15 ngày kể từ ngày ban hành (Luật 10/2022 Điều 48 k1).",
        **fields,
    )


def conference(agency, by, year, *, checked):
    row = StaffConference.objects.create(
        agency=agency,
        work_year=year,
        held_on=date(year, 1, 15),
        deadline=date(year, 3, 31),
        deadline_explanation="Trong quý I (Điều 51 k2).",
        convened_by=StaffConference.ConvenedBy.HEAD,
        staff_count=40,
        expected=40,
        present=35,
        created_by=by,
    )
    ResolutionCheck.objects.create(
        conference=row, due=date(year, 7, 15), months=6, checked_on=date(year, 7, 10) if checked else None
    )
    return row


def test_the_successor_takes_the_open_democracy_work_with_its_due_dates(
    agency, other_agency, office_officer, system_admin
):
    waiting = disclosure(agency)
    done = disclosure(agency, status=Disclosure.Status.DISCLOSED, disclosed_on=date(2025, 6, 25))
    asked = DisclosureRequest.objects.create(
        agency=agency,
        subject="Định mức văn phòng phẩm",
        requested_by=office_officer,
        requested_on=date(2025, 6, 26),
    )
    answered = DisclosureRequest.objects.create(
        agency=agency,
        subject="Quyết toán 2024",
        requested_by=office_officer,
        requested_on=date(2025, 3, 1),
        status=DisclosureRequest.Status.ANSWERED,
    )
    consulting = Consultation.objects.create(
        agency=agency,
        topic="work_plan",
        title="Dự thảo quy chế chi tiêu nội bộ",
        opens_on=date(2025, 6, 20),
        deadline=date(2025, 7, 5),
        created_by=office_officer,
    )
    following = conference(agency, office_officer, 2025, checked=False)
    past = conference(agency, office_officer, 2024, checked=True)

    preview = merge_agencies([agency], other_agency, by=system_admin)

    assert sum(count for _party, label, count in preview.work if "dân chủ" in label) == 4
    for row, moved in ((waiting, True), (done, False), (asked, True), (answered, False)):
        row.refresh_from_db()
        assert row.agency == (other_agency if moved else agency)
    waiting.refresh_from_db()
    assert waiting.due_date == date(2025, 7, 10)
    consulting.refresh_from_db()
    assert consulting.agency == other_agency and consulting.deadline == date(2025, 7, 5)
    following.refresh_from_db()
    past.refresh_from_db()
    assert following.agency == other_agency and past.agency == agency
    assert following.checks.get().due == date(2025, 7, 15)
