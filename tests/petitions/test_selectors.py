"""Selectors start from what the person may see and load a screen in few queries."""

from datetime import date

from danvan.petitions import selectors
from tests.petitions.factories import case_for, petition_for


def test_petitions_for_list_loads_in_one_query(agency, inspector, django_assert_num_queries):
    petition_for(agency)
    case_for(agency, by=inspector)
    petition_for(agency, kind="denunciation")
    selectors.petitions_for_list(inspector)  # loads the person's roles once
    # 1: petitions with agency, citizen, case and the nearest pending due date.
    with django_assert_num_queries(1):
        rows = list(selectors.petitions_for_list(inspector))
        assert all((row.agency.name, row.citizen, getattr(row, "case", None), row.next_due) for row in rows)


def test_petitions_for_list_shows_nothing_of_another_agency(agency, other_agency_officer):
    petition_for(agency)
    assert not selectors.petitions_for_list(other_agency_officer).exists()


def test_list_search_ignores_accents(agency, inspector):
    petition_for(agency, subject="Phản ánh đường hư hỏng")
    assert selectors.petitions_for_list(inspector, query="duong hu hong").count() == 1


def test_duplicate_candidates_match_sender_and_similar_content(agency):
    earlier = petition_for(agency, received_on=date(2026, 1, 5))
    petition_for(agency, subject="Việc khác hẳn", content="Xin cấp giấy phép xây dựng nhà ở")
    later = petition_for(agency)
    assert selectors.duplicate_candidates(later) == [earlier]


def test_duplicate_candidates_find_a_denouncer_without_showing_them(agency):
    earlier = petition_for(agency, kind="denunciation")
    later = petition_for(agency, kind="denunciation")
    assert selectors.duplicate_candidates(later) == [earlier]


def test_hot_spots_list_groups_skipped_levels_and_overdue(agency, inspector):
    group = petition_for(agency, signer_count=7)
    skipped = petition_for(agency, skips_level=True, identity_number="")
    spots = selectors.hot_spots(inspector, today=date(2026, 6, 1))
    assert list(spots["group_petitions"]) == [group] and list(spots["skipped_level"]) == [skipped]
    assert {d.petition for d in spots["overdue_deadlines"]} == {group, skipped}


def test_hot_spots_of_another_agency_are_hidden(agency, other_agency_officer):
    petition_for(agency, signer_count=7)
    assert not selectors.hot_spots(other_agency_officer, today=date(2026, 6, 1))["group_petitions"]


def test_figures_count_received_on_time_and_overdue_by_kind(agency, inspector):
    case_for(agency, by=inspector)  # notified on acceptance, within 10 working days
    petition_for(agency, kind="feedback")  # still open on 01/06: overdue
    rows = {
        row.kind: row
        for row in selectors.figures(
            inspector, start=date(2026, 1, 1), end=date(2026, 6, 1), today=date(2026, 6, 1)
        )
    }
    assert rows["complaint"].received == 1 and rows["complaint"].processed_on_time == 1
    assert rows["complaint"].overdue == 1  # the 30-day resolution limit passed on 06/04
    assert rows["feedback"].received == 1 and rows["feedback"].overdue == 1


def test_reception_schedule_warns_of_months_without_a_day(agency, agency_head, office_officer):
    from danvan.petitions import services

    services.schedule_reception_day(
        agency=agency, leader=agency_head, day=date(2026, 3, 16), place="Phòng tiếp dân", by=office_officer
    )
    schedule = selectors.reception_schedule(agency, year=2026)
    assert 3 not in schedule["months_without"] and 4 in schedule["months_without"]


def test_public_status_needs_both_code_and_digits(agency):
    petition = petition_for(agency)
    assert selectors.public_status(petition.code, "5678") == petition
    assert selectors.public_status(petition.code, "") is None


def test_reception_register_loads_in_one_query(agency, office_officer, django_assert_num_queries):
    from danvan.petitions import services

    for name in ("Lê Văn Tám", "Ngô Thị Chín"):
        services.record_reception(
            agency=agency, received_on=date(2026, 3, 2), full_name=name, content="…", by=office_officer
        )
    selectors.reception_register(office_officer).exists()  # loads the person's roles once
    # 1: receptions with agency, citizen, receiving official and the count of petitions opened.
    with django_assert_num_queries(1):
        rows = list(selectors.reception_register(office_officer))
        assert all(
            (r.agency.name, r.citizen.full_name, r.received_by.full_name, r.petition_count >= 0) for r in rows
        )


def test_reception_register_of_another_agency_is_hidden(agency, office_officer, other_agency_officer):
    from danvan.petitions import services

    services.record_reception(
        agency=agency, received_on=date(2026, 3, 2), full_name="Lê Văn Tám", content="…", by=office_officer
    )
    assert not selectors.reception_register(other_agency_officer).exists()


def test_public_status_reads_columns_named_as_their_fields():
    from danvan.petitions.models import Petition

    for name in (*selectors._PUBLIC_FIELDS, "code", "lookup_digits"):
        assert Petition._meta.get_field(name).column == name


def test_public_status_brings_the_agency_in_one_query(agency, django_assert_num_queries):
    petition = petition_for(agency)
    # 1: the petition and its agency's name and contacts, on the code.
    with django_assert_num_queries(1):
        found = selectors.public_status(petition.code, "5678")
        assert (found.agency.name, found.agency.hotline, found.agency.address) == (
            agency.name,
            agency.hotline,
            agency.address,
        )
    assert found.received_on == date(2026, 3, 2)  # a date, not the driver's text


def test_public_status_with_a_wrong_second_factor_brings_nothing(agency):
    petition = petition_for(agency)
    assert selectors.public_status(petition.code, "0000") is None


def test_public_answer_deadline_is_the_petitions_answer_deadline(agency, inspector):
    in_processing = petition_for(agency)
    accepted = case_for(agency, by=inspector).petition
    for petition in (in_processing, accepted):
        expected = petition.answer_deadline()
        found = selectors.public_answer_deadline(selectors.public_status(petition.code, "5678"))
        assert (found.pk, found.due_date, found.rule.legal_source) == (
            expected.pk,
            expected.due_date,
            expected.rule.legal_source,
        )


def test_public_answer_deadline_of_a_finished_petition_is_none(agency, django_assert_num_queries):
    petition = petition_for(agency)
    petition.status = petition.Status.ANSWERED
    with django_assert_num_queries(0):
        assert selectors.public_answer_deadline(petition) is None
