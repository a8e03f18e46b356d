"""Targets: items of a "CHỈ TIÊU" / "MỤC TIÊU" section, and sentences elsewhere stating a percentage."""

from __future__ import annotations

import re

from .lines import UPPER, collapse
from .structure import Paragraph, Section

# A heading that announces targets.
_TARGET_HEADING = re.compile(r"chỉ\s+tiêu|mục\s+tiêu", re.I)
# A percentage: "100%", "98,5 %", "95.5%".
_PERCENT = re.compile(r"(?P<n>\d{1,3}(?:[.,]\d{1,2})?)\s*%")
# Sentence boundaries inside a paragraph.
_SENTENCE_END = re.compile(rf"(?<=[.!?;])\s+(?={UPPER}|\d)")
# A numbered sub-heading inside a section ("1. Mục tiêu", "2. Yêu cầu"): short, no final period.
_MAX_SUBHEADING_WORDS = 8


def percent_of(text: str) -> int | float | None:
    match = _PERCENT.search(text)
    if not match:
        return None
    value = float(match.group("n").replace(",", "."))
    return int(value) if value.is_integer() else value


def _is_subheading(p: Paragraph) -> bool:
    return (
        p.style in ("arabic", "nested", "letter")
        and len(p.text.split()) <= _MAX_SUBHEADING_WORDS
        and not p.text.rstrip().endswith((".", ";"))
        and "%" not in p.text
    )


def _target_regions(section: Section) -> tuple[list[Paragraph], list[Paragraph]]:
    """The paragraphs that are targets by their heading, and the rest of the section."""
    in_section = bool(_TARGET_HEADING.search(section.heading))
    active = in_section
    region: list[Paragraph] = []
    rest: list[Paragraph] = []
    for p in section.paragraphs:
        if _is_subheading(p):
            active = bool(_TARGET_HEADING.search(p.text)) or (in_section and not _has_other_topic(p.text))
            continue
        (region if active else rest).append(p)
    return region, rest


def _has_other_topic(text: str) -> bool:
    return bool(re.search(r"yêu\s+cầu|mục\s+đích|nhiệm\s+vụ|giải\s+pháp", text, re.I))


def _region_items(region: list[Paragraph]) -> list[Paragraph]:
    marked = [p for p in region if p.style is not None]
    if not marked:
        return region
    top = next(
        style
        for style in ("arabic", "nested", "letter", "dash", "plus", "dot")
        if any(p.style == style for p in marked)
    )
    return [p for p in marked if p.style == top]


def _percent_sentences(paragraphs: list[Paragraph]) -> list[str]:
    out = []
    for p in paragraphs:
        for sentence in _SENTENCE_END.split(p.text):
            if _PERCENT.search(sentence):
                out.append(collapse(sentence))
    return out


def extract_targets(all_sections: list[Section]) -> list[dict]:
    targets: list[dict] = []
    for section in all_sections:
        region, rest = _target_regions(section)
        for p in _region_items(region):
            text = collapse(p.text)
            targets.append({"text": text, "percent": percent_of(text)})
        for sentence in _percent_sentences(rest):
            targets.append({"text": sentence, "percent": percent_of(sentence)})
    return targets
