"""Writing, submitting, approving, amending, copying and closing plans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Unit, User
from danvan.core.selectors import agency_leaders, agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.core.versions import check_not_stale, edit_token
from danvan.documents.models import LegalDocument
from danvan.plans.events import plan_issued
from danvan.plans.measures import read_target, target_source
from danvan.plans.models import (
    Plan,
    PlanCitation,
    PlanDeadline,
    Target,
    Task,
)
from danvan.plans.services.common import _record_plan_version, next_plan_number, plan_symbol
from danvan.plans.services.occurrences import create_task_occurrences
from danvan.plans.timing import shift_years as shift_timing_years

# --- Plan lifecycle --------------------------------------------------------------


def _move_plan(plan: Plan, *, source: tuple[str, ...], target: str, **fields) -> Plan:
    """A conditional update: two people acting at once cannot both move the plan."""
    moved = Plan.objects.filter(pk=plan.pk, status__in=source).update(status=target, **fields)
    if moved != 1:
        raise DomainError(_("Kế hoạch đã được người khác xử lý; hãy tải lại trang."))
    plan.refresh_from_db()
    return plan


@transaction.atomic
def submit_plan(*, plan: Plan, by: User) -> Plan:
    """Send a draft (or a returned plan) to the agency's leaders for approval."""
    if not plan.tasks.exists():
        raise DomainError(_("Kế hoạch chưa có nhiệm vụ nào; hãy thêm nhiệm vụ trước khi trình."))
    resubmitted = plan.status == Plan.Status.RETURNED
    plan = _move_plan(
        plan,
        source=(Plan.Status.DRAFT, Plan.Status.RETURNED),
        target=Plan.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    step = _("Trình lại sau khi sửa") if resubmitted else _("Trình lãnh đạo phê duyệt")
    _record_plan_version(plan, by=by, step=step)
    notify(
        recipients=agency_leaders(plan.agency),
        key=f"plan-submitted:{plan.pk}:{plan.submitted_at:%Y%m%d%H%M%S}",
        text=_("Kế hoạch «%(title)s» được trình để phê duyệt.") % {"title": plan.title[:100]},
        url=reverse("plans:plan_detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def return_plan(*, plan: Plan, comment: str, by: User) -> Plan:
    """The leader sends the plan back with comments; the office edits and resubmits."""
    if not comment.strip():
        raise DomainError(_("Hãy ghi ý kiến khi trả lại kế hoạch."))
    plan = _move_plan(
        plan, source=(Plan.Status.SUBMITTED,), target=Plan.Status.RETURNED, review_comment=comment.strip()
    )
    _record_plan_version(plan, by=by, step=_("Trả lại để sửa: %(comment)s") % {"comment": comment.strip()})
    notify(
        recipients=[plan.created_by, *agency_office(plan.agency)],
        key=f"plan-returned:{plan.pk}:{timezone.now():%Y%m%d%H%M%S}",
        text=_("Kế hoạch «%(title)s» bị trả lại: %(comment)s")
        % {"title": plan.title[:100], "comment": comment[:200]},
        url=reverse("plans:plan_detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def approve_plan(*, plan: Plan, by: User, issue_date: date | None = None) -> Plan:
    """Approve and issue: the plan gets the next number of the agency's
    series and the issue date, and its lead units are told of their tasks."""
    day = issue_date or timezone.localdate()
    plan = _move_plan(
        plan,
        source=(Plan.Status.SUBMITTED,),
        target=Plan.Status.ISSUED,
        issued_at=timezone.now(),
        issued_by=by,
    )
    plan.number = next_plan_number(plan, year=day.year)
    plan.symbol = plan.symbol or plan_symbol(plan.agency, plan.unit)
    plan.issue_date = day
    plan._history_user = by  # type: ignore[attr-defined]  # read by django-simple-history
    plan._change_reason = _("Phê duyệt và ban hành")  # type: ignore[attr-defined]
    plan.save(update_fields=["number", "symbol", "issue_date"])
    _compute_working_day_deadlines(plan)
    create_task_occurrences(today=timezone.localdate(), plan=plan)
    plan_issued.send(sender=Plan, plan=plan, by=by)
    for task in plan.tasks.select_related("lead_unit"):
        notify(
            recipients=unit_heads(task.lead_unit),
            key=f"task-issued:{task.pk}",
            text=_("Đơn vị được giao chủ trì nhiệm vụ: %(task)s") % {"task": task.heading[:150]},
            url=reverse("plans:task_detail", args=[task.pk]),
        )
    return plan


def _compute_working_day_deadlines(plan: Plan) -> None:
    """Tasks due "N working days after issue" get their date now, counted on
    the working-day calendar, with the rule written beside it."""
    calendar = WorkingCalendar.load()
    issued = plan.issue_date or timezone.localdate()
    for task in plan.tasks.filter(due_working_days__isnull=False):
        task.due_date = calendar.add_working_days(issued, task.due_working_days or 0)
        task.due_rule = _(
            "%(days)s ngày làm việc kể từ ngày ban hành %(issued)s (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)"
        ) % {
            "days": task.due_working_days,
            "issued": f"{issued:%d/%m/%Y}",
        }
        task.save(update_fields=["due_date", "due_rule"])


def close_finished_plans(*, today: date) -> int:
    """Close issued plans whose year is over (the plan's period has ended)."""
    return Plan.objects.filter(status=Plan.Status.ISSUED, period_year__lt=today.year).update(
        status=Plan.Status.CLOSED
    )


@transaction.atomic
def close_plan(*, plan: Plan, by: User) -> Plan:
    plan = _move_plan(plan, source=(Plan.Status.ISSUED,), target=Plan.Status.CLOSED)
    _record_plan_version(plan, by=by, step=_("Kết thúc kế hoạch"))
    return plan


def _shift_years(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def copy_plan(*, source: Plan, period_year: int, by: User, again: bool = False) -> Plan:
    """Start next year's plan from this one, as a draft: its parts
    (purposes and requirements, organisation of implementation, place,
    recipients, signer), its content items with their tasks in order, its
    targets (a task keeps the target it serves, and a target its way of
    being counted), its dated obligations and its basis come along. Due
    dates move by the years between the two periods, and the years written
    in each task's timing text with them; a date counted in working days is
    counted again when the copy is issued. A unit's plan stays the unit's,
    implementing the agency's plan copied to that year once it is issued.

    A plan already copied to that year is copied again only when ``again``
    says the person knows it."""
    if not again and Plan.objects.filter(copied_from=source, period_year=period_year).exists():
        raise DomainError(
            _(
                "Kế hoạch này đã được sao chép sang năm %(year)s; hãy mở bản đã có hoặc xác nhận tạo thêm bản mới."
            )
            % {"year": period_year}
        )
    shift = period_year - (source.period_year or period_year)
    title = (
        source.title.replace(str(source.period_year), str(period_year))
        if source.period_year
        else source.title
    )
    plan = Plan.objects.create(
        agency=source.agency,
        unit=source.unit,
        kind=source.kind,
        title=title,
        symbol=source.symbol,
        place=source.place,
        period_year=period_year,
        period_quarter=source.period_quarter,
        period_half=source.period_half,
        purposes=source.purposes,
        implementation=source.implementation,
        recipients=list(source.recipients or []),
        signer_authority=source.signer_authority,
        signer_title=source.signer_title,
        signer_name=source.signer_name,
        higher_plan="",
        implements=_implemented_in(source.implements, period_year) if source.unit_id else None,
        copied_from=source,
        created_by=by,
    )
    targets = {}
    for target in source.targets.order_by("order", "pk"):
        targets[target.pk] = Target.objects.create(
            plan=plan,
            order=target.order,
            text=target.text,
            percent=target.percent,
            measured_by=target.measured_by,
            document=target.document,
        )
    for order, task in enumerate(source.tasks.order_by("order", "pk")):
        copy = Task.objects.create(
            plan=plan,
            order=order,
            section=task.section,
            heading=task.heading,
            lead_text=task.lead_text,
            lead_unit=task.lead_unit,
            timing=shift_timing_years(task.timing, shift),
            timing_kind=task.timing_kind,
            timing_day=task.timing_day,
            due_working_days=task.due_working_days,
            # A date counted in working days is counted again when the copy is issued.
            due_date=None if task.due_working_days else _shift_years(task.due_date, shift),
            due_rule="" if task.due_working_days else task.due_rule,
            target=targets.get(task.target_id) if task.target_id else None,
        )
        copy.supporting_units.set(task.supporting_units.all())
    for deadline in source.deadlines.all():
        PlanDeadline.objects.create(
            plan=plan,
            order=deadline.order,
            due_date=_shift_years(deadline.due_date, shift) or deadline.due_date,
            action=deadline.action,
            units=list(deadline.units or []),
            recipient=deadline.recipient,
        )
    for citation in PlanCitation.objects.filter(plan=source):
        PlanCitation.objects.create(plan=plan, document=citation.document, order=citation.order)
    return plan


def _implemented_in(higher: Plan | None, year: int) -> Plan | None:
    """The agency's plan of ``year`` that continues ``higher`` (copied from
    it and issued), which a unit's copied plan implements in turn."""
    if higher is None:
        return None
    return (
        Plan.objects.filter(copied_from=higher, period_year=year, status=Plan.Status.ISSUED)
        .order_by("-issue_date", "-pk")
        .first()
    )


# --- Plans written in the system -------------------------------------------------------

PLAN_FIELDS = (
    "title",
    "kind",
    "period_year",
    "period_quarter",
    "implements",
    "higher_plan",
    "implementation_due",
    "place",
    "purposes",
    "implementation",
    "recipients",
    "signer_authority",
    "signer_title",
    "signer_name",
)


@transaction.atomic
def create_new_plan(*, agency: Agency, fields: dict, by: User, unit: Unit | None = None) -> Plan:
    """A draft plan written from scratch; tasks are added next. A unit's
    plan (a chi cục, a centre) implements one of the agency's issued plans
    and takes the unit's symbol when the unit keeps its own register."""
    values = {name: _blank(name, fields.get(name)) for name in PLAN_FIELDS if name in fields}
    if unit is not None:
        if unit.agency_id != agency.pk or not unit.issues_plans():
            raise DomainError(_("Chỉ chi cục, trung tâm thuộc cơ quan mới ban hành kế hoạch riêng."))
        higher = values.get("implements")
        if higher is None or higher.agency_id != agency.pk or higher.unit_id is not None:
            raise DomainError(_("Kế hoạch của đơn vị phải thực hiện một kế hoạch đã ban hành của cơ quan."))
    return Plan.objects.create(
        agency=agency, unit=unit, created_by=by, symbol=plan_symbol(agency, unit), **values
    )


def plan_edit_token(plan: Plan) -> str:
    """The version of a plan's own fields that an edit form was opened on."""
    return edit_token(plan, PLAN_FIELDS)


@transaction.atomic
def update_plan(*, plan: Plan, changes: dict, by: User, seen: str | None = None) -> Plan:
    """Edit a draft or returned plan in place. ``seen`` is the version the
    form was opened on: if someone saved the plan since, nothing is saved and
    EditConflict says what they changed."""
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))
    if seen:
        current = Plan.objects.select_for_update().get(pk=plan.pk)
        check_not_stale(current, PLAN_FIELDS, seen=seen, typed=changes, what=_("kế hoạch"))
    return _apply(plan, changes)


def _blank(name: str, value):
    """Text fields store an empty string, never None."""
    if value is None and isinstance(Plan._meta.get_field(name), models.CharField | models.TextField):
        return ""
    return value


def _apply(plan: Plan, changes: dict) -> Plan:
    fields = [
        name for name in PLAN_FIELDS if name in changes and getattr(plan, name) != _blank(name, changes[name])
    ]
    for name in fields:
        setattr(plan, name, _blank(name, changes[name]))
    if fields:
        plan.save(update_fields=fields)
    return plan


@transaction.atomic
def record_target_value(*, target: Target, value: Decimal, measured_on: date, by: User) -> Target:
    """Record where a target stands ("100% công chức được quán triệt": 85% so far)."""
    if target.measured_by:
        raise DomainError(_("Kết quả của chỉ tiêu này do hệ thống tính, không nhập tay."))
    if not Decimal(0) <= value <= Decimal(100):
        raise DomainError(_("Kết quả phải từ 0 đến 100%."))
    target.current_value, target.measured_on = value, measured_on
    target.save(update_fields=["current_value", "measured_on"])
    return target


@transaction.atomic
def bind_target(*, target: Target, measured_by: str, document: LegalDocument | None, by: User) -> Target:
    """Let the system count the target's value (plans.measures), or, with no
    source, go back to a value typed by hand."""
    if not measured_by:
        target.measured_by, target.document = "", None
        target.save(update_fields=["measured_by", "document"])
        return target
    source = target_source(measured_by)
    if source is None:
        raise DomainError(_("Không có cách tính kết quả này."))
    if source.needs_document and document is None:
        raise DomainError(_("Hãy chọn văn bản mà chỉ tiêu đo (ví dụ văn bản được quán triệt)."))
    target.measured_by, target.document = measured_by, document
    target.save(update_fields=["measured_by", "document"])
    return refresh_measured_target(target=target, on=timezone.localdate())


def refresh_measured_target(*, target: Target, on: date) -> Target:
    """Store the value a bound target's source counts today as its current value,
    so the plan page, the dashboard and the periodic report read one figure.
    Written only when the value changed."""
    reading = read_target(target)
    if reading is None or reading.value is None:
        return target
    value = min(max(reading.value, Decimal(0)), Decimal(100))
    if target.current_value != value:
        target.current_value, target.measured_on = value, on
        target.save(update_fields=["current_value", "measured_on"])
    return target


@transaction.atomic
def refresh_measured_targets(*, agency: Agency, documents: list[LegalDocument], on: date) -> int:
    """After a source's data changed (e.g. a briefing's attendance): refresh the
    agency's targets bound to these documents; returns how many there were."""
    targets = Target.objects.filter(plan__agency=agency, document__in=documents).exclude(measured_by="")
    found = list(targets.select_related("plan__agency", "document"))
    for target in found:
        refresh_measured_target(target=target, on=on)
    return len(found)


def refresh_all_measured_targets(*, today: date) -> int:
    """The daily step: every bound target of a plan in force counted again, so a
    figure follows staff who joined or left; returns how many changed."""
    changed = 0
    targets = (
        Target.objects.filter(plan__status=Plan.Status.ISSUED)
        .exclude(measured_by="")
        .select_related("plan__agency", "document")
    )
    for target in targets:
        before = target.current_value
        if refresh_measured_target(target=target, on=today).current_value != before:
            changed += 1
    return changed
