"""Coordination with the Vietnam Fatherland Front and the socio-political organisations:
the organisations the agency works with, the programmes signed with them and their joint
activities, and their supervision, social criticism and comments (QĐ 217-QĐ/TW,
218-QĐ/TW) with the agency's answer, due on the organisation's date or SUPERVISION_ANSWER_DAYS
after receipt."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError, notify
from danvan.democracy.models import (
    SUPERVISION_ANSWER_DAYS,
    CoordinationProgramme,
    JointActivity,
    Organisation,
    OrganisationKind,
    SupervisionFinding,
)
from danvan.democracy.services._common import _day
from danvan.documents.models import LegalDocument
from danvan.plans.models import Task

# A reminder this many days before the answer is due, on the day, and once overdue.
REMINDER_DAYS_BEFORE = 3

# The organisations most agencies coordinate with, named after the agency's province.
STANDARD_ORGANISATIONS = (
    (OrganisationKind.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh %(province)s"),
    (OrganisationKind.LABOUR_FEDERATION, "Liên đoàn Lao động tỉnh %(province)s"),
    (OrganisationKind.WOMEN_UNION, "Hội Liên hiệp Phụ nữ tỉnh %(province)s"),
    (OrganisationKind.YOUTH_UNION, "Tỉnh Đoàn %(province)s"),
    (OrganisationKind.FARMERS_UNION, "Hội Nông dân tỉnh %(province)s"),
    (OrganisationKind.VETERANS, "Hội Cựu chiến binh tỉnh %(province)s"),
    (OrganisationKind.TRADE_UNION, "Công đoàn %(agency)s"),
)


def _province_name(agency: Agency) -> str:
    name = agency.province.name
    for prefix in ("Tỉnh ", "tỉnh ", "Thành phố ", "thành phố "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@transaction.atomic
def add_organisation(*, agency: Agency, kind: str, name: str, by: User) -> Organisation:
    name = " ".join(name.split())
    if kind not in OrganisationKind.values:
        raise DomainError(_("Loại tổ chức không hợp lệ."))
    if not name:
        raise DomainError(_("Hãy ghi tên tổ chức."))
    # Compared in Python: SQLite folds the case of ASCII letters only.
    taken = {
        existing.casefold()
        for existing in Organisation.objects.filter(agency=agency).values_list("name", flat=True)
    }
    if name.casefold() in taken:
        raise DomainError(_("Cơ quan đã có tổ chức «%(name)s».") % {"name": name})
    return Organisation.objects.create(agency=agency, kind=kind, name=name[:255])


@transaction.atomic
def add_standard_organisations(*, agency: Agency, by: User) -> list[Organisation]:
    """The Fatherland Front and the socio-political organisations of the province, and the
    agency's trade union, those the agency does not have yet; a second call adds nothing."""
    names = {"province": _province_name(agency), "agency": agency.short_name or agency.name}
    have = set(Organisation.objects.filter(agency=agency).values_list("kind", flat=True))
    made = [
        Organisation(agency=agency, kind=kind, name=(pattern % names)[:255])
        for kind, pattern in STANDARD_ORGANISATIONS
        if kind not in have
    ]
    return Organisation.objects.bulk_create(made)


def _check_organisation(agency: Agency, organisation: Organisation) -> None:
    if organisation.agency_id != agency.pk:
        raise DomainError(_("Tổ chức không thuộc danh sách của cơ quan."))


@transaction.atomic
def sign_programme(
    *,
    agency: Agency,
    organisation: Organisation,
    kind: str,
    title: str,
    number: str = "",
    signed_on: date,
    document: LegalDocument | None = None,
    content: str = "",
    valid_from: date,
    valid_until: date | None = None,
    by: User,
) -> CoordinationProgramme:
    _check_organisation(agency, organisation)
    if kind not in CoordinationProgramme.Kind.values:
        raise DomainError(_("Loại văn bản phối hợp không hợp lệ."))
    if not title.strip():
        raise DomainError(_("Hãy ghi tên chương trình, quy chế phối hợp."))
    if valid_until is not None and valid_until < valid_from:
        raise DomainError(_("Ngày kết thúc thực hiện trước ngày bắt đầu."))
    return CoordinationProgramme.objects.create(
        agency=agency,
        organisation=organisation,
        kind=kind,
        title=title.strip()[:500],
        number=number.strip()[:100],
        signed_on=signed_on,
        document=document,
        content=content.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
        created_by=by,
    )


@transaction.atomic
def add_joint_activity(
    *,
    programme: CoordinationProgramme,
    title: str,
    task: Task | None = None,
    planned_on: date | None = None,
    by: User,
) -> JointActivity:
    """A task of one of the agency's plans, or the activity's own planned day."""
    if task is not None and task.plan.agency_id != programme.agency_id:
        raise DomainError(_("Nhiệm vụ không thuộc kế hoạch của cơ quan."))
    title = title.strip() or (task.heading[:500] if task is not None else "")
    if not title:
        raise DomainError(_("Hãy ghi nội dung hoạt động phối hợp."))
    if task is None and planned_on is None:
        raise DomainError(_("Hãy ghi ngày dự kiến hoặc chọn một nhiệm vụ của kế hoạch."))
    return JointActivity.objects.create(
        programme=programme, title=title[:500], task=task, planned_on=planned_on
    )


@transaction.atomic
def record_activity(
    *, activity: JointActivity, status: str, done_on: date | None, note: str = "", today: date, by: User
) -> JointActivity:
    """The status of an activity of its own (a plan task keeps the task's status)."""
    if activity.task_id is not None:
        raise DomainError(_("Hoạt động này là nhiệm vụ của kế hoạch: tiến độ ghi ở nhiệm vụ."))
    if status not in JointActivity.Status.values:
        raise DomainError(_("Trạng thái hoạt động không hợp lệ."))
    if status == JointActivity.Status.DONE and done_on is None:
        raise DomainError(_("Hãy ghi ngày thực hiện."))
    if done_on is not None and done_on > today:
        raise DomainError(_("Ngày thực hiện %(day)s chưa đến.") % {"day": _day(done_on)})
    activity.status = status
    activity.done_on = done_on if status == JointActivity.Status.DONE else None
    activity.note = note.strip()
    activity.save(update_fields=["status", "done_on", "note"])
    return activity


def count_supervision_due(
    received_on: date, calendar: WorkingCalendar, *, set_by_organisation: date | None = None
) -> tuple[date, str]:
    """The organisation's own due date when its document sets one; else SUPERVISION_ANSWER_DAYS."""
    if set_by_organisation is not None:
        return set_by_organisation, _(
            "Hạn trả lời %(due)s theo văn bản kiến nghị của tổ chức (nhận ngày %(start)s)."
        ) % {"due": _day(set_by_organisation), "start": _day(received_on)}
    due = calendar.add_days(received_on, SUPERVISION_ANSWER_DAYS)
    last = date.fromordinal(received_on.toordinal() + SUPERVISION_ANSWER_DAYS)
    text = _(
        "Văn bản của tổ chức không ghi hạn: %(count)s ngày kể từ ngày nhận %(start)s (Nghị quyết liên tịch "
        "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN; ngày thứ nhất là ngày hôm sau, Bộ luật Dân sự 2015 Điều 147)"
    ) % {"count": SUPERVISION_ANSWER_DAYS, "start": _day(received_on)}
    if due != last:
        text += _(
            "; ngày cuối %(last)s là ngày nghỉ nên kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5)"
        ) % {"last": _day(last)}
    return due, text + _(" — hạn trả lời %(due)s.") % {"due": _day(due)}


@transaction.atomic
def receive_finding(
    *,
    agency: Agency,
    organisation: Organisation,
    kind: str,
    number: str = "",
    received_on: date,
    content: str,
    recommendations: str,
    due_set_by_organisation: date | None = None,
    today: date,
    by: User,
) -> SupervisionFinding:
    _check_organisation(agency, organisation)
    if kind not in SupervisionFinding.Kind.values:
        raise DomainError(_("Hình thức giám sát, phản biện, góp ý không hợp lệ."))
    if not content.strip():
        raise DomainError(_("Hãy ghi nội dung giám sát, phản biện, góp ý."))
    if not recommendations.strip():
        raise DomainError(_("Hãy ghi kiến nghị của tổ chức."))
    if received_on > today:
        raise DomainError(_("Ngày nhận %(day)s chưa đến.") % {"day": _day(received_on)})
    if due_set_by_organisation is not None and due_set_by_organisation < received_on:
        raise DomainError(_("Hạn trả lời trước ngày nhận văn bản."))
    due, explanation = count_supervision_due(
        received_on, WorkingCalendar.load(), set_by_organisation=due_set_by_organisation
    )
    finding = SupervisionFinding.objects.create(
        agency=agency,
        organisation=organisation,
        kind=kind,
        number=number.strip()[:100],
        received_on=received_on,
        content=content.strip(),
        recommendations=recommendations.strip(),
        answer_due=due,
        answer_explanation=explanation,
        created_by=by,
    )
    notify(
        recipients=holders_of(Role.AGENCY_LEADER, agency=agency),
        key=f"democracy-finding:{finding.pk}",
        text=_("%(organisation)s có kiến nghị cần trả lời chậm nhất ngày %(due)s.")
        % {"organisation": organisation.name, "due": _day(due)},
        url=reverse("democracy:finding_detail", args=[finding.pk]),
    )
    return finding


@transaction.atomic
def answer_finding(
    *, finding: SupervisionFinding, answer: str, answered_on: date, today: date, by: User
) -> SupervisionFinding:
    if not answer.strip():
        raise DomainError(_("Hãy ghi nội dung trả lời."))
    if answered_on < finding.received_on:
        raise DomainError(_("Ngày trả lời trước ngày nhận kiến nghị."))
    if answered_on > today:
        raise DomainError(_("Ngày trả lời %(day)s chưa đến.") % {"day": _day(answered_on)})
    claimed = SupervisionFinding.objects.filter(
        pk=finding.pk, status=SupervisionFinding.Status.WAITING
    ).update(
        status=SupervisionFinding.Status.ANSWERED,
        answer=answer.strip(),
        answered_on=answered_on,
        answered_by=by,
    )
    if claimed != 1:
        raise DomainError(_("Kiến nghị này đã được trả lời."))
    finding.refresh_from_db()
    return finding


def send_supervision_reminders(*, today: date) -> int:
    """Tell the agency's leaders and office of an answer due in 3 days, due today, or overdue;
    one notification per finding and occasion, so a second run the same day sends nothing."""
    sent = 0
    waiting = SupervisionFinding.objects.filter(status=SupervisionFinding.Status.WAITING).select_related(
        "agency", "organisation"
    )
    for finding in waiting:
        days = (finding.answer_due - today).days
        if days > REMINDER_DAYS_BEFORE:
            continue
        occasion = "overdue" if days < 0 else str(days)
        if days < 0:
            text = _("Quá hạn trả lời kiến nghị của %(organisation)s (hạn %(due)s).")
        elif days == 0:
            text = _("Hôm nay là hạn trả lời kiến nghị của %(organisation)s.")
        else:
            text = _("Còn %(days)s ngày đến hạn trả lời kiến nghị của %(organisation)s (hạn %(due)s).")
        recipients = [
            *holders_of(Role.AGENCY_LEADER, agency=finding.agency),
            *holders_of(Role.AGENCY_OFFICE, agency=finding.agency),
        ]
        sent += len(
            notify(
                recipients=recipients,
                key=f"democracy-finding-reminder:{finding.pk}:{occasion}",
                text=text
                % {"organisation": finding.organisation.name, "due": _day(finding.answer_due), "days": days},
                url=reverse("democracy:finding_detail", args=[finding.pk]),
            )
        )
    return sent
