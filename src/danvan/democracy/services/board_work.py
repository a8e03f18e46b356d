"""The Board's work programmes, reports and the staff petitions it receives
(Luật 10/2022 Điều 61 k8, Điều 62; NĐ 59/2023 Điều 22)."""

from __future__ import annotations

import calendar as month_calendar
import io
from collections.abc import Iterable
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.core.text import stored_file_name
from danvan.democracy.models import (
    BoardPeriod,
    BoardProgramme,
    BoardProgrammeItem,
    BoardRecommendation,
    BoardReport,
    InspectionBoard,
    StaffPetition,
)
from danvan.democracy.services._common import _day

PERIODS_IN_YEAR: dict[str, int] = {BoardPeriod.QUARTER: 4, BoardPeriod.HALF_YEAR: 2, BoardPeriod.YEAR: 1}
MONTHS_IN_PERIOD: dict[str, int] = {BoardPeriod.QUARTER: 3, BoardPeriod.HALF_YEAR: 6, BoardPeriod.YEAR: 12}


def period_bounds(period: str, year: int, number: int) -> tuple[date, date]:
    """The first and last day of the ``number``-th quarter, half or year of ``year``."""
    if period not in PERIODS_IN_YEAR:
        raise DomainError(_("Kỳ không hợp lệ: chọn quý, 6 tháng hoặc năm."))
    if not 1 <= number <= PERIODS_IN_YEAR[period]:
        raise DomainError(
            _("Kỳ số %(number)s không có trong năm (từ 1 đến %(max)s).")
            % {"number": number, "max": PERIODS_IN_YEAR[period]}
        )
    months = MONTHS_IN_PERIOD[period]
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(year, last_month, month_calendar.monthrange(year, last_month)[1])


def count_report_due(period: str, year: int, number: int) -> tuple[date, str]:
    """The report of a period is due on its last day: the decree names the periods, not a number of days."""
    _start, end = period_bounds(period, year, number)
    return end, _(
        "Ban Thanh tra nhân dân báo cáo kết quả hoạt động với Ban Chấp hành công đoàn theo quý, 6 tháng, "
        "năm và tại hội nghị cán bộ hằng năm (Luật 10/2022/QH15 Điều 62; Nghị định 59/2023/NĐ-CP Điều 22). "
        "Văn bản không quy định số ngày nên hạn là ngày cuối kỳ — %(due)s."
    ) % {"due": _day(end)}


def _check_file(data: bytes | None) -> None:
    if data is not None:
        refusal = uploads.content_refusal(io.BytesIO(data))
        if refusal:
            raise DomainError(refusal)


@transaction.atomic
def adopt_programme(
    *, board: InspectionBoard, period: str, year: int, number: int, items: Iterable[str], by: User
) -> BoardProgramme:
    """The Board's work programme for a quarter, 6 months or a year, with its content items."""
    starts_on, ends_on = period_bounds(period, year, number)
    contents = [text.strip()[:500] for text in items if text.strip()]
    if not contents:
        raise DomainError(_("Hãy ghi ít nhất một nội dung của chương trình công tác."))
    if BoardProgramme.objects.filter(board=board, period=period, year=year, number=number).exists():
        raise DomainError(_("Chương trình công tác của kỳ này đã được ghi."))
    programme = BoardProgramme.objects.create(
        board=board,
        period=period,
        year=year,
        number=number,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
    )
    BoardProgrammeItem.objects.bulk_create(
        [
            BoardProgrammeItem(programme=programme, position=n, content=text)
            for n, text in enumerate(contents, 1)
        ]
    )
    return programme


@transaction.atomic
def schedule_report(*, board: InspectionBoard, period: str, year: int, number: int, by: User) -> BoardReport:
    """The report owed for a period, with its due date and how it was counted."""
    _start, end = period_bounds(period, year, number)
    if BoardReport.objects.filter(board=board, period=period, year=year, number=number).exists():
        raise DomainError(_("Báo cáo của kỳ này đã được ghi."))
    due, explanation = count_report_due(period, year, number)
    return BoardReport.objects.create(
        board=board,
        period=period,
        year=year,
        number=number,
        ends_on=end,
        due=due,
        due_explanation=explanation,
        submitted_to=(
            BoardReport.SubmittedTo.CONFERENCE
            if period == BoardPeriod.YEAR
            else BoardReport.SubmittedTo.UNION
        ),
        created_by=by,
    )


@transaction.atomic
def submit_report(
    *,
    report: BoardReport,
    submitted_on: date,
    submitted_to: str,
    content: str,
    data: bytes | None = None,
    filename: str = "",
    today: date,
    by: User,
) -> BoardReport:
    if submitted_to not in BoardReport.SubmittedTo.values:
        raise DomainError(_("Hãy chọn nơi nhận báo cáo."))
    if not content.strip() and data is None:
        raise DomainError(_("Hãy ghi nội dung báo cáo hoặc đính kèm tệp báo cáo."))
    if submitted_on > today:
        raise DomainError(_("Ngày gửi báo cáo %(day)s chưa đến.") % {"day": _day(submitted_on)})
    if report.submitted_on is not None:
        raise DomainError(_("Báo cáo này đã được gửi."))
    _check_file(data)
    report.submitted_on, report.submitted_to, report.content = submitted_on, submitted_to, content.strip()
    report.save(update_fields=["submitted_on", "submitted_to", "content"])
    if data is not None:
        report.file_name = filename[:255]
        report.file.save(stored_file_name(filename, "bao-cao"), ContentFile(data), save=False)
        report.save(update_fields=["file", "file_name"])
    return report


# --- Staff petitions (Điều 61 k8) ---------------------------------------------------


@transaction.atomic
def receive_staff_petition(
    *,
    board: InspectionBoard,
    sender: User,
    received_on: date,
    content: str,
    keep_name_confidential: bool = False,
    today: date,
    by: User,
) -> StaffPetition:
    if not content.strip():
        raise DomainError(_("Hãy ghi nội dung kiến nghị, phản ánh."))
    if received_on > today:
        raise DomainError(_("Ngày tiếp nhận %(day)s chưa đến.") % {"day": _day(received_on)})
    if sender.agency_id != board.agency_id:
        raise DomainError(_("Người gửi không phải cán bộ của cơ quan."))
    return StaffPetition.objects.create(
        board=board,
        sender=sender,
        received_on=received_on,
        content=content.strip(),
        keep_name_confidential=keep_name_confidential,
        created_by=by,
    )


def _open(petition: StaffPetition) -> None:
    if petition.status == StaffPetition.Status.CLOSED:
        raise DomainError(_("Kiến nghị, phản ánh này đã kết thúc."))


@transaction.atomic
def verify_staff_petition(*, petition: StaffPetition, verification: str, by: User) -> StaffPetition:
    _open(petition)
    if not verification.strip():
        raise DomainError(_("Hãy ghi kết quả xác minh."))
    petition.verification = verification.strip()
    if petition.status == StaffPetition.Status.RECEIVED:
        petition.status = StaffPetition.Status.VERIFYING
    petition.save(update_fields=["verification", "status"])
    return petition


@transaction.atomic
def link_petition_recommendation(
    *, petition: StaffPetition, recommendation: BoardRecommendation, by: User
) -> StaffPetition:
    """The Board recommended the head to act on the petition."""
    _open(petition)
    if recommendation.inspection.board_id != petition.board_id:
        raise DomainError(_("Kiến nghị được chọn không phải của Ban này."))
    petition.recommendation = recommendation
    petition.status = StaffPetition.Status.RECOMMENDED
    petition.save(update_fields=["recommendation", "status"])
    return petition


@transaction.atomic
def answer_staff_petition(
    *, petition: StaffPetition, answer: str, answered_on: date, today: date, by: User
) -> StaffPetition:
    _open(petition)
    if not answer.strip():
        raise DomainError(_("Hãy ghi nội dung trả lời người gửi."))
    if answered_on < petition.received_on:
        raise DomainError(_("Ngày trả lời trước ngày tiếp nhận."))
    if answered_on > today:
        raise DomainError(_("Ngày trả lời %(day)s chưa đến.") % {"day": _day(answered_on)})
    petition.answer, petition.answered_on = answer.strip(), answered_on
    petition.status = StaffPetition.Status.ANSWERED
    petition.save(update_fields=["answer", "answered_on", "status"])
    return petition


@transaction.atomic
def close_staff_petition(*, petition: StaffPetition, closed_on: date, today: date, by: User) -> StaffPetition:
    _open(petition)
    if petition.answered_on is None:
        raise DomainError(_("Hãy trả lời người gửi trước khi kết thúc."))
    if closed_on < petition.answered_on or closed_on > today:
        raise DomainError(_("Ngày kết thúc phải từ ngày trả lời đến hôm nay."))
    petition.closed_on, petition.status = closed_on, StaffPetition.Status.CLOSED
    petition.save(update_fields=["closed_on", "status"])
    return petition
