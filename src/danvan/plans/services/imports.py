"""Reading an uploaded plan file into a reviewed draft plan."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from danvan.core.jobs import JobStopped, enqueue, heartbeat, start_attempt
from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError
from danvan.core.text import stored_file_name
from danvan.documents.parsing import ParseError, parse_text
from danvan.documents.parsing.readers import check_file, read_bytes
from danvan.documents.selectors import check_incoming_signatures
from danvan.documents.services import record_citation
from danvan.plans.models import (
    Plan,
    PlanCitation,
    PlanDeadline,
    PlanImport,
    Target,
    Task,
)
from danvan.plans.services.tasks import resolve_timing


@transaction.atomic
def upload_plan_file(*, agency: Agency, data: bytes, filename: str, by: User) -> PlanImport:
    """Keep the uploaded file and queue it for reading (OCR can take minutes).

    A file the cheap checks refuse (type by content, size, a Word file's ZIP
    directory, a PDF's password, a text's encoding) raises DomainError and
    leaves nothing behind: no row, no file. The signatures of a PDF are
    checked now, against the authorities the administrator trusts, and kept
    with the row: signer, time and whether the file is what was signed."""
    try:
        check_file(data, filename)
    except ParseError as error:
        raise DomainError(error.message) from error
    record = PlanImport(
        agency=agency,
        original_name=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        signatures=check_incoming_signatures(data),
        uploaded_by=by,
    )
    # Saving the file inserts the row too.
    record.file.save(stored_file_name(filename, "ke-hoach"), ContentFile(data), save=True)
    transaction.on_commit(lambda: enqueue("plans.read_plan_import", record.pk))
    return record


def read_plan_import(*, import_id: int) -> PlanImport:
    """Read the stored file into an extraction, reporting progress as it goes.

    Outcomes: status ``ready`` with the extraction and text, or ``failed``
    with the reader's Vietnamese message; a refused file is removed from
    storage, and the row keeps its name, its hash and why it was refused.
    Each run is one attempt on the record's lease (core.jobs): its progress
    renews the lease, and a worker killed half way leaves a record that the
    recovery takes up again. Safe to run twice: a record that is no longer
    being processed, or that a newer attempt took up, is left alone.
    """
    reading = PlanImport.objects.filter(status=PlanImport.Status.PROCESSING)
    try:
        attempt = start_attempt(reading, import_id)
    except JobStopped:
        return PlanImport.objects.get(pk=import_id)
    record = PlanImport.objects.get(pk=import_id)

    def progress(done: int, total: int) -> None:
        percent = min(99, int(done * 100 / max(total, 1)))
        heartbeat(reading, import_id, attempt, progress=percent)

    with record.file.open("rb") as stored:
        data = stored.read()
    mine = reading.filter(pk=import_id, attempts=attempt)
    try:
        text = read_bytes(data, record.original_name, on_progress=progress)
        extraction = parse_text(text)
    except JobStopped:
        pass
    except ParseError as error:
        if mine.update(status=PlanImport.Status.FAILED, error=error.message, progress=0, file=""):
            record.file.storage.delete(record.file.name)
    else:
        mine.update(status=PlanImport.Status.READY, progress=100, extraction=extraction, text=text)
    record.refresh_from_db()
    return record


def give_up_plan_imports(records: QuerySet[PlanImport], attempts: int) -> int:
    """Mark failed the imports whose reading was cut off ``attempts`` times
    (the worker died each time); the file stays, so it can be read again."""
    message = _(
        "Việc đọc tệp bị gián đoạn (tiến trình nền dừng giữa chừng), đã thử %(count)s lần. "
        "Bấm «Đọc lại» để thử lần nữa, hoặc tải lên tệp khác."
    ) % {"count": attempts}
    return records.update(status=PlanImport.Status.FAILED, error=message, heartbeat_at=None)


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
    higher_plan: str = ""
    purposes: str = ""
    implementation: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    # Each task with its content item ("section"), lead and timing.
    tasks: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    # The plan's own dated obligations; a task's timing stays the task's.
    deadlines: list[dict] = field(default_factory=list)
    # The basis: the documents the plan's "Căn cứ …" lines cite.
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
            section=item.get("section") or "",
            heading=item["heading"],
            lead_text=item.get("lead_text") or "",
            lead_unit=lead,
            timing=item.get("timing") or "",
            # The kind the plan's words state ("Hằng quý", "Trước ngày 20 hằng tháng").
            **resolve_timing(plan=plan, fields={"timing": item.get("timing") or ""}, strict=False),
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
    """Drop the review, or stop the reading: a job still reading the file
    stops at its next progress report. The uploaded file stays in the import history."""
    PlanImport.objects.filter(pk=record.pk).exclude(status=PlanImport.Status.SAVED).update(
        status=PlanImport.Status.CANCELLED, heartbeat_at=None
    )
    record.refresh_from_db(fields=["status"])
    return record


@transaction.atomic
def retry_plan_import(*, record: PlanImport, by: User) -> PlanImport:
    """Read again an import that failed or was cancelled while its file is kept.

    Outcomes: the import back to ``processing`` with a fresh count of
    attempts, queued for reading; DomainError when it is being read, waits
    for review, was saved, or its file was refused (and so not kept)."""
    again = PlanImport.objects.filter(
        pk=record.pk, status__in=[PlanImport.Status.FAILED, PlanImport.Status.CANCELLED]
    ).exclude(file="")
    if not again.update(
        status=PlanImport.Status.PROCESSING, progress=0, error="", attempts=0, heartbeat_at=None
    ):
        raise DomainError(_("Chỉ đọc lại được lần nhập bị gián đoạn hoặc đã hủy mà tệp gốc còn lưu."))
    transaction.on_commit(lambda: enqueue("plans.read_plan_import", record.pk))
    record.refresh_from_db()
    return record
