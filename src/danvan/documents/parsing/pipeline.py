"""From text to a "danvan.plan/1" dict: repair, segment, extract."""

from __future__ import annotations

import unicodedata

from .citations import extract_citations
from .closing import extract_closing
from .deadlines import extract_deadlines
from .lines import clean_lines, join_lines
from .metadata import extract_metadata
from .parts import basis, higher_plan, implementation_text, purposes_text
from .segment import document_header, segment
from .structure import sections
from .targets import extract_targets
from .tasks import describe_task, task_blocks, timing_paragraph

FORMAT = "danvan.plan/1"


def _nfc(value):
    """Every string in a JSON-like value in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def parse_text(text: str) -> dict:
    """The plan extracted from a document's text."""
    lines = clean_lines(text)
    seg = segment(lines)
    body = join_lines(seg.body)
    body_text = "\n".join(body)
    meta = extract_metadata(seg, body_text)
    appendix = join_lines(seg.appendix)
    # Above the type line only the document's own header: not a site's menus and lists of documents.
    header = document_header(seg.head)
    everything = "\n".join(join_lines(header + seg.title_lines) + body + join_lines(seg.closing) + appendix)
    body_sections = sections(body)
    year = meta["period"]["year"] or (int(meta["date"][:4]) if meta["date"] else None)
    recipients, signer = extract_closing(seg.closing)
    citations = extract_citations(everything, meta["number"], meta["symbol"])
    blocks = task_blocks(body_sections)
    tasks = [describe_task(block) for block in blocks]
    timing_lines = {}
    for number, (block, task) in enumerate(zip(blocks, tasks, strict=True)):
        line = timing_paragraph(block)
        if line is not None:
            timing_lines[line.index] = (number, task)
    result = {
        "format": FORMAT,
        **meta,
        "citations": citations,
        "tasks": tasks,
        "targets": extract_targets(body_sections),
        "deadlines": extract_deadlines(body + appendix, year, timing_lines),
        "recipients": recipients,
        "signer": signer,
        # Kept by the import, outside the scored fields of danvan.plan/1.
        "purposes": purposes_text(body_sections),
        "implementation": implementation_text(body_sections),
        "basis": basis(body_sections, citations, meta["number"], meta["symbol"]),
        "higher_plan": higher_plan(body_sections),
    }
    return _nfc(result)
