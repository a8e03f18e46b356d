"""Line clean-up and paragraph joining.

`clean_lines` turns raw extracted text into stripped, non-empty lines: table
cells drawn with "|" become lines of their own, page numbers and running
headers disappear. `join_lines` glues the lines of one paragraph back together,
the way a PDF or a hard-wrapped text file cut them.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter

from .diacritics import repair_text

# Regex character classes of Vietnamese capital and small letters (the code-point
# range À-ỹ mixes both cases, so the classes are built from str.isupper/islower).
_LATIN = [chr(c) for c in (*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1EA0, 0x1EFA))]
UPPER = "[" + "".join(ch for ch in _LATIN if ch.isupper() and ch.isalpha()) + "]"
LOWER = "[" + "".join(ch for ch in _LATIN if ch.islower() and ch.isalpha()) + "]"

# Markdown emphasis around words ("**KT. GIÁM ĐỐC**", "__Nơi nhận__").
_EMPHASIS = re.compile(r"\*\*|__")
# Markdown italics: "*Tây Ninh, ngày 05 tháng 3 năm 2024*", "_Căn cứ ..._".
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
# Markdown escapes from web pages ("1\. Mục đích", "\- Sở Nội vụ") and heading marks ("## KẾ HOẠCH").
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# A line break tag inside a table cell of a web page.
_BREAK_TAG = re.compile(r"<br\s*/?>|</?p>", re.I)
# A markdown table separator row: "|---|:---:|".
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# A page number alone on a line: "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5".
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$", re.I
)
# Decorative rules under headers: "-----", "_____", "***", "*".
_RULE = re.compile(r"^[-_=*~.·•\s]{1,}$")
# A draft's mark on a line of its own: "DỰ THẢO", "(Dự thảo)", "DỰ THẢO 2", "Dự thảo lần 3".
_DRAFT_MARK = re.compile(r"^[(\[]?\s*DỰ\s*THẢO(?:\s+(?:LẦN\s+)?\d{1,2})?\s*[)\]]?$", re.I)
# A draft's mark sharing a line in capitals ("UBND TỈNH X DỰ THẢO", "DỰ THẢO KẾ HOẠCH"), or in
# brackets after one ("KẾ HOẠCH (Dự thảo)").
_DRAFT_BEFORE = re.compile(r"^[(\[]?DỰ\s*THẢO(?:\s+(?:LẦN\s+)?\d{1,2})?[)\]]?\s+(?=\S)")
_DRAFT_AFTER = re.compile(
    r"\s+(?:DỰ\s*THẢO(?:\s+(?:LẦN\s+)?\d{1,2})?|[(\[]\s*(?i:dự\s*thảo)(?:\s+(?i:lần\s+)?\d{1,2})?\s*[)\]])$"
)
# Cells of a header table's row: a piece of the motto, the number line, a piece of the place-date line.
_HEADER_CELL = re.compile(
    r"CỘNG\s*H(?:ÒA|OÀ|OA)|XÃ\s*HỘI|CHỦ\s*NGHĨA|Độc\s*lập|Tự\s*do|Hạnh\s*phúc|ĐẢNG\s*CỘNG|CỘNG\s*SẢN|VIỆT\s*NAM"
    r"|^\s*NAM\s*$|^\s*Số\s*[:.]?\s*\d*\s*[/-]|,\s*ngày\b"
    r"|^\s*(?:ngày|tháng|năm)(?:\s+\d|\s*$)|^\s*[^\W\d_][^\W\d_ .-]*(?:[ .-]+[^\W\d_]+){0,5}\s*,\s*$|^\s*\d{1,2}\s+(?:tháng|năm)\b|^\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*$",
    re.I,
)
_LIST_MARKER_CELL = re.compile(r"^\s*(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ][.)]|[IVX]{1,5}[./]?)\s*$")
# Runs of spaces and tabs.
_SPACES = re.compile(r"[ \t\f\v]+")

# The start of a new paragraph: a list marker, a numbered or lettered item, a
# Roman-numeral heading, a footnote "(1)", or a closing keyword.
_PARAGRAPH_START = re.compile(
    r"""^(?:
        [-–—+•*▪◦●]\s*\S                       # bullet
      | \d{1,2}(?:\.\d{1,2})*[.)]\s+\S          # 1. / 1.2. / 2)
      | \d{1,2}\s*[-–]\s+(?=[A-ZĐÂĂÊÔƠƯ])      # 1- (Party documents)
      | [a-zđ][.)]\s+\S                          # a) / b.
      | [IVX]{1,5}\s*(?:[./]|[-–:]\s*(?=[A-ZĐÂĂÊÔƠƯ]))\s*\S   # II. / IV- (Party documents)
      | \(\d{1,2}\)\s*\S                         # footnote (1)
      | (?:Nơi\s+nhận|KT|TM|TL|TUQ|Q|T/M|K/T|T/L)[.:]\s*
      | (?:Căn\s+cứ|Thực\s+hiện|Trên\s+đây|Phần\s+[IVX\d]+)\b
    )""",
    re.X,
)
# A line that ends a sentence: final . ; : ! ? (maybe followed by a quote or bracket).
_SENTENCE_END = re.compile(r"[.;:!?…](?:[\"”’)\]]*)$")
# A dash followed by a small letter: the second half of "kinh tế - xã hội" cut at the dash.
_DASH_LOWER = re.compile(rf"^[-–]\s+{LOWER}")
# A task's label line with its value on the next line: "- Đơn vị thực hiện:", "Thời gian:".
_LABEL_ALONE = re.compile(
    r"^[-+•]?\s*(?:Đơn\s+vị|Cơ\s+quan|Thời\s+gian|Thời\s+hạn|Chủ\s+trì|Phối\s+hợp)[^:]{0,25}:$"
)
# A line that ends in the middle of a symbol: "01/QĐ-", "2015/", "COVID-".
_SPLIT_SYMBOL = re.compile(r"[\w)][/-]$")


@functools.lru_cache(maxsize=8192)
def is_upper_line(line: str) -> bool:
    """True for a heading-like line written in capitals (at least two letters)."""
    upper = sum(map(str.isupper, line))
    if upper < 2:
        return False
    lower = sum(map(str.islower, line))
    return upper >= 0.85 * (upper + lower)


def _split_table_row(line: str) -> list[str]:
    if "|" not in line:
        return [line]
    return [cell.strip() for cell in line.split("|") if cell.strip()]


def _tab_cells(line: str) -> list[str]:
    """A header table's row copied from a web page with tabs between its cells, as cells
    ("SỞ NỘI VỤ<tab>Độc lập - Tự do - Hạnh phúc"); any other line whole ("1.<tab>Tuyên truyền")."""
    cells = [cell for cell in line.split("\t") if cell.strip()]
    if len(cells) < 2 or _LIST_MARKER_CELL.match(cells[0]):
        return [line]
    return cells if any(_HEADER_CELL.search(cell) for cell in cells) else [line]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Short lines repeated at the top or bottom of most pages (running headers, footers)."""
    if len(pages) < 3:
        return set()
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({line for line in page[:2] + page[-2:] if len(line) <= 80})
    return {line for line, n in edges.items() if n >= max(3, len(pages) // 2)}


def _plain(line: str) -> str:
    """The line without markdown decoration and with single spaces."""
    line = _MD_ESCAPE.sub(r"\1", _ITALIC.sub(r"\2", _EMPHASIS.sub("", line)))
    return _SPACES.sub(" ", _MD_HEADING.sub("", line.strip())).strip()


def _unhtml(text: str) -> str:
    """Line breaks and entities left by a web page: "<br>", "&nbsp;", "KH&amp;CN"."""
    if "<" in text:
        text = _BREAK_TAG.sub("\n", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def clean_lines(text: str) -> list[str]:
    """Repaired, stripped, non-empty lines without page furniture or a draft mark; "|" cells split into lines."""
    text = repair_text(_unhtml(text))
    pages = [page.split("\n") for page in text.replace("\r\n", "\n").replace("\r", "\n").split("\f")]
    pages = [[_plain(cell) for line in page for cell in _tab_cells(line)] for page in pages]
    pages = [[line for line in page if line] for page in pages]
    running = _running_lines(pages)
    out: list[str] = []
    for page in pages:
        for line in page:
            if line in running or _PAGE_NUMBER.match(line) or _TABLE_RULE.match(line):
                continue
            for cell in _split_table_row(line):
                cell = _without_draft_mark(cell)
                if cell and not _RULE.match(cell) and not _DRAFT_MARK.match(cell):
                    out.append(cell)
    return out


def _without_draft_mark(line: str) -> str:
    """A line in capitals without the draft mark written before or after it."""
    if "DỰ" not in line.upper():
        return line
    rest = _DRAFT_AFTER.sub("", _DRAFT_BEFORE.sub("", line))
    return rest if rest != line and is_upper_line(rest) else line


def starts_paragraph(line: str) -> bool:
    return bool(_PARAGRAPH_START.match(line))


def _typical_width(lines: list[str]) -> int:
    widths = sorted(len(line) for line in lines if len(line) > 20)
    return widths[len(widths) * 3 // 4] if widths else 80


def _continues(prev: str, line: str, width: int) -> bool:
    """Whether `line` carries on the paragraph that `prev` ended."""
    if prev.count("(") > prev.count(")"):
        return True  # inside brackets: "(khóa" + "XI) về ..."
    unfinished = len(prev) >= 0.7 * width and not _SENTENCE_END.search(prev)
    if unfinished and _DASH_LOWER.match(line):
        return True  # "phát triển kinh tế" + "- xã hội": a hyphenated phrase, not a bullet
    if starts_paragraph(line):
        return False
    if _LABEL_ALONE.match(prev):
        return True  # "- Đơn vị thực hiện:" with the unit on the next line
    if _SPLIT_SYMBOL.search(prev) and line[0].isalnum():
        return True
    if is_upper_line(line) != is_upper_line(prev):
        # A capitalised word or two ending a wrapped sentence: "... đại dịch" + "COVID-19."
        return unfinished and len(line.split()) <= 2 and not is_upper_line(prev)
    if line[0].islower():
        return True
    if prev.endswith((";", ",")) and len(prev) >= 0.9 * width and not is_upper_line(prev):
        return True  # a list run on inside one paragraph, wrapped right after its ";"
    if _SENTENCE_END.search(prev) or prev.endswith("./."):
        return False
    if is_upper_line(prev):
        return False
    # An unfinished sentence on a full-width line goes on; a short line was a heading.
    return len(prev) >= 0.7 * width


def join_lines(lines: list[str]) -> list[str]:
    """Paragraphs: the lines of each paragraph joined, symbols cut at "-" or "/" glued back."""
    width = _typical_width(lines)
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line, width):
            prev = paragraphs[-1]
            glue = "" if _SPLIT_SYMBOL.search(prev) and line[0].isalnum() else " "
            paragraphs[-1] = prev + glue + line
        else:
            paragraphs.append(line)
    return paragraphs


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces and trimmed."""
    return " ".join(text.split())
