"""Read queries of the democracy pages, each starting from what the person may see.

Staff of an agency are its active people (``User.agency``, their unit through
``User.unit``). A person is briefed on a document when they were present at,
or made up, any briefing of the agency that covers the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of
from danvan.core.selectors import TodoItem, TodoList, todo_list
from danvan.democracy import permissions
from danvan.democracy.models import (
    FAILED_ATTEMPTS_FOR_BALLOT,
    Attendance,
    BoardInspection,
    BoardRecommendation,
    BoardReport,
    Briefing,
    ConferenceAttempt,
    Disclosure,
    DisclosureRequest,
    InspectionBoard,
    StaffConference,
    StaffPetition,
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


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """Disclosures to record and staff's requests to answer, for the agency's leaders and office."""
    scopes = scopes_of(person)
    lists = []
    for role in permissions.MANAGING_ROLES:
        agencies = scopes.agencies_with(role)
        if not agencies:
            continue
        proposed = Disclosure.objects.filter(agency__in=agencies, status=Disclosure.Status.PROPOSED)
        lists.append(
            todo_list(
                proposed.order_by("due_date", "pk"),
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
        waiting = DisclosureRequest.objects.filter(
            agency__in=agencies, status=DisclosureRequest.Status.WAITING
        )
        lists.append(
            todo_list(
                waiting.order_by("requested_on", "pk"),
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
    waiting = BoardRecommendation.objects.filter(
        inspection__board__agency__in=agencies, status=BoardRecommendation.Status.WAITING
    )
    return todo_list(
        waiting.order_by("answer_due", "pk"),
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
