"""Read queries of the democracy pages, each starting from what the person may see.

Staff of an agency are its active people (``User.agency``, their unit through
``User.unit``). A person is briefed on a document when they were present at,
or made up, any briefing of the agency that covers the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DateField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of
from danvan.core.prepared import Bind, ids, prepared
from danvan.core.selectors import TODO_LIMIT, TodoItem, TodoList, todo_list
from danvan.democracy import permissions
from danvan.democracy.models import (
    FAILED_ATTEMPTS_FOR_BALLOT,
    REGULATION_LAWS,
    Attendance,
    BoardInspection,
    BoardRecommendation,
    BoardReport,
    Briefing,
    ConferenceAttempt,
    Consultation,
    CoordinationProgramme,
    Disclosure,
    DisclosureRequest,
    InspectionBoard,
    Organisation,
    RegulationTrigger,
    RegulationVersion,
    StaffConference,
    StaffPetition,
    SupervisionFinding,
    WrittenBallot,
)
from danvan.documents.models import LegalDocument
from danvan.plans.measures import Reading, TargetSource
from danvan.plans.models import Target

LIST_LIMIT = 50


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def staff_of(agency: Agency) -> QuerySet[User]:
    return User.objects.filter(agency=agency, is_active=True)


def briefed_people(agency: Agency, document: LegalDocument) -> set[int]:
    """Who of the agency was present at, or made up, a briefing covering the document."""
    return set(
        Attendance.objects.filter(
            briefing__agency=agency, briefing__documents=document, status__in=Attendance.BRIEFED
        ).values_list("person_id", flat=True)
    )


@dataclass
class UnitCoverage:
    name: str
    total: int = 0
    briefed: int = 0
    missing: list[User] = field(default_factory=list)

    @property
    def percent(self) -> Decimal | None:
        return percent(self.briefed, self.total)


@dataclass
class Coverage:
    agency: Agency
    document: LegalDocument
    units: list[UnitCoverage]
    total: int
    briefed: int
    missing: list[User]

    @property
    def percent(self) -> Decimal | None:
        return percent(self.briefed, self.total)


def coverage(agency: Agency, document: LegalDocument) -> Coverage:
    """The share of staff briefed on the document, for each unit and the agency; two queries."""
    briefed = briefed_people(agency, document)
    people = (
        staff_of(agency).select_related("unit").order_by("unit__sort_key", "unit__name", "full_name", "pk")
    )
    units: dict[int | None, UnitCoverage] = {}
    missing: list[User] = []
    for person in people:
        unit = units.setdefault(
            person.unit_id,
            UnitCoverage(
                name=person.unit.name if person.unit else _("Lãnh đạo và cán bộ không thuộc đơn vị")
            ),
        )
        unit.total += 1
        if person.pk in briefed:
            unit.briefed += 1
        else:
            unit.missing.append(person)
            missing.append(person)
    total = sum(unit.total for unit in units.values())
    return Coverage(
        agency=agency,
        document=document,
        units=list(units.values()),
        total=total,
        briefed=total - len(missing),
        missing=missing,
    )


def read_briefed_target(target: Target) -> Reading:
    """The plans.measures reading of a target bound to a document: staff briefed on it."""
    if target.document is None:
        return Reading(value=None, counted=0, total=0, note=_("Chỉ tiêu chưa gắn với văn bản nào."))
    found = coverage(target.plan.agency, target.document)
    return Reading(
        value=found.percent,
        counted=found.briefed,
        total=found.total,
        missing=tuple(person.full_name or person.username for person in found.missing),
        note=_(
            "%(briefed)s trên %(total)s cán bộ, công chức, viên chức của cơ quan đã được quán triệt %(doc)s."
        )
        % {"briefed": found.briefed, "total": found.total, "doc": target.document},
        url=reverse("democracy:coverage", args=[target.plan.agency_id, target.document_id]),
    )


BRIEFED_SOURCE = TargetSource(
    code="democracy.staff_briefed",
    label=gettext_lazy("Tỷ lệ cán bộ của cơ quan được quán triệt văn bản (tính từ điểm danh quán triệt)"),
    read=read_briefed_target,
)


# --- Pages ---------------------------------------------------------------------


def index_page(person: User) -> dict:
    briefings = (
        permissions.visible_briefings(person)
        .select_related("agency")
        .prefetch_related("documents")[:LIST_LIMIT]
    )
    disclosures = permissions.visible_disclosures(person).select_related("agency")[:LIST_LIMIT]
    requests = permissions.visible_requests(person).select_related("agency", "requested_by")[:LIST_LIMIT]
    mine = (
        Attendance.objects.filter(person=person)
        .select_related("briefing", "made_up_in")
        .order_by("-briefing__held_on")[:LIST_LIMIT]
    )
    return {
        "briefings": list(briefings),
        "disclosures": list(disclosures),
        "requests": list(requests),
        "my_attendance": list(mine),
        "conferences": list(permissions.visible_conferences(person).select_related("agency")[:LIST_LIMIT]),
        "consultations": list(
            permissions.visible_consultations(person).select_related("agency")[:LIST_LIMIT]
        ),
        **board_work(person),
        "boards": list(permissions.visible_boards(person).select_related("agency")[:LIST_LIMIT]),
        "managed_agencies": list(permissions.managed_agencies(person)),
        "working_agencies": list(permissions.working_agencies(person)),
    }


def briefing_page(person: User, briefing: Briefing) -> dict:
    all_lines = permissions.can_read_all_attendance(person, briefing)
    attendances = briefing.attendances.select_related("person__unit", "made_up_in")
    if not all_lines:
        attendances = attendances.filter(person=person)
    prefetched = Briefing.objects.filter(pk=briefing.pk).prefetch_related(
        "documents", "units", "materials", Prefetch("make_ups", queryset=Briefing.objects.order_by("held_on"))
    )[0]
    return {
        "briefing": prefetched,
        "attendances": list(attendances.order_by("person__unit__sort_key", "person__full_name")),
        "all_lines": all_lines,
        "can_manage": permissions.can_manage_briefing(person, briefing),
    }


def disclosure_page(person: User, disclosure: Disclosure, *, today: date) -> dict:
    return {
        "disclosure": disclosure,
        "late": disclosure.is_late(today),
        "short": disclosure.is_short(),
        "can_manage": permissions.can_manage_disclosure(person, disclosure),
    }


@prepared
def _proposed_disclosures():
    proposed = Disclosure.objects.filter(agency__in=ids("agencies"), status=Disclosure.Status.PROPOSED)
    return proposed.order_by("due_date", "pk").only("subject", "due_date")[: TODO_LIMIT + 1]


@prepared
def _waiting_requests():
    waiting = DisclosureRequest.objects.filter(
        agency__in=ids("agencies"), status=DisclosureRequest.Status.WAITING
    )
    return waiting.order_by("requested_on", "pk").only("subject")[: TODO_LIMIT + 1]


@prepared
def _waiting_recommendations():
    waiting = BoardRecommendation.objects.filter(
        inspection__board__agency__in=ids("agencies"), status=BoardRecommendation.Status.WAITING
    )
    return waiting.order_by("answer_due", "pk").only("inspection_id", "text", "answer_due")[: TODO_LIMIT + 1]


@prepared
def _late_consultations():
    waiting = Consultation.objects.filter(
        agency__in=ids("agencies"),
        status=Consultation.Status.OPEN,
        deadline__lt=Bind("today", DateField()),
    )
    return waiting.order_by("deadline", "pk").only("title", "deadline")[: TODO_LIMIT + 1]


@prepared
def _waiting_findings():
    waiting = SupervisionFinding.objects.filter(
        agency__in=ids("agencies"), status=SupervisionFinding.Status.WAITING
    ).select_related("organisation")
    return waiting.order_by("answer_due", "pk").only("answer_due", "recommendations", "organisation__name")[
        : TODO_LIMIT + 1
    ]


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """Disclosures to record and staff's requests to answer, for the agency's leaders and office."""
    scopes = scopes_of(person)
    lists = []
    for role in permissions.MANAGING_ROLES:
        agencies = scopes.agencies_with(role)
        if not agencies:
            continue
        lists.append(
            todo_list(
                _proposed_disclosures.rows(agencies=agencies),
                lambda row: TodoItem(
                    url=reverse("democracy:disclosure_detail", args=[row.pk]),
                    text=row.subject[:120],
                    due=row.due_date,
                ),
                role=role,
                key="democracy-disclosures",
                title=_("Nội dung cần công khai với cán bộ"),
                empty=_("Không có nội dung nào chờ công khai."),
                more_url=reverse("democracy:index"),
                more_label=_("Xem sổ công khai"),
            )
        )
        lists.append(
            todo_list(
                _waiting_requests.rows(agencies=agencies),
                lambda row: TodoItem(
                    url=reverse("democracy:request_detail", args=[row.pk]), text=row.subject[:120]
                ),
                role=role,
                key="democracy-requests",
                title=_("Đề nghị cung cấp thông tin chờ trả lời"),
                empty=_("Không có đề nghị nào chờ trả lời."),
                more_url=reverse("democracy:index"),
                more_label=_("Xem mọi đề nghị"),
            )
        )
        lists.append(_recommendations_list(agencies, role=role, key="democracy-recommendations", today=today))
        lists.extend(coordination_todo_lists(agencies, role=role, today=today))
        lists.append(_consultations_list(agencies, role=role, today=today))
    return lists


def board_work(person: User) -> dict:
    """A Board member's work on the area's page (core's landing page has no list for this role):
    the inspections still without a result and the recommendations still waiting for an answer."""
    agencies = scopes_of(person).agencies_with(Role.PEOPLE_INSPECTOR)
    if not agencies:
        return {"open_inspections": [], "waiting_recommendations": []}
    inspections = BoardInspection.objects.filter(board__agency__in=agencies, result="", result_file="")
    waiting = BoardRecommendation.objects.filter(
        inspection__board__agency__in=agencies, status=BoardRecommendation.Status.WAITING
    )
    return {
        "open_inspections": list(inspections.order_by("planned_on", "pk")[:LIST_LIMIT]),
        "waiting_recommendations": list(waiting.order_by("answer_due", "pk")[:LIST_LIMIT]),
    }


def _recommendations_list(agencies, *, role: str, key: str, today: date) -> TodoList:
    """The Board's recommendations still waiting for the head's answer, the earliest due first."""
    return todo_list(
        _waiting_recommendations.rows(agencies=agencies),
        lambda row: TodoItem(
            url=reverse("democracy:inspection_detail", args=[row.inspection_id]),
            text=row.text[:120],
            due=row.answer_due,
            urgent=row.answer_due < today,
        ),
        role=role,
        key=key,
        title=_("Kiến nghị của Ban Thanh tra nhân dân chờ trả lời"),
        empty=_("Không có kiến nghị nào chờ trả lời."),
        more_url=reverse("democracy:index"),
        more_label=_("Xem Ban Thanh tra nhân dân"),
    )


def _consultations_list(agencies, *, role: str, today: date) -> TodoList:
    """Consultations whose deadline passed without the head's published explanation (Điều 55 k1)."""
    return todo_list(
        _late_consultations.rows(agencies=agencies, today=today),
        lambda row: TodoItem(
            url=reverse("democracy:consultation_detail", args=[row.pk]),
            text=row.title[:120],
            due=row.deadline,
            urgent=True,
        ),
        role=role,
        key="democracy-consultations",
        title=_("Lấy ý kiến đã hết hạn, chưa công khai tiếp thu, giải trình"),
        empty=_("Không có việc lấy ý kiến nào chờ giải trình."),
        more_url=reverse("democracy:index"),
        more_label=_("Xem việc lấy ý kiến"),
    )


def consultation_page(person: User, consultation: Consultation, *, today: date) -> dict:
    """An anonymous comment is shown with no sender to anyone: it keeps none."""
    reads_all = permissions.can_read_comments(person, consultation)
    comments = consultation.comments.select_related("author", "unit")
    if not reads_all:
        comments = comments.filter(author=person, anonymous=False)
    return {
        "consultation": consultation,
        "units": list(consultation.units.all()),
        "comments": list(comments),
        "comment_count": consultation.comments.count(),
        "reads_all_comments": reads_all,
        "open_today": consultation.is_open_on(today),
        "late": consultation.status == Consultation.Status.OPEN and today > consultation.deadline,
        "can_comment": permissions.can_comment_on_consultation(person, consultation)
        and consultation.is_open_on(today),
        "can_publish": permissions.can_publish_explanation(person, consultation),
    }


# --- The People's Inspection Board ----------------------------------------------


def board_page(person: User, board: InspectionBoard, *, today: date) -> dict:
    oversees = permissions.can_oversee_democracy(person, board.agency)
    inspections = (
        board.inspections.prefetch_related("recommendations") if oversees else BoardInspection.objects.none()
    )
    return {
        "board": board,
        "members": list(board.members.select_related("person")),
        "inspections": list(inspections),
        "recognition_late": board.recognition_is_late(today),
        "can_manage": permissions.can_manage_democracy(person, board.agency),
        "can_inspect": permissions.can_work_as_board(person, board.agency),
        "can_read_board_work": permissions.can_read_board_work(person, board),
        "today": today,
    }


def inspection_page(person: User, inspection: BoardInspection, *, today: date) -> dict:
    agency = inspection.board.agency
    recommendations = list(inspection.recommendations.select_related("answered_by"))
    for item in recommendations:
        item.late = item.is_late(today)  # type: ignore[attr-defined]  # shown by the template
    return {
        "inspection": inspection,
        "recommendations": recommendations,
        "can_inspect": permissions.can_work_as_board(person, agency),
        "can_answer": permissions.can_manage_democracy(person, agency),
    }


def conference_page(person: User, conference: StaffConference) -> dict:
    return {
        "conference": conference,
        "items": list(conference.items.all()),
        "checks": list(conference.checks.all()),
        "can_manage": permissions.can_manage_democracy(person, conference.agency),
    }


# --- Coordination with the Fatherland Front and the organisations; the regulation ---


@dataclass
class RegulationStatus:
    """An agency's democracy regulation: its current version (None: it has none) and the
    documents newer than it that call for a revision."""

    agency: Agency
    current: RegulationVersion | None
    pending: list[LegalDocument]

    @property
    def message(self) -> str:
        if self.current is None:
            return _("Cơ quan chưa có quy chế thực hiện dân chủ ở cơ quan.")
        if self.pending:
            return _("Quy chế dân chủ cần rà soát, sửa đổi theo %(documents)s.") % {
                "documents": ", ".join(str(document) for document in self.pending)
            }
        return ""


def regulation_statuses(agencies: list[Agency]) -> list[RegulationStatus]:
    """The regulation status of each agency; four queries whatever their number.

    A document requires a revision when it is one of REGULATION_LAWS or the office marked
    it, is dated after the current version (or is undated), and no version of the
    regulation names it among its grounds."""
    ids = [agency.pk for agency in agencies]
    current: dict[int, RegulationVersion] = {}
    for version in RegulationVersion.objects.filter(agency__in=ids).order_by("agency", "-version"):
        current.setdefault(version.agency_id, version)
    grounds: dict[int, set[int]] = {}
    through = RegulationVersion.grounds.through.objects.filter(regulationversion__agency__in=ids)
    for agency_id, document_id in through.values_list("regulationversion__agency_id", "legaldocument_id"):
        grounds.setdefault(agency_id, set()).add(document_id)
    laws = list(LegalDocument.objects.filter(number_key__in=REGULATION_LAWS).order_by("date", "pk"))
    marked: dict[int, list[LegalDocument]] = {}
    triggers = RegulationTrigger.objects.filter(agency__in=ids).select_related("document")
    for trigger in triggers.order_by("document__date", "pk"):
        marked.setdefault(trigger.agency_id, []).append(trigger.document)
    statuses = []
    for agency in agencies:
        in_force = current.get(agency.pk)
        candidates = [*laws, *marked.get(agency.pk, [])]
        pending: list[LegalDocument] = []
        if in_force is not None:
            for document in candidates:
                newer = document.date is None or document.date > in_force.issued_on
                if newer and document.pk not in grounds.get(agency.pk, set()) and document not in pending:
                    pending.append(document)
        statuses.append(RegulationStatus(agency=agency, current=in_force, pending=pending))
    return statuses


def regulation_status(agency: Agency) -> RegulationStatus:
    return regulation_statuses([agency])[0]


def coordination_section(person: User) -> dict:
    """The index page's section: each agency the person reads, its regulation's status and
    the organisations' recommendations waiting for its answer."""
    readable = Q(pk__in=permissions.working_agencies(person).values("pk")) | Q(
        pk__in=permissions.overseen_agencies(person).values("pk")
    )
    agencies = list(Agency.objects.filter(readable).order_by("sort_key", "pk")[:LIST_LIMIT])
    waiting = SupervisionFinding.objects.filter(
        agency__in=[agency.pk for agency in agencies], status=SupervisionFinding.Status.WAITING
    )
    counts: dict[int, int] = {}
    for agency_id in waiting.values_list("agency_id", flat=True):
        counts[agency_id] = counts.get(agency_id, 0) + 1
    rows = []
    for status in regulation_statuses(agencies):
        rows.append({"status": status, "waiting_findings": counts.get(status.agency.pk, 0)})
    return {"coordination_rows": rows}


def coordination_page(person: User, agency: Agency, *, today: date) -> dict:
    findings = list(agency.supervision_findings.select_related("organisation"))
    for finding in findings:
        finding.late = finding.is_late(today)  # type: ignore[attr-defined]  # shown by the template
    return {
        "agency": agency,
        "organisations": list(Organisation.objects.filter(agency=agency)),
        "programmes": list(
            CoordinationProgramme.objects.filter(agency=agency)
            .select_related("organisation")
            .prefetch_related("activities")
        ),
        "findings": findings,
        "can_manage": permissions.can_manage_coordination(person, agency),
        "today": today,
    }


def programme_page(person: User, programme: CoordinationProgramme, *, today: date) -> dict:
    activities = list(programme.activities.select_related("task__plan"))
    for activity in activities:
        activity.overdue = activity.is_overdue(today)  # type: ignore[attr-defined]  # shown by the template
    return {
        "programme": programme,
        "activities": activities,
        "in_force": programme.is_in_force(today),
        "can_manage": permissions.can_manage_coordination(person, programme.agency),
    }


def finding_page(person: User, finding: SupervisionFinding, *, today: date) -> dict:
    return {
        "finding": finding,
        "late": finding.is_late(today),
        "can_answer": permissions.can_answer_finding(person, finding)
        and finding.status == SupervisionFinding.Status.WAITING,
    }


def regulation_page(person: User, agency: Agency) -> dict:
    versions = list(
        RegulationVersion.objects.filter(agency=agency).select_related("document").prefetch_related("grounds")
    )
    return {
        "agency": agency,
        "status": regulation_status(agency),
        "versions": versions,
        "triggers": list(RegulationTrigger.objects.filter(agency=agency).select_related("document")),
        "can_manage": permissions.can_manage_regulation(person, agency),
    }


def version_page(person: User, version: RegulationVersion) -> dict:
    return {
        "version": version,
        "grounds": list(version.grounds.all()),
        "superseded_by": RegulationVersion.objects.filter(supersedes=version).first(),
        "current": not RegulationVersion.objects.filter(
            agency=version.agency, version__gt=version.version
        ).exists(),
    }


def coordination_todo_lists(agencies, *, role: str, today: date) -> list[TodoList]:
    """The organisations' recommendations waiting for the agency's answer, and the
    regulation to issue or revise, for the agency's leaders and office."""
    findings = todo_list(
        _waiting_findings.rows(agencies=agencies),
        lambda row: TodoItem.due_on(
            row.answer_due,
            today=today,
            url=reverse("democracy:finding_detail", args=[row.pk]),
            text=row.recommendations[:120],
            detail=row.organisation.name,
        ),
        role=role,
        key="democracy-findings",
        title=_("Kiến nghị của Mặt trận, các tổ chức chính trị - xã hội chờ trả lời"),
        empty=_("Không có kiến nghị nào chờ trả lời."),
        more_url=reverse("democracy:index"),
        more_label=_("Xem phối hợp với Mặt trận, đoàn thể"),
    )
    regulation = todo_list(
        agencies_to_revise_regulation(agencies),
        lambda row: TodoItem(
            url=reverse("democracy:regulation_detail", args=[row.pk]),
            text=_regulation_message(row),
            detail=row.name,
        ),
        role=role,
        key="democracy-regulation",
        title=_("Quy chế thực hiện dân chủ ở cơ quan"),
        empty=_("Quy chế dân chủ của cơ quan đã theo các văn bản mới nhất."),
        more_url=reverse("democracy:index"),
        more_label=_("Xem quy chế dân chủ"),
    )
    return [findings, regulation]


def agencies_to_revise_regulation(agencies) -> list[Agency]:
    """The agencies with no regulation, or with a document calling for its revision (the
    rule of regulation_statuses), each with the first such document (``pending_document``,
    None when the agency has no regulation at all): one query for the agencies, and one
    for each agency that has a regulation (a person manages one or two)."""
    rows = []
    for agency in _agencies_with_regulation.rows(agencies=agencies):
        issued = agency.current_issued  # type: ignore[attr-defined]  # annotated above
        agency.pending_document = None if issued is None else _first_pending_document(agency, issued)  # type: ignore[attr-defined]
        if issued is None or agency.pending_document is not None:  # type: ignore[attr-defined]
            rows.append(agency)
    return rows


@prepared
def _agencies_with_regulation():
    latest = RegulationVersion.objects.filter(agency=OuterRef("pk")).order_by("-version")
    return (
        Agency.objects.filter(pk__in=ids("agencies"))
        .annotate(current_issued=Subquery(latest.values("issued_on")[:1]))
        .order_by("sort_key", "pk")
    )


def _first_pending_document(agency: Agency, issued: date) -> LegalDocument | None:
    """The earliest document that calls for revising the agency's regulation issued on
    ``issued`` and that no version names among its grounds."""
    return next(iter(_pending_documents.rows(agency=agency.pk, issued=issued)), None)


@prepared
def _pending_documents():
    marked = RegulationTrigger.objects.filter(agency_id=Bind("agency")).values("document_id")
    named = RegulationVersion.grounds.through.objects.filter(regulationversion__agency_id=Bind("agency"))
    return (
        LegalDocument.objects.filter(Q(number_key__in=REGULATION_LAWS) | Q(pk__in=marked))
        .filter(Q(date__isnull=True) | Q(date__gt=Bind("issued", DateField())))
        .exclude(pk__in=named.values("legaldocument_id"))
        .order_by("date", "pk")[:1]
    )


def _regulation_message(row: Agency) -> str:
    if row.current_issued is None:  # type: ignore[attr-defined]  # annotated above
        return _("Cơ quan chưa có quy chế thực hiện dân chủ ở cơ quan.")
    document = row.pending_document  # type: ignore[attr-defined]
    return _("Quy chế dân chủ cần rà soát, sửa đổi theo %(documents)s.") % {"documents": str(document)}


def consultation_url_for_plan(plan) -> str:
    """The page that puts the draft plan out for staff's comments."""
    return reverse("democracy:consultation_create", args=[plan.agency_id]) + f"?ke_hoach={plan.pk}"


# --- The Board's programmes, reports and staff petitions -------------------------


def petition_sender_name(person: User, petition: StaffPetition) -> str:
    """The sender's name, or a note that it is kept confidential from this reader."""
    if permissions.can_see_petition_sender(person, petition):
        return petition.sender.full_name or petition.sender.username
    return _("Người gửi đề nghị giữ bí mật họ tên")


def board_work_page(person: User, board: InspectionBoard, *, today: date) -> dict:
    reports = list(board.reports.all())
    for report in reports:
        report.overdue = report.is_overdue(today)  # type: ignore[attr-defined]  # shown by the template
    petitions = list(
        permissions.visible_staff_petitions(person).filter(board=board).select_related("sender", "board")
    )
    for petition in petitions:
        petition.sender_shown = petition_sender_name(person, petition)  # type: ignore[attr-defined]
    return {
        "board": board,
        "programmes": list(board.programmes.prefetch_related("items")),
        "reports": reports,
        "petitions": petitions,
        "can_plan": permissions.can_plan_board_work(person, board),
        "today": today,
    }


def board_report_page(person: User, report: BoardReport, *, today: date) -> dict:
    return {
        "report": report,
        "overdue": report.is_overdue(today),
        "can_submit": permissions.can_submit_board_report(person, report),
    }


def staff_petition_page(person: User, petition: StaffPetition) -> dict:
    return {
        "petition": petition,
        "sender_shown": petition_sender_name(person, petition),
        "can_handle": permissions.can_handle_staff_petition(person, petition),
        "can_read_board": permissions.can_read_board_work(person, petition.board),
    }


# --- Written ballot (Điều 50) ------------------------------------------------------


def ballots_page(person: User, agency: Agency) -> dict:
    attempts = list(ConferenceAttempt.objects.filter(agency=agency).order_by("-work_year", "held_on", "pk"))
    failed: dict[int, int] = {}
    for attempt in attempts:
        if not attempt.is_quorate():
            failed[attempt.work_year] = failed.get(attempt.work_year, 0) + 1
    return {
        "agency": agency,
        "attempts": attempts,
        "failed": failed,
        "needed": FAILED_ATTEMPTS_FOR_BALLOT,
        "ballots": list(WrittenBallot.objects.filter(agency=agency)),
        "can_manage": permissions.can_collect_in_writing(person, agency),
    }


def ballot_page(person: User, ballot: WrittenBallot) -> dict:
    return {
        "ballot": ballot,
        "items": list(ballot.items.select_related("ballot")),
        "can_manage": permissions.can_collect_in_writing(person, ballot.agency),
    }


# --- The Board member's landing page (Role.PEOPLE_INSPECTOR) ----------------------


def board_todo_lists(person: User, *, today: date) -> list[TodoList]:
    """A Board member's work first: inspections to carry out, recommendations
    awaiting the head's answer, staff petitions to handle, reports due."""
    agencies = scopes_of(person).agencies_with(Role.PEOPLE_INSPECTOR)
    if not agencies:
        return []
    role = Role.PEOPLE_INSPECTOR
    more = reverse("democracy:index")
    inspections = BoardInspection.objects.filter(board__agency__in=agencies, result="", result_file="")
    petitions = StaffPetition.objects.filter(board__agency__in=agencies).exclude(
        status__in=[StaffPetition.Status.ANSWERED, StaffPetition.Status.CLOSED]
    )
    reports = BoardReport.objects.filter(board__agency__in=agencies, submitted_on__isnull=True)
    return [
        todo_list(
            inspections.order_by("planned_on", "pk"),
            lambda row: TodoItem(
                url=reverse("democracy:inspection_detail", args=[row.pk]),
                text=row.subject[:120],
                due=row.planned_on,
            ),
            role=role,
            key="democracy-board-inspections",
            title=_("Cuộc kiểm tra cần thực hiện"),
            empty=_("Không có cuộc kiểm tra nào chờ kết quả."),
            more_url=more,
            more_label=_("Xem Ban Thanh tra nhân dân"),
        ),
        _recommendations_list(agencies, role=role, key="democracy-board-recommendations", today=today),
        todo_list(
            petitions.order_by("received_on", "pk"),
            lambda row: TodoItem(
                url=reverse("democracy:staff_petition_detail", args=[row.pk]), text=row.content[:120]
            ),
            role=role,
            key="democracy-board-petitions",
            title=_("Kiến nghị, phản ánh của cán bộ cần xử lý"),
            empty=_("Không có kiến nghị, phản ánh nào chờ xử lý."),
            more_url=more,
            more_label=_("Xem Ban Thanh tra nhân dân"),
        ),
        todo_list(
            reports.order_by("due", "pk"),
            lambda row: TodoItem(
                url=reverse("democracy:board_report_detail", args=[row.pk]),
                text=_("Báo cáo %(period)s") % {"period": row},
                due=row.due,
                urgent=row.due < today,
            ),
            role=role,
            key="democracy-board-reports",
            title=_("Báo cáo của Ban đến hạn"),
            empty=_("Không có báo cáo nào chờ gửi."),
            more_url=more,
            more_label=_("Xem Ban Thanh tra nhân dân"),
        ),
    ]
