from datetime import date

import pytest

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.engagement import services
from danvan.engagement.models import Commitment, Dialogue
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task


def test_plan_dialogue_tells_the_leader(dialogue, agency_head):
    assert dialogue.status == Dialogue.Status.PLANNED
    assert Notification.objects.filter(recipient=agency_head, key=f"dialogue-planned:{dialogue.pk}").exists()


def test_plan_dialogue_refuses_a_leader_of_another_agency(agency, other_agency_officer, office_officer):
    with pytest.raises(DomainError, match="phải thuộc cơ quan"):
        services.plan_dialogue(
            agency=agency,
            kind=Dialogue.Kind.BUSINESSES,
            held_on=date(2026, 4, 15),
            place="Hội trường",
            leader=other_agency_officer,
            subject="Thủ tục đầu tư",
            participants="Hiệp hội doanh nghiệp",
            by=office_officer,
        )
    assert not Dialogue.objects.exists()


def test_record_dialogue_issue_numbers_the_issues(dialogue, office_officer):
    services.record_dialogue_issue(
        dialogue=dialogue, raised_by="Ông A", question="Giá bồi thường?", by=office_officer
    )
    second = services.record_dialogue_issue(
        dialogue=dialogue,
        raised_by="Bà B",
        question="Tái định cư?",
        answer="Có khu tái định cư.",
        by=office_officer,
    )
    assert second.order == 2


def test_record_dialogue_issue_needs_the_question(dialogue, office_officer):
    with pytest.raises(DomainError):
        services.record_dialogue_issue(dialogue=dialogue, raised_by="Ông A", question="  ", by=office_officer)


def test_record_dialogue_minutes_marks_the_dialogue_held(dialogue, office_officer):
    services.record_dialogue_minutes(
        dialogue=dialogue,
        minutes_on=date(2026, 4, 15),
        opinions="Các hộ đề nghị nâng giá bồi thường.",
        result="Sở cam kết rà soát lại đơn giá.",
        all_signed=True,
        by=office_officer,
    )
    dialogue.refresh_from_db()
    assert dialogue.is_held() and dialogue.result.startswith("Sở cam kết")


def test_record_dialogue_minutes_needs_a_reason_when_someone_did_not_sign(dialogue, office_officer):
    # Luật Khiếu nại 2011 Điều 30 k3: the reason is recorded in the minutes.
    with pytest.raises(DomainError, match="lý do"):
        services.record_dialogue_minutes(
            dialogue=dialogue,
            minutes_on=date(2026, 4, 15),
            opinions="Ý kiến",
            result="Kết quả",
            all_signed=False,
            by=office_officer,
        )
    dialogue.refresh_from_db()
    assert not dialogue.is_held()


def test_record_dialogue_minutes_refuses_a_date_before_the_dialogue(dialogue, office_officer):
    with pytest.raises(DomainError, match="trước ngày đối thoại"):
        services.record_dialogue_minutes(
            dialogue=dialogue,
            minutes_on=date(2026, 4, 1),
            opinions="Ý",
            result="K",
            all_signed=True,
            by=office_officer,
        )


def test_record_commitment_creates_a_task_with_lead_unit_and_due_date(dialogue, lead_unit, office_officer):
    commitment = services.record_commitment(
        dialogue=dialogue,
        text="Rà soát đơn giá bồi thường",
        lead_unit=lead_unit,
        due_date=date(2026, 5, 30),
        by=office_officer,
    )
    task = commitment.task
    assert (task.lead_unit, task.due_date, task.timing_kind) == (
        lead_unit,
        date(2026, 5, 30),
        Task.TimingKind.DUE_DATE,
    )
    assert task.plan.kind == Plan.Kind.THEMATIC and task.plan.agency == dialogue.agency


def test_record_commitment_reuses_the_draft_follow_up_plan(dialogue, lead_unit, office_officer):
    first = services.record_commitment(
        dialogue=dialogue, text="Việc một", lead_unit=lead_unit, due_date=date(2026, 5, 30), by=office_officer
    )
    second = services.record_commitment(
        dialogue=dialogue, text="Việc hai", lead_unit=lead_unit, due_date=date(2026, 6, 30), by=office_officer
    )
    assert first.task.plan_id == second.task.plan_id


def test_record_commitment_opens_a_new_plan_once_the_first_was_submitted(dialogue, lead_unit, office_officer):
    first = services.record_commitment(
        dialogue=dialogue, text="Việc một", lead_unit=lead_unit, due_date=date(2026, 5, 30), by=office_officer
    )
    plan_services.submit_plan(plan=first.task.plan, by=office_officer)
    second = services.record_commitment(
        dialogue=dialogue, text="Việc hai", lead_unit=lead_unit, due_date=date(2026, 6, 30), by=office_officer
    )
    assert second.task.plan_id != first.task.plan_id


def test_record_commitment_refuses_a_unit_of_another_agency(dialogue, other_unit, office_officer):
    with pytest.raises(DomainError, match="Đơn vị chủ trì"):
        services.record_commitment(
            dialogue=dialogue,
            text="Việc",
            lead_unit=other_unit,
            due_date=date(2026, 5, 30),
            by=office_officer,
        )
    assert not Commitment.objects.exists() and not Task.objects.exists()


def test_record_commitment_refuses_a_due_date_not_after_the_dialogue(dialogue, lead_unit, office_officer):
    with pytest.raises(DomainError, match="sau ngày đối thoại"):
        services.record_commitment(
            dialogue=dialogue, text="Việc", lead_unit=lead_unit, due_date=date(2026, 4, 15), by=office_officer
        )
    assert not Plan.objects.exists()
