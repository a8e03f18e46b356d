"""Body paragraphs classified by their list marker, and grouped under section headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import UPPER, is_upper_line

# List markers, best rank first: "1." items, "1.1." sub-items, "a)" letters, "-" and "+" bullets.
_MARKERS = (
    ("roman", re.compile(rf"^(?P<m>[IVX]{{1,5}})\s*(?:[./]|[-–:]\s*(?={UPPER}))\s*(?P<t>\S.*)$")),
    ("part", re.compile(r"^(?P<m>[A-H])\s*[.)/]\s+(?P<t>\S.*)$")),
    ("nested", re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(?P<t>\S.*)$")),
    ("arabic", re.compile(rf"^(?P<m>\d{{1,2}})\s*(?:[.)]|[-–](?=\s+{UPPER}))\s+(?P<t>\S.*)$")),
    ("letter", re.compile(r"^(?P<m>[a-zđ])\s*[.)]\s+(?P<t>\S.*)$")),
    ("dash", re.compile(r"^(?P<m>[-–—])\s*(?P<t>\S.*)$")),
    ("plus", re.compile(r"^(?P<m>\+)\s*(?P<t>\S.*)$")),
    ("dot", re.compile(r"^(?P<m>[•*▪◦●])\s*(?P<t>\S.*)$")),
)
ITEM_RANK = ("arabic", "nested", "letter", "dash", "plus", "dot")
# A heading written in capitals without a numeral: "NỘI DUNG THỰC HIỆN".
_MAX_HEADING_CHARS = 150


@dataclass
class Paragraph:
    text: str  # without its marker
    style: str | None  # "roman", "arabic", ... or None for running text
    raw: str
    index: int = -1  # its place among the body's paragraphs


@dataclass
class Section:
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    raw: str = ""  # the heading line as written, numeral included


def classify(raw: str) -> Paragraph:
    for style, pattern in _MARKERS:
        match = pattern.match(raw)
        if match:
            if style == "part" and not is_upper_line(match.group("t")[:60]):
                continue  # "A. Nội dung" in lower case is not a part of the document
            return Paragraph(match.group("t").strip(), style, raw)
    return Paragraph(raw, None, raw)


def is_section_heading(p: Paragraph) -> bool:
    if p.style in ("roman", "part"):
        return True
    short_capitals = (
        is_upper_line(p.text)
        and len(p.text) <= _MAX_HEADING_CHARS
        and len(p.text.split()) >= 2
        and not p.text.startswith(("“", '"', "(", "'"))  # a slogan in capitals, not a heading
    )
    # "2. NỘI DUNG THỰC HIỆN": documents numbering their parts with Arabic numerals.
    return short_capitals and p.style in (None, "arabic")


def sections(paragraphs: list[str]) -> list[Section]:
    """The body cut at its Roman-numeral (or capitalised) headings; text before the first is ""."""
    out = [Section("")]
    for index, raw in enumerate(paragraphs):
        p = classify(raw)
        p.index = index
        if is_section_heading(p):
            out.append(Section(p.text, raw=p.raw))
        else:
            out[-1].paragraphs.append(p)
    return out


def top_style(paragraphs: list[Paragraph]) -> str | None:
    """The highest-ranked list style among the paragraphs: the items directly under the heading."""
    present = {p.style for p in paragraphs}
    return next((style for style in ITEM_RANK if style in present), None)


def items(paragraphs: list[Paragraph], style: str) -> list[list[Paragraph]]:
    """Each item of `style` with the paragraphs under it (up to the next item)."""
    out: list[list[Paragraph]] = []
    for p in paragraphs:
        if p.style == style:
            out.append([p])
        elif out:
            out[-1].append(p)
    return out
