"""The reception register and the leader's reception schedule."""

from datetime import date

import pytest

from danvan.petitions import services
from danvan.petitions.models import Petition, Reception


def reception(agency, by, **overrides):
    fields = {
        "agency": agency,
        "received_on": date(2026, 3, 2),
        "full_name": "Lê Văn Tám",
        "content": "Đề nghị giải quyết tranh chấp ranh đất",
        "by": by,
    }
    return services.record_reception(**{**fields, **overrides})


def test_record_reception_numbers_entries_per_day(agency, office_officer):
    reception(agency, office_officer)
    assert reception(agency, office_officer).number == 2


def test_record_reception_marks_a_group_of_five(agency, office_officer):
    assert reception(agency, office_officer, group_size=5).is_group


def test_refused_reception_keeps_its_ground(agency, office_officer):
    entry = reception(agency, office_officer, refusal_ground=Reception.RefusalGround.DISORDERLY)
    assert entry.was_refused


def test_open_petition_from_reception_links_them(agency, office_officer):
    entry = reception(agency, office_officer, group_size=6)
    petition = services.open_petition_from_reception(
        reception=entry, kind="complaint", subject="Khiếu nại", content="Nội dung", by=office_officer
    )
    assert petition.reception == entry and petition.is_group
    assert petition.source == Petition.Source.IN_PERSON


def test_open_petition_from_a_refused_reception_is_refused(agency, office_officer):
    entry = reception(agency, office_officer, refusal_ground=Reception.RefusalGround.INCAPABLE)
    with pytest.raises(services.DomainError, match="từ chối"):
        services.open_petition_from_reception(
            reception=entry, kind="complaint", subject="a", content="b", by=office_officer
        )


def test_schedule_reception_day_refuses_a_leader_of_another_agency(
    agency, office_officer, other_agency_officer
):
    with pytest.raises(services.DomainError, match="thuộc cơ quan"):
        services.schedule_reception_day(
            agency=agency,
            leader=other_agency_officer,
            day=date(2026, 3, 16),
            place="Phòng tiếp dân",
            by=office_officer,
        )


def test_schedule_reception_day_once_per_day(agency, agency_head, office_officer):
    kwargs = {"agency": agency, "leader": agency_head, "day": date(2026, 3, 16), "place": "Phòng tiếp dân"}
    services.schedule_reception_day(**kwargs, by=office_officer)
    with pytest.raises(services.DomainError, match="đã có lịch"):
        services.schedule_reception_day(**kwargs, by=office_officer)


def test_postpone_reception_day_leaves_the_month_without_a_day(agency, agency_head, office_officer):
    from danvan.petitions import selectors

    day = services.schedule_reception_day(
        agency=agency, leader=agency_head, day=date(2026, 3, 16), place="Phòng tiếp dân", by=office_officer
    )
    services.postpone_reception_day(day=day, note="Lãnh đạo đi công tác; lịch mới báo sau", by=office_officer)
    assert 3 in selectors.reception_schedule(agency, year=2026)["months_without"]


def test_postpone_reception_day_needs_a_notice(agency, agency_head, office_officer):
    day = services.schedule_reception_day(
        agency=agency, leader=agency_head, day=date(2026, 3, 16), place="Phòng tiếp dân", by=office_officer
    )
    with pytest.raises(services.DomainError, match="thông báo hoãn"):
        services.postpone_reception_day(day=day, note=" ", by=office_officer)
