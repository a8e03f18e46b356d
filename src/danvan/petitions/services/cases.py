"""Complaint and denunciation cases: their steps, extensions, suspension and termination."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.petitions.models import (
    Case,
    Complexity,
    Deadline,
    PetitionKind,
    Suspension,
    TimeLimitRule,
)
from danvan.petitions.services.deadlines import _meet_deadlines, recompute_deadline, set_deadline
from danvan.petitions.services.processing import resolve_code

# Where a case may go next, by kind (domain.md 12.3 and 12.4). Suspension and
# termination are separate services.
S = Case.Status
COMPLAINT_STEPS: dict[str, set[str]] = {
    S.ACCEPTED: {S.VERIFYING},
    S.VERIFYING: {S.DIALOGUE, S.DECISION_DRAFT},
    S.DIALOGUE: {S.DECISION_DRAFT},
    S.DECISION_DRAFT: {S.DECIDED},
    S.DECIDED: {S.SENT},
    S.SENT: {S.EFFECTIVE, S.APPEALED, S.SUED},
    S.EFFECTIVE: {S.FOLLOW_UP, S.CLOSED},
    S.APPEALED: {S.CLOSED},
    S.SUED: {S.CLOSED},
    S.FOLLOW_UP: {S.CLOSED},
}
DENUNCIATION_STEPS: dict[str, set[str]] = {
    S.ACCEPTED: {S.NOTIFIED},
    S.NOTIFIED: {S.VERIFYING},
    S.VERIFYING: {S.DECISION_DRAFT},
    S.DECISION_DRAFT: {S.DECIDED},
    S.DECIDED: {S.SENT},
    S.SENT: {S.HANDLED},
    S.HANDLED: {S.PUBLISHED},
    S.PUBLISHED: {S.FOLLOW_UP, S.CLOSED},
    S.FOLLOW_UP: {S.CLOSED},
}
ACTIVE_STATUSES = (S.ACCEPTED, S.NOTIFIED, S.VERIFYING, S.DIALOGUE, S.DECISION_DRAFT)


def next_steps(case: Case) -> list[str]:
    steps = COMPLAINT_STEPS if case.kind == PetitionKind.COMPLAINT else DENUNCIATION_STEPS
    return sorted(steps.get(case.status, set()), key=list(S.values).index)


@transaction.atomic
def move_case(case: Case, *, to: str, on: date, result: str = "", note: str = "", by: User) -> Case:
    """Take the case one step along its legal workflow.

    Outcomes: the new status with the deadlines it starts or meets; or
    DomainError when the step is not the next one, when a second-instance
    complaint skips the mandatory dialogue (Luật Khiếu nại Điều 39), or when a
    decision lacks its conclusion.
    """
    if to not in next_steps(case):
        raise DomainError(_("Không thể chuyển vụ việc sang bước này từ trạng thái hiện tại."))
    if to == S.DECISION_DRAFT and case.kind == PetitionKind.COMPLAINT and case.stage == 2:
        if not case.had_dialogue:
            raise DomainError(
                _("Giải quyết khiếu nại lần hai phải tổ chức đối thoại (Luật Khiếu nại Điều 39).")
            )
    if to == S.DECIDED and result not in Case.Result.values:
        raise DomainError(_("Cần chọn kết luận: đúng, đúng một phần hoặc sai."))
    fields: dict[str, object] = {"status": to}
    if to == S.DIALOGUE:
        fields["had_dialogue"] = True
    if to == S.DECIDED:
        fields.update(decided_on=on, result=result)
    if to == S.CLOSED:
        fields["closed_on"] = on
    moved = Case.objects.filter(pk=case.pk, status=case.status).update(**fields)
    if moved != 1:
        raise DomainError(_("Vụ việc vừa được người khác cập nhật; hãy tải lại trang."))
    for name, value in fields.items():
        setattr(case, name, value)
    if note:
        case.note = f"{case.note}\n{on:%d/%m/%Y}: {note}".strip()
        case.save(update_fields=["note"])
    _deadlines_after_step(case, to, on, by)
    return case


def _deadlines_after_step(case: Case, to: str, on: date, by: User) -> None:
    petition = case.petition
    first = case.stage == 1
    remote = ".remote" if case.remote_area else ""
    if to == S.NOTIFIED:
        _meet_deadlines(petition, ["denunciation.notify_acceptance"], on)
    elif to == S.DECIDED:
        _meet_deadlines(petition, [resolve_code(case)], on)
        if case.kind == PetitionKind.DENUNCIATION:
            set_deadline(petition=petition, code="denunciation.send_conclusion", start=on, by=by)
            set_deadline(petition=petition, code="denunciation.handle_conclusion", start=on, by=by)
        else:
            code = "complaint.first.send_decision" if first else "complaint.second.send_decision"
            set_deadline(petition=petition, code=code, start=on, by=by)
    elif to == S.SENT:
        codes = [
            "denunciation.send_conclusion",
            "complaint.first.send_decision",
            "complaint.second.send_decision",
        ]
        _meet_deadlines(petition, codes, on)
        if case.kind == PetitionKind.COMPLAINT:
            stage = "first" if first else "second"
            set_deadline(
                petition=petition,
                code=f"complaint.{stage}.effect{remote}",
                start=case.decided_on or on,
                by=by,
            )
            if first:
                # The complainant may complain again or sue within 30 (45) days
                # of receiving the decision (Luật Khiếu nại Điều 33 k1).
                set_deadline(petition=petition, code=f"complaint.second_window{remote}", start=on, by=by)
    elif to == S.HANDLED:
        _meet_deadlines(petition, ["denunciation.handle_conclusion"], on)
        set_deadline(petition=petition, code="denunciation.publish", start=case.decided_on or on, by=by)
    elif to == S.PUBLISHED:
        _meet_deadlines(petition, ["denunciation.publish"], on)
    elif to in (S.EFFECTIVE, S.APPEALED, S.SUED):
        codes = [f"complaint.{stage}.effect{remote}" for stage in ("first", "second")]
        _meet_deadlines(petition, [*codes, f"complaint.second_window{remote}"], on)


# Complexity criteria of NĐ 31/2019/NĐ-CP Điều 3 k2: one makes a denunciation
# complex, two make it especially complex (k3).
COMPLEXITY_CRITERIA = {
    "several_places": "a",
    "several_contents": "b",
    "many_people": "c",
    "foreign_element": "d",
    "several_bodies": "dd",
    "disagreement": "e",
    "contradictory_evidence": "g",
}


@transaction.atomic
def extend_case(*, case: Case, complexity: str, criteria: list[str], reason: str, by: User) -> Case:
    """Record that the case is complex or especially complex and extend its
    resolution deadline by the rule's extension (Luật Tố cáo Điều 30 k2–k3;
    Luật Khiếu nại Điều 28, 37)."""
    order = list(Complexity.values)
    if case.status not in ACTIVE_STATUSES + (S.SUSPENDED,):
        raise DomainError(_("Chỉ gia hạn vụ việc đang giải quyết."))
    if order.index(complexity) <= order.index(case.complexity):
        raise DomainError(_("Mức độ mới phải cao hơn mức độ hiện tại."))
    if case.kind == PetitionKind.DENUNCIATION:
        needed = 2 if complexity == Complexity.ESPECIALLY_COMPLEX else 1
        if len(set(criteria) & set(COMPLEXITY_CRITERIA)) < needed:
            raise DomainError(
                _("Cần ít nhất %(count)s tiêu chí của Nghị định 31/2019/NĐ-CP Điều 3.") % {"count": needed}
            )
    deadline = Deadline.objects.select_related("rule").get(petition=case.petition, code=resolve_code(case))
    extension = deadline.rule.extension_for(complexity)
    if extension is None:
        raise DomainError(
            _("Quy định không có mức «%(level)s» cho loại vụ việc này.")
            % {"level": Complexity(complexity).label}
        )
    case.complexity, case.complexity_reason = complexity, reason.strip()
    case.save(update_fields=["complexity", "complexity_reason"])
    recompute_deadline(deadline=deadline, extension_days=extension, paused_days=deadline.paused_days, by=by)
    return case


@transaction.atomic
def suspend_case(*, case: Case, on: date, reason: str, by: User) -> Case:
    """Suspend (tạm đình chỉ) while waiting for another body; the days until
    the case resumes are not counted (Luật Tố cáo Điều 34 k1–k2)."""
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do tạm đình chỉ."))
    if on < case.accepted_on:
        raise DomainError(_("Ngày tạm đình chỉ không được trước ngày thụ lý."))
    moved = Case.objects.filter(pk=case.pk, status__in=ACTIVE_STATUSES).update(
        status=S.SUSPENDED, status_before_suspension=case.status
    )
    if moved != 1:
        raise DomainError(_("Chỉ tạm đình chỉ vụ việc đang giải quyết."))
    case.status_before_suspension, case.status = case.status, S.SUSPENDED
    Suspension.objects.create(case=case, started_on=on, reason=reason.strip())
    return case


@transaction.atomic
def resume_case(*, case: Case, on: date, by: User) -> Case:
    """Resume a suspended case and push its resolution deadline back by the
    paused days."""
    suspension = case.suspensions.filter(ended_on__isnull=True).first()
    if suspension is None or on < suspension.started_on:
        raise DomainError(_("Ngày tiếp tục phải sau ngày tạm đình chỉ."))
    moved = Case.objects.filter(pk=case.pk, status=S.SUSPENDED).update(status=case.status_before_suspension)
    if moved != 1:
        raise DomainError(_("Vụ việc không ở trạng thái tạm đình chỉ."))
    case.status = case.status_before_suspension
    suspension.ended_on = on
    suspension.save(update_fields=["ended_on"])
    deadline = Deadline.objects.select_related("rule").get(petition=case.petition, code=resolve_code(case))
    paused = _paused_days(case, deadline.rule)
    recompute_deadline(deadline=deadline, extension_days=deadline.extension_days, paused_days=paused, by=by)
    return case


def _paused_days(case: Case, rule: TimeLimitRule) -> int:
    calendar = WorkingCalendar.load()
    total = 0
    for started, ended in case.suspensions.filter(ended_on__isnull=False).values_list(
        "started_on", "ended_on"
    ):
        if ended is None:
            continue
        if rule.unit == TimeLimitRule.Unit.WORKING_DAYS:
            total += calendar.working_days_between(started, ended)
        else:
            total += (ended - started).days
    return total


@transaction.atomic
def terminate_case(*, case: Case, on: date, reason: str, by: User) -> Case:
    """Terminate (đình chỉ): full withdrawal, death of the denounced, or already
    judged (Luật Tố cáo Điều 34 k3; Luật Khiếu nại Điều 10)."""
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do đình chỉ."))
    moved = Case.objects.filter(pk=case.pk, status__in=ACTIVE_STATUSES + (S.SUSPENDED,)).update(
        status=S.TERMINATED, closed_on=on
    )
    if moved != 1:
        raise DomainError(_("Chỉ đình chỉ vụ việc đang giải quyết."))
    case.status, case.closed_on = S.TERMINATED, on
    case.note = f"{case.note}\n{on:%d/%m/%Y}: {reason.strip()}".strip()
    case.save(update_fields=["note"])
    _meet_deadlines(case.petition, [resolve_code(case)], on)
    return case
