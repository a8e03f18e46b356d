"""Split a document's lines into head block, type line, title, body and closing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import LOWER, UPPER, is_upper_line, starts_paragraph

# The document-type line: "KẾ HOẠCH", "BÁO CÁO" ... in capitals, maybe followed by the title.
_TYPE_LINE = re.compile(
    r"^(?P<type>KẾ HOẠCH|BÁO CÁO|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|TỜ TRÌNH|ĐỀ ÁN"
    r"|QUY CHẾ|QUY ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|CÔNG VĂN|THÔNG TRI)"
    r"(?![A-ZĐÀ-Ỹa-zà-ỹ])\s*[:.\-–]?\s*(?P<rest>.*)$"
)
# A type line typed in sentence case, alone on its line.
_TITLE_CASE_TYPES = {"Kế hoạch", "Báo cáo", "Kế Hoạch", "Báo Cáo"}
# Letters spaced out for emphasis: "K Ế H O Ạ C H".
_SPACED_LETTERS = re.compile(r"^(?:\w ){3,}\w$")
# Lines that open the body of a document rather than continue its title.
_BODY_OPENER = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Nhằm|Để|Theo|Qua|Trên cơ sở|Ngày|Kính gửi)\b")
_ROMAN_HEADING = re.compile(r"^[IVX]+\.\s")
# A title line that only names the issuer: "của Sở Nội vụ".
# Only an agency's name, with no clause after it ("của Bộ Chính trị về ..." goes on the title).
_ISSUER_TAIL = re.compile(
    r"^(?:của|Của)\s+(?:Sở|Ban|Ủy\s+ban|Uỷ\s+ban|UBND|Đảng\s+ủy|Đảng\s+uỷ|Đảng\s+bộ|Chi\s+bộ|Phòng|Văn\s+phòng"
    r"|Trung\s+tâm|Chi\s+cục|Cục|Hội|Đoàn|Công\s+đoàn|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|BCĐ|Thanh\s+tra|Trường)\b"
    r"(?!.*\s(?:về|trong|đối\s+với|năm\s+\d{4})\b).{0,80}$"
)
# The recipients block heading.
NOI_NHAN = re.compile(r"^Nơi\s*nhận\s*:?", re.I)
# A signature authority line: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ".
AUTHORITY = re.compile(r"^(?P<prefix>KT|TM|TL|TUQ|Q|T/M|K/T|T/L)\s*[.:]?\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
# The end of the body text: "./." or "/." after the last sentence.
_BODY_END = re.compile(r"\.?/\.\s*$")
# The heading of an appendix after the signature: "PHỤ LỤC", "Phụ lục I", "BIỂU MẪU".
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục\s+(?:[IVX\d]+|số)|BIỂU\s+MẪU|DANH\s+MỤC)\b")
# A signing official's name on its own line: "Trần Công Hòa".
_PERSON_NAME = re.compile(rf"^{UPPER}{LOWER}*(?:\s+{UPPER}{LOWER}*){{1,5}}$")
_MAX_SIGNATURE_LINES = 6
# A signing title on its own line.
_SIGNING_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:GIÁM\s+ĐỐC|CHỦ\s+TỊCH|TRƯỞNG\s+\w+|BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG)$"
)
# How far down a document its type line may stand (site menus can come first).
_TYPE_LINE_WINDOW = 150
# Signs of a document header above the type line: "Số: ...", "..., ngày ...", the motto.
_HEADER_MARK = re.compile(r"\bSố\s*[:.]?\s*\d*\s*[/-]|,\s*ngày\b|Độc\s*lập|CỘNG\s*H|ĐẢNG\s*CỘNG")
_HEADER_REACH = 12
# What a web page puts after a document it publishes: links to other documents, downloads, notices.
_SITE_AFTER = re.compile(
    r"^(?:Văn\s+bản\s+(?:liên\s+quan|cùng\s+(?:lĩnh\s+vực|loại|cơ\s+quan)|mới|khác)|Tin\s+(?:liên\s+quan|khác)"
    r"|Bài\s+viết\s+liên\s+quan|Các\s+tin\s+khác|Tải\s+(?:về|văn\s+bản|tệp)|Tệp\s+đính\s+kèm|Chia\s+sẻ|Bản\s+quyền"
    r"|Lượt\s+xem|Liên\s+kết\s+website|Copyright|©)(?:\s*[:.]?\s*$|\s)",
    re.I,
)
# A document's header is at most this many lines; its first line names an agency or the motto.
_HEADER_WINDOW = 16
_LETTERHEAD = re.compile(
    r"^(?:UBND|ỦY\s+BAN|UỶ\s+BAN|SỞ|BAN|PHÒNG|ĐẢNG|TỈNH\s+Ủ?Y|HUYỆN|THÀNH|CHI\s+CỤC|CỤC|TRUNG\s+TÂM|HỘI|BỘ"
    r"|CỘNG\s+H|VĂN\s+PHÒNG|THANH\s+TRA|TRƯỜNG)\b"
)
# A title line longer than _SHORT_TITLE characters (and at most _LONG_TITLE) holds no sentence's end
# nor the body's "như sau", "xây dựng kế hoạch".
_SHORT_TITLE = 200
_LONG_TITLE = 800
_SENTENCE_INSIDE = re.compile(r"[.;:!?]\s+\S|\bnhư\s+sau\b|\bxây\s+dựng\s+[Kk]ế\s+hoạch\b")
# Title lines under this length may start with a capital and still continue the title.
_SHORT_TITLE_LINE = 70
# A title line ending with its year ("... năm 2024", "giai đoạn 2021-2025") is complete.
_ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d{2}\s*\)?$")


@dataclass
class Segments:
    head: list[str] = field(default_factory=list)
    type_word: str | None = None
    title_lines: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    appendix: list[str] = field(default_factory=list)


def _unspace(line: str) -> str:
    return line.replace(" ", "") if _SPACED_LETTERS.match(line) else line


def find_type_line(lines: list[str]) -> tuple[int, re.Match[str]] | None:
    """The type line; one with a number or date line above it wins over, say, a site menu entry."""
    candidates = []
    for i, line in enumerate(lines[:_TYPE_LINE_WINDOW]):
        line = _unspace(line)
        match = _TYPE_LINE.match(line.upper() if line in _TITLE_CASE_TYPES else line)
        if match and (not match.group("rest") or _could_be_title(match.group("rest"))):
            candidates.append((i, match))
    for i, match in candidates:
        if any(_HEADER_MARK.search(line) for line in lines[max(0, i - _HEADER_REACH) : i]):
            return i, match
    if not candidates:
        return None
    # No header above any: one in capitals, as documents write it, before a site's "Kế hoạch" cell,
    # unless the body has begun in between (a heading "QUY ĐỊNH CHUNG" under a plan's "Kế hoạch").
    first = candidates[0][0]
    for i, match in candidates:
        if any(_BODY_OPENER.match(line) or _ROMAN_HEADING.match(line) for line in lines[first:i]):
            break
        if is_upper_line(_unspace(lines[i])[:20]):
            return i, match
    return candidates[0]


def _title_continues(title: list[str], line: str) -> bool:
    prev = title[-1]
    if _ISSUER_TAIL.match(line) or _BODY_OPENER.match(line) or starts_paragraph(line):
        return False
    if line.endswith((":", ";")):
        return False
    if line[0].islower() or line[0].isdigit() or prev.endswith((",", "-", "–", " và")):
        return True
    if is_upper_line(prev) and is_upper_line(line):
        return len(line) < 120
    # A short line under a short title that has not yet reached its year: "Quý III năm 2024".
    finished = prev.endswith(".") or _ENDS_WITH_YEAR.search(prev)
    return len(title) < 3 and len(line) < _SHORT_TITLE_LINE and not finished and len(line.split()) >= 2


def _could_be_title(line: str) -> bool:
    """The first line under the type line is the title unless it plainly opens the body.

    A title runs to several hundred characters on one line where a web page printed it so; a
    paragraph of the body that long holds a sentence's end or a clause opening the plan."""
    if starts_paragraph(line) and not line.startswith(("Thực hiện", "Triển khai")):
        return False
    if line.endswith((";", ":")) or line.startswith("Căn cứ"):
        return False
    if len(line) < _SHORT_TITLE:
        return True
    return len(line) < _LONG_TITLE and not line.endswith(".") and not _SENTENCE_INSIDE.search(line)


def _title(lines: list[str], start: int, rest: str) -> tuple[list[str], int]:
    """The title lines from `start`, and the index where the body begins."""
    title = [rest] if rest else []
    i = start
    if not title and i < len(lines) and _could_be_title(lines[i]):
        title.append(lines[i])
        i += 1
    while title and i < len(lines) and _title_continues(title, lines[i]):
        title.append(lines[i])
        i += 1
    while i < len(lines) and _ISSUER_TAIL.match(lines[i]) and len(lines[i]) < 120:
        i += 1  # "của Sở ..." under the title is the issuer, not part of the title
    return title, i


def document_header(head: list[str]) -> list[str]:
    """The document's own header at the end of the lines above its type line, without the site's
    menus, lists and tables that a copy from a web page has before it: from the first letterhead,
    motto, number or date line among the last lines."""
    window = max(0, len(head) - _HEADER_WINDOW)
    for i in range(window, len(head)):
        if _LETTERHEAD.match(head[i]) or _HEADER_MARK.search(head[i]):
            return head[i:]
    return []


def closing_start(lines: list[str], start: int) -> int:
    """Index of the first line of the recipients/signature block (len(lines) when none)."""
    half = start + (len(lines) - start) // 2
    for i in range(start, len(lines)):
        line = lines[i]
        if NOI_NHAN.match(line):
            return _signature_above(lines, i, start)
        if i >= half and AUTHORITY.match(line) and is_upper_line(line):
            return i
        if _BODY_END.search(line):
            return i + 1
    return _signature_at_end(lines, start)


def _signature_at_end(lines: list[str], start: int) -> int:
    """A signature closing a document with neither "Nơi nhận" nor "./.": "GIÁM ĐỐC" + name."""
    for i in range(len(lines) - 1, max(start, len(lines) - _MAX_SIGNATURE_LINES) - 1, -1):
        if _SIGNING_TITLE.match(lines[i]):
            return i
    return len(lines)


def _signature_above(lines: list[str], index: int, start: int) -> int:
    """Where a signature block standing just above "Nơi nhận" begins (index when there is none)."""
    first = index
    for i in range(index - 1, max(start, index - _MAX_SIGNATURE_LINES) - 1, -1):
        line = lines[i]
        if is_upper_line(line) and len(line.split()) <= 10 and not starts_paragraph(line):
            first = i
        elif _PERSON_NAME.match(line) and i == index - 1:
            continue
        else:
            break
    return first


def _body_start(lines: list[str]) -> int:
    for i, line in enumerate(lines[:_TYPE_LINE_WINDOW]):
        if _BODY_OPENER.match(line) or _ROMAN_HEADING.match(line):
            return i
    return 0


def segment(lines: list[str]) -> Segments:
    found = find_type_line(lines)
    if found is None:
        start = _body_start(lines)
        seg = Segments(head=lines[:start])
    else:
        index, match = found
        title, start = _title(lines, index + 1, match.group("rest").strip())
        seg = Segments(head=lines[:index], type_word=match.group("type"), title_lines=title)
    end = closing_start(lines, start)
    seg.body = lines[start:end]
    # A copy from a web page goes on after the document with the site's links and notices.
    lines = lines[: next((i for i in range(end, len(lines)) if _SITE_AFTER.match(lines[i])), len(lines))]
    appendix = next((i for i in range(end, len(lines)) if _APPENDIX.match(lines[i])), len(lines))
    seg.closing = lines[end:appendix]
    seg.appendix = lines[appendix:]
    return seg
