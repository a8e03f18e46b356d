"""Tasks: the items of the content section, with their lead unit and timing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import LOWER, UPPER, collapse
from .structure import Paragraph, Section, top_style

# An item this short naming the content ("2. Nội dung thực hiện") heads the part below it.
_MAX_PART_HEADING_WORDS = 8

# Headings of the content section: "II. NỘI DUNG THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP".
_CONTENT_HEADING = re.compile(r"NỘI\s+DUNG|NHIỆM\s+VỤ|GIẢI\s+PHÁP|CÁC\s+HOẠT\s+ĐỘNG", re.I)
# Headings that are never the content section even when they say "nhiệm vụ".
# A report's account of results ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ") is not its task list either.
_NOT_CONTENT = re.compile(
    r"TỔ\s+CHỨC\s+THỰC\s+HIỆN|MỤC\s+ĐÍCH|KINH\s+PHÍ|CHẾ\s+ĐỘ\s+BÁO\s+CÁO|KẾT\s+QUẢ|TÌNH\s+HÌNH|ĐÁNH\s+GIÁ",
    re.I,
)
# The lead line: "Đơn vị thực hiện: ...", "Cơ quan chủ trì: ...", "Chủ trì: ...".
_LEAD_LINE = re.compile(
    r"(?:(?:Đơn\s+vị|Cơ\s+quan|Bộ\s+phận)(?:\s+(?:thực\s+hiện|chủ\s+trì|phụ\s+trách|chính|tham\s+mưu))+"
    r"|Chủ\s+trì(?:\s+thực\s+hiện)?|Trách\s+nhiệm(?:\s+thực\s+hiện)?|Phân\s+công(?:\s+thực\s+hiện)?)"
    r"\s*:\s*(?P<v>[^;]+)",
    re.I,
)
# Qualifiers after the unit's name: "... chủ trì phối hợp ...", "... thực hiện theo chức năng ...".
_LEAD_QUALIFIER = re.compile(
    r"\s+(?i:chủ\s+trì|thực\s+hiện|theo\s+chức\s+năng|phối\s+hợp|căn\s+cứ|tham\s+mưu|triển\s+khai)\b.*$"
    rf"|\s*(?:[;(]|(?<={LOWER})\.(?=\s|$)).*$",  # a dot after a small letter ends it; "TT." does not
)
# A unit named in the text as the one leading: "Văn phòng Sở chủ trì, phối hợp ...".
_LEAD_IN_TEXT = re.compile(
    rf"(?:^|[.;:(]\s*|Giao\s+|\bdo\s+)(?P<u>{UPPER}[^.;:,()]{{2,80}}?)\s+(?:chủ\s+trì|là\s+đơn\s+vị\s+chủ\s+trì)\b"
)
# The timing line: "Thời gian thực hiện: Thường xuyên."
_TIMING_LINE = re.compile(
    r"Thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|báo\s+cáo))?\s*:\s*(?P<v>[^;]+)", re.I
)
# The end of an item's first sentence: ". " before a capital.
_SENTENCE_END = re.compile(rf"[.!?](?=\s+{UPPER})")
# Words a leading unit starts with.
_UNIT_START = re.compile(
    r"^(?:Sở|Ban|Phòng|Văn\s+phòng|Thanh\s+tra|Trung\s+tâm|Chi\s+cục|Cục|Các|UBND|Ủy\s+ban|Uỷ\s+ban|Đảng"
    r"|Chi\s+bộ|Công\s+đoàn|Đoàn|Hội|Mặt\s+trận|Công\s+an|Bộ|Tổ|Lãnh\s+đạo|Thủ\s+trưởng|Trường)\b"
)


def content_section(all_sections: list[Section]) -> Section | None:
    """The first section headed as content that has list items."""
    for section in all_sections:
        if _is_content_heading(section.heading) and top_style(section.paragraphs) is not None:
            return section
    return _numbered_content_section(all_sections)


def _is_content_heading(text: str) -> bool:
    return bool(_CONTENT_HEADING.search(text)) and not _NOT_CONTENT.search(text)


def _numbered_content_section(all_sections: list[Section]) -> Section | None:
    """A content part numbered like an item ("2. Nội dung thực hiện"), with its items below it."""
    paragraphs = [p for section in all_sections for p in section.paragraphs]
    for i, p in enumerate(paragraphs):
        short = len(p.text.split()) <= _MAX_PART_HEADING_WORDS and not p.text.endswith(".")
        if p.style and short and _is_content_heading(p.text):
            below = []
            for q in paragraphs[i + 1 :]:
                if q.style == p.style:
                    break
                below.append(q)
            if top_style(below) is not None:
                return Section(p.text, below)
    return None


def heading_of(item: Paragraph) -> str:
    text = item.text
    end = _SENTENCE_END.search(text)
    if end:
        text = text[: end.start()]
    return collapse(text).rstrip(" .:;")


def _clean_lead(value: str) -> str | None:
    value = _LEAD_QUALIFIER.sub("", collapse(value)).strip(" ,.-")
    return value or None


def lead_of(block: list[Paragraph]) -> str | None:
    for p in block:
        match = _LEAD_LINE.search(p.text)
        if match:
            return _clean_lead(match.group("v"))
    for p in block:
        for match in _LEAD_IN_TEXT.finditer(p.text):
            # "Kiểm tra do Thanh tra Sở chủ trì": the unit follows "do" / "giao".
            unit = re.split(r"\s(?:do|giao|Giao)\s", match.group("u"))[-1]
            unit = re.sub(r"^Giao\s+", "", unit)
            if _UNIT_START.match(unit):
                return collapse(unit)
    return None


def timing_of(block: list[Paragraph]) -> str | None:
    for p in block:
        match = _TIMING_LINE.search(p.text)
        if match:
            return collapse(match.group("v")).rstrip(" .") or None
    return None


# A content item's heading standing on its own line above its first task ("Công tác tuyên truyền"):
# unnumbered, short, not a sentence nor a lead or timing line.
_MAX_ITEM_HEADING_WORDS = 20


def _is_item_heading(p: Paragraph, following: Paragraph | None, style: str) -> bool:
    return (
        p.style is None
        and following is not None
        and following.style == style
        and p.text[:1].isupper()
        and not p.text.endswith((".", ":", ";", ","))
        and len(p.text.split()) <= _MAX_ITEM_HEADING_WORDS
        and not _LEAD_LINE.search(p.text)
        and not _TIMING_LINE.search(p.text)
    )


@dataclass
class TaskBlock:
    section: str | None  # the heading of the content item it is under
    paragraphs: list[Paragraph]


def task_blocks(all_sections: list[Section]) -> list[TaskBlock]:
    """Each task's paragraphs, under the heading of its content item when the plan heads them."""
    section = content_section(all_sections)
    style = top_style(section.paragraphs) if section else None
    if section is None or style is None:
        return []
    paragraphs = section.paragraphs
    kept: list[Paragraph] = []
    headings: dict[int, str] = {}  # position in kept of the item each heading opens
    for i, p in enumerate(paragraphs):
        if _is_item_heading(p, paragraphs[i + 1] if i + 1 < len(paragraphs) else None, style):
            headings[len(kept)] = collapse(p.text)
        else:
            kept.append(p)
    blocks, current = [], None
    for i, p in enumerate(kept):
        current = headings.get(i, current)
        if p.style == style:
            blocks.append(TaskBlock(current, [p]))
        elif blocks:
            blocks[-1].paragraphs.append(p)
    return blocks


def describe_task(block: TaskBlock) -> dict:
    paragraphs = block.paragraphs
    return {
        "heading": heading_of(paragraphs[0]),
        "lead": lead_of(paragraphs),
        "timing": timing_of(paragraphs),
        "section": block.section,
    }


def timing_paragraph(block: TaskBlock) -> Paragraph | None:
    """The paragraph stating the task's own timing ("- Thời gian thực hiện: Trước 31/3/2026")."""
    return next((p for p in block.paragraphs if _TIMING_LINE.search(p.text)), None)


def extract_tasks(all_sections: list[Section]) -> list[dict]:
    return [describe_task(block) for block in task_blocks(all_sections)]
