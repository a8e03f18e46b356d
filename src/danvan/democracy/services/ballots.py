"""When the staff conference cannot gather its quorum (Luật 10/2022 Điều 50):
the attempts are recorded; after the second failed one the office, agreeing
with the trade union, collects opinions in writing (phiếu lấy ý kiến)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.democracy.models import (
    FAILED_ATTEMPTS_FOR_BALLOT,
    BallotItem,
    ConferenceAttempt,
    StaffConference,
    WrittenBallot,
)
from danvan.democracy.services._common import _day


@transaction.atomic
def record_attempt(
    *, agency: Agency, work_year: int, held_on: date, expected: int, present: int, today: date, by: User
) -> ConferenceAttempt:
    """One convening of the yearly conference and how many came."""
    if expected <= 0:
        raise DomainError(_("Hãy ghi số người được triệu tập."))
    if present > expected:
        raise DomainError(
            _("Số người có mặt (%(present)s) nhiều hơn số người được triệu tập (%(expected)s).")
            % {"present": present, "expected": expected}
        )
    if held_on > today:
        raise DomainError(_("Ngày triệu tập %(day)s chưa đến.") % {"day": _day(held_on)})
    if StaffConference.objects.filter(agency=agency, work_year=work_year).exists():
        raise DomainError(_("Hội nghị năm %(year)s của cơ quan đã được tổ chức.") % {"year": work_year})
    return ConferenceAttempt.objects.create(
        agency=agency, work_year=work_year, held_on=held_on, expected=expected, present=present, created_by=by
    )


def failed_attempts(agency: Agency, work_year: int) -> int:
    return sum(
        1
        for attempt in ConferenceAttempt.objects.filter(agency=agency, work_year=work_year)
        if not attempt.is_quorate()
    )


def may_collect_in_writing(agency: Agency, work_year: int) -> bool:
    return failed_attempts(agency, work_year) >= FAILED_ATTEMPTS_FOR_BALLOT


@transaction.atomic
def open_written_ballot(
    *,
    agency: Agency,
    work_year: int,
    opened_on: date,
    staff_count: int,
    union_agreed: bool,
    items: Iterable[str],
    today: date,
    by: User,
) -> WrittenBallot:
    titles = [title.strip()[:500] for title in items if title.strip()]
    failed = failed_attempts(agency, work_year)
    if failed < FAILED_ATTEMPTS_FOR_BALLOT:
        raise DomainError(
            _(
                "Chỉ lấy ý kiến bằng phiếu khi hội nghị đã %(need)s lần không đủ số người tham dự; "
                "đến nay có %(count)s lần (Luật 10/2022/QH15 Điều 50)."
            )
            % {"need": FAILED_ATTEMPTS_FOR_BALLOT, "count": failed}
        )
    if not union_agreed:
        raise DomainError(
            _("Việc lấy ý kiến bằng phiếu phải thống nhất với Ban Chấp hành công đoàn (Điều 50).")
        )
    if staff_count <= 0:
        raise DomainError(_("Hãy ghi tổng số cán bộ, công chức, viên chức, người lao động."))
    if not titles:
        raise DomainError(_("Hãy ghi ít nhất một nội dung lấy ý kiến."))
    if opened_on > today:
        raise DomainError(_("Ngày phát phiếu %(day)s chưa đến.") % {"day": _day(opened_on)})
    if WrittenBallot.objects.filter(agency=agency, work_year=work_year).exists():
        raise DomainError(_("Đợt lấy ý kiến bằng phiếu năm %(year)s đã được ghi.") % {"year": work_year})
    ballot = WrittenBallot.objects.create(
        agency=agency,
        work_year=work_year,
        opened_on=opened_on,
        staff_count=staff_count,
        union_agreed=union_agreed,
        created_by=by,
    )
    BallotItem.objects.bulk_create(
        [BallotItem(ballot=ballot, position=n, title=title) for n, title in enumerate(titles, 1)]
    )
    return ballot


@transaction.atomic
def count_ballots(*, item: BallotItem, returned: int, votes_for: int, by: User) -> BallotItem:
    """The ballots returned on one item and those agreeing; it passes with more than half of all staff."""
    staff = item.ballot.staff_count
    if min(returned, votes_for) < 0:
        raise DomainError(_("Số phiếu không được âm."))
    if returned > staff:
        raise DomainError(
            _("Số phiếu thu về (%(returned)s) nhiều hơn tổng số cán bộ (%(staff)s).")
            % {"returned": returned, "staff": staff}
        )
    if votes_for > returned:
        raise DomainError(
            _("Số phiếu tán thành (%(votes)s) nhiều hơn số phiếu thu về (%(returned)s).")
            % {"votes": votes_for, "returned": returned}
        )
    item.returned, item.votes_for = returned, votes_for
    item.save(update_fields=["returned", "votes_for"])
    return item
