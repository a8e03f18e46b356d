"""Text of a .docx: paragraphs and tables in document order, footnotes after the paragraph citing them."""

from __future__ import annotations

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from . import errors

# Markup-compatibility fallback content, a copy of what the mc:Choice branch holds.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _footnotes(document) -> dict[str, str]:
    """Footnote text by id, read from word/footnotes.xml when the file has one."""
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    root = etree.fromstring(part.blob)  # noqa: S320 - parsed by lxml with python-docx's defaults
    notes = {}
    for note in root.iter(qn("w:footnote")):
        note_id = note.get(qn("w:id"))
        text = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
        if note_id and text and int(note_id) > 0:
            notes[note_id] = text
    return notes


def _text_box_lines(paragraph: Paragraph) -> list[str]:
    """Text in text boxes anchored to the paragraph (some headers and signatures sit in one)."""
    lines = []
    for box in paragraph._p.iter(qn("w:txbxContent")):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue  # the same box again, for old versions of Word
        for p in box.iter(qn("w:p")):
            lines.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return lines


def _paragraph_lines(paragraph: Paragraph, notes: dict[str, str]) -> list[str]:
    lines = [*_text_box_lines(paragraph), paragraph.text]
    refs = paragraph._p.xpath(".//w:footnoteReference/@w:id")
    lines.extend(f"({ref}) {notes[ref]}" for ref in refs if ref in notes)
    return lines


def _table_lines(table: Table, notes: dict[str, str]) -> list[str]:
    """Row by row, cell by cell; a merged cell is read once."""
    lines: list[str] = []
    seen: set = set()  # the cells' XML elements, kept alive so identity holds
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for block in cell.iter_inner_content():
                if isinstance(block, Paragraph):
                    lines.extend(_paragraph_lines(block, notes))
                else:
                    lines.extend(_table_lines(block, notes))
            lines.append("")
    return lines


def read_docx(data: bytes) -> str:
    try:
        return _read(Document(io.BytesIO(data)))
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken package
        raise errors.InvalidDocxError() from exc


def _read(document) -> str:
    notes = _footnotes(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(_paragraph_lines(block, notes))
        else:
            lines.extend(_table_lines(block, notes))
    return "\n".join(lines)
