"""State changes of dialogues. Each function runs in one transaction, takes
keyword arguments and the acting person as ``by``, and returns what it
changed or raises ``DomainError`` with a Vietnamese message."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError, notify
from danvan.engagement.models import Commitment, Dialogue, DialogueIssue
from danvan.plans import services as plan_services
from danvan.plans.models import Plan

__all__ = ["DomainError"]


@transaction.atomic
def plan_dialogue(
    *,
    agency: Agency,
    kind: str,
    held_on: date,
    place: str,
    leader: User,
    subject: str,
    participants: str,
    by: User,
) -> Dialogue:
    """Put a dialogue on the agency's calendar; the leader is told.

    Outcomes: the dialogue, or a refusal when the leader is of another
    agency or a required field is blank."""
    if kind not in Dialogue.Kind.values:
        raise DomainError(_("Hãy chọn hình thức đối thoại."))
    if leader.agency_id != agency.pk:
        raise DomainError(_("Lãnh đạo chủ trì phải thuộc cơ quan tổ chức đối thoại."))
    if not (place.strip() and subject.strip() and participants.strip()):
        raise DomainError(_("Cần ghi địa điểm, nội dung và thành phần tham dự."))
    dialogue = Dialogue.objects.create(
        agency=agency,
        kind=kind,
        held_on=held_on,
        place=place.strip(),
        leader=leader,
        subject=subject.strip(),
        participants=participants.strip(),
        created_by=by,
    )
    notify(
        recipients=[leader] if leader.pk != by.pk else [],
        key=f"dialogue-planned:{dialogue.pk}",
        text=_("Bạn chủ trì buổi đối thoại ngày %(day)s: %(subject)s")
        % {"day": f"{held_on:%d/%m/%Y}", "subject": dialogue.subject[:150]},
        url=reverse("engagement:dialogue_detail", args=[dialogue.pk]),
    )
    return dialogue


@transaction.atomic
def record_dialogue_issue(
    *, dialogue: Dialogue, raised_by: str, question: str, answer: str = "", by: User
) -> DialogueIssue:
    """Record an issue raised at the dialogue and the answer given."""
    if not raised_by.strip() or not question.strip():
        raise DomainError(_("Cần ghi người nêu ý kiến và vấn đề nêu ra."))
    return DialogueIssue.objects.create(
        dialogue=dialogue,
        order=dialogue.issues.count() + 1,
        raised_by=raised_by.strip(),
        question=question.strip(),
        answer=answer.strip(),
    )


@transaction.atomic
def record_dialogue_minutes(
    *,
    dialogue: Dialogue,
    minutes_on: date,
    opinions: str,
    result: str,
    all_signed: bool,
    unsigned_reason: str = "",
    by: User,
) -> Dialogue:
    """Write the minutes: opinions, result, and signatures or the reason
    someone did not sign (Luật Khiếu nại 2011 Điều 30 k3–k4). The dialogue
    is then held; the minutes may be corrected later, the history keeps
    every version."""
    if minutes_on < dialogue.held_on:
        raise DomainError(_("Ngày lập biên bản không được trước ngày đối thoại."))
    if not opinions.strip() or not result.strip():
        raise DomainError(_("Biên bản phải ghi ý kiến của những người tham gia và kết quả đối thoại."))
    if not all_signed and not unsigned_reason.strip():
        raise DomainError(_("Cần ghi lý do có người không ký biên bản."))
    dialogue.minutes_on, dialogue.opinions, dialogue.result = minutes_on, opinions.strip(), result.strip()
    dialogue.all_signed = all_signed
    dialogue.unsigned_reason = "" if all_signed else unsigned_reason.strip()
    dialogue.status = Dialogue.Status.HELD
    dialogue.save(
        update_fields=["minutes_on", "opinions", "result", "all_signed", "unsigned_reason", "status"]
    )
    return dialogue


@transaction.atomic
def record_commitment(
    *,
    dialogue: Dialogue,
    text: str,
    lead_unit: Unit,
    due_date: date,
    issue: DialogueIssue | None = None,
    by: User,
) -> Commitment:
    """Record a commitment and make it a task of the dialogue's follow-up
    plan, with its lead unit and due date.

    The follow-up plan is a thematic draft of the agency, created with the
    first commitment; it goes to the leader and is issued like any plan, and
    its tasks are then followed up, reminded and reported like any task. Once
    it has been submitted, later commitments open a new draft."""
    if not text.strip():
        raise DomainError(_("Cần ghi nội dung cam kết."))
    if lead_unit.agency_id != dialogue.agency_id:
        raise DomainError(_("Đơn vị chủ trì phải thuộc cơ quan tổ chức đối thoại."))
    if due_date <= dialogue.held_on:
        raise DomainError(_("Hạn thực hiện cam kết phải sau ngày đối thoại."))
    if issue is not None and issue.dialogue_id != dialogue.pk:
        raise DomainError(_("Vấn đề liên quan không thuộc buổi đối thoại này."))
    plan = _follow_up_plan(dialogue, by)
    task = plan_services.add_task(
        plan=plan,
        section=str(_("Cam kết tại buổi đối thoại ngày %(day)s") % {"day": f"{dialogue.held_on:%d/%m/%Y}"}),
        heading=text.strip(),
        lead_unit=lead_unit,
        due_date=due_date,
        by=by,
    )
    return Commitment.objects.create(
        dialogue=dialogue, issue=issue, text=text.strip(), task=task, created_by=by
    )


def _follow_up_plan(dialogue: Dialogue, by: User) -> Plan:
    plan = dialogue.follow_up_plan
    if plan is not None and plan.is_editable():
        return plan
    title = _("Kế hoạch thực hiện các nội dung cam kết tại buổi đối thoại ngày %(day)s: %(subject)s") % {
        "day": f"{dialogue.held_on:%d/%m/%Y}",
        "subject": dialogue.subject,
    }
    plan = plan_services.create_new_plan(
        agency=dialogue.agency,
        fields={"kind": Plan.Kind.THEMATIC, "title": title, "period_year": dialogue.held_on.year},
        by=by,
    )
    dialogue.follow_up_plan = plan
    dialogue.save(update_fields=["follow_up_plan"])
    return plan
