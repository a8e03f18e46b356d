"""Citations: every legal or directive document the text refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE_AFTER_NGAY, NUMERIC_DATE, WORDED_DATE, date_from_match
from .lines import collapse

# Document types, in any letter case ("công văn", "Quyết định", "QUYẾT ĐỊNH").
TYPES = (
    r"Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết(?:\s+liên\s+tịch)?|Nghị\s+định|Quyết\s+định|Chỉ\s+thị"
    r"|Kết\s+luận|Thông\s+tư(?:\s+liên\s+tịch)?|Kế\s+hoạch|Chương\s+trình|Công\s+văn|Văn\s+bản|Quy\s+chế"
    r"|Quy\s+định|Hướng\s+dẫn|Thông\s+tri|Đề\s+án|Thông\s+báo|Báo\s+cáo|Tờ\s+trình|Công\s+điện|Điều\s+lệ"
    r"|Sắc\s+lệnh|Lệnh|Phương\s+án|Biên\s+bản"
)
# Words between a type and "số" that qualify it: "Chương trình phối hợp số ...".
_QUALIFIERS = (
    r"phối\s+hợp|hành\s+động|liên\s+ngành|liên\s+tịch|công\s+tác|kết\s+luận|hỏa\s+tốc|hoả\s+tốc|khẩn"
    r"|chuyên\s+đề|liên\s+sở"
)
# A document number: "1026/KH-UBND", "23-QĐ/TW", "04/2015/NĐ-CP", "34/2007/PL-UBTVQH11".
# (PDF text sometimes has an en dash for the hyphen: "04/2015/NĐ–CP".)
# A copy may have a space on one side of a separator inside the symbol ("59/2023/NĐ- CP", "NĐ -CP"),
# or on both sides before a part of a symbol, two capitals or more ("99/QĐ - UBND", "CT - TTg",
# "938- NQ/TU"; not "12/KH-UBND - Kế hoạch").
_CAPITALS_AHEAD = r"(?=[A-ZĐ][a-z]?[A-ZĐ\d])"
_SEPARATOR = rf"(?:\s[/\-–]\s?{_CAPITALS_AHEAD}|\s[/\-–](?=[A-ZĐ\d])|[/\-–](?:\s(?=[A-ZĐ\d]))?)"
NUMBER = rf"\d{{1,6}}[a-zA-Z]?(?:\s?/\s?|[-–]|\s?[-–]\s?{_CAPITALS_AHEAD})[\w&.]+(?:{_SEPARATOR}[\w&.]+)*"
# A number complete enough to be cited without "số": "16/CT-TTg", "05-CT/TW", "04/2015/NĐ-CP".
_BARE_NUMBER = r"\d{1,6}[/\-–](?:\d{4}/)?[A-ZĐ][\w&.]*(?:[/\-–][\w&.]+)+"
# A type followed by "số" and a number; "số" may be left out before a full symbol ("Nghị định 04/2015/NĐ-CP").
_CITATION = re.compile(
    rf"(?<![\w])(?P<type>(?i:{TYPES}))(?:\s+(?i:{_QUALIFIERS}))?"
    rf"(?:\s*:?\s+(?i:số)\s*[:.]?\s*(?P<num>{NUMBER})|\s+(?P<bare>{_BARE_NUMBER}))"
)
# The date between the type and "số": "Kế hoạch ngày 14/3/2025 số 71/KH-UBND".
_DATED_CITATION = re.compile(
    rf"(?<![\w])(?P<type>(?i:{TYPES}))(?:\s+(?i:{_QUALIFIERS}))?\s+{DATE_AFTER_NGAY}\s*,?\s+(?i:số)\s*[:.]?\s*"
    rf"(?P<num>{NUMBER})"
)
# Another number after "và" or a comma sharing the type: "Quyết định số 217-QĐ/TW và 218-QĐ/TW",
# "các Nghị định số 04/2015/NĐ-CP, 59/2023/NĐ-CP".
_SHARED_TYPE = re.compile(rf"\s*(?:,\s*và|,|và)\s*(?:số\s*)?(?P<num>{NUMBER})")
# A date opening the sentence that issues the document: "Ngày 14/3/2025, UBND tỉnh ban hành Kế hoạch số ...",
# "Ngày 05/01/2025, Sở Nội vụ có Công văn số ...".
_DATE_BEFORE = re.compile(
    rf"(?:^|[;\n]|\.\s)\s*(?:[-+•]\s*)?(?i:ngày)\s*(?:{NUMERIC_DATE}|{WORDED_DATE})\s*,\s*[^;\n]{{0,100}}?"
    r"\s(?:ban\s+hành|ký(?:\s+ban\s+hành)?|có)\s*$"
)
_DATE_BEFORE_REACH = 200
# A signing date right after the number, maybe after a word or two ("34-KH/BDVTU tỉnh ngày 01/3/2022").
_DATE_AFTER = re.compile(
    rf"(?:\s+(?!(?:trước|đến|từ|sau|vào|hết|trong|của|giữa|về|và)\b)[^\s\d,;.:]{{1,8}}){{0,2}}?"
    rf"\s*[,(]?\s*(?:ban\s+hành\s+|được\s+ký\s+|ký\s+)?{DATE_AFTER_NGAY}",
    re.I,
)
# The issuer after the number or date: "của UBND tỉnh", "giữa Ban Dân vận Tỉnh ủy và ...".
_ISSUER_START = re.compile(r"\s*,?\s*(?:của|giữa)\s+")
# Where an issuer's name stops: a following clause, punctuation, or another citation.
_ISSUER_STOP = re.compile(
    rf"\s+(?:về|thực\s+hiện|ban\s+hành|đến|tại|theo|nhằm|để|trong|quy\s+định|hướng\s+dẫn|triển\s+khai"
    rf"|với|đối\s+với|là|đã|được|cho|phê\s+duyệt|ngày|nay|thành|(?i:{TYPES})\s+số)\b"
    r"|\s*[,;.:“”\"\[]|\s*\((?!kh[oó]á|khóa)"
)
# A law cited by its name: "Luật Tiếp công dân", "Bộ luật Lao động" (not "pháp luật").
_LAW_NAME = re.compile(
    r"(?<![\w])(?<!pháp\s)(?<!Pháp\s)(?P<name>(?:Bộ\s+luật|Luật)\s+(?!(?:pháp|sư|này|nêu|trên|số|và|về|của)\b)"
    r"[^\W\d](?:[^,;.:()“”\"\n]|,\s(?=chống\b|công\s+chức\b))*)"
)
# Where a law's name ends inside the text that follows "Luật".
_LAW_STOP = re.compile(
    r"\s+(?:của|về|và|được|đã|theo|trong|nhằm|để|có|tại|đối\s+với|thì|là|với|cho|hiện\s+hành|số|gắn"
    r"|đến|quy\s+định|nhằm|khi|từ|đồng\s+thời|mới|sửa\s+đổi)\b|\s+[-–]\s"
)
_MAX_LAW_WORDS = 10
# The year written inside a number: "04/2015/NĐ-CP".
_NUMBER_YEAR = re.compile(r"/((?:19|20)\d{2})/")
# "năm 2022" after a law's name: the same law as without it.
_YEAR_SUFFIX = re.compile(r"\s+năm\s+\d{4}$")


@dataclass
class Citation:
    type: str
    number: str | None
    name: str | None
    date: str | None
    issuer: str | None
    start: int
    end: int

    def as_dict(self) -> dict:
        return {
            "type": self.type,
            "number": self.number,
            "name": self.name,
            "date": self.date,
            "issuer": self.issuer,
        }


def _type_name(raw: str) -> str:
    words = collapse(raw).lower()
    return words[:1].upper() + words[1:]


def _clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw).rstrip(".-–/")


def _issuer(text: str, pos: int) -> tuple[str | None, int]:
    start = _ISSUER_START.match(text, pos)
    if not start:
        return None, pos
    rest = text[start.end() : start.end() + 160]
    stop = _ISSUER_STOP.search(rest)
    issuer = rest[: stop.start()] if stop else rest
    issuer = collapse(issuer).strip(" -–")
    return (issuer or None), start.end() + len(issuer)


def _details(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """Date and issuer written after a number ending at `pos`, in either order, and where they end."""
    date = None
    match = _DATE_AFTER.match(text, pos)
    if match:
        date = date_from_match(match)
        pos = match.end()
    issuer, pos = _issuer(text, pos)
    if date is None and issuer:
        match = _DATE_AFTER.match(text, pos)
        if match:
            date, pos = date_from_match(match), match.end()
    return date, issuer, pos


def _date_before(text: str, start: int) -> str | None:
    """The date of the sentence issuing the document cited at `start`: "Ngày 14/3/2025, ... ban hành"."""
    match = _DATE_BEFORE.search(text[max(0, start - _DATE_BEFORE_REACH) : start])
    return date_from_match(match) if match else None


def _numbered(text: str) -> list[Citation]:
    found: list[Citation] = []
    for match in _CITATION.finditer(text):
        found.extend(_citation_and_list(text, match, None))
    for match in _DATED_CITATION.finditer(text):
        found.extend(_citation_and_list(text, match, date_from_match(match)))
    return sorted(found, key=lambda c: c.start)


def _citation_and_list(text: str, match: re.Match[str], date_between: str | None) -> list[Citation]:
    """The document `match` cites, and the numbers listed after it under the same type word."""
    number = _clean_number(match.group("num") or match.group("bare"))
    if not re.search(r"[^\W\d_]", number):
        return []  # "số 12/2022" names no document
    kind = _type_name(match.group("type"))
    date, issuer, pos = _details(text, match.end())
    date = date or date_between or _date_before(text, match.start())
    found = [Citation(kind, number, None, date, issuer, match.start(), match.end())]
    shared = _SHARED_TYPE.match(text, pos)
    while shared and re.search(r"[^\W\d_]", shared.group("num")):
        date, issuer, pos = _details(text, shared.end())
        found.append(
            Citation(
                kind,
                _clean_number(shared.group("num")),
                None,
                date,
                issuer,
                shared.start("num"),
                shared.end(),
            )
        )
        shared = _SHARED_TYPE.match(text, pos)
    return found


def _share_details(citations: list[Citation], text: str) -> None:
    """ "A và B ngày D của X": A takes B's date and issuer when it has none of its own.

    In a list joined by commas only the issuer is shared: "A, B ngày D" dates B alone."""
    for left, right in zip(reversed(citations[:-1]), reversed(citations[1:]), strict=True):
        gap = text[left.end : right.start]
        if re.fullmatch(r"\s*(?:,|và|,\s*và)?\s*", gap):
            if "và" in gap and _year_fits(left.number, right.date):
                left.date = left.date or right.date
            left.issuer = left.issuer or right.issuer


def _year_fits(number: str | None, date: str | None) -> bool:
    """A number with its year in it ("04/2015/NĐ-CP") only takes a date of that year."""
    year = _NUMBER_YEAR.search(number or "")
    return not (year and date) or date.startswith(year.group(1))


def _laws_by_name(text: str) -> list[Citation]:
    found = []
    match = _LAW_NAME.search(text)
    while match:
        name, start = match.group("name"), match.start()
        stop = _LAW_STOP.search(name)
        name = name[: stop.start()] if stop else name
        # Search again right after this name: the next law may follow "và".
        numbered = bool(stop) and stop.group(0).strip() == "số"
        match = _LAW_NAME.search(text, match.start() + len(name) + 1)
        if numbered:
            continue  # a numbered law, found by _numbered
        name = collapse(name).strip(" -–")
        words = name.split()
        if len(words) < 2 or len(words) > _MAX_LAW_WORDS:
            continue
        kind = "Bộ luật" if name.lower().startswith("bộ luật") else "Luật"
        found.append(Citation(kind, None, name, None, None, start, start + len(name)))
    return found


def citation_key(number: str | None, name: str | None) -> str:
    """What two mentions of one document have in common: the number, or a law's name."""
    return (number or "").upper().replace("–", "-") or "@" + _YEAR_SUFFIX.sub("", (name or "").casefold())


def _merge(citations: list[Citation]) -> list[Citation]:
    """One entry per document, with the date and issuer from any mention."""
    by_key: dict[str, Citation] = {}
    for citation in citations:
        key = citation_key(citation.number, citation.name)
        if key in by_key:
            kept = by_key[key]
            kept.date = kept.date or citation.date
            kept.issuer = kept.issuer or citation.issuer
        else:
            by_key[key] = citation
    return list(by_key.values())


def extract_citations(text: str, own_number: str | None = None, own_symbol: str | None = None) -> list[dict]:
    """Citations in order of first mention; the document's own number is left out."""
    text = "\n".join(collapse(paragraph) for paragraph in text.split("\n"))
    numbered = _numbered(text)
    _share_details(numbered, text)
    laws = _laws_by_name(text)
    citations = sorted(numbered + laws, key=lambda c: c.start)
    own = (
        {f"{own_number}/{own_symbol}".upper(), f"{own_number}-{own_symbol}".upper()} if own_number else set()
    )
    return [c.as_dict() for c in _merge(citations) if (c.number or "").upper() not in own]
