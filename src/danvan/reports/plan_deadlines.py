"""Reading a plan's deadlines as reports: which of them ask for a report, for
what kind of period, and whether the report goes up to a higher body or comes
in from the agency's units. The plan's own words are matched, accents and case
set aside ("Báo cáo kết quả 6 tháng" → a six-month report)."""

from __future__ import annotations

import re

from danvan.core.text import search_key
from danvan.plans.models import PlanDeadline
from danvan.reports.periods import PeriodKind

# How a plan's "Tổ chức thực hiện" names the period of a report it asks for,
# the kinds of Nghị định 09/2019/NĐ-CP: a cadence said outright first
# ("hằng tháng"), then the period's length ("06 tháng", "9 tháng", "quý",
# "12 tháng", "năm"). "tháng" followed or preceded by a number is a date
# ("ngày 10 tháng 10"), not a monthly report.
_PERIOD_WORDS = (
    (re.compile(r"\b(hang|moi|tung) thang\b"), PeriodKind.MONTH),
    (re.compile(r"\b(hang|moi|tung) quy\b"), PeriodKind.QUARTER),
    (re.compile(r"\b0?9 thang\b|\bchin thang\b"), PeriodKind.NINE_MONTHS),
    (re.compile(r"\b0?6 thang\b|\bsau thang\b|\bnua nam\b|\bso ket\b"), PeriodKind.HALF),
    (re.compile(r"\bquy\b|\b0?3 thang\b|\bba thang\b"), PeriodKind.QUARTER),
    (re.compile(r"\b12 thang\b|\b(hang|ca|moi) nam\b|\btong ket\b"), PeriodKind.YEAR),
    (re.compile(r"(?<!\d )\bthang\b(?! \d)"), PeriodKind.MONTH),
)
_AD_HOC_WORDS = re.compile(r"\bdot xuat\b")
_THEMATIC_WORDS = re.compile(r"\bchuyen de\b")
_UPWARD_WORDS = re.compile(r"\b(so noi vu|ubnd|uy ban|ban dan van|tinh uy|bo |van phong ubnd)")
_UNITS_WORDS = re.compile(r"\b(cac phong|cac don vi|don vi|phong|chi cuc|trung tam)\b")


def asks_for_report(action: str) -> bool:
    """Whether the deadline is about a report ("báo cáo"), not other work."""
    return "bao cao" in search_key(action)


def period_kind(action: str) -> str:
    """The kind of period the report is of; a year's report when unsaid."""
    key = search_key(action)
    for pattern, kind in _PERIOD_WORDS:
        if pattern.search(key):
            return kind
    return PeriodKind.YEAR


def request_kind(action: str) -> str:
    """Periodic, thematic ("chuyên đề") or ad hoc ("đột xuất"), as Nghị định
    09/2019/NĐ-CP Điều 9 and 10 name them."""
    key = search_key(action)
    if _AD_HOC_WORDS.search(key):
        return "ad_hoc"
    if _THEMATIC_WORDS.search(key):
        return "thematic"
    return "periodic"


def is_upward(deadline: PlanDeadline) -> bool:
    """A report the agency sends to a higher body (Sở Nội vụ, UBND tỉnh, Ban
    Dân vận), rather than one its units send to its office."""
    recipient = search_key(deadline.recipient)
    if recipient and _UPWARD_WORDS.search(recipient):
        return True
    units = search_key(" ".join(str(u) for u in deadline.units))
    return not (units and _UNITS_WORDS.search(units)) and bool(
        _UPWARD_WORDS.search(search_key(deadline.action))
    )


def without_report_word(action: str) -> str:
    """The action as the subject of a report's title: "Báo cáo kết quả năm"
    → "kết quả năm"."""
    text = action.strip().rstrip(".;")
    text = re.sub(r"^(gửi\s+)?báo cáo\s+", "", text, flags=re.IGNORECASE)
    return text[:1].lower() + text[1:] if text else text
