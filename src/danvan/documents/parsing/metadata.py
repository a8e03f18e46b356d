"""Metadata of a document: kind, title, issuer, province, number, symbol, place, date, period."""

from __future__ import annotations

import re

from .agencies import canonical, expand, learn_abbreviations, sentence_case
from .dates import make_date
from .lines import LOWER, UPPER, collapse, is_upper_line
from .provinces import province_named
from .segment import Segments

# National and Party mottos, which share the header table with the issuer.
# Either may wrap, leaving "VIỆT NAM" alone on the next line.
_MOTTOS = re.compile(
    r"CỘNG\s*H(?:ÒA|OÀ|OA)\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA(?P<vn1>\s*VIỆT\s*NAM)?"
    r"|Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc"
    r"|ĐẢNG\s*CỘNG\s*SẢN(?P<vn2>\s*VIỆT\s*NAM)?",
    re.I,
)
# The words of each motto, to recognise a piece of one wrapped onto a line of its own.
_MOTTO_WORDS = (
    ("CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"),
    ("ĐỘC", "LẬP", "TỰ", "DO", "HẠNH", "PHÚC"),
    ("ĐẢNG", "CỘNG", "SẢN", "VIỆT", "NAM"),
)
_COUNTRY = ("VIỆT", "NAM")
# How many lines after an unfinished piece of a motto its end may stand (the other column between).
_MOTTO_REACH = 3
_MOTTO_WORD_SPLIT = re.compile(r"[\s\-–—]+")
_HOA = re.compile(r"\bHO(?:À|A)\b")
_MOTTO_START = re.compile(r"(?<=\s)(?:CỘNG\s+H(?:ÒA|OÀ|OA)|ĐỘC\s+LẬP|ĐẢNG\s+CỘNG)\b", re.I)
# A place-date line cut before its end ("Tây Ninh, ngày 05 tháng", "Tây Ninh,") and the rest of it.
_DATE_CUT = re.compile(r",\s*(?:ngày(?:\s*\d{1,2})?(?:\s*tháng(?:\s*\d{1,2})?)?(?:\s*năm)?)?$", re.I)
_DATE_REST = re.compile(r"^(?:ngày|tháng|năm|\d{1,4}\b)", re.I)
# A number line cut in a narrow column ("Số:", "Số: 12/", "Số: 12/KH-") and the rest of it.
_NUMBER_CUT = re.compile(
    r"(?:^|\s)Số\s*[:.]?(?:\s*\d+[a-zA-Z]?)?(?:\s*[/-](?:\s*[A-ZĐ][\w&.]*\s*[/-])*)?\s*$"
)
_NUMBER_REST = re.compile(r"^(?:\d+[a-zA-Z]?\s*[/-]|[A-ZĐ][\w&.]*(?:[/-][\w&.]+)*$)")
# How many lines down the rest of a cut line may stand (a line of the other column between).
_CUT_REACH = 4
# The number line: "Số: 12/KH-SNV", "Số 14-KH/BCĐ", "Số: /KH-SNV" (number left blank).
_NUMBER_LINE = re.compile(
    r"(?:^|\s)Số\s*[:.]?\s*(?P<num>\d+[a-zA-Z]?)?\s*(?P<sep>[/-])\s*"
    r"(?P<sym>[A-ZĐ][\w&.]*(?:(?:\s[/\-–]\s?(?=[A-ZĐ][a-z]?[A-ZĐ\d][\w&]*)|\s[/\-–](?=[A-ZĐ\d])|[/\-–]\s?(?=[A-ZĐ\d])|[/\-–])"
    r"[\w&.]*[\wĐ])*)"
)
# The place-date line: "Tây Ninh, ngày 05 tháng 3 năm 2024"; any part may be blank.
_PLACE_DATE = re.compile(
    r"(?P<place>[^,;:|]{0,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*(?:tháng|/|\.)\s*(?P<m>\d{1,2})?"
    r"\s*(?:năm|/|\.)\s*(?P<y>\d{4})?",
    re.I,
)
# A date line with no place: "ngày 05 tháng 3 năm 2024".
_DATE_ONLY = re.compile(
    r"^\s*(?P<place>)[Nn]gày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})?\s*$"
)
# The first word(s) of an agency name in a header: "UBND TỈNH ...", "SỞ NỘI VỤ", "BAN DÂN VẬN".
_AGENCY_WORDS = (
    r"UBND|ỦY BAN|UỶ BAN|SỞ|BAN|PHÒNG|VĂN PHÒNG|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY"
    r"|HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|THỊ ỦY|CHI BỘ|BỘ|CỤC|CHI CỤC|TỔNG CỤC|TRUNG TÂM|HỘI ĐỒNG|HĐND|BCĐ"
    r"|MẶT TRẬN|ỦY BAN MẶT TRẬN|ĐOÀN|CÔNG ĐOÀN|HỘI|TRƯỜNG|BỆNH VIỆN|THANH TRA|CÔNG AN|BỘ CHỈ HUY"
    r"|KHO BẠC|CHI NHÁNH|BAN CHỈ ĐẠO|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|VIỆN|TRƯỜNG"
)
_AGENCY_LINE = re.compile(rf"^(?:{_AGENCY_WORDS})(?![\w])")
# A second agency run together with its parent on one line: "UBND TỈNH TÂY NINH SỞ NỘI VỤ".
_SUB_AGENCY = re.compile(r"(?<!ỦY)(?<!UỶ)(?<!ỦY BAN)\s(?=(?:SỞ|BAN|PHÒNG|VĂN PHÒNG|CHI CỤC|TRUNG TÂM|CỤC)\s)")
# The parent line of a state or Party header: "UBND TỈNH TÂY NINH", "TỈNH ỦY TÂY NINH".
_PROVINCE_IN_HEADER = re.compile(
    r"(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG BỘ|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+(?:TỈNH|THÀNH PHỐ)\s+(?P<p>.+)$"
    r"|^(?:TỈNH ỦY|TỈNH UỶ)\s+(?P<q>.+)$"
)
# "tỉnh Tây Ninh" in running text: capitalised words after "tỉnh".
_PROVINCE_IN_TEXT = re.compile(
    rf"\b[tT]ỉnh\s+(?!(?:Đoàn|Ủy|Uỷ|Hội|Đội|Ban|Đảng)\b)(?P<p>{UPPER}{LOWER}+(?:(?:\s*-\s*|\s+){UPPER}{LOWER}+)*)"
)
# The issuer as the body names it: "Sở Nội vụ xây dựng Kế hoạch ...".
_ISSUER_IN_BODY = re.compile(
    rf"(?:^|[;,.:]\s*)(?P<agency>{UPPER}[^;,.:]{{2,120}}?)\s+"
    r"(?:(?:xây dựng|ban hành|triển khai)\s+(?:[Kk]ế hoạch|[Cc]hương trình)"
    r"|báo cáo(?:\s+(?:kết quả|tình hình|như sau)|\s*:))"
)
# Agency names the body might use for the issuer.
_BODY_AGENCY = re.compile(rf"^(?:{_AGENCY_WORDS})\b", re.I)
# Period words in a title.
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_ANY_YEAR = re.compile(r"(?<![\d/-])(?P<y>(?:19|20)\d{2})(?![\d/-])")
_QUARTER = re.compile(r"\bquý\s+(?P<q>I{1,3}|IV|[1-4])\b", re.I)
_HALF = re.compile(r"(?:\b0?6|\bsáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm\b", re.I)
# A year written after a quarter: "quý I/2024".
_QUARTER_YEAR = re.compile(r"\bquý\s+(?:I{1,3}|IV|[1-4])\s*[/-]\s*(?P<y>(?:19|20)\d{2})\b", re.I)
# Agency names stand in the last lines before the type line; site menus come earlier.
_AGENCY_WINDOW = 12
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_KINDS = {"KẾ HOẠCH": "ke_hoach", "BÁO CÁO": "bao_cao"}
_SYMBOL_KINDS = (("KH", "ke_hoach"), ("BC", "bao_cao"))


def head_lines(seg: Segments) -> list[str]:
    """Header lines with the mottos cut out, and a place-date line cut in two joined again."""
    out: list[str] = []
    pieces = _MottoPieces()
    for line in seg.head:
        line = pieces.cut(line)
        for match in _MOTTOS.finditer(line):
            # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" with "VIỆT NAM" on a later line
            if not (match.group("vn1") or match.group("vn2")):
                if match.group(0).upper().startswith("CỘNG"):
                    pieces.stopped(0, 6)
                elif match.group(0).upper().startswith("ĐẢNG"):
                    pieces.stopped(2, 3)
        line = collapse(_MOTTOS.sub(" ", line))
        line = line.strip(" *") if _NUMBER_CUT.search(line) else line.strip(" -–*")  # keeps "Số: 12/KH-"
        if line:
            out.extend(_join_date_rest(out, line))
    return out


def _join_date_rest(out: list[str], line: str) -> list[str]:
    """Joins the rest of a place-date or number line cut in two to its start among the last lines
    kept. A date's rest may follow the number on its line, as a table row copied with tabs puts it
    ("Tây Ninh, ngày 05 tháng" ... "Số: 12/KH-SNV 3 năm 2024"). The lines left to keep."""
    for i in range(len(out) - 1, max(-1, len(out) - 1 - _CUT_REACH), -1):
        if _NUMBER_CUT.search(out[i]) and _NUMBER_REST.match(line):
            glue = "" if out[i].endswith(("/", "-")) else " "
            out[i] = f"{out[i]}{glue}{line}"  # "Số: 12/KH-" + "SNV"
            return []
    number = _NUMBER_LINE.match(line)
    rest = line[number.end() :].strip() if number else line
    for i in range(len(out) - 1, max(-1, len(out) - 1 - _CUT_REACH), -1):
        if _DATE_CUT.search(out[i]) and not is_upper_line(out[i]) and rest and _DATE_REST.match(rest):
            out[i] = f"{out[i]} {rest}"
            return [line[: number.end()].strip()] if number else []
    return [line]


def _motto_words(text: str) -> list[str]:
    return _MOTTO_WORD_SPLIT.split(_HOA.sub("HÒA", text.upper()).strip(" -–—"))


def _run_at(words: list[str] | tuple[str, ...], motto: tuple[str, ...]) -> int | None:
    """Where `words` stand in `motto` as a run of its words, or None."""
    n = len(words)
    return next((i for i in range(len(motto) - n + 1) if motto[i : i + n] == tuple(words)), None)


class _MottoPieces:
    """A motto wrapped over the header's lines, whose pieces come between the agency's lines when a
    web page gives the table's rows one cell after the other: each piece is cut out, and where a
    motto stopped tells what its next piece must be ("CỘNG HÒA XÃ" + "HỘI CHỦ NGHĨA" + "VIỆT NAM";
    "UBND TỈNH HÀ" + "NAM" in between is the province, not the motto's end)."""

    def __init__(self) -> None:
        self.next: dict[int, int] = {}  # motto -> index of its word still to come
        self.idle = 0  # lines since the last piece

    def stopped(self, motto: int, at: int) -> None:
        self.next[motto] = at
        self.idle = 0

    def _took(self, motto: int, end: int) -> None:
        if end < len(_MOTTO_WORDS[motto]):
            self.stopped(motto, end)
        else:
            self.next.pop(motto, None)
            self.idle = 0

    def _continues(self, words: list[str]) -> int | None:
        for motto, at in self.next.items():
            if _MOTTO_WORDS[motto][at : at + len(words)] == tuple(words):
                return motto
        return None

    def cut(self, line: str) -> str:
        words = _motto_words(line)
        if words and words[0]:
            motto = self._continues(words)
            if motto is not None:
                self._took(motto, self.next[motto] + len(words))
                return ""
            if _run_at(words, _COUNTRY) is None:  # "VIỆT NAM" alone: agencies bear the name too
                for motto, motto_words in enumerate(_MOTTO_WORDS):
                    at = _run_at(words, motto_words)
                    # Two words from the middle ("XÃ HỘI") may end an agency's name
                    # ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ" + "XÃ HỘI"): only a motto's first or last two.
                    edge = at is not None and (at == 0 or at + len(words) == len(motto_words))
                    if at is not None and (len(words) >= 3 or (len(words) == 2 and edge)):
                        self._took(motto, at + len(words))
                        return ""
            raw = line.split()
            for k in range(1, len(raw) - 1):  # two words at least: "TỈNH HÀ NAM" keeps its "NAM"
                tail = _motto_words(" ".join(raw[k:]))
                motto = self._continues(tail)
                if motto is not None:  # "SỞ NỘI VỤ CHỦ NGHĨA VIỆT NAM": the next row run together
                    self._took(motto, self.next[motto] + len(tail))
                    return " ".join(raw[:k])
            for start in _MOTTO_START.finditer(line):
                rest = _motto_words(line[start.start() :])
                for motto, motto_words in enumerate(_MOTTO_WORDS):
                    if len(rest) < len(motto_words) and motto_words[: len(rest)] == tuple(rest):
                        self.stopped(motto, len(rest))  # "SỞ NỘI VỤ CỘNG HÒA XÃ HỘI"
                        return line[: start.start()].rstrip()
        self.idle += 1
        if self.idle > _MOTTO_REACH:
            self.next.clear()
        return line


def number_and_symbol(lines: list[str]) -> tuple[str | None, str | None]:
    """From the last number line: the one closest to the type line, below any site menu."""
    for line in reversed(lines):
        match = _NUMBER_LINE.search(line)
        if match:
            return match.group("num"), re.sub(r"\s+", "", match.group("sym")).rstrip(".")
    return None, None


def place_and_date(lines: list[str]) -> tuple[str | None, str | None]:
    """From the last place-date line, as for the number."""
    for line in reversed(lines):
        line = _NUMBER_LINE.sub(" ", line)
        match = _PLACE_DATE.search(line) or _DATE_ONLY.match(line)
        if match:
            place = _place(match.group("place") or "")
            return place, make_date(match.group("d"), match.group("m"), match.group("y"))
    return None, None


def _place(text: str) -> str | None:
    words = text.split()
    kept: list[str] = []
    for word in reversed(words):
        if word[0].isupper() or word in ("phố", "xã", "trấn"):
            kept.insert(0, word)
        else:
            break
    while len(kept) > 1 and kept[0].isupper() and kept[0].isalpha() and not kept[-1].isupper():
        kept.pop(0)  # the tail of an agency line run together with the place
    return " ".join(kept) or None


def kind_of(seg: Segments, symbol: str | None) -> str:
    if seg.type_word in _KINDS:
        return _KINDS[seg.type_word]
    if seg.type_word is None and symbol:
        for prefix, kind in _SYMBOL_KINDS:
            if symbol.upper().startswith(prefix):
                return kind
    return "other"


def title_of(seg: Segments) -> str | None:
    title = collapse(" ".join(seg.title_lines)).rstrip(" .")
    return title or None


def agency_lines(lines: list[str]) -> list[str]:
    """Agency names in the header; a capitalised line that continues the one above is joined to it."""
    out: list[str] = []
    continuing = False
    for line in lines:
        if _NUMBER_LINE.search(line) or _PLACE_DATE.search(line):
            line = _leading_capitals(_NUMBER_LINE.sub(" ", line))  # "SỞ NỘI VỤ Số: 12/KH-SNV"
            if not line:
                continue  # the other column's line between two lines of one name

        if not is_upper_line(line):
            continuing = False
            continue
        # "TRƯỜNG" alone, or after "SỞ TÀI NGUYÊN VÀ MÔI", ends the name above: it is no new agency.
        unfinished = out and (len(line.split()) == 1 or out[-1].endswith((" VÀ", ",", "-", "–")))
        if _AGENCY_LINE.match(line) and not (continuing and unfinished):
            out.extend(part.strip() for part in _SUB_AGENCY.split(line) if part.strip())
            continuing = True
        elif continuing and out and len(line) <= 60:
            out[-1] = out[-1] + " " + line
    return out


def _leading_capitals(line: str) -> str:
    """The words in capitals a line starts with: "SỞ NỘI VỤ Tây Ninh, ngày ..." -> "SỞ NỘI VỤ"."""
    words = []
    for word in line.split():
        if not is_upper_line(word) and not (word.isupper() and len(word) == 1):
            break
        words.append(word)
    return " ".join(words)


def province_of(agencies: list[str], text: str, place: str | None) -> str | None:
    """From the header's "TỈNH X", else a "tỉnh X" in the text, else a place that is a province."""
    for line in agencies:
        match = _PROVINCE_IN_HEADER.search(line)
        if match:
            name = match.group("p") or match.group("q")
            return province_named(name) or sentence_case(name).title()
    match = _PROVINCE_IN_TEXT.search(text)
    if match:
        return province_named(match.group("p")) or match.group("p").strip()
    return province_named(place)


def _issuer_in_body(body_text: str) -> str | None:
    for match in _ISSUER_IN_BODY.finditer(body_text[:3000]):
        agency = re.sub(r"\s*\([^)]*\)\s*$", "", match.group("agency")).strip()
        agency = re.sub(r"^(?:Nay|Vì vậy|Do đó|Theo đó)\s+", "", agency)
        if _BODY_AGENCY.match(agency):
            return agency
    return None


def issuer_of(agencies: list[str], body_text: str) -> str | None:
    issuer = _issuer(agencies, body_text)
    return canonical(issuer) if issuer else None


def _issuer(agencies: list[str], body_text: str) -> str | None:
    known = learn_abbreviations(body_text[:5000])
    from_body = _issuer_in_body(body_text)
    if agencies:
        header = expand(sentence_case(agencies[-1]), known)
        if from_body and expand(from_body, known).casefold().startswith(header.casefold()):
            return expand(from_body, known)
        return header
    return expand(from_body, known) if from_body else None


def period_of(title: str | None, date: str | None, head_year: str | None) -> dict:
    text = title or ""
    year_match = _YEAR.search(text) or _QUARTER_YEAR.search(text) or _ANY_YEAR.search(text)
    year = int(year_match.group("y")) if year_match else None
    if year is None and "giai đoạn" not in text.lower():
        fallback = date[:4] if date else head_year
        year = int(fallback) if fallback else None
    quarter_match = _QUARTER.search(text)
    quarter = None
    if quarter_match:
        q = quarter_match.group("q").upper()
        quarter = _ROMAN.get(q) or int(q)
    half_match = _HALF.search(text)
    half = None if not half_match else (1 if half_match.group("h").lower() == "đầu" else 2)
    return {"year": year, "quarter": quarter, "half": half}


def head_year(lines: list[str]) -> str | None:
    for line in lines:
        match = _PLACE_DATE.search(line)
        if match and match.group("y"):
            return match.group("y")
    return None


def extract_metadata(seg: Segments, body_text: str) -> dict:
    lines = head_lines(seg)
    number, symbol = number_and_symbol(lines)
    place, date = place_and_date(lines)
    agencies = agency_lines(lines[-_AGENCY_WINDOW:])
    title = title_of(seg)
    return {
        "kind": kind_of(seg, symbol),
        "title": title,
        "issuer": issuer_of(agencies, body_text),
        "province": province_of(agencies, f"{title or ''}\n{body_text}", place),
        "number": number,
        "symbol": symbol,
        "place": place,
        "date": date,
        "period": period_of(title, date, head_year(lines)),
    }
