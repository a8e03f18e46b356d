"""The staff conference (Luật 10/2022 Điều 49–52)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.democracy.models import (
    CHECK_MONTHS,
    DELEGATES_FROM_STAFF,
    AgendaItem,
    AgendaKind,
    ResolutionCheck,
    StaffConference,
)
from danvan.democracy.services._common import _day

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
