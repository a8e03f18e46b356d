"""The People's Inspection Board (Luật 10/2022 Điều 60–63, NĐ 59/2023 Điều 21–22)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError, notify
from danvan.core.text import stored_file_name
from danvan.democracy.models import (
    ANSWER_DAYS,
    BOARD_MAX_MEMBERS,
    BOARD_MIN_MEMBERS,
    BOARD_SMALL_AGENCY,
    BOARD_TERM_YEARS,
    MAX_VICE_CHAIRS,
    NOTICE_WORKING_DAYS,
    RECOGNITION_WORKING_DAYS,
    BoardInspection,
    BoardMember,
    BoardRecommendation,
    InspectionBoard,
)
from danvan.democracy.services._common import _day

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
