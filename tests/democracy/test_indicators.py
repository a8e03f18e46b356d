"""The figures the democracy register proposes to the yearly evaluation."""

from datetime import date
from decimal import Decimal

from danvan.core.indicators import Kind, get_indicator
from danvan.democracy import services
from danvan.democracy.models import Attendance, Briefing
from danvan.documents.models import LegalDocument

TODAY = date(2026, 12, 1)


def _briefing(agency, document, units, by, held_on=date(2026, 3, 10)):
    return services.schedule_briefing(
        agency=agency,
        title=f"Quán triệt {document}",
        held_on=held_on,
        form=Briefing.Form.CONFERENCE,
        documents=[document],
        units=units,
        by=by,
    )


def _mark(briefing, absent=()):
    marks = {
        line.person_id: ("absent", "Ốm") if line.person_id in absent else ("present", "")
        for line in briefing.attendances.all()
    }
    services.record_attendance(briefing=briefing, marks=marks, today=TODAY, by=briefing.created_by)


def test_staff_briefed_sums_document_and_person_pairs(
    agency, office_officer, agency_head, lead_unit, unit_officer, unit_head, chi_thi_33
):
    # Staff of the agency: office officer, leader, unit head, unit officer (4).
    luat = LegalDocument.objects.create(doc_type="Luật", number="10/2022/QH15", date=date(2022, 11, 10))
    _mark(_briefing(agency, chi_thi_33, [lead_unit], office_officer), absent={unit_head.pk})
    second = _briefing(agency, luat, [lead_unit], office_officer)
    second.attendances.create(person=office_officer)
    second.attendances.create(person=agency_head)
    _mark(second)
    # Held the year before: it does not bring its document into 2026.
    _briefing(
        agency,
        LegalDocument.objects.create(doc_type="Chỉ thị", number="05-CT/TW"),
        [lead_unit],
        office_officer,
        held_on=date(2025, 6, 1),
    )

    found = get_indicator("democracy.staff_briefed")
    assert found.kind == Kind.RATIO
    figure = found.measure(agency, 2026)
    # Chỉ thị 33: 1 of 4 (unit officer); Luật 10/2022: 4 of 4.
    assert (figure.numerator, figure.denominator) == (Decimal(5), Decimal(8))
    assert [line.counts for line in figure.lines] == [False, True]
    assert unit_head.full_name in figure.lines[0].detail


def test_a_make_up_counts_for_the_year(agency, office_officer, lead_unit, unit_officer, chi_thi_33):
    first = _briefing(agency, chi_thi_33, [lead_unit], office_officer)
    _mark(first, absent={unit_officer.pk})
    make_up = services.schedule_briefing(
        agency=agency,
        title="Học bù",
        held_on=date(2026, 4, 2),
        form=Briefing.Form.SELF_STUDY,
        documents=[chi_thi_33],
        people=[unit_officer, office_officer],
        makes_up=first,
        by=office_officer,
    )
    _mark(make_up)
    assert first.attendances.get(person=unit_officer).status == Attendance.Status.MADE_UP
    figure = get_indicator("democracy.staff_briefed").measure(agency, 2026)
    assert (figure.numerator, figure.denominator) == (Decimal(2), Decimal(2))


def test_no_briefing_is_not_measurable(agency):
    assert not get_indicator("democracy.staff_briefed").measure(agency, 2026).measurable


def test_disclosures_on_time(agency, office_officer, calendar_2026, other_agency):
    common = {"kind": "budget", "forms": ["written_notice"], "today": TODAY, "by": office_officer}
    services.register_disclosure(
        agency=agency,
        subject="Dự toán 2026",
        decision_date=date(2026, 2, 13),
        disclosed_on=date(2026, 2, 28),
        **common,
    )
    services.register_disclosure(
        agency=agency,
        subject="Quyết toán 2025",
        decision_date=date(2026, 2, 13),
        disclosed_on=date(2026, 3, 2),
        **common,
    )
    services.register_disclosure(
        agency=agency,
        subject="Kế hoạch 2025",
        decision_date=date(2025, 12, 1),
        disclosed_on=date(2025, 12, 2),
        **common,
    )
    services.register_disclosure(
        agency=other_agency,
        subject="Khác",
        decision_date=date(2026, 2, 13),
        disclosed_on=date(2026, 3, 9),
        **common,
    )
    figure = get_indicator("democracy.disclosures_on_time").measure(agency, 2026)
    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(2))
    assert [(line.label, line.counts) for line in figure.lines] == [
        ("Dự toán 2026", True),
        ("Quyết toán 2025", False),
    ]
    assert "28/02/2026" in figure.lines[0].detail
