"""Moving the years written in a task's timing text ("Trước 30/6/2026",
"Quý II/2026", "Trong năm 2026") when a plan is copied to another year."""

from __future__ import annotations

import calendar
import re

# A year, optionally after a day and month ("30/6/"), a month ("6/") or a
# Roman quarter ("II/"). Not a year followed by "/" or a digit: "30/2020/NĐ-CP"
# is a document's number, not a date.
_YEAR = re.compile(
    r"(?<![\w/])(?P<prefix>(?:\d{1,2}/){1,2}|[IVX]{1,3}/)?(?P<year>(?:19|20)\d{2})(?![\d/])",
)

# "Luật 10/2022", "Kế hoạch số 12/2026": a number and year of a document.
_DOCUMENT_BEFORE = re.compile(
    r"(?:luật|nghị định|quyết định|chỉ thị|thông tư|nghị quyết|kết luận|kế hoạch|công văn|"
    r"hướng dẫn|văn bản|thông báo|số)\s*(?:số\s*)?$",
    re.IGNORECASE,
)


def _is_date_prefix(prefix: str) -> bool:
    parts = prefix.rstrip("/").split("/")
    if not parts[0].isdecimal():
        return parts[0] in ("I", "II", "III", "IV")
    if len(parts) == 1:
        return 1 <= int(parts[0]) <= 12
    day, month = int(parts[0]), int(parts[1])
    return 1 <= month <= 12 and 1 <= day <= 31


def shift_years(text: str, years: int) -> str:
    """``text`` with every year of a date moved by ``years``; numbers of
    documents ("Nghị định 30/2020/NĐ-CP") are left alone. A 29 February that
    falls in a common year becomes 28 February, as the due dates do."""
    if not years or not text:
        return text

    def moved(match: re.Match) -> str:
        prefix = match["prefix"] or ""
        if prefix and not _is_date_prefix(prefix):
            return match[0]
        if prefix and _DOCUMENT_BEFORE.search(text[: match.start()]):
            return match[0]
        year = int(match["year"]) + years
        parts = prefix.rstrip("/").split("/")
        if len(parts) == 2 and parts[0].isdecimal() and int(parts[1]) == 2 and int(parts[0]) == 29:
            if not calendar.isleap(year):
                prefix = prefix.replace("29/", "28/", 1)
        return f"{prefix}{year}"

    return _YEAR.sub(moved, text)
