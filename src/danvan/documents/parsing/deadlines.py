"""Deadlines: dated obligations ("báo cáo ... trước ngày 20/10")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .dates import DATE_AFTER_NGAY, NUMERIC_DATE, date_from_match
from .lines import UPPER, collapse

# Words announcing a deadline.
_CUE = (
    r"(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|muộn\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|không\s+quá"
    r"|không\s+muộn\s+hơn|đến\s+hết|hoàn\s+thành\s+(?:trong|vào))"
)
# An hour before the day: "trước 17 giờ 00 ngày 30/9".
_HOUR = r"(?:\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút)?)?,?\s+)?"
# A deadline cue and its date: "trước ngày 20/10", "chậm nhất ngày 5 tháng 12 năm 2025".
_CUED_DATE = re.compile(rf"{_CUE}\s+{_HOUR}{DATE_AFTER_NGAY}", re.I)
# The same without the word "ngày": "trước 15/12", "chậm nhất 30/6/2024".
_CUED_BARE_DATE = re.compile(
    rf"(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?)\s+{NUMERIC_DATE}"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:hàng|năm|của|để|và|theo|gửi|về|qua|cho)\b)",
    re.I,
)
# A timing line whose value is a date: "Thời gian hoàn thành: 30/11/2025", "Hạn nộp: trước 15/6".
_TIMING_DATE = re.compile(
    rf"(?:Thời\s+(?:gian|hạn)|Hạn\s+(?:nộp|gửi|báo\s+cáo|hoàn\s+thành))[^:;.]{{0,30}}:\s*"
    rf"(?:trước\s+|chậm\s+nhất\s+)?(?:ngày\s*)?{NUMERIC_DATE}",
    re.I,
)
# A further date listed right after a deadline: "trước ngày 30/6 và 30/12", ", ngày 15/12".
_FOLLOWING_DATE = re.compile(rf"\s*(?:,|và|;)\s*(?:trước\s+)?(?:ngày\s*)?{NUMERIC_DATE}", re.I)
# The sentence around a deadline: cut at ". " or "; " before the next clause.
_CLAUSE_END = re.compile(rf"(?<=[.;])\s+(?={UPPER}|-)")
# The verb that starts the obligation after the units named as its subject.
_VERB = re.compile(
    r"\s+(?:định\s+kỳ|có\s+trách\s+nhiệm|thực\s+hiện|báo\s+cáo|gửi|tổng\s+hợp|theo\s+dõi|xây\s+dựng"
    r"|hoàn\s+thành|triển\s+khai|tổ\s+chức|nộp|tham\s+mưu)\b"
)
# Where the recipient of a report is named: "về Sở Nội vụ", "qua Văn phòng".
_RECIPIENT = re.compile(rf"\s(?:về|gửi|qua)\s+(?P<r>{UPPER}[^,;.()]*?)(?=\s+(?:trước|chậm|để|\()|[,;.()]|$)")
# A list marker at the start of a clause.
_MARKER = re.compile(r"^(?:[-–+•*]|\d{1,2}\s*[.)\-–]|[a-zđ][.)])\s*")
# A comma before the next unit of a list of units.
_UNIT_SPLIT = re.compile(rf",\s+(?={UPPER})")


def _clause_around(text: str, pos: int) -> str:
    start = 0
    for match in _CLAUSE_END.finditer(text):
        if match.start() >= pos:
            return text[start : match.start()]
        start = match.end()
    return text[start:]


def _describe(clause: str) -> tuple[str, list[str], str | None]:
    """The action, the units bound by it, and the unit to report to."""
    clause = _MARKER.sub("", collapse(clause))
    verb = _VERB.search(clause)
    units: list[str] = []
    action = clause
    if verb and clause[:1].isupper():
        units = [u.strip() for u in _UNIT_SPLIT.split(clause[: verb.start()]) if u.strip()]
        action = clause[verb.start() :].strip()
    action = re.split(r"\s+(?:về|trước|chậm\s+nhất|qua)\s", action)[0].strip(" ,.;")
    recipient = _RECIPIENT.search(clause)
    return action, units, recipient.group("r").strip() if recipient else None


def _dated_matches(text: str) -> list[re.Match[str]]:
    """Every deadline date in a paragraph, with dates listed after the first ("30/6 và 30/12")."""
    matches = [m for pattern in (_CUED_DATE, _CUED_BARE_DATE, _TIMING_DATE) for m in pattern.finditer(text)]
    for match in list(matches):
        follow = _FOLLOWING_DATE.match(text, match.end())
        while follow:
            matches.append(follow)
            follow = _FOLLOWING_DATE.match(text, follow.end())
    return matches


def extract_deadlines(
    paragraphs: list[str],
    default_year: int | None,
    timing_lines: Mapping[int, tuple[int, dict]] | None = None,
) -> list[dict]:
    """Every dated obligation. A date on a task's own timing line (``timing_lines``: the paragraph's
    index, the task's number and the task) is that task's, with its heading and lead unit, and
    ``task`` its number; the plan's own obligations have ``task`` None."""
    timing_lines = timing_lines or {}
    deadlines = []
    for index, text in enumerate(paragraphs):
        matches = _dated_matches(text)
        seen: set[int] = set()
        for match in sorted(matches, key=lambda m: m.start()):
            date = date_from_match(match, default_year)
            if date is None or any(abs(match.end() - end) < 5 for end in seen):
                continue  # no real date, or the same date matched by a second pattern
            seen.add(match.end())
            if index in timing_lines:
                number, task = timing_lines[index]
                units = [task["lead"]] if task["lead"] else []
                deadlines.append(
                    {
                        "date": date,
                        "action": task["heading"],
                        "units": units,
                        "recipient": None,
                        "task": number,
                    }
                )
                continue
            action, units, recipient = _describe(_clause_around(text, match.start()))
            deadlines.append(
                {"date": date, "action": action, "units": units, "recipient": recipient, "task": None}
            )
    return deadlines
