"""The timing of a task as data: what kind it is, read from the plan's own
words ("Thường xuyên", "Hằng quý", "Trước ngày 20 hằng tháng", "05 ngày làm
việc sau khi ban hành"), and the periods of a recurring task with the due
date of each.

Pure functions over dates and text: no query, no model. The rule for a
stated day of the month is the date as written: "trước ngày 20 hằng tháng"
is due on the 20th even when the 20th is a Sunday or a holiday. Only a rule
counted in working days ("N ngày làm việc") goes by the working calendar, and
that is counted by the caller on core.calendar.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from danvan.core.text import search_key

# The kinds, as stored in Task.timing_kind.
ONGOING = "ongoing"
DUE_DATE = "due_date"
MONTHLY = "monthly"
MONTHLY_DAY = "monthly_day"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"
AFTER_ISSUE = "after_issue"
AS_SET_ABOVE = "as_set_above"

# The kinds that have one instance per period.
RECURRING = (MONTHLY, MONTHLY_DAY, QUARTERLY, HALF_YEARLY, YEARLY)
# How many months one period of each recurring kind lasts.
_MONTHS = {MONTHLY: 1, MONTHLY_DAY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12}


@dataclass(frozen=True)
class Timing:
    """A task's timing: its kind and the kind's parameters."""

    kind: str
    day: int | None = None  # MONTHLY_DAY: the day of each month
    due_date: date | None = None  # DUE_DATE: the date, when the text names one
    working_days: int | None = None  # AFTER_ISSUE: the working days after issue


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    due_date: date


# --- Reading the plan's words ---------------------------------------------------------

_NUMBER = r"(\d{1,3})"
_YEAR = r"((?:19|20)\d{2})"
# Written on accent-free, lower-case text (core.text.search_key), so that
# "hang thang" typed without accents reads as "hằng tháng".
_WORKING_DAYS = re.compile(rf"{_NUMBER}\s*(?:\(\s*[a-z ]+\)\s*)?ngay\s+lam\s+viec\s*,?\s*(?:ke\s+tu|sau|tu)")
_DAY_OF_MONTH = re.compile(rf"(?:ngay\s+)?{_NUMBER}\s+(?:cua\s+)?(?:hang|moi|cac|tung)\s+thang")
_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})(?:\s*[/.-]\s*{_YEAR})?(?![\d/])")
_DATE_WORDS = re.compile(rf"ngay\s+(\d{{1,2}})\s+thang\s+(\d{{1,2}})(?:\s+nam\s+{_YEAR})?")
_IN_YEAR = rf"(?:\s*/\s*|\s+nam\s+|\s+)?{_YEAR}?"
_QUARTER = re.compile(rf"quy\s+(iv|iii|ii|i|[1-4])\b{_IN_YEAR}")
_HALF = re.compile(rf"(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam{_IN_YEAR}")
_MONTH = re.compile(rf"thang\s+(\d{{1,2}})(?:\s*/\s*|\s+nam\s+){_YEAR}")
_WHOLE_YEAR = re.compile(rf"(?:trong|truoc\s+het|cuoi)\s+nam\s+{_YEAR}|^nam\s+{_YEAR}$")
_EVERY = r"(?:hang|moi|dinh\s+ky|dinh\s+ki|tung)"
_PATTERNS = (
    (AS_SET_ABOVE, re.compile(r"theo\s+(?:thoi\s+gian|thoi\s+han|yeu\s+cau|huong\s+dan).*cap\s+tren")),
    (
        HALF_YEARLY,
        re.compile(rf"(?:{_EVERY}\s+)?(?:6|sau)\s+thang(?!\s+(?:dau|cuoi|\d))|(?:hang\s+|moi\s+)?nua\s+nam"),
    ),
    (QUARTERLY, re.compile(rf"{_EVERY}\s+quy|quy\s+mot\s+lan")),
    (MONTHLY, re.compile(rf"{_EVERY}\s+thang|thang\s+mot\s+lan")),
    (YEARLY, re.compile(rf"{_EVERY}\s+nam|nam\s+mot\s+lan|thuong\s+nien")),
    (ONGOING, re.compile(r"thuong\s+xuyen|lien\s+tuc|suot\s+(?:ca\s+)?nam|ca\s+nam")),
)
# "Hằng tháng, trước ngày 25": a day with no month after it.
_BARE_DAY = re.compile(r"ngay\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s+thang\s+\d)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _date_in(text: str, year: int | None) -> date | None:
    """The first date the text names: a day ("30/6/2026", "ngày 30 tháng 6"),
    or the last day of a named quarter, half-year, month or year."""
    for pattern in (_DATE_WORDS, _DATE):
        for match in pattern.finditer(text):
            day, month = int(match[1]), int(match[2])
            found_year = int(match[3]) if match[3] else year
            if found_year is None or not 1 <= month <= 12:
                continue
            try:
                return date(found_year, month, day)
            except ValueError:
                continue
    quarter = _QUARTER.search(text)
    if quarter and (quarter[2] or year):
        number = _ROMAN.get(quarter[1]) or int(quarter[1])
        return _month_end(int(quarter[2] or year), number * 3)
    half = _HALF.search(text)
    if half and (half[2] or year):
        return _month_end(int(half[2] or year), 6 if half[1] == "dau" else 12)
    month = _MONTH.search(text)
    if month and 1 <= int(month[1]) <= 12:
        return _month_end(int(month[2]), int(month[1]))
    whole = _WHOLE_YEAR.search(text)
    if whole:
        return date(int(whole[1] or whole[2]), 12, 31)
    return None


def parse_timing(text: str, *, year: int | None = None) -> Timing:
    """The timing a plan's words state. ``year`` is the plan's year, for a
    date written without one ("Trước 30/6", "Quý II"). A period word wins
    over a date ("Hằng quý, trước ngày 30/6/2026" recurs). Text that names no
    time known here ("Trước khi phê duyệt phương án") is ongoing, as a plan
    means when it states no date."""
    key = search_key(text or "").replace("–", "-")
    if not key:
        return Timing(ONGOING)
    working = _WORKING_DAYS.search(key)
    if working:
        return Timing(AFTER_ISSUE, working_days=int(working[1]))
    monthly_day = _DAY_OF_MONTH.search(key)
    if monthly_day and 1 <= int(monthly_day[1]) <= 31:
        return Timing(MONTHLY_DAY, day=int(monthly_day[1]))
    for kind, pattern in _PATTERNS:
        if pattern.search(key):
            stated = _BARE_DAY.search(key) if kind == MONTHLY else None
            if stated and 1 <= int(stated[1]) <= 31:
                return Timing(MONTHLY_DAY, day=int(stated[1]))
            return Timing(kind)
    due = _date_in(key, year)
    if due is not None:
        return Timing(DUE_DATE, due_date=due)
    return Timing(ONGOING)


# --- Periods ---------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def period_of(kind: str, day: date, *, day_of_month: int | None = None) -> Period:
    """The period of a recurring ``kind`` that ``day`` falls in, with its due
    date: the period's last day, or for MONTHLY_DAY the stated day of that
    month (the last day of a shorter month: "ngày 31" of February is the 28th
    or 29th)."""
    months = _MONTHS[kind]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end = _add_months(start, months) - timedelta(days=1)
    due = end
    if kind == MONTHLY_DAY and day_of_month:
        due = start.replace(day=min(day_of_month, calendar.monthrange(start.year, start.month)[1]))
    return Period(start=start, end=end, due_date=due)


def next_period(kind: str, period: Period, *, day_of_month: int | None = None) -> Period:
    return period_of(kind, period.end + timedelta(days=1), day_of_month=day_of_month)


def periods_ahead(
    kind: str,
    today: date,
    *,
    day_of_month: int | None = None,
    window: tuple[date | None, date | None] = (None, None),
    count: int = 2,
) -> list[Period]:
    """The current period and the ones after it (``count`` in all) that lie
    inside ``window`` (the plan's own time, either end open). A plan of next
    year seen in December gets its January already; a plan of this year
    seen in December gets no January."""
    first, last = window
    period = period_of(kind, today, day_of_month=day_of_month)
    found = []
    for _step in range(count):
        inside = (first is None or period.end >= first) and (last is None or period.start <= last)
        if inside:
            found.append(period)
        period = next_period(kind, period, day_of_month=day_of_month)
    if first is not None and not found and today < first:
        # Seen long before its time: the plan's first period, ready ahead.
        found.append(period_of(kind, first, day_of_month=day_of_month))
    return found


# --- Words ----------------------------------------------------------------------------


def period_label(kind: str, period: Period) -> str:
    """ "Tháng 01/2027", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026"."""
    start = period.start
    if kind in (MONTHLY, MONTHLY_DAY):
        return _("Tháng %(month)s") % {"month": f"{start:%m/%Y}"}
    if kind == QUARTERLY:
        numeral = ("I", "II", "III", "IV")[(start.month - 1) // 3]
        return _("Quý %(quarter)s/%(year)s") % {"quarter": numeral, "year": start.year}
    if kind == HALF_YEARLY:
        if start.month == 1:
            return _("6 tháng đầu năm %(year)s") % {"year": start.year}
        return _("6 tháng cuối năm %(year)s") % {"year": start.year}
    return _("Năm %(year)s") % {"year": start.year}


def describe(timing: Timing, *, due_date: date | None = None) -> str:
    """The timing in the words a plan prints."""
    if timing.kind == MONTHLY_DAY and timing.day:
        return _("Trước ngày %(day)s hằng tháng") % {"day": timing.day}
    if timing.kind == AFTER_ISSUE and timing.working_days:
        return _("%(days)s ngày làm việc sau khi ban hành kế hoạch") % {"days": timing.working_days}
    due = timing.due_date or due_date
    if timing.kind == DUE_DATE:
        return _("Trước ngày %(day)s") % {"day": f"{due:%d/%m/%Y}"} if due else _("Theo hạn được giao")
    words = {
        ONGOING: _("Thường xuyên"),
        MONTHLY: _("Hằng tháng"),
        QUARTERLY: _("Hằng quý"),
        HALF_YEARLY: _("6 tháng một lần"),
        YEARLY: _("Hằng năm"),
        AS_SET_ABOVE: _("Theo thời gian cấp trên quy định"),
    }
    return str(words.get(timing.kind, words[ONGOING]))
