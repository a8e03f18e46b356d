"""Amending an issued plan (sửa đổi, bổ sung kế hoạch).

An issued plan is not edited: the office drafts an amendment with its reason
and its changes (tasks added, changed or cancelled, the plan's own text), the
leader issues it under the next number of the register the plan was numbered
in (the agency's, or a unit's own), and only then do the changes reach the
plan. A task already under way keeps its progress reports and its history;
the versions page reads the amendment's changes in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Unit, User
from danvan.core.selectors import agency_leaders, agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.plans.models import AmendmentChange, Plan, PlanAmendment, Task, TaskOccurrence
from danvan.plans.services.common import _record_plan_version, next_plan_number, plan_symbol
from danvan.plans.services.lifecycle import PLAN_FIELDS, _apply
from danvan.plans.services.occurrences import create_task_occurrences
from danvan.plans.services.tasks import (
    TASK_FIELDS,
    _check_task_dates,
    keep_content_items_together,
    resolve_timing,
)

# What a change to a task may set. A task's kind of timing stays what it is:
# a dated task may move its date, a recurring one its wording; turning one
# into the other is a cancellation and a new task.
CHANGED_TASK_FIELDS = ("heading", "lead_unit", "due_date", "timing")


def open_amendment(plan: Plan) -> PlanAmendment | None:
    """The amendment being written for the plan, if any (one at a time)."""
    return plan.amendments.exclude(status=PlanAmendment.Status.ISSUED).first()


@transaction.atomic
def start_amendment(*, plan: Plan, reason: str, by: User) -> PlanAmendment:
    """Open the draft of an amendment to an issued plan, with its reason."""
    if plan.status != Plan.Status.ISSUED:
        raise DomainError(_("Chỉ kế hoạch đã ban hành mới sửa đổi, bổ sung; dự thảo thì sửa trực tiếp."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do sửa đổi, bổ sung."))
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    if open_amendment(plan) is not None:
        raise DomainError(
            _("Kế hoạch đang có một văn bản sửa đổi, bổ sung chưa ban hành; hãy tiếp tục văn bản đó.")
        )
    return PlanAmendment.objects.create(plan=plan, reason=reason.strip(), created_by=by)


@transaction.atomic
def edit_amendment_reason(*, amendment: PlanAmendment, reason: str, by: User) -> PlanAmendment:
    _check_editable(amendment)
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do sửa đổi, bổ sung."))
    amendment.reason = reason.strip()
    amendment.save(update_fields=["reason"])
    return amendment


@transaction.atomic
def propose_new_task(*, amendment: PlanAmendment, supporting_units=(), by: User, **fields) -> AmendmentChange:
    """Add a task to the plan by the amendment. It is checked as a task of a
    draft is (its timing, its due date within the plan's period) and created
    when the amendment is issued."""
    _check_editable(amendment)
    plan = amendment.plan
    fields = {**fields, **resolve_timing(plan=plan, fields=fields)}
    _check_task_dates(plan, fields)
    if fields.get("lead_unit") is None:
        raise DomainError(_("Nhiệm vụ phải có đơn vị chủ trì."))
    values = {name: _stored(fields.get(name)) for name in TASK_FIELDS}
    values["supporting_units"] = [unit.pk for unit in supporting_units]
    return _add_change(amendment, kind=AmendmentChange.Kind.ADD, task=None, values=values)


@transaction.atomic
def propose_task_change(*, amendment: PlanAmendment, task: Task, by: User, **fields) -> AmendmentChange:
    """Change a task's content, lead unit, due date or timing words. Only
    what differs from the task is kept; a second change of the same task in
    the same amendment replaces the first."""
    _check_editable(amendment)
    _check_open_task(amendment, task)
    changed = {
        name: fields[name]
        for name in CHANGED_TASK_FIELDS
        if name in fields and _stored(fields[name]) != _stored(_blank(getattr(task, name)))
    }
    if changed.get("heading") == "" or ("lead_unit" in changed and changed["lead_unit"] is None):
        raise DomainError(_("Nhiệm vụ phải có nội dung và đơn vị chủ trì."))
    if "due_date" in changed:
        if task.is_recurring() or task.timing_kind == Task.TimingKind.ONGOING:
            raise DomainError(
                _(
                    "Nhiệm vụ thường xuyên hoặc định kỳ không có một hạn hoàn thành chung; "
                    "hãy bãi bỏ nhiệm vụ này và bổ sung một nhiệm vụ có hạn."
                )
            )
        _check_task_dates(amendment.plan, changed)
    if not changed:
        raise DomainError(_("Nội dung mới giống hệt nhiệm vụ hiện tại; không có gì để sửa đổi."))
    amendment.changes.filter(task=task, kind=AmendmentChange.Kind.CHANGE).delete()
    values = {name: _stored(value) for name, value in changed.items()}
    return _add_change(amendment, kind=AmendmentChange.Kind.CHANGE, task=task, values=values)


@transaction.atomic
def propose_task_cancellation(
    *, amendment: PlanAmendment, task: Task, reason: str, by: User
) -> AmendmentChange:
    """Cancel a task that is not finished; its progress so far stays on record."""
    _check_editable(amendment)
    _check_open_task(amendment, task)
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do bãi bỏ nhiệm vụ."))
    amendment.changes.filter(task=task).delete()
    return _add_change(
        amendment, kind=AmendmentChange.Kind.CANCEL, task=task, values={"reason": reason.strip()}
    )


@transaction.atomic
def propose_plan_change(*, amendment: PlanAmendment, changes: dict, by: User) -> AmendmentChange:
    """Change the plan's own text (title, purposes, organisation of
    implementation, recipients, signer...): only the fields that differ."""
    _check_editable(amendment)
    plan = amendment.plan
    changed = {
        name: _stored(value)
        for name, value in changes.items()
        if name in PLAN_FIELDS and _stored(value) != _stored(_blank(getattr(plan, name)))
    }
    if not changed:
        raise DomainError(_("Nội dung mới giống hệt kế hoạch hiện tại; không có gì để sửa đổi."))
    amendment.changes.filter(kind=AmendmentChange.Kind.PLAN).delete()
    return _add_change(amendment, kind=AmendmentChange.Kind.PLAN, task=None, values=changed)


@transaction.atomic
def withdraw_change(*, change: AmendmentChange, by: User) -> None:
    """Take a change out of the draft."""
    _check_editable(change.amendment)
    change.delete()


@transaction.atomic
def submit_amendment(*, amendment: PlanAmendment, by: User) -> PlanAmendment:
    """Send the amendment to the agency's leaders."""
    if not amendment.changes.exists():
        raise DomainError(_("Văn bản sửa đổi chưa có nội dung nào; hãy thêm ít nhất một thay đổi."))
    amendment = _move(
        amendment,
        source=(PlanAmendment.Status.DRAFT, PlanAmendment.Status.RETURNED),
        target=PlanAmendment.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    notify(
        recipients=agency_leaders(amendment.plan.agency),
        key=f"amendment-submitted:{amendment.pk}:{amendment.submitted_at:%Y%m%d%H%M%S}",
        text=_("Văn bản sửa đổi, bổ sung kế hoạch «%(title)s» được trình để ban hành.")
        % {"title": amendment.plan.title[:100]},
        url=reverse("plans:amendment_detail", args=[amendment.pk]),
    )
    return amendment


@transaction.atomic
def return_amendment(*, amendment: PlanAmendment, comment: str, by: User) -> PlanAmendment:
    if not comment.strip():
        raise DomainError(_("Hãy ghi ý kiến khi trả lại văn bản sửa đổi."))
    amendment = _move(
        amendment,
        source=(PlanAmendment.Status.SUBMITTED,),
        target=PlanAmendment.Status.RETURNED,
        review_comment=comment.strip(),
    )
    notify(
        recipients=[amendment.created_by, *agency_office(amendment.plan.agency)],
        key=f"amendment-returned:{amendment.pk}:{timezone.now():%Y%m%d%H%M%S}",
        text=_("Văn bản sửa đổi kế hoạch «%(title)s» bị trả lại: %(comment)s")
        % {"title": amendment.plan.title[:100], "comment": comment[:200]},
        url=reverse("plans:amendment_detail", args=[amendment.pk]),
    )
    return amendment


@transaction.atomic
def issue_amendment(*, amendment: PlanAmendment, by: User, issue_date: date | None = None) -> PlanAmendment:
    """The leader issues the amendment: it takes the next number of the
    register the plan was numbered in (the agency's, or a unit's own), and its changes reach the plan and its tasks at once,
    each task's history saying by which document. A task finished or
    cancelled since the draft stops the issue and nothing changes."""
    day = issue_date or timezone.localdate()
    amendment = _move(
        amendment,
        source=(PlanAmendment.Status.SUBMITTED,),
        target=PlanAmendment.Status.ISSUED,
        decided_by=by,
        decided_at=timezone.now(),
    )
    plan = amendment.plan
    if plan.status != Plan.Status.ISSUED:
        raise DomainError(_("Kế hoạch không còn ở trạng thái đã ban hành; không thể sửa đổi."))
    amendment.number = next_plan_number(plan, year=day.year)
    amendment.symbol = plan_symbol(plan.agency, plan.unit)
    amendment.issue_date = day
    amendment.save(update_fields=["number", "symbol", "issue_date"])
    cause = _("Sửa đổi, bổ sung theo văn bản số %(ref)s ngày %(day)s") % {
        "ref": amendment.reference,
        "day": f"{day:%d/%m/%Y}",
    }
    changes = list(amendment.changes.select_related("task__lead_unit").order_by("order", "id"))
    for change in changes:
        _APPLY[change.kind](change, by=by, cause=cause, day=day)
    if not any(change.kind == AmendmentChange.Kind.PLAN for change in changes):
        # A change of the plan's own text made its version already.
        _record_plan_version(plan, by=by, step=cause)
    create_task_occurrences(today=timezone.localdate(), plan=plan)
    notify(
        recipients=[amendment.created_by, *agency_office(plan.agency)],
        key=f"amendment-issued:{amendment.pk}",
        text=_("Văn bản sửa đổi, bổ sung số %(ref)s của kế hoạch «%(title)s» đã ban hành.")
        % {"ref": amendment.reference, "title": plan.title[:100]},
        url=reverse("plans:amendment_detail", args=[amendment.pk]),
    )
    return amendment


# --- Applying an issued amendment -----------------------------------------------


def _apply_new_task(change: AmendmentChange, *, by: User, cause: str, day: date) -> None:
    plan = change.amendment.plan
    fields = _read_task_values(change.values)
    values = {name: fields.get(name) for name in TASK_FIELDS}
    values = {k: ("" if v is None and k in ("section", "timing") else v) for k, v in values.items()}
    working_days: int | None = values.get("due_working_days")
    if working_days:
        # Counted from the amendment's issue, the day the task is given.
        values["due_date"] = WorkingCalendar.load().add_working_days(day, working_days)
        values["due_rule"] = _("%(days)s ngày làm việc kể từ ngày ban hành văn bản sửa đổi %(issued)s") % {
            "days": working_days,
            "issued": f"{day:%d/%m/%Y}",
        }
    order = (plan.tasks.aggregate(last=models.Max("order"))["last"] or 0) + 1
    task = Task.objects.create(plan=plan, order=order, lead_text=str(values["lead_unit"]), **values)
    # A task added to a content item goes after that item's last task.
    keep_content_items_together(plan)
    # The task's first version says who gave it and by which document.
    task.history.update(history_user=by, history_change_reason=cause)
    task.supporting_units.set(fields.get("supporting_units", []))
    change.task = task
    change.save(update_fields=["task"])
    _tell_lead_unit(task, text=_("Đơn vị được giao chủ trì nhiệm vụ bổ sung: %(task)s"))


def _apply_task_change(change: AmendmentChange, *, by: User, cause: str, day: date) -> None:
    task = Task.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=change.task_id or 0)
    _check_still_open(task)
    fields = _read_task_values(change.values)
    change.before = {name: _stored(getattr(task, name)) for name in change.values}
    change.save(update_fields=["before"])
    updated = []
    for name, value in fields.items():
        setattr(task, name, "" if value is None and name == "timing" else value)
        updated.append(name)
    moved_unit = "lead_unit" in fields
    if moved_unit:
        task.lead_text = fields["lead_unit"].name
        updated.append("lead_text")
        if task.assignee is not None and task.assignee.unit_id != task.lead_unit_id:
            # The new lead unit's head names who does it.
            task.assignee = None
            updated.append("assignee")
    if "due_date" in fields:
        task.due_rule = cause
        updated.append("due_rule")
        if task.status == Task.Status.OVERDUE and task.due_date and task.due_date >= timezone.localdate():
            task.status = Task.Status.IN_PROGRESS if task.percent else Task.Status.NOT_STARTED
            updated.append("status")
    task._history_user = by  # type: ignore[attr-defined]
    task._change_reason = cause  # type: ignore[attr-defined]
    task.save(update_fields=updated)
    if moved_unit:
        _tell_lead_unit(task, text=_("Đơn vị được giao chủ trì nhiệm vụ (theo văn bản sửa đổi): %(task)s"))
    else:
        notify(
            recipients=[p for p in [task.assignee, *unit_heads(task.lead_unit)] if p is not None],
            key=f"task-amended:{task.pk}:{change.pk}",
            text=_("Nhiệm vụ «%(task)s» được sửa đổi: %(cause)s")
            % {"task": task.heading[:100], "cause": cause},
            url=reverse("plans:task_detail", args=[task.pk]),
        )


def _apply_task_cancellation(change: AmendmentChange, *, by: User, cause: str, day: date) -> None:
    task = Task.objects.select_for_update().get(pk=change.task_id or 0)
    _check_still_open(task)
    change.before = {"status": task.status}
    change.save(update_fields=["before"])
    task.status = Task.Status.CANCELLED
    task.cancel_reason = f"{change.values.get('reason', '')} ({cause})"
    task._history_user = by  # type: ignore[attr-defined]
    task._change_reason = cause  # type: ignore[attr-defined]
    task.save(update_fields=["status", "cancel_reason"])
    TaskOccurrence.objects.filter(task=task).exclude(
        status__in=[Task.Status.DONE, Task.Status.CANCELLED]
    ).update(status=Task.Status.CANCELLED)
    notify(
        recipients=[p for p in [task.assignee, *unit_heads(task.lead_unit)] if p is not None],
        key=f"task-amended:{task.pk}:{change.pk}",
        text=_("Nhiệm vụ «%(task)s» được bãi bỏ: %(cause)s") % {"task": task.heading[:100], "cause": cause},
        url=reverse("plans:task_detail", args=[task.pk]),
    )


def _apply_plan_change(change: AmendmentChange, *, by: User, cause: str, day: date) -> None:
    plan = Plan.objects.select_for_update().get(pk=change.amendment.plan_id)
    change.before = {name: _stored(getattr(plan, name)) for name in change.values}
    change.save(update_fields=["before"])
    plan._change_reason = cause  # type: ignore[attr-defined]  # read by django-simple-history
    plan._history_user = by  # type: ignore[attr-defined]
    _apply(plan, _read_values(Plan, change.values))


_APPLY: dict[str, Callable[..., None]] = {
    AmendmentChange.Kind.ADD: _apply_new_task,
    AmendmentChange.Kind.CHANGE: _apply_task_change,
    AmendmentChange.Kind.CANCEL: _apply_task_cancellation,
    AmendmentChange.Kind.PLAN: _apply_plan_change,
}


# --- Checks and stored values ----------------------------------------------------


def _check_editable(amendment: PlanAmendment) -> None:
    if not amendment.is_editable():
        raise DomainError(_("Văn bản sửa đổi đã trình hoặc đã ban hành; không sửa được nữa."))


def _check_open_task(amendment: PlanAmendment, task: Task) -> None:
    if task.plan_id != amendment.plan_id:
        raise DomainError(_("Nhiệm vụ này không thuộc kế hoạch được sửa đổi."))
    _check_still_open(task)
    if amendment.changes.filter(task=task, kind=AmendmentChange.Kind.CANCEL).exists():
        raise DomainError(_("Nhiệm vụ này đã được đưa vào danh sách bãi bỏ của văn bản."))


def _check_still_open(task: Task) -> None:
    if not task.is_open():
        raise DomainError(
            _("Nhiệm vụ «%(task)s» đã %(status)s; không sửa đổi, bãi bỏ được.")
            % {"task": task.heading[:100], "status": task.get_status_display().lower()}
        )


def _add_change(amendment: PlanAmendment, *, kind: str, task: Task | None, values: dict) -> AmendmentChange:
    order = (amendment.changes.aggregate(last=models.Max("order"))["last"] or 0) + 1
    return AmendmentChange.objects.create(
        amendment=amendment, order=order, kind=kind, task=task, values=values
    )


def _move(amendment: PlanAmendment, *, source: tuple[str, ...], target: str, **fields) -> PlanAmendment:
    """A conditional update: two people acting at once cannot both move it."""
    moved = PlanAmendment.objects.filter(pk=amendment.pk, status__in=source).update(status=target, **fields)
    if moved != 1:
        raise DomainError(_("Văn bản sửa đổi đã được người khác xử lý; hãy tải lại trang."))
    amendment.refresh_from_db()
    return amendment


def _tell_lead_unit(task: Task, *, text: str) -> None:
    notify(
        recipients=unit_heads(task.lead_unit),
        key=f"task-issued:{task.pk}:{task.lead_unit_id}",
        text=text % {"task": task.heading[:150]},
        url=reverse("plans:task_detail", args=[task.pk]),
    )


def _blank(value):
    return "" if value is None else value


def _stored(value):
    """A value as the amendment keeps it in JSON: a row by its id, a date as
    ISO text, a list of rows as ids."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | models.QuerySet):
        return [_stored(item) for item in value]
    return value


def _read_task_values(values: dict) -> dict:
    read = _read_values(Task, {k: v for k, v in values.items() if k != "supporting_units"})
    if "supporting_units" in values:
        read["supporting_units"] = list(Unit.objects.filter(pk__in=values["supporting_units"]))
    return read


def _read_values(model: type[models.Model], values: dict) -> dict:
    """The stored values back as the model's own: rows, dates."""
    read = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if field.many_to_one and value is not None:
            related = field.related_model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
            if related is None:
                raise DomainError(_("Một đơn vị hoặc văn bản trong nội dung sửa đổi không còn; hãy sửa lại."))
            read[name] = related
        elif isinstance(field, models.DateField) and value:
            read[name] = date.fromisoformat(value)
        else:
            read[name] = value
    return read
