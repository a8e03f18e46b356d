"""The services named one by one: a proposed disclosure recorded, a plan proposed
once, and a bound target refreshed from its source."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.core.search import search_entries
from danvan.core.services import DomainError
from danvan.democracy import services
from danvan.democracy.models import Attendance, Disclosure
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target, refresh_measured_target, refresh_measured_targets


def _plan(agency, office_officer, **fields):
    return Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác năm 2026",
        number="05",
        symbol="KH-SKHCN",
        status=Plan.Status.ISSUED,
        created_by=office_officer,
        **fields,
    )


def test_a_plan_is_proposed_once_and_then_recorded(agency, office_officer, calendar_2026):
    plan = _plan(agency, office_officer, issue_date=date(2026, 2, 13))
    disclosure = services.propose_disclosure_for_plan(plan=plan, by=office_officer)
    assert services.propose_disclosure_for_plan(plan=plan, by=office_officer) is None
    assert disclosure.subject == "Kế hoạch 05/KH-SKHCN Kế hoạch công tác năm 2026"
    assert (disclosure.status, disclosure.due_date) == (Disclosure.Status.PROPOSED, date(2026, 2, 28))

    services.record_disclosure(
        disclosure=disclosure,
        forms=["portal", "unit_heads"],
        disclosed_on=date(2026, 2, 25),
        posted_from=date(2026, 2, 25),
        today=date(2026, 3, 1),
        by=office_officer,
    )
    disclosure.refresh_from_db()
    assert (disclosure.status, disclosure.forms, disclosure.posting_end) == (
        Disclosure.Status.DISCLOSED,
        ["portal", "unit_heads"],
        date(2026, 3, 17),
    )
    assert not disclosure.is_late()


def test_a_plan_without_an_issue_date_is_not_proposed(agency, office_officer):
    assert services.propose_disclosure_for_plan(plan=_plan(agency, office_officer), by=None) is None
    assert not Disclosure.objects.exists()


def test_recording_before_the_decision_changes_nothing(agency, office_officer, calendar_2026):
    disclosure = services.propose_disclosure_for_plan(
        plan=_plan(agency, office_officer, issue_date=date(2026, 2, 13)), by=office_officer
    )
    with pytest.raises(DomainError, match="trước ngày của quyết định"):
        services.record_disclosure(
            disclosure=disclosure,
            forms=["posting"],
            disclosed_on=date(2026, 2, 12),
            posted_from=date(2026, 2, 12),
            today=date(2026, 3, 1),
            by=office_officer,
        )
    disclosure.refresh_from_db()
    assert (disclosure.status, disclosure.disclosed_on, disclosure.forms) == (
        Disclosure.Status.PROPOSED,
        None,
        [],
    )


def test_a_bound_target_is_refreshed_from_attendance(
    agency, office_officer, briefing, unit_officer, chi_thi_33
):
    target = Target.objects.create(
        plan=_plan(agency, office_officer),
        text="100% công chức được quán triệt Chỉ thị 33/CT-TTg",
        percent=100,
    )
    bind_target(target=target, measured_by="democracy.staff_briefed", document=chi_thi_33, by=office_officer)
    target.refresh_from_db()
    assert target.current_value == Decimal("0.00")

    # Staff: the office officer, the unit head and the unit officer; the unit officer came.
    Attendance.objects.filter(briefing=briefing, person=unit_officer).update(status=Attendance.Status.PRESENT)
    assert refresh_measured_targets(agency=agency, documents=[chi_thi_33], on=date(2026, 4, 1)) == 1
    target.refresh_from_db()
    assert (target.current_value, target.measured_on) == (Decimal("33.33"), date(2026, 4, 1))

    # Nothing changed: nothing is written, the date stays.
    refresh_measured_target(target=target, on=date(2026, 4, 2))
    target.refresh_from_db()
    assert target.measured_on == date(2026, 4, 1)


def test_a_target_typed_by_hand_is_left_alone(agency, office_officer, chi_thi_33):
    target = Target.objects.create(
        plan=_plan(agency, office_officer), text="100% hồ sơ đúng hạn", percent=100, current_value=Decimal(90)
    )
    refresh_measured_target(target=target, on=date(2026, 4, 1))
    assert refresh_measured_targets(agency=agency, documents=[chi_thi_33], on=date(2026, 4, 1)) == 0
    target.refresh_from_db()
    assert target.current_value == Decimal(90)


def test_briefings_and_disclosures_are_found_by_whoever_reads_them(
    briefing, disclosure, unit_officer, other_agency_officer
):
    found = {entry.kind for entry in search_entries(unit_officer, "quan triet chi thi 33")}
    assert "briefing" in found
    assert {entry.kind for entry in search_entries(unit_officer, "du toan ngan sach")} == {"disclosure"}
    assert not search_entries(other_agency_officer, "quan triet chi thi 33").exists()
