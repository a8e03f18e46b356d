"""Briefings."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Agency, Unit, User
from danvan.core.selectors import agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.core.text import stored_file_name
from danvan.democracy.models import (
    Attendance,
    Briefing,
    BriefingMaterial,
)
from danvan.democracy.selectors import BRIEFED_SOURCE, coverage
from danvan.democracy.services._common import MATERIAL_LIMIT_BYTES, _day
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan, Task
from danvan.plans.services import refresh_measured_targets

# A task about briefing a document is reminded from this many days before its due date.
BRIEFING_TASK_REMINDER_DAYS = 7

# --- Briefings ------------------------------------------------------------------


@transaction.atomic
def schedule_briefing(
    *,
    agency: Agency,
    title: str,
    held_on: date,
    form: str,
    documents: Iterable[LegalDocument],
    units: Iterable[Unit] = (),
    people: Iterable[User] = (),
    presenter_text: str = "",
    presenter: User | None = None,
    makes_up: Briefing | None = None,
    by: User,
) -> Briefing:
    """A briefing with one attendance line for each active person of the units and each person named."""
    documents, units, people = list(documents), list(units), list(people)
    if not title.strip():
        raise DomainError(_("Hãy ghi tên buổi quán triệt."))
    if not documents:
        raise DomainError(_("Hãy chọn ít nhất một văn bản của thư viện văn bản được quán triệt."))
    if form not in Briefing.Form.values:
        raise DomainError(_("Hình thức quán triệt không hợp lệ."))
    if any(unit.agency_id != agency.pk for unit in units):
        raise DomainError(_("Chỉ chọn được đơn vị của cơ quan mình."))
    if any(person.agency_id != agency.pk for person in people):
        raise DomainError(_("Chỉ mời được cán bộ của cơ quan mình."))
    if presenter is not None and presenter.agency_id != agency.pk:
        raise DomainError(
            _("Người trình bày chọn trong danh sách là cán bộ của cơ quan; người ngoài hãy ghi tên.")
        )
    if makes_up is not None and (makes_up.agency_id != agency.pk or makes_up.held_on > held_on):
        raise DomainError(_("Buổi học bù phải của cùng cơ quan và diễn ra sau buổi được bù."))
    expected = {p.pk: p for p in User.objects.filter(unit__in=units, agency=agency, is_active=True)}
    expected.update({p.pk: p for p in people if p.is_active})
    if not expected:
        raise DomainError(_("Hãy chọn đơn vị hoặc người tham dự: buổi quán triệt chưa có ai."))
    briefing = Briefing.objects.create(
        agency=agency,
        title=title.strip(),
        held_on=held_on,
        form=form,
        presenter_text=presenter_text.strip(),
        presenter=presenter,
        makes_up=makes_up,
        created_by=by,
    )
    briefing.documents.set(documents)
    briefing.units.set(units)
    Attendance.objects.bulk_create(
        [Attendance(briefing=briefing, person=person) for person in expected.values()]
    )
    return briefing


@transaction.atomic
def record_attendance(
    *, briefing: Briefing, marks: Mapping[int, tuple[str, str]], today: date, by: User
) -> Briefing:
    """Mark each expected person present or absent (with a reason). Someone present at a
    briefing makes up every earlier briefing of the same documents they missed."""
    if briefing.held_on > today:
        raise DomainError(
            _("Buổi quán triệt ngày %(day)s chưa diễn ra: chưa điểm danh được.")
            % {"day": _day(briefing.held_on)}
        )
    lines = {line.person_id: line for line in briefing.attendances.select_related("person")}
    for person_id, (status, reason) in marks.items():
        line = lines.get(person_id)
        if line is None:
            raise DomainError(_("Có người không thuộc danh sách tham dự buổi quán triệt này."))
        if status not in (Attendance.Status.PRESENT, Attendance.Status.ABSENT, Attendance.Status.EXPECTED):
            raise DomainError(_("Tình trạng tham dự không hợp lệ."))
        if status == Attendance.Status.ABSENT and not reason.strip():
            raise DomainError(
                _("Hãy ghi lý do vắng của %(name)s.")
                % {"name": line.person.full_name or line.person.username}
            )
    for person_id, (status, reason) in marks.items():
        line = lines[person_id]
        if line.status == Attendance.Status.MADE_UP and status == Attendance.Status.ABSENT:
            continue  # made up later: the later session decides
        line.status = status
        line.reason = reason.strip() if status == Attendance.Status.ABSENT else ""
        line.save(update_fields=["status", "reason"])
    present = [pid for pid, (status, _reason) in marks.items() if status == Attendance.Status.PRESENT]
    Attendance.objects.filter(
        briefing__agency=briefing.agency,
        briefing__documents__in=briefing.documents.all(),
        briefing__held_on__lte=briefing.held_on,
        person_id__in=present,
        status__in=(Attendance.Status.ABSENT, Attendance.Status.EXPECTED),
    ).exclude(briefing=briefing).update(status=Attendance.Status.MADE_UP, made_up_in=briefing)
    refresh_measured_targets(agency=briefing.agency, documents=list(briefing.documents.all()), on=today)
    return briefing


@transaction.atomic
def attach_material(*, briefing: Briefing, data: bytes, filename: str, by: User) -> BriefingMaterial:
    if len(data) > MATERIAL_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": MATERIAL_LIMIT_BYTES // (1024 * 1024)}
        )
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)
    material = BriefingMaterial(
        briefing=briefing, original_name=filename[:255], size=len(data), uploaded_by=by
    )
    material.file.save(stored_file_name(filename, "tai-lieu"), ContentFile(data), save=True)
    return material


def remind_briefing_tasks(*, today: date) -> int:
    """Remind the office and the lead unit's heads of each open plan task bound
    to a briefing target (plans.measures ``democracy.staff_briefed``) that is due
    within 7 days or past due while staff are still not briefed. One reminder per
    task per day: running the scan twice the same day sends nothing new."""
    sent = 0
    tasks = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.OVERDUE],
        due_date__lte=date.fromordinal(today.toordinal() + BRIEFING_TASK_REMINDER_DAYS),
        target__measured_by=BRIEFED_SOURCE.code,
        target__document__isnull=False,
    ).select_related("plan__agency", "lead_unit", "target__document")
    for task in tasks:
        # The query keeps only tasks with a due date and a target bound to a document.
        document = task.target.document if task.target else None
        agency, due = task.plan.agency, task.due_date
        if document is None or due is None:
            continue
        found = coverage(agency, document)
        if not found.missing:
            continue
        days = (due - today).days
        page = reverse("democracy:coverage", args=[agency.pk, document.pk])
        make_up = (
            reverse("democracy:briefing_create", args=[agency.pk]) + "?" + urlencode({"van_ban": document.pk})
        )
        text = (
            _(
                "Nhiệm vụ «%(task)s» đến hạn %(due)s: còn %(count)s người chưa được quán triệt %(doc)s. "
                "Tổ chức học bù: %(make_up)s"
            )
            if days >= 0
            else _(
                "Nhiệm vụ «%(task)s» đã quá hạn %(due)s: còn %(count)s người chưa được quán triệt %(doc)s. "
                "Tổ chức học bù: %(make_up)s"
            )
        ) % {
            "task": task.heading[:150],
            "due": _day(due),
            "count": len(found.missing),
            "doc": document,
            "make_up": make_up,
        }
        with transaction.atomic():
            sent += len(
                notify(
                    recipients=[*agency_office(agency), *unit_heads(task.lead_unit)],
                    key=f"democracy-briefing-task:{task.pk}:{today:%Y%m%d}",
                    text=text,
                    url=page,
                )
            )
    return sent
