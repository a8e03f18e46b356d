"""State changes of the democracy register: one transaction each, keyword
arguments, the acting person as ``by``; bad input raises DomainError and
changes nothing.

Time limits are counted on the working calendar (danvan.core.calendar) and
stored with a sentence saying how: a disclosure is due no later than 5 working
days after its decision (Luật 10/2022 Điều 47 k2); a posting lasts at least 20
consecutive days (Điều 48 k1–k2), counted as the Civil Code counts days (day 1
is the day after posting starts, BLDS 2015 Điều 147; a last day off moves to
the next working day, Điều 148 k5).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, RoleAssignment, Unit, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError, notify
from danvan.core.text import stored_file_name
from danvan.democracy.models import (
    ANSWER_DAYS,
    BOARD_MAX_MEMBERS,
    BOARD_MIN_MEMBERS,
    BOARD_SMALL_AGENCY,
    BOARD_TERM_YEARS,
    CHECK_MONTHS,
    DELEGATES_FROM_STAFF,
    DISCLOSURE_WORKING_DAYS,
    MAX_VICE_CHAIRS,
    NOTICE_WORKING_DAYS,
    POSTING_DAYS,
    RECOGNITION_WORKING_DAYS,
    AgendaItem,
    AgendaKind,
    Attendance,
    BoardInspection,
    BoardMember,
    BoardRecommendation,
    Briefing,
    BriefingMaterial,
    Disclosure,
    DisclosureForm,
    DisclosureKind,
    DisclosureRequest,
    InspectionBoard,
    ResolutionCheck,
    StaffConference,
)
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan
from danvan.plans.services import refresh_measured_targets

MATERIAL_LIMIT_BYTES = 20 * 1024 * 1024


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


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


# --- Disclosures ----------------------------------------------------------------


def count_disclosure_due(decision_date: date, calendar: WorkingCalendar) -> tuple[date, str]:
    due = calendar.add_working_days(decision_date, DISCLOSURE_WORKING_DAYS)
    return due, _(
        "%(count)s ngày làm việc kể từ ngày của quyết định, văn bản %(start)s "
        "(Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 Điều 47 khoản 2; tính từ ngày hôm sau, "
        "không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết) — hạn %(due)s."
    ) % {"count": DISCLOSURE_WORKING_DAYS, "start": _day(decision_date), "due": _day(due)}


def count_posting_end(posted_from: date, calendar: WorkingCalendar) -> tuple[date, str]:
    end = calendar.add_days(posted_from, POSTING_DAYS)
    last = date.fromordinal(posted_from.toordinal() + POSTING_DAYS)
    text = _(
        "%(count)s ngày liên tục kể từ ngày niêm yết %(start)s (Luật 10/2022/QH15 Điều 48 khoản 1–2; "
        "ngày thứ nhất là ngày hôm sau, Bộ luật Dân sự 2015 Điều 147)"
    ) % {"count": POSTING_DAYS, "start": _day(posted_from)}
    if end != last:
        text += _(
            "; ngày cuối %(last)s là ngày nghỉ nên kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5)"
        ) % {"last": _day(last)}
    return end, text + _(" — niêm yết ít nhất đến hết ngày %(end)s.") % {"end": _day(end)}


def _check_disclosure(
    *, decision_date: date, forms: list[str], disclosed_on: date, posted_from, posted_until, today: date
) -> None:
    if not forms:
        raise DomainError(_("Hãy chọn ít nhất một hình thức công khai (Điều 47)."))
    if any(code not in DisclosureForm.values for code in forms):
        raise DomainError(_("Hình thức công khai không hợp lệ."))
    if disclosed_on < decision_date:
        raise DomainError(
            _(
                "Ngày công khai %(disclosed)s trước ngày của quyết định, văn bản %(decision)s: "
                "không thể công khai điều chưa có. Hãy kiểm tra lại hai ngày."
            )
            % {"disclosed": _day(disclosed_on), "decision": _day(decision_date)}
        )
    if disclosed_on > today:
        raise DomainError(_("Ngày công khai %(day)s chưa đến.") % {"day": _day(disclosed_on)})
    posted = any(code in (DisclosureForm.POSTING, DisclosureForm.PORTAL) for code in forms)
    if posted and posted_from is None:
        raise DomainError(_("Niêm yết hoặc đăng trên hệ thống: hãy ghi ngày bắt đầu niêm yết."))
    if posted_from is not None and posted_from < decision_date:
        raise DomainError(_("Ngày bắt đầu niêm yết trước ngày của quyết định, văn bản."))
    if posted_from is not None and posted_until is not None and posted_until < posted_from:
        raise DomainError(_("Ngày kết thúc niêm yết trước ngày bắt đầu."))


def _disclosure_fields(*, forms, disclosed_on, posted_from, posted_until, calendar) -> dict:
    """The fields a recorded disclosure sets, its posting end counted when it is posted (Điều 48)."""
    forms = list(dict.fromkeys(forms))
    fields = {
        "forms": forms,
        "disclosed_on": disclosed_on,
        "posted_from": posted_from,
        "posted_until": posted_until,
        "status": Disclosure.Status.DISCLOSED,
        "posting_end": None,
        "posting_explanation": "",
    }
    if posted_from is not None and Disclosure(forms=forms).needs_posting():
        fields["posting_end"], fields["posting_explanation"] = count_posting_end(posted_from, calendar)
    return fields


@transaction.atomic
def register_disclosure(
    *,
    agency: Agency,
    kind: str,
    subject: str,
    decision_date: date,
    forms: list[str],
    disclosed_on: date,
    posted_from: date | None = None,
    posted_until: date | None = None,
    today: date,
    by: User,
) -> Disclosure:
    if kind not in DisclosureKind.values:
        raise DomainError(_("Hãy chọn nội dung công khai theo Điều 46."))
    if not subject.strip():
        raise DomainError(_("Hãy ghi quyết định, văn bản được công khai."))
    _check_disclosure(
        decision_date=decision_date,
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        today=today,
    )
    calendar = WorkingCalendar.load()
    due, explanation = count_disclosure_due(decision_date, calendar)
    return Disclosure.objects.create(
        agency=agency,
        kind=kind,
        subject=subject.strip()[:500],
        decision_date=decision_date,
        due_date=due,
        due_explanation=explanation,
        created_by=by,
        **_disclosure_fields(
            forms=forms,
            disclosed_on=disclosed_on,
            posted_from=posted_from,
            posted_until=posted_until,
            calendar=calendar,
        ),
    )


@transaction.atomic
def record_disclosure(
    *,
    disclosure: Disclosure,
    forms: list[str],
    disclosed_on: date,
    posted_from: date | None = None,
    posted_until: date | None = None,
    today: date,
    by: User,
) -> Disclosure:
    """Record how and when a proposed (or already recorded) disclosure was made."""
    _check_disclosure(
        decision_date=disclosure.decision_date,
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        today=today,
    )
    fields = _disclosure_fields(
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        calendar=WorkingCalendar.load(),
    )
    for name, value in fields.items():
        setattr(disclosure, name, value)
    disclosure.save(update_fields=list(fields))
    return disclosure


def propose_disclosure_for_plan(*, plan: Plan, by: User | None) -> Disclosure | None:
    """An issued work plan is to be disclosed to staff (Điều 46 k2): proposed once per plan."""
    if plan.issue_date is None or Disclosure.objects.filter(plan=plan).exists():
        return None
    due, explanation = count_disclosure_due(plan.issue_date, WorkingCalendar.load())
    reference = plan.reference
    subject = f"{_('Kế hoạch')} {reference} {plan.title}" if reference else f"{_('Kế hoạch')} {plan.title}"
    disclosure = Disclosure.objects.create(
        agency=plan.agency,
        kind=DisclosureKind.WORK_PLAN,
        subject=subject[:500],
        decision_date=plan.issue_date,
        plan=plan,
        due_date=due,
        due_explanation=explanation,
        created_by=by,
    )
    notify(
        recipients=holders_of(Role.AGENCY_OFFICE, agency=plan.agency),
        key=f"democracy-disclose-plan:{plan.pk}",
        text=_("Kế hoạch vừa ban hành cần công khai với cán bộ chậm nhất ngày %(due)s.") % {"due": _day(due)},
        url=reverse("democracy:disclosure_detail", args=[disclosure.pk]),
    )
    return disclosure


# --- Requests for information (Điều 48 k4) --------------------------------------


@transaction.atomic
def request_information(*, agency: Agency, subject: str, today: date, by: User) -> DisclosureRequest:
    if not subject.strip():
        raise DomainError(_("Hãy ghi thông tin bạn đề nghị được cung cấp."))
    request = DisclosureRequest.objects.create(
        agency=agency, subject=subject.strip(), requested_by=by, requested_on=today
    )
    notify(
        recipients=holders_of(Role.AGENCY_OFFICE, agency=agency),
        key=f"democracy-request:{request.pk}",
        text=_("Cán bộ đề nghị cung cấp thông tin chưa được công khai."),
        url=reverse("democracy:request_detail", args=[request.pk]),
    )
    return request


@transaction.atomic
def answer_request(*, request: DisclosureRequest, answer: str, today: date, by: User) -> DisclosureRequest:
    if not answer.strip():
        raise DomainError(_("Hãy ghi nội dung trả lời."))
    if request.status == DisclosureRequest.Status.ANSWERED:
        raise DomainError(_("Đề nghị này đã được trả lời."))
    request.answer = answer.strip()
    request.answered_by = by
    request.answered_on = today
    request.status = DisclosureRequest.Status.ANSWERED
    request.save(update_fields=["answer", "answered_by", "answered_on", "status"])
    notify(
        recipients=[request.requested_by] if request.requested_by_id != by.pk else [],
        key=f"democracy-request-answered:{request.pk}",
        text=_("Đề nghị cung cấp thông tin của bạn đã được trả lời."),
        url=reverse("democracy:request_detail", args=[request.pk]),
    )
    return request


# --- The People's Inspection Board (Luật 10/2022 Điều 60–63, NĐ 59/2023 Điều 21–22) ---


def count_recognition_due(elected_on: date, calendar: WorkingCalendar) -> tuple[date, str]:
    due = calendar.add_working_days(elected_on, RECOGNITION_WORKING_DAYS)
    return due, _(
        "%(count)s ngày làm việc kể từ ngày hội nghị bầu %(start)s (Nghị định 59/2023/NĐ-CP Điều 21 "
        "khoản 1; tính từ ngày hôm sau, không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết) — hạn %(due)s."
    ) % {"count": RECOGNITION_WORKING_DAYS, "start": _day(elected_on), "due": _day(due)}


def count_notice_latest(planned_on: date, calendar: WorkingCalendar) -> tuple[date, str]:
    """The latest day to notify the inspected party: 5 working days before the inspection."""
    day, counted = planned_on, 0
    while counted < NOTICE_WORKING_DAYS:
        day = date.fromordinal(day.toordinal() - 1)
        if calendar.is_working_day(day):
            counted += 1
    return day, _(
        "Thông báo trước ít nhất %(count)s ngày làm việc so với ngày kiểm tra %(start)s (Nghị định "
        "59/2023/NĐ-CP Điều 22 khoản 2; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết) — chậm nhất "
        "ngày %(due)s."
    ) % {"count": NOTICE_WORKING_DAYS, "start": _day(planned_on), "due": _day(day)}


def count_answer_due(sent_on: date, calendar: WorkingCalendar) -> tuple[date, str]:
    due = calendar.add_days(sent_on, ANSWER_DAYS)
    last = date.fromordinal(sent_on.toordinal() + ANSWER_DAYS)
    text = _(
        "%(count)s ngày kể từ ngày gửi kiến nghị %(start)s (Luật 10/2022/QH15 Điều 63 khoản 1; ngày thứ "
        "nhất là ngày hôm sau, Bộ luật Dân sự 2015 Điều 147)"
    ) % {"count": ANSWER_DAYS, "start": _day(sent_on)}
    if due != last:
        text += _(
            "; ngày cuối %(last)s là ngày nghỉ nên kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5)"
        ) % {"last": _day(last)}
    return due, text + _(" — hạn trả lời %(due)s.") % {"due": _day(due)}


def term_end_of(elected_on: date) -> date:
    year = elected_on.year + BOARD_TERM_YEARS
    if elected_on.month == 2 and elected_on.day == 29:
        return date(year, 2, 28)
    return elected_on.replace(year=year)


def _member_refusal(agency: Agency, person: User, chief_accountant: bool) -> str | None:
    name = person.full_name or person.username
    if person.agency_id != agency.pk:
        return _("%(name)s không phải cán bộ của cơ quan.") % {"name": name}
    leads = RoleAssignment.objects.current().filter(user=person, role=Role.AGENCY_LEADER, agency=agency)
    if leads.exists():
        return _(
            "%(name)s là người đứng đầu hoặc cấp phó của người đứng đầu cơ quan nên không được là thành viên "
            "Ban Thanh tra nhân dân (Luật 10/2022/QH15 Điều 60 khoản 2)."
        ) % {"name": name}
    if chief_accountant or "kế toán trưởng" in person.position.lower():
        return _(
            "%(name)s là kế toán trưởng nên không được là thành viên Ban Thanh tra nhân dân "
            "(Luật 10/2022/QH15 Điều 60 khoản 2)."
        ) % {"name": name}
    return None


def _check_seats(agency: Agency, seats: list[tuple[User, str, bool]]) -> None:
    count = len(seats)
    if not BOARD_MIN_MEMBERS <= count <= BOARD_MAX_MEMBERS:
        raise DomainError(
            _("Ban Thanh tra nhân dân có từ %(min)s đến %(max)s thành viên; danh sách có %(count)s người.")
            % {"min": BOARD_MIN_MEMBERS, "max": BOARD_MAX_MEMBERS, "count": count}
        )
    if len({person.pk for person, _post, _acc in seats}) != count:
        raise DomainError(_("Một người chỉ được ghi một lần trong danh sách thành viên."))
    for person, post, chief_accountant in seats:
        if post not in BoardMember.Post.values:
            raise DomainError(_("Chức danh trong ban không hợp lệ."))
        refusal = _member_refusal(agency, person, chief_accountant)
        if refusal:
            raise DomainError(refusal)
    posts = [post for _person, post, _acc in seats]
    if posts.count(BoardMember.Post.CHAIR) != 1:
        raise DomainError(_("Ban Thanh tra nhân dân có đúng một Trưởng ban."))
    vice = posts.count(BoardMember.Post.VICE_CHAIR)
    if count >= BOARD_MAX_MEMBERS and vice > MAX_VICE_CHAIRS:
        raise DomainError(
            _("Ban có từ 9 thành viên có không quá %(max)s Phó Trưởng ban (Nghị định 59/2023/NĐ-CP Điều 21).")
            % {"max": MAX_VICE_CHAIRS}
        )
    if count < BOARD_MAX_MEMBERS and vice > 1:
        raise DomainError(_("Ban dưới 9 thành viên có một Phó Trưởng ban (Nghị định 59/2023/NĐ-CP Điều 21)."))


@transaction.atomic
def elect_board(
    *,
    agency: Agency,
    elected_on: date,
    staff_count: int,
    seats: Iterable[tuple[User, str, bool]],
    recognised_on: date | None = None,
    today: date,
    by: User,
) -> InspectionBoard:
    """Record the Board elected at the staff conference: ``seats`` are (person, post, chief accountant)."""
    seats = list(seats)
    if staff_count <= BOARD_SMALL_AGENCY:
        raise DomainError(
            _(
                "Cơ quan có %(count)s cán bộ, công chức, viên chức, người lao động (từ %(small)s người trở "
                "xuống) nên không tổ chức Ban Thanh tra nhân dân (Luật 10/2022/QH15 Điều 60 khoản 1)."
            )
            % {"count": staff_count, "small": BOARD_SMALL_AGENCY}
        )
    if elected_on > today:
        raise DomainError(_("Ngày hội nghị bầu %(day)s chưa đến.") % {"day": _day(elected_on)})
    if recognised_on is not None and recognised_on < elected_on:
        raise DomainError(_("Ngày công đoàn công nhận trước ngày hội nghị bầu."))
    _check_seats(agency, seats)
    due, explanation = count_recognition_due(elected_on, WorkingCalendar.load())
    board = InspectionBoard.objects.create(
        agency=agency,
        elected_on=elected_on,
        staff_count=staff_count,
        term_end=term_end_of(elected_on),
        recognition_due=due,
        recognition_explanation=explanation,
        recognised_on=recognised_on,
        created_by=by,
    )
    BoardMember.objects.bulk_create(
        [BoardMember(board=board, person=person, post=post) for person, post, _acc in seats]
    )
    return board


@transaction.atomic
def record_recognition(
    *, board: InspectionBoard, recognised_on: date, today: date, by: User
) -> InspectionBoard:
    if recognised_on < board.elected_on:
        raise DomainError(_("Ngày công đoàn công nhận trước ngày hội nghị bầu."))
    if recognised_on > today:
        raise DomainError(_("Ngày công nhận %(day)s chưa đến.") % {"day": _day(recognised_on)})
    board.recognised_on = recognised_on
    board.save(update_fields=["recognised_on"])
    return board


@transaction.atomic
def plan_inspection(
    *,
    board: InspectionBoard,
    subject: str,
    inspected_party: str,
    planned_on: date,
    notified_on: date | None = None,
    by: User,
) -> BoardInspection:
    if not subject.strip():
        raise DomainError(_("Hãy ghi nội dung kiểm tra."))
    if not inspected_party.strip():
        raise DomainError(_("Hãy ghi đơn vị, cá nhân được kiểm tra."))
    if notified_on is not None and notified_on > planned_on:
        raise DomainError(_("Ngày thông báo sau ngày kiểm tra."))
    latest, explanation = count_notice_latest(planned_on, WorkingCalendar.load())
    return BoardInspection.objects.create(
        board=board,
        subject=subject.strip()[:500],
        inspected_party=inspected_party.strip()[:255],
        planned_on=planned_on,
        notice_latest=latest,
        notice_explanation=explanation,
        notified_on=notified_on,
        created_by=by,
    )


@transaction.atomic
def record_inspection_result(
    *,
    inspection: BoardInspection,
    notified_on: date | None,
    result: str,
    data: bytes | None = None,
    filename: str = "",
    by: User,
) -> BoardInspection:
    """The notice date and the written result (text and/or a file)."""
    if notified_on is not None and notified_on > inspection.planned_on:
        raise DomainError(_("Ngày thông báo sau ngày kiểm tra."))
    if data is not None:
        refusal = uploads.content_refusal(io.BytesIO(data))
        if refusal:
            raise DomainError(refusal)
    inspection.notified_on = notified_on
    inspection.result = result.strip()
    inspection.save(update_fields=["notified_on", "result"])
    if data is not None:
        inspection.result_file_name = filename[:255]
        inspection.result_file.save(stored_file_name(filename, "ket-qua"), ContentFile(data), save=False)
        inspection.save(update_fields=["result_file", "result_file_name"])
    return inspection


@transaction.atomic
def recommend(*, inspection: BoardInspection, text: str, sent_on: date, by: User) -> BoardRecommendation:
    if not text.strip():
        raise DomainError(_("Hãy ghi nội dung kiến nghị."))
    due, explanation = count_answer_due(sent_on, WorkingCalendar.load())
    recommendation = BoardRecommendation.objects.create(
        inspection=inspection,
        text=text.strip(),
        sent_on=sent_on,
        answer_due=due,
        answer_explanation=explanation,
        created_by=by,
    )
    agency = inspection.board.agency
    notify(
        recipients=holders_of(Role.AGENCY_LEADER, agency=agency),
        key=f"democracy-recommendation:{recommendation.pk}",
        text=_("Ban Thanh tra nhân dân có kiến nghị cần trả lời chậm nhất ngày %(due)s.")
        % {"due": _day(due)},
        url=reverse("democracy:inspection_detail", args=[inspection.pk]),
    )
    return recommendation


@transaction.atomic
def answer_recommendation(
    *, recommendation: BoardRecommendation, answer: str, answered_on: date, today: date, by: User
) -> BoardRecommendation:
    if not answer.strip():
        raise DomainError(_("Hãy ghi nội dung trả lời."))
    if recommendation.status == BoardRecommendation.Status.ANSWERED:
        raise DomainError(_("Kiến nghị này đã được trả lời."))
    if answered_on < recommendation.sent_on:
        raise DomainError(_("Ngày trả lời trước ngày gửi kiến nghị."))
    if answered_on > today:
        raise DomainError(_("Ngày trả lời %(day)s chưa đến.") % {"day": _day(answered_on)})
    recommendation.answer = answer.strip()
    recommendation.answered_on = answered_on
    recommendation.answered_by = by
    recommendation.status = BoardRecommendation.Status.ANSWERED
    recommendation.save(update_fields=["answer", "answered_on", "answered_by", "status"])
    return recommendation


# --- The staff conference (Luật 10/2022 Điều 49–52) -------------------------------


def count_conference_deadline(work_year: int) -> tuple[date, str]:
    deadline = date(work_year + 1, 3, 31)
    return deadline, _(
        "Hội nghị năm %(year)s tổ chức sau khi kết thúc năm công tác, chậm nhất 03 tháng kể từ ngày "
        "kết thúc năm công tác (Luật 10/2022/QH15 Điều 51 khoản 1) — hạn %(due)s."
    ) % {"year": work_year, "due": _day(deadline)}


def check_dates(held_on: date) -> list[tuple[int, date]]:
    """Every 6 months after the conference (Điều 52 k3): 6 and 12 months after it."""
    return [(months, held_on + relativedelta(months=months)) for months in CHECK_MONTHS]


def _check_conference(
    *, convened_by, proposers, form, dispersed, staff_count, expected, present, held_on, today
) -> None:
    if convened_by not in StaffConference.ConvenedBy.values:
        raise DomainError(_("Hãy chọn ai đề nghị triệu tập hội nghị (Điều 50)."))
    if form not in StaffConference.Form.values:
        raise DomainError(_("Hình thức hội nghị không hợp lệ."))
    if staff_count <= 0:
        raise DomainError(_("Hãy ghi tổng số cán bộ, công chức, viên chức, người lao động."))
    if convened_by == StaffConference.ConvenedBy.STAFF and (proposers or 0) * 3 < staff_count:
        raise DomainError(
            _(
                "Hội nghị triệu tập theo đề nghị của cán bộ cần ít nhất một phần ba tổng số "
                "(%(count)s người trên %(staff)s) đề nghị (Điều 50)."
            )
            % {"count": proposers or 0, "staff": staff_count}
        )
    if form == StaffConference.Form.DELEGATES and staff_count < DELEGATES_FROM_STAFF and not dispersed:
        raise DomainError(
            _(
                "Cơ quan có dưới %(min)s cán bộ và không ở phân tán tổ chức hội nghị toàn thể, không tổ chức "
                "hội nghị đại biểu (Điều 51 khoản 2)."
            )
            % {"min": DELEGATES_FROM_STAFF}
        )
    if form == StaffConference.Form.ALL_STAFF and expected != staff_count:
        raise DomainError(
            _("Hội nghị toàn thể triệu tập toàn bộ cán bộ: số người được triệu tập phải bằng tổng số.")
        )
    if expected <= 0 or expected > staff_count:
        raise DomainError(_("Số đại biểu được triệu tập phải từ 1 đến tổng số cán bộ."))
    if present > staff_count:
        raise DomainError(
            _(
                "Số người có mặt (%(present)s) nhiều hơn tổng số cán bộ của cơ quan (%(staff)s). Hãy kiểm tra lại."
            )
            % {"present": present, "staff": staff_count}
        )
    if present > expected:
        raise DomainError(
            _("Số người có mặt (%(present)s) nhiều hơn số người được triệu tập (%(expected)s).")
            % {"present": present, "expected": expected}
        )
    if held_on > today:
        raise DomainError(_("Ngày tổ chức %(day)s chưa đến.") % {"day": _day(held_on)})


@transaction.atomic
def hold_conference(
    *,
    agency: Agency,
    work_year: int,
    held_on: date,
    convened_by: str,
    form: str,
    staff_count: int,
    expected: int,
    present: int,
    items: Iterable[tuple[str, str]],
    proposers: int | None = None,
    dispersed: bool = False,
    today: date,
    by: User,
) -> StaffConference:
    """The yearly conference for ``work_year``, with its attendance count and agenda ``(kind, title)``."""
    items = [(kind, title.strip()) for kind, title in items if title.strip()]
    _check_conference(
        convened_by=convened_by,
        proposers=proposers,
        form=form,
        dispersed=dispersed,
        staff_count=staff_count,
        expected=expected,
        present=present,
        held_on=held_on,
        today=today,
    )
    if held_on.year <= work_year:
        raise DomainError(
            _("Hội nghị năm %(year)s tổ chức sau khi kết thúc năm công tác (Điều 51 khoản 1).")
            % {"year": work_year}
        )
    if StaffConference.objects.filter(agency=agency, work_year=work_year).exists():
        raise DomainError(_("Hội nghị năm %(year)s của cơ quan đã được ghi.") % {"year": work_year})
    if not items:
        raise DomainError(_("Hãy chọn hoặc ghi ít nhất một nội dung của hội nghị."))
    if any(kind not in AgendaKind.values for kind, _title in items):
        raise DomainError(_("Nội dung hội nghị không hợp lệ."))
    deadline, explanation = count_conference_deadline(work_year)
    conference = StaffConference.objects.create(
        agency=agency,
        work_year=work_year,
        held_on=held_on,
        deadline=deadline,
        deadline_explanation=explanation,
        convened_by=convened_by,
        proposers=proposers,
        form=form,
        dispersed=dispersed,
        staff_count=staff_count,
        expected=expected,
        present=present,
        created_by=by,
    )
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(conference=conference, kind=kind, title=title[:500], position=n)
            for n, (kind, title) in enumerate(items, start=1)
        ]
    )
    ResolutionCheck.objects.bulk_create(
        [
            ResolutionCheck(conference=conference, months=months, due=due)
            for months, due in check_dates(held_on)
        ]
    )
    return conference


@transaction.atomic
def record_vote(
    *, item: AgendaItem, votes_for: int, votes_against: int, abstentions: int, by: User
) -> AgendaItem:
    conference = item.conference
    if not conference.is_quorate():
        raise DomainError(
            _("Hội nghị không đủ hai phần ba số người được triệu tập nên không biểu quyết (Điều 51 khoản 3).")
        )
    if min(votes_for, votes_against, abstentions) < 0:
        raise DomainError(_("Số phiếu không được âm."))
    if votes_for + votes_against + abstentions > conference.present:
        raise DomainError(
            _("Tổng số phiếu (%(total)s) nhiều hơn số người có mặt (%(present)s).")
            % {"total": votes_for + votes_against + abstentions, "present": conference.present}
        )
    item.votes_for, item.votes_against, item.abstentions = votes_for, votes_against, abstentions
    item.save(update_fields=["votes_for", "votes_against", "abstentions"])
    return item


@transaction.atomic
def record_check(
    *, check: ResolutionCheck, checked_on: date, result: str, today: date, by: User
) -> ResolutionCheck:
    if not result.strip():
        raise DomainError(_("Hãy ghi kết quả kiểm tra việc thực hiện nghị quyết."))
    if checked_on < check.conference.held_on:
        raise DomainError(_("Ngày kiểm tra trước ngày hội nghị."))
    if checked_on > today:
        raise DomainError(_("Ngày kiểm tra %(day)s chưa đến.") % {"day": _day(checked_on)})
    check.checked_on, check.result = checked_on, result.strip()
    check.save(update_fields=["checked_on", "result"])
    return check
