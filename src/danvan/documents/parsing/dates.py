"""Dates as Vietnamese documents write them: "25/3/2022", "ngày 12 tháng 12 năm 2013", "20/10"."""

from __future__ import annotations

import datetime as dt
import re

# A numeric date with or without year: "25/3/2022", "25-3-2022", "25.3.2022", "20/10".
NUMERIC_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?!\d)"
# A spelled-out date: "12 tháng 12 năm 2013", "20 tháng 10" (the word "ngày" comes before).
WORDED_DATE = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:năm|,)\s*(?P<wy>\d{4}))?"
# Either form, after the word "ngày".
DATE_AFTER_NGAY = rf"ngày\s*(?:{NUMERIC_DATE}|{WORDED_DATE})"

_DATE_AFTER_NGAY = re.compile(DATE_AFTER_NGAY, re.I)


def make_date(day: str | int | None, month: str | int | None, year: str | int | None) -> str | None:
    """ISO date, or None when a part is missing or the date does not exist."""
    if not (day and month and year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_match(match: re.Match[str], default_year: int | None = None) -> str | None:
    """ISO date from a match of NUMERIC_DATE, WORDED_DATE or DATE_AFTER_NGAY."""
    groups = match.groupdict()
    day = groups.get("d") or groups.get("wd")
    month = groups.get("m") or groups.get("wm")
    year = groups.get("y") or groups.get("wy") or default_year
    return make_date(day, month, year)


def first_date(text: str, default_year: int | None = None) -> str | None:
    """The first "ngày ..." date in `text`."""
    match = _DATE_AFTER_NGAY.search(text)
    return date_from_match(match, default_year) if match else None
