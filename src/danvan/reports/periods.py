"""Reporting periods and their data cut-off windows (thời gian chốt số liệu).

Nghị định 09/2019/NĐ-CP Điều 12: a period's figures run from the 15th of the
month before it to the 14th of its last month (quarter I: 15/12 → 14/3; six
months: 15/12 → 14/6; year: 15/12 → 14/12); nine months (a provincial
addition) 15/12 → 14/9. A province may set another cut-off day, or calendar
periods (day 0), by a CutOffRule.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PeriodKind(models.TextChoices):
    MONTH = "month", gettext_lazy("Tháng")
    QUARTER = "quarter", gettext_lazy("Quý")
    HALF = "half", gettext_lazy("6 tháng")
    NINE_MONTHS = "nine_months", gettext_lazy("9 tháng")
    YEAR = "year", gettext_lazy("Năm")


NATIONAL_CUT_OFF_DAY = 14
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# The period's first and last month.
_FIRST_LAST = {
    PeriodKind.QUARTER: lambda number: (3 * number - 2, 3 * number),
    PeriodKind.HALF: lambda number: (1, 6),
    PeriodKind.NINE_MONTHS: lambda number: (1, 9),
    PeriodKind.YEAR: lambda number: (1, 12),
    PeriodKind.MONTH: lambda number: (number, number),
}


class PeriodError(ValueError):
    """A period that does not exist (quarter 5, month 13); the message is shown."""


def check_number(kind: str, number: int) -> int:
    if kind == PeriodKind.MONTH and not 1 <= number <= 12:
        raise PeriodError(_("Tháng phải từ 1 đến 12."))
    if kind == PeriodKind.QUARTER and not 1 <= number <= 4:
        raise PeriodError(_("Quý phải từ 1 đến 4."))
    if kind not in (PeriodKind.MONTH, PeriodKind.QUARTER):
        return 0
    return number


def cut_off_window(
    kind: str, year: int, number: int, *, cut_off_day: int = NATIONAL_CUT_OFF_DAY
) -> tuple[date, date]:
    """The first and last day of the period's figures."""
    number = check_number(kind, number)
    first, last = _FIRST_LAST[PeriodKind(kind)](number)
    if cut_off_day == 0:
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    start_year, start_month = (year - 1, 12) if first == 1 else (year, first - 1)
    return date(start_year, start_month, cut_off_day + 1), date(year, last, cut_off_day)


def window_rule(cut_off_day: int, source: str = "") -> str:
    if cut_off_day == 0:
        rule = _("Theo tháng dương lịch (từ ngày 01 tháng đầu kỳ đến ngày cuối tháng cuối kỳ)")
    else:
        rule = _("Từ ngày %(start)02d tháng trước kỳ đến ngày %(end)02d tháng cuối kỳ") % {
            "start": cut_off_day + 1,
            "end": cut_off_day,
        }
    return f"{rule} — {source or _('Nghị định 09/2019/NĐ-CP, Điều 12')}"


def period_label(kind: str, year: int, number: int) -> str:
    if kind == PeriodKind.MONTH:
        return _("Tháng %(month)s năm %(year)s") % {"month": number, "year": year}
    if kind == PeriodKind.QUARTER:
        return _("Quý %(quarter)s năm %(year)s") % {"quarter": ROMAN.get(number, number), "year": year}
    if kind == PeriodKind.HALF:
        return _("6 tháng đầu năm %(year)s") % {"year": year}
    if kind == PeriodKind.NINE_MONTHS:
        return _("9 tháng năm %(year)s") % {"year": year}
    return _("Năm %(year)s") % {"year": year}


def cut_off_before(day: date, *, cut_off_day: int = NATIONAL_CUT_OFF_DAY) -> date:
    """The last cut-off date on or before ``day``: the cut-off day of this
    month or of an earlier one (the month's last day when the day is 0)."""
    year, month = day.year, day.month
    while True:
        last = calendar.monthrange(year, month)[1]
        candidate = date(year, month, last if cut_off_day == 0 else min(cut_off_day, last))
        if candidate <= day:
            return candidate
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)


def period_due_by(
    kind: str, due_date: date, *, year: int | None = None, cut_off_day: int = NATIONAL_CUT_OFF_DAY
) -> tuple[int, int]:
    """The (year, number) of the period a report due on ``due_date`` is of.

    A month or a quarter is the last one whose figures close before the due
    date (a monthly report due on 10/01/2028 is of December 2027). The longer
    periods are of the given year (the plan's) or the due date's; when their
    figures cannot start before the due date, of the year before."""
    if kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
        closed = cut_off_before(due_date, cut_off_day=cut_off_day)
        if kind == PeriodKind.MONTH:
            return closed.year, closed.month
        quarter = closed.month // 3  # the last quarter whose final month has closed
        return (closed.year, quarter) if quarter else (closed.year - 1, 4)
    year = year or due_date.year
    start, _end = cut_off_window(kind, year, 0, cut_off_day=cut_off_day)
    if cut_off_before(due_date, cut_off_day=cut_off_day) < start:
        return year - 1, 0
    return year, 0


def window_before_due(
    kind: str, year: int, number: int, due_date: date, *, cut_off_day: int = NATIONAL_CUT_OFF_DAY
) -> tuple[date, date, bool]:
    """The period's data window kept before the due date: when the period's
    own cut-off is after the due date (a six-month report due on 25/05, a
    year's on 10/10), the figures end at the last cut-off by the due date.
    Returns (start, end, shortened)."""
    start, end = cut_off_window(kind, year, number, cut_off_day=cut_off_day)
    if end <= due_date:
        return start, end, False
    closed = cut_off_before(due_date, cut_off_day=cut_off_day)
    if closed < start:
        raise PeriodError(
            _("Hạn nộp %(day)s trước ngày chốt số liệu đầu tiên của kỳ báo cáo.")
            % {"day": f"{due_date:%d/%m/%Y}"}
        )
    return start, closed, True


def shortened_rule(due_date: date, end: date, period_end: date) -> str:
    """How a window kept before its due date was set, shown beside it."""
    return _(
        "Hạn nộp %(due)s trước ngày chốt của kỳ (%(period_end)s): số liệu tính đến ngày chốt "
        "liền trước hạn nộp (%(end)s)"
    ) % {
        "due": f"{due_date:%d/%m/%Y}",
        "period_end": f"{period_end:%d/%m/%Y}",
        "end": f"{end:%d/%m/%Y}",
    }
