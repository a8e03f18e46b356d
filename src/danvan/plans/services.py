"""Changes to plans. Each function runs in one transaction and takes the
acting person as ``by``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError, notify
from danvan.documents.parsing import ParseError, parse_text
from danvan.documents.parsing.readers import read_bytes
from danvan.documents.services import record_citation
from danvan.plans.models import (
    NumberSeries,
    Plan,
    PlanCitation,
    PlanDeadline,
    PlanImport,
    Target,
    Task,
    TaskComment,
    TaskUpdate,
)


@transaction.atomic
def upload_plan_file(*, agency: Agency, data: bytes, filename: str, by: User) -> PlanImport:
    """Keep the uploaded file and queue it for reading (OCR can take minutes)."""
    from danvan.plans.jobs import read_plan_import_job

    record = PlanImport(
        agency=agency,
        original_name=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=by,
    )
    # Saving the file inserts the row too.
    record.file.save(_stored_name(filename), ContentFile(data), save=True)
    transaction.on_commit(lambda: read_plan_import_job.enqueue(record.pk))
    return record


def _stored_name(filename: str) -> str:
    stem = "".join(ch for ch in filename.rsplit("/", 1)[-1] if ch.isalnum() or ch in "._-")[:80]
    return stem or "ke-hoach"


def read_plan_import(*, import_id: int) -> PlanImport:
    """Read the stored file into an extraction, reporting progress as it goes.

    Outcomes: status ``ready`` with the extraction and text, or ``failed``
    with the reader's Vietnamese message. Safe to run twice: a record that
    is no longer being processed is left alone.
    """
    record = PlanImport.objects.get(pk=import_id)
    if record.status != PlanImport.Status.PROCESSING:
        return record

    def progress(done: int, total: int) -> None:
        percent = min(99, int(done * 100 / max(total, 1)))
        PlanImport.objects.filter(pk=import_id, status=PlanImport.Status.PROCESSING).update(progress=percent)

    with record.file.open("rb") as stored:
        data = stored.read()
    try:
        text = read_bytes(data, record.original_name, on_progress=progress)
        extraction = parse_text(text)
    except ParseError as error:
        PlanImport.objects.filter(pk=import_id).update(status=PlanImport.Status.FAILED, error=error.message)
    else:
        PlanImport.objects.filter(pk=import_id, status=PlanImport.Status.PROCESSING).update(
            status=PlanImport.Status.READY, progress=100, extraction=extraction, text=text
        )
    record.refresh_from_db()
    return record


@dataclass
class ReviewedPlan:
    """What the person confirmed on the review page."""

    title: str
    kind: str
    number: str = ""
    symbol: str = ""
    place: str = ""
    issue_date: date | None = None
    period_year: int | None = None
    period_quarter: int | None = None
    period_half: int | None = None
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    tasks: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)


@transaction.atomic
def create_plan_from_import(*, record: PlanImport, reviewed: ReviewedPlan, by: User) -> Plan:
    """Create the draft plan the person reviewed, with its citations in the library.

    Outcomes: the new plan, linked to the import (which keeps the file), or
    DomainError when the import was already saved or cancelled.
    """
    claimed = PlanImport.objects.filter(pk=record.pk, status=PlanImport.Status.READY).update(
        status=PlanImport.Status.SAVED
    )
    if claimed != 1:
        raise DomainError(_("Tệp này đã được lưu thành kế hoạch hoặc đã hủy."))
    plan = create_plan(agency=record.agency, reviewed=reviewed, by=by)
    PlanImport.objects.filter(pk=record.pk).update(plan=plan)
    return plan


def create_plan(*, agency: Agency, reviewed: ReviewedPlan, by: User) -> Plan:
    fields = {
        k: v for k, v in vars(reviewed).items() if k not in ("tasks", "targets", "deadlines", "citations")
    }
    plan = Plan.objects.create(agency=agency, created_by=by, **fields)
    units = {unit.pk: unit for unit in Unit.objects.filter(agency=agency)}
    for order, item in enumerate(reviewed.tasks):
        lead = units.get(item["lead_unit"].pk) if item.get("lead_unit") else None
        if lead is None and item.get("create_unit"):
            lead = _unit_named(agency, item["lead_text"])
        Task.objects.create(
            plan=plan,
            order=order,
            heading=item["heading"],
            lead_text=item.get("lead_text") or "",
            lead_unit=lead,
            timing=item.get("timing") or "",
        )
    for order, item in enumerate(reviewed.targets):
        percent = Decimal(str(item["percent"])) if item.get("percent") is not None else None
        Target.objects.create(plan=plan, order=order, text=item["text"], percent=percent)
    for order, item in enumerate(reviewed.deadlines):
        PlanDeadline.objects.create(
            plan=plan,
            order=order,
            due_date=item["due_date"],
            action=item["action"],
            units=item.get("units") or [],
            recipient=item.get("recipient") or "",
        )
    for order, item in enumerate(reviewed.citations):
        document = record_citation(
            doc_type=item["doc_type"],
            number=item.get("number"),
            name=item.get("name"),
            issued=item.get("date"),
            issuer=item.get("issuer"),
        )
        PlanCitation.objects.get_or_create(plan=plan, document=document, defaults={"order": order})
    return plan


def _unit_named(agency: Agency, name: str) -> Unit:
    """The agency's unit of that name, created when the office asked for it."""
    existing = Unit.objects.filter(agency=agency, name__iexact=name.strip()).first()
    if existing:
        return existing
    code = f"MOI{Unit.objects.filter(agency=agency).count() + 1}"
    while Unit.objects.filter(agency=agency, code=code).exists():
        code += "A"
    return Unit.objects.create(agency=agency, code=code, name=name.strip())


@transaction.atomic
def cancel_plan_import(*, record: PlanImport, by: User) -> PlanImport:
    """Drop the review; the uploaded file stays in the import history."""
    PlanImport.objects.filter(pk=record.pk).exclude(status=PlanImport.Status.SAVED).update(
        status=PlanImport.Status.CANCELLED
    )
    record.refresh_from_db(fields=["status"])
    return record


# --- Plan lifecycle --------------------------------------------------------------


def _move_plan(plan: Plan, *, source: tuple[str, ...], target: str, **fields) -> Plan:
    """A conditional update: two people acting at once cannot both move the plan."""
    moved = Plan.objects.filter(pk=plan.pk, status__in=source).update(status=target, **fields)
    if moved != 1:
        raise DomainError(_("Kế hoạch đã được người khác xử lý; hãy tải lại trang."))
    plan.refresh_from_db()
    return plan


def _leaders(agency: Agency) -> list[User]:
    from danvan.core.models import Role

    return [
        a.user
        for a in agency.roleassignment_set.filter(role=Role.AGENCY_LEADER, is_active=True).select_related(
            "user"
        )
    ]


def _office(agency: Agency) -> list[User]:
    from danvan.core.models import Role

    return [
        a.user
        for a in agency.roleassignment_set.filter(role=Role.AGENCY_OFFICE, is_active=True).select_related(
            "user"
        )
    ]


def _unit_heads(unit: Unit | None) -> list[User]:
    from danvan.core.models import Role

    if unit is None:
        return []
    return [
        a.user
        for a in unit.roleassignment_set.filter(role=Role.UNIT_HEAD, is_active=True).select_related("user")
    ]


@transaction.atomic
def submit_plan(*, plan: Plan, by: User) -> Plan:
    """Send a draft (or a returned plan) to the agency's leaders for approval."""
    if not plan.tasks.exists():
        raise DomainError(_("Kế hoạch chưa có nhiệm vụ nào; hãy thêm nhiệm vụ trước khi trình."))
    plan = _move_plan(
        plan,
        source=(Plan.Status.DRAFT, Plan.Status.RETURNED),
        target=Plan.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    notify(
        recipients=_leaders(plan.agency),
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
    notify(
        recipients=[plan.created_by, *_office(plan.agency)],
        key=f"plan-returned:{plan.pk}:{timezone.now():%Y%m%d%H%M%S}",
        text=_("Kế hoạch «%(title)s» bị trả lại: %(comment)s")
        % {"title": plan.title[:100], "comment": comment[:200]},
        url=reverse("plans:plan_detail", args=[plan.pk]),
    )
    return plan


def next_document_number(*, agency: Agency, year: int) -> str:
    """The next number of the agency's series for the year: "01", "02", ...

    The series restarts at 01 on 1 January (NĐ 30/2020, Điều 15); numbers
    below 10 are written with a leading zero.
    """
    series, _created = NumberSeries.objects.get_or_create(agency=agency, year=year)
    NumberSeries.objects.filter(pk=series.pk).update(last_number=F("last_number") + 1)
    series.refresh_from_db(fields=["last_number"])
    return f"{series.last_number:02d}"


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
    plan.number = next_document_number(agency=plan.agency, year=day.year)
    plan.symbol = plan.symbol or f"KH-{plan.agency.symbol_code}"
    plan.issue_date = day
    plan.save(update_fields=["number", "symbol", "issue_date"])
    _compute_working_day_deadlines(plan)
    for task in plan.tasks.select_related("lead_unit"):
        notify(
            recipients=_unit_heads(task.lead_unit),
            key=f"task-issued:{task.pk}",
            text=_("Đơn vị được giao chủ trì nhiệm vụ: %(task)s") % {"task": task.heading[:150]},
            url=reverse("plans:task_detail", args=[task.pk]),
        )
    return plan


def _compute_working_day_deadlines(plan: Plan) -> None:
    """Tasks due "N working days after issue" get their date now, counted on
    the working-day calendar, with the rule written beside it."""
    calendar = WorkingCalendar.load()
    for task in plan.tasks.filter(due_working_days__isnull=False):
        task.due_date = calendar.add_working_days(plan.issue_date, task.due_working_days)
        task.due_rule = _(
            "%(days)s ngày làm việc kể từ ngày ban hành %(issued)s (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)"
        ) % {
            "days": task.due_working_days,
            "issued": f"{plan.issue_date:%d/%m/%Y}",
        }
        task.save(update_fields=["due_date", "due_rule"])


def close_finished_plans(*, today: date) -> int:
    """Close issued plans whose year is over (the plan's period has ended)."""
    return Plan.objects.filter(status=Plan.Status.ISSUED, period_year__lt=today.year).update(
        status=Plan.Status.CLOSED
    )


@transaction.atomic
def close_plan(*, plan: Plan, by: User) -> Plan:
    return _move_plan(plan, source=(Plan.Status.ISSUED,), target=Plan.Status.CLOSED)


def _shift_years(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def copy_plan(*, source: Plan, period_year: int, by: User) -> Plan:
    """Start next year's plan from this one: sections, tasks, targets and
    deadlines come along with their dates shifted; citations are kept."""
    shift = period_year - (source.period_year or period_year)
    title = (
        source.title.replace(str(source.period_year), str(period_year))
        if source.period_year
        else source.title
    )
    plan = Plan.objects.create(
        agency=source.agency,
        kind=source.kind,
        title=title,
        symbol=source.symbol,
        place=source.place,
        period_year=period_year,
        period_quarter=source.period_quarter,
        period_half=source.period_half,
        recipients=source.recipients,
        signer_authority=source.signer_authority,
        signer_title=source.signer_title,
        higher_plan="",
        copied_from=source,
        created_by=by,
    )
    for task in source.tasks.all():
        copy = Task.objects.create(
            plan=plan,
            order=task.order,
            heading=task.heading,
            lead_text=task.lead_text,
            lead_unit=task.lead_unit,
            timing=task.timing,
            timing_kind=task.timing_kind,
            due_date=_shift_years(task.due_date, shift),
            due_rule=task.due_rule,
        )
        copy.supporting_units.set(task.supporting_units.all())
    for target in source.targets.all():
        Target.objects.create(plan=plan, order=target.order, text=target.text, percent=target.percent)
    for deadline in source.deadlines.all():
        PlanDeadline.objects.create(
            plan=plan,
            order=deadline.order,
            due_date=_shift_years(deadline.due_date, shift),
            action=deadline.action,
            units=deadline.units,
            recipient=deadline.recipient,
        )
    for citation in PlanCitation.objects.filter(plan=source):
        PlanCitation.objects.create(plan=plan, document=citation.document, order=citation.order)
    return plan


# --- Tasks -----------------------------------------------------------------------


TASK_FIELDS = ("section", "heading", "lead_unit", "timing", "due_date", "due_working_days", "target")


def _check_task(plan: Plan, fields: dict) -> None:
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))
    start = date(plan.period_year, 1, 1) if plan.period_year else None
    if fields.get("due_date") and start and fields["due_date"] < start:
        raise DomainError(_("Hạn hoàn thành phải sau ngày bắt đầu của kỳ kế hoạch."))
    if fields.get("due_date") and fields.get("due_working_days"):
        raise DomainError(_("Chọn một cách tính hạn: ngày cụ thể hoặc số ngày làm việc."))


def _timing_kind(fields: dict, current: str = Task.TimingKind.ONGOING) -> str:
    if fields.get("due_date") or fields.get("due_working_days"):
        return Task.TimingKind.DUE_DATE
    return current


@transaction.atomic
def add_task(*, plan: Plan, supporting_units=(), by: User, **fields) -> Task:
    """Add a task to a draft plan."""
    _check_task(plan, fields)
    values = {name: fields.get(name) for name in TASK_FIELDS}
    values = {k: ("" if v is None and k in ("section", "timing") else v) for k, v in values.items()}
    task = Task.objects.create(
        plan=plan,
        order=plan.tasks.count(),
        lead_text=values["lead_unit"].name,
        timing_kind=_timing_kind(values),
        **values,
    )
    task.supporting_units.set(supporting_units)
    return task


@transaction.atomic
def edit_task(*, task: Task, supporting_units=(), by: User, **fields) -> Task:
    """Change a task of a draft plan."""
    _check_task(task.plan, fields)
    for name in TASK_FIELDS:
        value = fields.get(name)
        setattr(task, name, "" if value is None and name in ("section", "timing") else value)
    task.lead_text, task.timing_kind = task.lead_unit.name, _timing_kind(fields, task.timing_kind)
    task.save(update_fields=[*TASK_FIELDS, "lead_text", "timing_kind"])
    task.supporting_units.set(supporting_units)
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
    *, task: Task, status: str, percent: int, note: str, reported_on: date, evidence=None, by: User
) -> TaskUpdate:
    """Record progress; the task takes the reported status and percent, and
    the unit head is asked to confirm."""
    if not task.is_open():
        raise DomainError(_("Nhiệm vụ đã hoàn thành hoặc đã hủy; không cập nhật thêm."))
    if status == Task.Status.CANCELLED:
        raise DomainError(_("Hủy nhiệm vụ là việc của trưởng đơn vị, kèm lý do."))
    update = TaskUpdate(
        task=task, status=status, percent=percent, note=note, reported_on=reported_on, created_by=by
    )
    if evidence is not None:
        update.evidence_name = evidence.name[:255]
        update.evidence.save(_stored_name(evidence.name), evidence, save=False)
    update.save(force_insert=True)
    task.status, task.percent = status, 100 if status == Task.Status.DONE else percent
    task.completed_on = reported_on if status == Task.Status.DONE else None
    task.save(update_fields=["status", "percent", "completed_on"])
    notify(
        recipients=[u for u in _unit_heads(task.lead_unit) if u.pk != by.pk],
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
    people = [task.assignee, *_unit_heads(task.lead_unit), *_office(task.plan.agency)]
    notify(
        recipients=[p for p in people if p is not None and p.pk != by.pk],
        key=f"task-comment:{comment.pk}",
        text=_("%(who)s góp ý về nhiệm vụ «%(task)s».")
        % {"who": by.get_full_name(), "task": task.heading[:100]},
        url=reverse("plans:task_detail", args=[task.pk]),
    )
    return comment


# --- Daily deadline scan -----------------------------------------------------------


def mark_overdue_tasks(*, today: date) -> int:
    """Mark open tasks past their due date as overdue and escalate each once
    to the agency office and the lead unit's head."""
    due = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        due_date__lt=today,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
    ).select_related("plan__agency", "lead_unit")
    marked = 0
    for task in due:
        with transaction.atomic():
            if Task.objects.filter(pk=task.pk, status=task.status).update(status=Task.Status.OVERDUE) != 1:
                continue
            marked += 1
            notify(
                recipients=[task.assignee, *_unit_heads(task.lead_unit), *_office(task.plan.agency)],
                key=f"task-overdue:{task.pk}:{task.due_date:%Y%m%d}",
                text=_("Nhiệm vụ quá hạn (hạn %(day)s): %(task)s")
                % {"day": f"{task.due_date:%d/%m/%Y}", "task": task.heading[:150]},
                url=reverse("plans:task_detail", args=[task.pk]),
            )
    return marked


def send_task_reminders(*, today: date) -> int:
    """Remind the people on each open task N days before its due date (per
    agency, default 7 and 1) and on the day itself. Each reminder has its own
    key, so running the scan twice sends nothing new."""
    sent = 0
    open_tasks = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        due_date__gte=today,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
    ).select_related("plan__agency", "lead_unit", "assignee")
    for task in open_tasks:
        days = (task.due_date - today).days
        if days != 0 and days not in (task.plan.agency.reminder_days or []):
            continue
        with transaction.atomic():
            text = (
                _("Hôm nay là hạn của nhiệm vụ: %(task)s") % {"task": task.heading[:150]}
                if days == 0
                else _("Còn %(days)s ngày đến hạn %(day)s của nhiệm vụ: %(task)s")
                % {"days": days, "day": f"{task.due_date:%d/%m/%Y}", "task": task.heading[:150]}
            )
            sent += len(
                notify(
                    recipients=[task.assignee] if task.assignee else _unit_heads(task.lead_unit),
                    key=f"task-reminder:{task.pk}:{task.due_date:%Y%m%d}:{days}",
                    text=text,
                    url=reverse("plans:task_detail", args=[task.pk]),
                )
            )
    return sent


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
def create_new_plan(*, agency: Agency, fields: dict, by: User) -> Plan:
    """A draft plan written from scratch; tasks are added next."""
    values = {name: _blank(name, fields.get(name)) for name in PLAN_FIELDS if name in fields}
    return Plan.objects.create(agency=agency, created_by=by, symbol=f"KH-{agency.symbol_code}", **values)


@transaction.atomic
def update_plan(*, plan: Plan, changes: dict, by: User) -> Plan:
    """Edit a draft or returned plan in place."""
    if not plan.is_editable():
        raise DomainError(_("Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi."))
    return _apply(plan, changes)


@transaction.atomic
def amend_plan(*, plan: Plan, changes: dict, reason: str, by: User) -> Plan:
    """Change an issued plan. The earlier version stays in the plan's history
    with who changed what and when; the reason is recorded with it."""
    if plan.status != Plan.Status.ISSUED:
        raise DomainError(_("Chỉ kế hoạch đã ban hành mới sửa đổi, bổ sung; dự thảo thì sửa trực tiếp."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do sửa đổi, bổ sung."))
    plan._change_reason = reason.strip()  # read by django-simple-history
    return _apply(plan, changes)


def _blank(name: str, value):
    """Text fields store an empty string, never None."""
    if value is None and Plan._meta.get_field(name).get_internal_type() in ("CharField", "TextField"):
        return ""
    return value


def _blank(name: str, value):
    """Text fields store an empty string, never None."""
    if value is None and Plan._meta.get_field(name).get_internal_type() in ("CharField", "TextField"):
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
    if not Decimal(0) <= value <= Decimal(100):
        raise DomainError(_("Kết quả phải từ 0 đến 100%."))
    target.current_value, target.measured_on = value, measured_on
    target.save(update_fields=["current_value", "measured_on"])
    return target
