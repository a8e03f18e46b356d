"""The staff conference's resolution as a Word document in the layout of NĐ 30/2020.

The resolution is an official Vietnamese document whose wording the decree
fixes ("Số:", "ngày … tháng … năm …", "Nơi nhận:"), so its text is not translated.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.democracy.models import StaffConference
from danvan.documents.output.context import BLANK_NUMBER, agency_lines, place_date_line

FONT = "Times New Roman"


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _line(target, text: str, *, bold=False, italic=False, size=14, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = target.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    return paragraph


def resolution_docx(conference: StaffConference) -> bytes:
    """Nghị quyết hội nghị cán bộ, công chức, viên chức, người lao động năm ``work_year``."""
    agency = conference.agency
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(14)
    parent, name = agency_lines(agency)
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    if parent:
        _line(left, parent, size=12)
    _line(left, name, bold=True, size=12)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    number_cell, date_cell = table.rows[1].cells
    symbol = f"NQ-{agency.symbol_code}" if agency.symbol_code else "NQ"
    _line(number_cell, f"Số: {BLANK_NUMBER}/{symbol}", size=13)
    _line(date_cell, place_date_line(agency.province.name, conference.held_on), italic=True)
    _line(document, "")
    _line(document, "NGHỊ QUYẾT", bold=True)
    _line(
        document,
        f"Hội nghị cán bộ, công chức, viên chức, người lao động năm {conference.work_year}",
        bold=True,
    )
    _line(document, "")
    form = "toàn thể" if conference.form == StaffConference.Form.ALL_STAFF else "đại biểu"
    _line(
        document,
        f"Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; hội nghị {form} cán bộ, công chức, viên "
        f"chức, người lao động {agency.name} năm {conference.work_year} họp ngày "
        f"{conference.held_on:%d/%m/%Y}, có mặt {conference.present}/{conference.expected} người được "
        f"triệu tập, đủ điều kiện tiến hành theo Điều 51 khoản 3,",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _line(document, "QUYẾT NGHỊ:", bold=True)
    passed = [item for item in conference.items.all() if item.passes()]
    for n, item in enumerate(passed, start=1):
        _line(
            document,
            f"Điều {n}. {item.title} (tán thành {item.votes_for}/{conference.present} người có mặt).",
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        )
    checks = ", ".join(f"{check.due:%d/%m/%Y}" for check in conference.checks.all())
    _line(
        document,
        f"Điều {len(passed) + 1}. Người đứng đầu cơ quan và Ban Chấp hành công đoàn kiểm tra, công bố kết quả "
        f"thực hiện Nghị quyết định kỳ 06 tháng (dự kiến {checks}).",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _line(document, "")
    signature = document.add_table(rows=1, cols=2)
    _no_borders(signature)
    receivers, signer = signature.rows[0].cells
    _line(receivers, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(receivers, "- Toàn thể cán bộ, công chức, viên chức;", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(receivers, "- Ban Chấp hành công đoàn;", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(receivers, "- Lưu: VT.", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(signer, "TM. HỘI NGHỊ", bold=True)
    _line(signer, "CHỦ TỌA", bold=True)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
