"""Briefings: who is expected, attendance, make-up sessions and the share of staff briefed."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.core.models import Role
from danvan.core.services import DomainError
from danvan.democracy import selectors, services
from danvan.democracy.models import Attendance, Briefing, BriefingMaterial
from danvan.documents.models import LegalDocument
from tests.factories import AgencyFactory, UnitFactory, person_with_role

TODAY = date(2026, 4, 1)


@pytest.fixture
def so(province):
    """An agency of 3 units and 10 staff: 4 + 3 + 3, the office officer among the 4 of Văn phòng."""
    agency = AgencyFactory(province=province, name="Sở Nội vụ", symbol_code="SNV")
    units = [
        UnitFactory(agency=agency, code="VP", name="Văn phòng"),
        UnitFactory(agency=agency, code="TCCB", name="Phòng Tổ chức cán bộ"),
        UnitFactory(agency=agency, code="CCVT", name="Chi cục Văn thư"),
    ]
    people = []
    for index, size in enumerate((3, 3, 3)):
        for n in range(size):
            people.append(
                person_with_role(
                    Role.STAFF, unit=units[index], full_name=f"Cán bộ {units[index].code} {n + 1}"
                )
            )
    office = person_with_role(Role.AGENCY_OFFICE, agency=agency, unit=units[0], full_name="Chánh Văn phòng")
    return {"agency": agency, "units": units, "people": people, "office": office}


def _doc(number="33/CT-TTg"):
    return LegalDocument.objects.create(doc_type="Chỉ thị", number=number, date=date(2021, 11, 26))


def _schedule(so, document, **changes):
    values = {
        "agency": so["agency"],
        "title": "Hội nghị quán triệt Chỉ thị 33/CT-TTg",
        "held_on": date(2026, 3, 10),
        "form": Briefing.Form.CONFERENCE,
        "documents": [document],
        "units": so["units"],
        "by": so["office"],
    }
    return services.schedule_briefing(**{**values, **changes})


def _mark(briefing, absent=(), by=None):
    marks = {
        line.person_id: (Attendance.Status.ABSENT, "Đi công tác")
        if line.person in absent
        else ("present", "")
        for line in briefing.attendances.select_related("person")
    }
    services.record_attendance(briefing=briefing, marks=marks, today=TODAY, by=by)


def test_every_active_person_of_the_units_is_expected(so):
    briefing = _schedule(so, _doc())
    assert briefing.attendances.count() == 10
    assert set(briefing.attendances.values_list("status", flat=True)) == {Attendance.Status.EXPECTED}


def test_shares_per_unit_and_for_the_agency(so):
    document = _doc()
    briefing = _schedule(so, document)
    absent = [so["people"][0], so["people"][4]]  # Cán bộ VP 1, Cán bộ TCCB 2
    _mark(briefing, absent=absent, by=so["office"])

    found = selectors.coverage(so["agency"], document)
    assert (found.briefed, found.total, found.percent) == (8, 10, Decimal("80.00"))
    assert {u.name: (u.briefed, u.total, u.percent) for u in found.units} == {
        "Văn phòng": (3, 4, Decimal("75.00")),
        "Phòng Tổ chức cán bộ": (2, 3, Decimal("66.67")),
        "Chi cục Văn thư": (3, 3, Decimal("100.00")),
    }
    assert sorted(p.full_name for p in found.missing) == ["Cán bộ TCCB 2", "Cán bộ VP 1"]

    make_up = _schedule(
        so,
        document,
        title="Quán triệt bù",
        held_on=date(2026, 3, 20),
        units=[],
        people=found.missing,
        form=Briefing.Form.SELF_STUDY,
        makes_up=briefing,
    )
    _mark(make_up, by=so["office"])
    found = selectors.coverage(so["agency"], document)
    assert (found.briefed, found.total, found.percent, found.missing) == (10, 10, Decimal("100.00"), [])
    original = briefing.attendances.get(person=absent[0])
    assert (original.status, original.made_up_in) == (Attendance.Status.MADE_UP, make_up)
    assert make_up.makes_up == briefing


def test_a_briefing_on_another_document_does_not_count(so):
    document, other = _doc(), _doc("05/CT-TTg")
    _mark(_schedule(so, other), by=so["office"])
    assert selectors.coverage(so["agency"], document).percent == Decimal("0.00")


def test_a_person_who_left_no_longer_counts(so):
    document = _doc()
    briefing = _schedule(so, document)
    _mark(briefing, absent=[so["people"][0]], by=so["office"])
    so["people"][0].is_active = False
    so["people"][0].save(update_fields=["is_active"])
    found = selectors.coverage(so["agency"], document)
    assert (found.briefed, found.total) == (9, 9)
    assert found.percent == Decimal("100.00")


def test_an_absence_needs_a_reason_and_nothing_is_written(so):
    briefing = _schedule(so, _doc())
    line = briefing.attendances.first()
    with pytest.raises(DomainError, match="lý do vắng"):
        services.record_attendance(
            briefing=briefing, marks={line.person_id: ("absent", " ")}, today=TODAY, by=so["office"]
        )
    assert not briefing.attendances.exclude(status=Attendance.Status.EXPECTED).exists()


def test_attendance_of_a_briefing_not_yet_held_is_refused(so):
    briefing = _schedule(so, _doc(), held_on=date(2026, 5, 1))
    line = briefing.attendances.first()
    with pytest.raises(DomainError, match="chưa diễn ra"):
        services.record_attendance(
            briefing=briefing, marks={line.person_id: ("present", "")}, today=TODAY, by=so["office"]
        )


def test_someone_not_expected_cannot_be_marked(so, unit_officer):
    briefing = _schedule(so, _doc())
    with pytest.raises(DomainError, match="không thuộc danh sách"):
        services.record_attendance(
            briefing=briefing, marks={unit_officer.pk: ("present", "")}, today=TODAY, by=so["office"]
        )


BAD = [
    ({"documents": []}, "ít nhất một văn bản"),
    ({"title": " "}, "tên buổi"),
    ({"units": [], "people": []}, "chưa có ai"),
    ({"form": "party"}, "Hình thức"),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_bad_briefings_are_refused_and_nothing_is_written(so, changes, message):
    with pytest.raises(DomainError, match=message):
        _schedule(so, _doc(), **changes)
    assert not Briefing.objects.exists() and not Attendance.objects.exists()


def test_units_and_people_of_another_agency_are_refused(so, lead_unit, unit_officer):
    with pytest.raises(DomainError, match="đơn vị của cơ quan mình"):
        _schedule(so, _doc(), units=[lead_unit])
    with pytest.raises(DomainError, match="cán bộ của cơ quan mình"):
        _schedule(so, _doc(), people=[unit_officer])
    assert not Briefing.objects.exists()


def test_a_make_up_must_come_after_the_session_it_makes_up(so):
    document = _doc()
    briefing = _schedule(so, document)
    with pytest.raises(DomainError, match="diễn ra sau"):
        _schedule(so, document, held_on=date(2026, 3, 1), makes_up=briefing)
    assert Briefing.objects.count() == 1


def test_a_material_of_a_refused_type_is_not_stored(so):
    briefing = _schedule(so, _doc())
    with pytest.raises(DomainError):
        services.attach_material(
            briefing=briefing, data=b"PK\x03\x04not a real archive", filename="a.docx", by=so["office"]
        )
    assert not BriefingMaterial.objects.exists()
