"""Following up tasks: assignment, progress, confirmation, comments."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Unit, User
from danvan.core.selectors import agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.core.text import stored_file_name
from danvan.core.versions import check_not_stale, edit_token
from danvan.documents.content_items import by_content_item, section_key
from danvan.plans import recurrence
from danvan.plans.models import (
    Plan,
    Task,
    TaskComment,
    TaskOccurrence,
    TaskUpdate,
)
from danvan.plans.services.common import _next_order, _record_plan_version

# --- Tasks -----------------------------------------------------------------------


TASK_FIELDS = (
    "section",
    "heading",
    "lead_unit",
    "timing",
    "timing_kind",
    "timing_day",
    "due_date",
    "due_working_days",
    "target",
)
# Kinds that have no single due date of their own: a period's instance has one.
_NO_DUE_DATE = (Task.TimingKind.ONGOING, *recurrence.RECURRING)


def resolve_timing(*, plan: Plan, fields: dict, strict: bool = True) -> dict:
    """The structured timing of a task: the kind chosen, or else the kind the
    timing text states (plans.recurrence), with only that kind's parameters
    kept. ``strict`` refuses a choice that lacks its parameter; an import
    (not strict) keeps what it read and drops a date outside the plan's year."""
    kind = fields.get("timing_kind") or ""
    day, due, days = fields.get("timing_day"), fields.get("due_date"), fields.get("due_working_days")
    if kind == Task.TimingKind.ONGOING and (due or days):
        # A date typed on a task that was ongoing (the kind of a task that states
        # no time) gives it that date, as the form always did.
        kind = ""
    if not kind:
        if due:
            kind = Task.TimingKind.DUE_DATE
        elif days:
            kind = Task.TimingKind.AFTER_ISSUE
        else:
            read = recurrence.parse_timing(fields.get("timing") or "", year=plan.period_year)
            kind, day, due, days = read.kind, read.day, read.due_date, read.working_days
            if due and plan.period_year and due.year < plan.period_year:
                due = None
    if strict:
        if due and days:
            raise DomainError(_("Chọn một cách tính hạn: ngày cụ thể hoặc số ngày làm việc."))
        if kind in _NO_DUE_DATE and due:
            raise DomainError(
                _(
                    "Nhiệm vụ thường xuyên hoặc định kỳ không có một hạn hoàn thành chung; "
                    "hạn của từng kỳ được tính theo kỳ."
                )
            )
        if kind == Task.TimingKind.MONTHLY_DAY and not (day and 1 <= day <= 31):
            raise DomainError(_("Hãy ghi ngày đến hạn trong tháng (từ 1 đến 31)."))
        if kind == Task.TimingKind.AFTER_ISSUE and not days:
            raise DomainError(_("Hãy ghi số ngày làm việc kể từ ngày ban hành kế hoạch."))
    return {
        "timing_kind": kind,
        "timing_day": day if kind == Task.TimingKind.MONTHLY_DAY else None,
        "due_date": None if kind in _NO_DUE_DATE or kind == Task.TimingKind.AFTER_ISSUE else due,
        "due_working_days": days if kind == Task.TimingKind.AFTER_ISSUE else None,
    }


def _check_task(plan: Plan, fields: dict) -> None:
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))
    _check_task_dates(plan, fields)


def _check_task_dates(plan: Plan, fields: dict) -> None:
    """A task's due date lies within the plan's period and is given one way
    only: for a draft's task and for a task an amendment adds or moves."""
    start = date(plan.period_year, 1, 1) if plan.period_year else None
    if fields.get("due_date") and start and fields["due_date"] < start:
        raise DomainError(_("Hạn hoàn thành phải sau ngày bắt đầu của kỳ kế hoạch."))
    if fields.get("due_date") and fields.get("due_working_days"):
        raise DomainError(_("Chọn một cách tính hạn: ngày cụ thể hoặc số ngày làm việc."))


def _lead(fields: dict) -> Unit:
    unit = fields.get("lead_unit")
    if unit is None:
        raise DomainError(_("Nhiệm vụ phải có đơn vị chủ trì."))
    return unit


@transaction.atomic
def add_task(*, plan: Plan, supporting_units=(), by: User, **fields) -> Task:
    """Add a task to a draft plan; its timing kind is the one chosen or the
    one its timing text states. It goes after the last task of its content
    item (``section``), or at the end under a new one."""
    fields = {**fields, **resolve_timing(plan=plan, fields=fields)}
    _check_task(plan, fields)
    values = {name: fields.get(name) for name in TASK_FIELDS}
    values = {k: ("" if v is None and k in ("section", "timing") else v) for k, v in values.items()}
    task = Task.objects.create(
        plan=plan, order=_next_order(plan.tasks.all()), lead_text=_lead(values).name, **values
    )
    task.supporting_units.set(supporting_units)
    keep_content_items_together(plan)
    task.refresh_from_db(fields=["order"])
    _record_plan_version(plan, by=by, step=_("Thêm nhiệm vụ: %(task)s") % {"task": task.heading[:200]})
    return task


def task_edit_token(task: Task) -> str:
    """The version of a task that an edit form was opened on."""
    return edit_token(task, (*TASK_FIELDS, "supporting_units"))


@transaction.atomic
def edit_task(*, task: Task, supporting_units=(), by: User, seen: str | None = None, **fields) -> Task:
    """Change a task of a draft plan. ``seen`` is the version the form was
    opened on: a task saved by someone else since is not overwritten
    (EditConflict). A task put under another content item goes to its end."""
    if seen:
        current = Task.objects.select_for_update().get(pk=task.pk)
        typed = {**fields, "supporting_units": list(supporting_units)}
        check_not_stale(
            current, (*TASK_FIELDS, "supporting_units"), seen=seen, typed=typed, what=_("nhiệm vụ")
        )
    fields = {**fields, **resolve_timing(plan=task.plan, fields=fields)}
    _check_task(task.plan, fields)
    moved = section_key(fields.get("section") or "") != section_key(task.section)
    for name in TASK_FIELDS:
        value = fields.get(name)
        setattr(task, name, "" if value is None and name in ("section", "timing") else value)
    task.lead_text = _lead(fields).name
    updated = [*TASK_FIELDS, "lead_text"]
    if moved:
        # Put under another content item, it goes to that item's end.
        task.order = _next_order(task.plan.tasks.all())
        updated.append("order")
    task.save(update_fields=updated)
    task.supporting_units.set(supporting_units)
    if moved:
        keep_content_items_together(task.plan)
        task.refresh_from_db(fields=["order"])
    return task


# --- The order of the tasks --------------------------------------------------------


def _in_content_items(plan: Plan) -> list[tuple[str, list[Task]]]:
    return by_content_item(list(plan.tasks.order_by("order", "pk")), lambda task: task.section)


def _number(ordered: list[Task]) -> None:
    """Give the tasks the orders 0, 1, 2… as listed, writing only those that moved."""
    moved = []
    for position, task in enumerate(ordered):
        if task.order != position:
            task.order = position
            moved.append(task)
    Task.objects.bulk_update(moved, ["order"])


def keep_content_items_together(plan: Plan) -> None:
    """Number the plan's tasks so that each content item's tasks follow one
    another, the items in the order they first appear: a task added to item 1
    after item 3 was written goes after item 1's last task."""
    _number([task for _section, tasks in _in_content_items(plan) for task in tasks])


@transaction.atomic
def move_task(*, task: Task, up: bool, by: User) -> Task:
    """Move a task of a draft plan one place up or down within its content
    item (to another item, the task's ``section`` is changed instead)."""
    plan = task.plan
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    groups = _in_content_items(plan)
    for section, tasks in groups:
        at = next((index for index, each in enumerate(tasks) if each.pk == task.pk), None)
        if at is None:
            continue
        other = at - 1 if up else at + 1
        if not 0 <= other < len(tasks):
            raise DomainError(
                _("Nhiệm vụ đã ở đầu mục; để chuyển sang mục khác, hãy sửa «Thuộc mục».")
                if up
                else _("Nhiệm vụ đã ở cuối mục; để chuyển sang mục khác, hãy sửa «Thuộc mục».")
            )
        for each in (tasks[at], tasks[other]):
            if not each.section.strip() and section:
                # A task written under the heading above it keeps that heading
                # wherever it now stands in the item.
                each.section = section
                each.save(update_fields=["section"])
        tasks[at], tasks[other] = tasks[other], tasks[at]
        break
    _number([each for _section, tasks in groups for each in tasks])
    task.refresh_from_db(fields=["order", "section"])
    _record_plan_version(
        plan,
        by=by,
        step=(_("Chuyển nhiệm vụ lên: %(task)s") if up else _("Chuyển nhiệm vụ xuống: %(task)s"))
        % {"task": task.heading[:200]},
    )
    return task


@transaction.atomic
def assign_task(*, task: Task, assignee: User, due_date: date | None, by: User) -> Task:
    """The unit head names the person responsible and, when the plan left
    it to the unit, the due date."""
    if assignee.unit_id != task.lead_unit_id:
        raise DomainError(_("Người thực hiện phải thuộc đơn vị chủ trì."))
    task.assignee = assignee
    fields = ["assignee"]
    if due_date:
        task.due_date, task.due_rule = (
            due_date,
            _("Trưởng đơn vị giao ngày %(day)s") % {"day": f"{due_date:%d/%m/%Y}"},
        )
        fields += ["due_date", "due_rule"]
    task.save(update_fields=fields)
    notify(
        recipients=[assignee],
        key=f"task-assigned:{task.pk}:{assignee.pk}",
        text=_("Bạn được giao thực hiện nhiệm vụ: %(task)s") % {"task": task.heading[:150]},
        url=reverse("plans:task_detail", args=[task.pk]),
    )
    return task


@transaction.atomic
def post_task_update(
    *,
    task: Task,
    status: str,
    percent: int,
    note: str,
    reported_on: date,
    evidence=None,
    occurrence: TaskOccurrence | None = None,
    by: User,
) -> TaskUpdate:
    """Record progress; the task takes the reported status and percent, and
    the unit head is asked to confirm. Progress on one period of a recurring
    task (``occurrence``) is that period's: the task itself stays under way."""
    if not task.is_open():
        raise DomainError(_("Nhiệm vụ đã hoàn thành hoặc đã hủy; không cập nhật thêm."))
    if status == Task.Status.CANCELLED:
        raise DomainError(_("Hủy nhiệm vụ là việc của trưởng đơn vị, kèm lý do."))
    if occurrence is not None and occurrence.task_id != task.pk:
        raise DomainError(_("Kỳ này không thuộc nhiệm vụ đang cập nhật."))
    if occurrence is not None and not occurrence.is_open():
        raise DomainError(_("Kỳ này đã hoàn thành; không cập nhật thêm."))
    update = TaskUpdate(
        task=task,
        occurrence=occurrence,
        status=status,
        percent=percent,
        note=note,
        reported_on=reported_on,
        created_by=by,
    )
    if evidence is not None:
        refusal = uploads.content_refusal(evidence)
        if refusal:
            raise DomainError(refusal)
        update.evidence_name = evidence.name[:255]
        update.evidence.save(stored_file_name(evidence.name, "ke-hoach"), evidence, save=False)
    update.save(force_insert=True)
    if occurrence is not None:
        occurrence.status, occurrence.percent = status, 100 if status == Task.Status.DONE else percent
        occurrence.completed_on = reported_on if status == Task.Status.DONE else None
        occurrence.save(update_fields=["status", "percent", "completed_on"])
        if task.status == Task.Status.NOT_STARTED:
            task.status = Task.Status.IN_PROGRESS
            task.save(update_fields=["status"])
    else:
        task.status, task.percent = status, 100 if status == Task.Status.DONE else percent
        task.completed_on = reported_on if status == Task.Status.DONE else None
        task.save(update_fields=["status", "percent", "completed_on"])
    notify(
        recipients=[u for u in unit_heads(task.lead_unit) if u.pk != by.pk],
        key=f"task-update:{update.pk}",
        text=_("%(who)s cập nhật tiến độ nhiệm vụ «%(task)s»: %(percent)s%%.")
        % {"who": by.get_full_name(), "task": task.heading[:100], "percent": task.percent},
        url=reverse("plans:task_detail", args=[task.pk]),
    )
    return update


@transaction.atomic
def confirm_task_update(*, update: TaskUpdate, by: User) -> TaskUpdate:
    confirmed = TaskUpdate.objects.filter(pk=update.pk, confirmed_at__isnull=True).update(
        confirmed_by=by, confirmed_at=timezone.now()
    )
    if confirmed != 1:
        raise DomainError(_("Cập nhật này đã được xác nhận."))
    update.refresh_from_db()
    return update


@transaction.atomic
def cancel_task(*, task: Task, reason: str, by: User) -> Task:
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do hủy nhiệm vụ."))
    task.status, task.cancel_reason = Task.Status.CANCELLED, reason.strip()
    task.save(update_fields=["status", "cancel_reason"])
    return task


@transaction.atomic
def comment_on_task(*, task: Task, text: str, by: User) -> TaskComment:
    """Add a comment; everyone on the task is told."""
    if not text.strip():
        raise DomainError(_("Ý kiến không được để trống."))
    comment = TaskComment.objects.create(task=task, author=by, text=text.strip())
    people = [task.assignee, *unit_heads(task.lead_unit), *agency_office(task.plan.agency)]
    notify(
        recipients=[p for p in people if p is not None and p.pk != by.pk],
        key=f"task-comment:{comment.pk}",
        text=_("%(who)s góp ý về nhiệm vụ «%(task)s».")
        % {"who": by.get_full_name(), "task": task.heading[:100]},
        url=reverse("plans:task_detail", args=[task.pk]),
    )
    return comment
