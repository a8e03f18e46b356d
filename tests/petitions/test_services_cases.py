"""Complaint and denunciation cases: acceptance, workflow steps, extension,
suspension and termination, with the deadlines each one sets or moves."""

from datetime import date

import pytest

from danvan.petitions import services
from danvan.petitions.models import Case, Deadline, Petition
from tests.petitions.factories import case_for, classified

D = Petition.Kind.DENUNCIATION


def due(case, code):
    return Deadline.objects.get(petition=case.petition, code=code).due_date


def test_accept_petition_opens_a_case_with_its_resolution_deadline(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector)
    assert case.status == Case.Status.ACCEPTED
    assert due(case, "complaint.first.resolve") == date(2026, 4, 6)


def test_accept_petition_meets_the_notification_limit(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector)
    notify = Deadline.objects.get(petition=case.petition, code="petition.notify")
    assert notify.met_on == date(2026, 3, 5) and notify.was_met_on_time()


def test_accept_petition_refuses_a_feedback(agency, inspector):
    petition = classified(agency, by=inspector, kind=Petition.Kind.FEEDBACK)
    with pytest.raises(services.DomainError, match="kiến nghị, phản ánh"):
        services.accept_petition(
            petition=petition, accepted_on=date(2026, 3, 5), handler=inspector, by=inspector
        )


def test_accept_petition_twice_is_refused(agency, inspector):
    case = case_for(agency, by=inspector)
    with pytest.raises(services.DomainError):
        services.accept_petition(
            petition=case.petition, accepted_on=date(2026, 3, 5), handler=inspector, by=inspector
        )


def test_second_instance_remote_complaint_uses_its_own_rule(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector, instance=2, remote_area=True)
    assert due(case, "complaint.second.resolve.remote") == date(2026, 5, 4)


def test_accepted_denunciation_must_notify_within_five_working_days(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    assert due(case, "denunciation.notify_acceptance") == date(2026, 3, 12)


def test_move_case_refuses_to_skip_a_step(agency, inspector):
    case = case_for(agency, by=inspector)
    with pytest.raises(services.DomainError, match="bước này"):
        services.move_case(case, to=Case.Status.DECIDED, on=date(2026, 3, 20), result="right", by=inspector)


def test_second_instance_complaint_requires_a_dialogue(agency, inspector):
    case = case_for(agency, by=inspector, instance=2)
    services.move_case(case, to=Case.Status.VERIFYING, on=date(2026, 3, 6), by=inspector)
    with pytest.raises(services.DomainError, match="đối thoại"):
        services.move_case(case, to=Case.Status.DECISION_DRAFT, on=date(2026, 3, 20), by=inspector)


def walk(case, steps, by):
    for step in steps:
        services.move_case(case, to=step, on=date(2026, 3, 20), result="partly_right", by=by)
    return case


def test_complaint_decision_starts_the_send_and_effect_limits(calendar_2026, agency, inspector):
    S = Case.Status
    case = walk(case_for(agency, by=inspector), [S.VERIFYING, S.DECISION_DRAFT, S.DECIDED, S.SENT], inspector)
    assert due(case, "complaint.first.send_decision") == date(2026, 3, 25)
    assert due(case, "complaint.first.effect") == date(2026, 4, 20)
    assert due(case, "complaint.second_window") == date(2026, 4, 20)


def test_denunciation_conclusion_starts_handling_and_publication(calendar_2026, agency, inspector):
    S = Case.Status
    steps = [S.NOTIFIED, S.VERIFYING, S.DECISION_DRAFT, S.DECIDED, S.SENT, S.HANDLED]
    case = walk(case_for(agency, by=inspector, kind=D), steps, inspector)
    assert due(case, "denunciation.publish") == date(2026, 3, 31)
    assert Deadline.objects.get(petition=case.petition, code="denunciation.resolve").met_on == date(
        2026, 3, 20
    )


def test_extend_case_moves_the_resolution_deadline(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    services.extend_case(
        case=case,
        complexity="especially_complex",
        criteria=["several_places", "many_people"],
        reason="",
        by=inspector,
    )
    assert due(case, "denunciation.resolve") == date(2026, 6, 3)


def test_extend_case_needs_two_criteria_for_especially_complex(agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    with pytest.raises(services.DomainError, match="ít nhất 2 tiêu chí"):
        services.extend_case(
            case=case, complexity="especially_complex", criteria=["many_people"], reason="", by=inspector
        )


def test_extend_case_refuses_especially_complex_for_a_complaint(agency, inspector):
    case = case_for(agency, by=inspector)
    with pytest.raises(services.DomainError, match="Quy định không có mức"):
        services.extend_case(case=case, complexity="especially_complex", criteria=[], reason="", by=inspector)


def test_suspend_and_resume_case_exclude_the_paused_days(calendar_2026, agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    services.suspend_case(case=case, on=date(2026, 3, 10), reason="Chờ kết quả giám định", by=inspector)
    services.resume_case(case=case, on=date(2026, 3, 20), by=inspector)
    assert case.status == Case.Status.ACCEPTED
    assert due(case, "denunciation.resolve") == date(2026, 4, 14)


def test_suspend_case_twice_is_refused(agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    services.suspend_case(case=case, on=date(2026, 3, 10), reason="Chờ giám định", by=inspector)
    with pytest.raises(services.DomainError, match="đang giải quyết"):
        services.suspend_case(case=case, on=date(2026, 3, 11), reason="Lần nữa", by=inspector)


def test_terminate_case_closes_it(agency, inspector):
    case = case_for(agency, by=inspector, kind=D)
    services.terminate_case(
        case=case, on=date(2026, 3, 9), reason="Người tố cáo rút toàn bộ tố cáo", by=inspector
    )
    assert Case.objects.get(pk=case.pk).status == Case.Status.TERMINATED
