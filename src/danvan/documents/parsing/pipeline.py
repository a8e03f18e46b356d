"""From text to a "danvan.plan/1" dict: repair, segment, extract."""

from __future__ import annotations

import unicodedata

from .citations import extract_citations
from .closing import extract_closing
from .deadlines import extract_deadlines
from .lines import clean_lines, join_lines
from .metadata import extract_metadata
from .segment import document_header, segment
from .structure import sections
from .targets import extract_targets
from .tasks import extract_tasks

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
    result = {
        "format": FORMAT,
        **meta,
        "citations": extract_citations(everything, meta["number"], meta["symbol"]),
        "tasks": extract_tasks(body_sections),
        "targets": extract_targets(body_sections),
        "deadlines": extract_deadlines(body + appendix, year),
        "recipients": recipients,
        "signer": signer,
    }
    return _nfc(result)
