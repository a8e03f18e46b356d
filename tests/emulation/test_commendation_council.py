"""The council's vote: the share of all members (absent ones by ballot, NĐ 98/2023),
exactly at, below the threshold; more votes than members present refused; the
quota; the decision entering the title history."""

from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.emulation import services
from danvan.emulation.models import ConditionCheck, Proposal, TitleRecord
from danvan.emulation.selectors_commendation import vote_result
from tests.emulation.conftest import title
from tests.factories import UserFactory


@pytest.fixture
def chien_si(agency, proposal, candidate, unit_officer, office_officer):
    big_proposal(agency, proposal, office_officer, 6)
    return services.add_candidate(
        proposal=proposal, title=title("CSTDCS"), person=unit_officer, by=office_officer
    )


def confirm_all(proposal, by):
    for check in ConditionCheck.objects.filter(
        candidate__proposal=proposal, state=ConditionCheck.State.TO_CONFIRM
    ):
        services.confirm_condition(check=check, note="Đã đối chiếu hồ sơ", by=by)


def big_proposal(agency, proposal, office_officer, count):
    """``count`` people proposed for Lao động tiên tiến (conditions to confirm)."""
    people = [UserFactory(agency=agency) for _ in range(count)]
    for person in people:
        services.add_candidate(proposal=proposal, title=title("LDTT"), person=person, by=office_officer)
    return people


def test_the_meeting_counts_members_and_present(meeting):
    assert (meeting.member_count, meeting.present_count) == (5, 4)


def test_more_votes_than_members_present_are_refused(chien_si, office_officer):
    with pytest.raises(DomainError) as refused:
        services.record_vote(candidate=chien_si, votes_for=5, by=office_officer)
    assert "4 thành viên có mặt" in refused.value.message
    chien_si.refresh_from_db()
    assert chien_si.votes_for is None


def test_more_ballots_than_absent_members_are_refused(chien_si, office_officer):
    with pytest.raises(DomainError):
        services.record_vote(candidate=chien_si, votes_for=4, written_votes_for=2, by=office_officer)


def test_exactly_seventy_percent_of_all_members_passes(agency, office_officer, unit_officer, done_task):
    # Ten members, seven present and voting for: 70% of all members.
    members = [(office_officer, True)] + [(UserFactory(agency=agency), index < 6) for index in range(9)]
    meeting = services.hold_council_meeting(
        agency=agency,
        year=2026,
        held_on=date(2026, 12, 20),
        chaired_by="Giám đốc",
        members=members,
        by=office_officer,
    )
    proposal = services.open_proposal(meeting=meeting, by=office_officer)
    services.add_candidate(proposal=proposal, title=title("LDTT"), person=unit_officer, by=office_officer)
    big_proposal(agency, proposal, office_officer, 6)
    candidate = services.add_candidate(
        proposal=proposal, title=title("CSTDCS"), person=unit_officer, by=office_officer
    )
    services.record_vote(candidate=candidate, votes_for=7, by=office_officer)
    assert vote_result(candidate, meeting).passed
    services.record_vote(candidate=candidate, votes_for=6, by=office_officer)
    result = vote_result(candidate, meeting)
    assert not result.passed and "60.00%" in result.explanation


def test_absent_members_count_in_the_base(chien_si, meeting, office_officer):
    # Five members, four present: all four present voting for is 80%; three is 60%.
    services.record_vote(candidate=chien_si, votes_for=3, by=office_officer)
    assert not vote_result(chien_si, meeting).passed
    services.record_vote(candidate=chien_si, votes_for=3, written_votes_for=1, by=office_officer)
    assert vote_result(chien_si, meeting).passed


def test_titles_without_a_vote_pass(candidate, meeting):
    assert vote_result(candidate, meeting).passed


def test_a_council_member_records_the_vote_others_cannot(chien_si, council, unit_head):
    member = council[2][0]
    services.record_vote(candidate=chien_si, votes_for=4, by=member)
    with pytest.raises(DomainError):
        services.record_vote(candidate=chien_si, votes_for=1, by=unit_head)
    chien_si.refresh_from_db()
    assert chien_si.votes_for == 4


def test_submitting_needs_confirmations_and_passed_votes(proposal, chien_si, office_officer):
    with pytest.raises(DomainError) as refused:
        services.submit_proposal(proposal=proposal, submitted_on=date(2026, 12, 25), by=office_officer)
    assert "chưa xác nhận" in refused.value.message and "Hội đồng chưa bỏ phiếu" in refused.value.message
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_the_chien_si_quota_is_kept(agency, proposal, office_officer, unit_officer, done_task):
    # 15% of the people proposed for Lao động tiên tiến: with 6 of them none may be
    # proposed for Chiến sĩ thi đua cơ sở, with 7 one may.
    big_proposal(agency, proposal, office_officer, 5)
    services.add_candidate(proposal=proposal, title=title("LDTT"), person=unit_officer, by=office_officer)
    with pytest.raises(DomainError) as refused:
        services.add_candidate(
            proposal=proposal, title=title("CSTDCS"), person=unit_officer, by=office_officer
        )
    assert "15%" in refused.value.message
    big_proposal(agency, proposal, office_officer, 1)
    services.add_candidate(proposal=proposal, title=title("CSTDCS"), person=unit_officer, by=office_officer)


def test_the_whole_year_end_review(proposal, candidate, chien_si, unit_officer, office_officer, agency):
    confirm_all(proposal, office_officer)
    services.record_vote(candidate=chien_si, votes_for=4, by=office_officer)
    services.submit_proposal(proposal=proposal, submitted_on=date(2026, 12, 25), by=office_officer)
    with pytest.raises(DomainError):
        services.record_decision(
            proposal=proposal, number=" ", decided_on=date(2027, 1, 10), by=office_officer
        )
    services.record_decision(
        proposal=proposal, number="15/QĐ-SKHCN", decided_on=date(2027, 1, 10), by=office_officer
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECIDED and proposal.decision_number == "15/QĐ-SKHCN"
    history = TitleRecord.objects.filter(person=unit_officer, year=2026)
    assert set(history.values_list("title__code", flat=True)) == {"LDTT", "CSTDCS"}
    with pytest.raises(DomainError):
        services.add_candidate(proposal=proposal, title=title("GK"), person=unit_officer, by=office_officer)


def test_a_council_without_anyone_present_is_refused(agency, agency_head, office_officer):
    with pytest.raises(DomainError):
        services.hold_council_meeting(
            agency=agency,
            year=2026,
            held_on=date(2026, 12, 20),
            chaired_by="Giám đốc",
            members=[(agency_head, False)],
            by=office_officer,
        )
