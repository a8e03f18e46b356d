"""An assessment as the agency sends it: the Word self-assessment report in the
layout of NĐ 30/2020 and the Excel score sheet.

The report is an official Vietnamese document whose wording the decree fixes
("Số:", "ngày … tháng … năm …", "Nơi nhận:"), so its text is not translated.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from danvan.documents.output.context import BLANK_NUMBER, agency_lines, place_date_line
from danvan.evaluation import codec
from danvan.evaluation.engine.model import show_points
from danvan.evaluation.models import Assessment, Evidence, LeafScore

FONT = "Times New Roman"


def _points(value: Decimal | None, scored: bool = True) -> str:
    if not scored:
        return ""
    return "Không áp dụng" if value is None else show_points(value)


def _evidence_text(items: list[Evidence]) -> str:
    return "; ".join(item.title for item in items)


def _rows(assessment: Assessment, *, show_review: bool = True) -> list[dict]:
    """The tree in order, each line with its self, reviewed and final points; the reviewer's
    figures only for who may read them (the agency once the review is sent back)."""
    leaves = {
        leaf.node_id: leaf for leaf in assessment.scores.select_related("node").prefetch_related("evidence")
    }
    rows = []
    for node in assessment.criteria_set.nodes.order_by("position"):
        leaf: LeafScore | None = leaves.get(node.pk)
        row = {
            "code": node.code,
            "name": node.name,
            "depth": node.depth,
            "max": show_points(node.max_points),
            "leaf": leaf is not None,
            "self": "",
            "reviewed": "",
            "final": "",
            "explanation": "",
            "evidence": "",
            "review_reason": "",
        }
        if leaf is not None:
            row["self"] = _points(leaf.points, bool(leaf.entered))
            if not show_review:
                pass
            elif leaf.reviewed_entered:
                row["reviewed"] = _points(leaf.reviewed_points)
                row["review_reason"] = leaf.review_reason
            elif assessment.reviewed_at:
                row["reviewed"] = row["self"]
            row["final"] = _points(leaf.final_points, leaf.final_points is not None)
            explanation = leaf.explanation
            if leaf.override_reason:
                explanation += f" (Không dùng số liệu hệ thống: {leaf.override_reason})"
            if leaf.proposal_accepted and leaf.proposal:
                explanation = (explanation + " " if explanation else "") + "(Theo số liệu hệ thống.)"
            entered = codec.input_from_json(leaf.entered)
            said = getattr(entered, "reason", "") or getattr(entered, "note", "")
            if said and said not in explanation:
                explanation += f" {said}"
            row["explanation"] = explanation.strip()
            row["evidence"] = _evidence_text(list(leaf.evidence.all()))
        rows.append(row)
    return rows


# --- Word -----------------------------------------------------------------------


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _line(
    cell_or_doc,
    text: str,
    *,
    bold=False,
    italic=False,
    size=13,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    underline=False,
):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    return paragraph


def _header(document, assessment: Assessment) -> None:
    parent, name = agency_lines(assessment.agency)
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    if parent:
        _line(left, parent, size=12)
    _line(left, name, bold=True, size=12)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, underline=True)
    symbol = f"BC-{assessment.agency.symbol_code}" if assessment.agency.symbol_code else "BC"
    number_cell, date_cell = table.rows[1].cells
    _line(number_cell, f"Số: {BLANK_NUMBER}/{symbol}", size=13)
    day = timezone.localtime(assessment.submitted_at).date() if assessment.submitted_at else None
    _line(
        date_cell,
        place_date_line(assessment.agency.province.name, day, year=assessment.year),
        italic=True,
        size=14,
    )


def self_assessment_docx(assessment: Assessment) -> bytes:
    """Báo cáo tự đánh giá, chấm điểm: the criteria with their self scores, the total and the band."""
    criteria_set = assessment.criteria_set
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    _header(document, assessment)
    _line(document, "")
    _line(document, "BÁO CÁO", bold=True, size=14)
    _line(
        document,
        f"Tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền năm {assessment.year}",
        bold=True,
        size=14,
    )
    _line(document, "")
    basis = criteria_set.name
    if criteria_set.document_number:
        basis = (
            f"{criteria_set.document_number}"
            + (f" ngày {criteria_set.document_date:%d/%m/%Y}" if criteria_set.document_date else "")
            + f" ({criteria_set.name})"
        )
    _line(
        document,
        f"Thực hiện {basis}, {assessment.agency.name} tự đánh giá, chấm điểm kết quả thực hiện "
        f"công tác dân vận chính quyền năm {assessment.year} như sau:",
        size=14,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _line(document, "I. KẾT QUẢ TỰ CHẤM ĐIỂM", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    rows = _rows(assessment)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(
        table.rows[0].cells,
        ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình, tài liệu kiểm chứng"),
        strict=True,
    ):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = Pt(12)
    for row in rows:
        cells = table.add_row().cells
        explanation = row["explanation"]
        if row["evidence"]:
            explanation = (explanation + "\n" if explanation else "") + f"Tài liệu: {row['evidence']}"
        for cell, text in zip(
            cells, (row["code"], row["name"], row["max"], row["self"], explanation), strict=True
        ):
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(12)
            run.bold = not row["leaf"]
    total = (
        "chưa đủ điểm các tiêu chí" if assessment.self_total is None else show_points(assessment.self_total)
    )
    _line(document, "")
    _line(
        document,
        f"Tổng điểm tự chấm: {total}/{show_points(criteria_set.declared_max or Decimal(0))} điểm.",
        bold=True,
        size=14,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    if assessment.self_band:
        _line(
            document,
            f"Tự xếp loại: {assessment.self_band}.",
            bold=True,
            size=14,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
    _line(document, "II. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(document, "Không.", size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(
        document,
        f"Trên đây là báo cáo tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền "
        f"năm {assessment.year} của {assessment.agency.name}./.",
        size=14,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    signature = document.add_table(rows=1, cols=2)
    _no_borders(signature)
    recipients, signer = signature.rows[0].cells
    _line(recipients, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(
        recipients,
        f"- Sở Nội vụ tỉnh {assessment.agency.province.name};",
        size=11,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _line(recipients, "- Lưu: VT.", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    leader = assessment.submitted_by
    _line(
        signer,
        (leader.position if leader and leader.position else "THỦ TRƯỞNG CƠ QUAN").upper(),
        bold=True,
        size=13,
    )
    for _blank in range(4):
        _line(signer, "")
    _line(signer, leader.full_name if leader else "", bold=True, size=14)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# --- Excel ----------------------------------------------------------------------

SHEET_HEADERS = (
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Điểm tự chấm",
    "Giải trình",
    "Tài liệu kiểm chứng",
    "Điểm thẩm định",
    "Lý do thay đổi",
    "Điểm chính thức",
)


def score_sheet_xlsx(assessment: Assessment, *, show_review: bool = True) -> bytes:
    """The score sheet: one row per line of the set, self, reviewed and final points side by side."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng điểm"
    sheet.append([f"BẢNG ĐIỂM TỰ ĐÁNH GIÁ CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM {assessment.year}"])
    sheet.append([f"{assessment.agency.name} – {assessment.criteria_set.name}"])
    sheet.append([])
    sheet.append(list(SHEET_HEADERS))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in _rows(assessment, show_review=show_review):
        sheet.append(
            [
                row["code"],
                row["name"],
                row["max"],
                row["self"],
                row["explanation"],
                row["evidence"],
                row["reviewed"],
                row["review_reason"],
                row["final"],
            ]
        )
        if not row["leaf"]:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    totals = ("Tổng điểm", "", show_points(assessment.criteria_set.declared_max or Decimal(0)))
    sheet.append(
        [
            *totals,
            _points(assessment.self_total, assessment.self_total is not None),
            "",
            "",
            _points(assessment.reviewed_total, show_review and assessment.reviewed_total is not None),
            "",
            _points(assessment.final_total, assessment.final_total is not None),
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append(["Xếp loại", "", "", assessment.self_band, "", "", "", "", assessment.final_band])
    for index, width in enumerate((8, 60, 10, 10, 40, 40, 10, 30, 10), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = BytesIO()
    book.save(out)
    return out.getvalue()
