"""The parts of a plan kept in its own words, outside the scored fields: the
purposes and requirements, the organisation of implementation, and the basis
(the documents its "Căn cứ …" lines cite)."""

from __future__ import annotations

import re

from .citations import TYPES, citation_key, extract_citations
from .lines import collapse
from .structure import Section

_PURPOSES = re.compile(r"MỤC\s+ĐÍCH", re.I)
_ORGANISATION = re.compile(r"TỔ\s+CHỨC\s+THỰC\s+HIỆN", re.I)
_BASIS_LINE = re.compile(r"^(?:[-+•]\s*)?Căn\s+cứ\b")
# The clauses of the preamble: its "Căn cứ …;" lines, or the parts of one paragraph.
_CLAUSE = re.compile(r"[;\n]")

# The opening line naming the higher document the plan carries out: "Thực hiện Kế hoạch số 1026/KH-UBND
# … của UBND tỉnh …, Sở Tư pháp ban hành Kế hoạch như sau:" (as Danvan prints it, and as plans write it).
_OPENING = re.compile(
    rf"^(?:[-+•]\s*)?Thực\s+hiện\s+(?P<doc>(?:{TYPES})\s.+?),\s+[^,]{{2,120}}?"
    r"\s(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+[Kk]ế\s+hoạch\b[^,;]*?:?\s*$"
)
_MAX_HIGHER_PLAN = 255


def _lines(section: Section) -> list[str]:
    return [collapse(p.raw) for p in section.paragraphs]


def purposes_text(all_sections: list[Section]) -> str:
    """The lines of the part headed "MỤC ĐÍCH, YÊU CẦU", one a line ("" when there is none)."""
    section = next((s for s in all_sections if _PURPOSES.search(s.heading)), None)
    return "\n".join(_lines(section)) if section else ""


def implementation_text(all_sections: list[Section]) -> str:
    """The lines of "TỔ CHỨC THỰC HIỆN", one a line, and of the parts after it with their heading
    lines ("V. KINH PHÍ THỰC HIỆN"): all of it says how the plan is carried out."""
    start = next((i for i, s in enumerate(all_sections) if _ORGANISATION.search(s.heading)), None)
    if start is None:
        return ""
    lines = _lines(all_sections[start])
    for section in all_sections[start + 1 :]:
        lines += [collapse(section.raw), *_lines(section)]
    return "\n".join(lines)


def _subject_of_another(law: dict, clause: str) -> bool:
    """A law the clause names as what a numbered document is about or is: "… về Luật X",
    "… một số điều của Luật X", "Luật X số 10/2022/QH15"."""
    name = re.escape(law["name"])
    return bool(re.search(rf"\b(?:về|của)\s+{name}|{name}\s+số\b", clause, re.I))


def basis(all_sections: list[Section], citations: list[dict], own_number, own_symbol) -> list[dict]:
    """The citations that the preamble's "Căn cứ …" lines name, as the whole document dates them.

    A law named as the subject of a numbered document in the same clause ("Căn cứ Luật số
    10/2022/QH15 … về Luật Thực hiện dân chủ ở cơ sở") is that document, not a basis of its own."""
    preamble = [p.raw for p in all_sections[0].paragraphs if _BASIS_LINE.match(p.raw)] if all_sections else []
    keys = set()
    for clause in _CLAUSE.split("\n".join(preamble)):
        named = extract_citations(clause, own_number, own_symbol)
        if any(c["number"] for c in named):
            named = [c for c in named if c["number"] or not _subject_of_another(c, clause)]
        keys |= {citation_key(c["number"], c["name"]) for c in named}
    return [c for c in citations if citation_key(c["number"], c["name"]) in keys]


def higher_plan(all_sections: list[Section]) -> str | None:
    """The document the plan's opening line says it carries out, as written; None when it names none."""
    for p in all_sections[0].paragraphs if all_sections else []:
        match = _OPENING.match(collapse(p.raw))
        if match and len(match.group("doc")) <= _MAX_HIGHER_PLAN:
            return match.group("doc").strip()
    return None
