"""A report (Báo cáo) as Word in the layout of Nghị định 30/2020/NĐ-CP, and
its figures as an Excel annex. Both are built from one list of tables, so
the Word file, the annex and the page show the same figures.

Like the plan's, the document text is fixed official Vietnamese wording and
is not translated."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from danvan.documents.models import OutputTemplate
from danvan.documents.output.context import (
    ROMAN,
    agency_lines,
    document_number,
    office_code,
    place_date_line,
    recipient_lines,
)
from danvan.documents.output.docx import render_docx, template_bytes

SECTION_TITLES = {
    "results": "KẾT QUẢ ĐẠT ĐƯỢC",
    "shortcomings": "HẠN CHẾ, NGUYÊN NHÂN",
    "lessons": "BÀI HỌC KINH NGHIỆM",
    "next_tasks": "PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "proposals": "KIẾN NGHỊ, ĐỀ XUẤT",
}
# How a target's assessment is written in the document (the code comes
# with the figures: plans.models.Target.assessment).
ASSESSMENT_TEXT = {"met": "Đạt", "not_met": "Chưa đạt", "no_data": "Chưa có số liệu"}
THIN = Side(style="thin", color="000000")


def _number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",").replace(",0", "")
    return str(value)


def _rate(value) -> str:
    return "—" if value is None else f"{_number(value)}%"


def _row(*cells) -> list[str]:
    """A table row as text, one cell per header: no padding columns."""
    return [str(cell) for cell in cells]


def _assessment(row: dict) -> str:
    """'Đạt', 'Chưa đạt' or 'Chưa có số liệu'. Figures kept before the
    assessment was stored give it from their values."""
    code = row.get("assessment")
    if code is None:
        if row.get("percent") is None or row.get("current_value") is None:
            code = "no_data"
        else:
            code = "met" if row.get("met") else "not_met"
    return ASSESSMENT_TEXT[code]


def report_tables(report) -> list[dict]:
    """The report's tables from the figures kept when it was sent."""
    figures = report.figures or {}
    tables = []
    if report.unit_id is None:
        tasks = figures.get("tasks", {})
        petitions = figures.get("petitions") or {}
        units = figures.get("units", {})
        indicators = [
            ("Số kế hoạch ban hành trong kỳ", _number(figures.get("plans_issued"))),
            ("Tổng số nhiệm vụ", _number(tasks.get("total"))),
            ("Nhiệm vụ đã hoàn thành", _number(tasks.get("done"))),
            ("Nhiệm vụ đang thực hiện", _number(tasks.get("in_progress"))),
            ("Nhiệm vụ quá hạn", _number(tasks.get("overdue"))),
            ("Tỷ lệ hoàn thành nhiệm vụ", _rate(tasks.get("completion_rate"))),
            (
                "Chỉ tiêu đạt / tổng số chỉ tiêu",
                f"{_number(figures.get('targets_met'))}/{len(figures.get('targets', []))}",
            ),
        ]
        if petitions:
            indicators += [
                ("Đơn thư tiếp nhận", _number(petitions.get("received"))),
                ("Đơn thư giải quyết đúng hạn", _number(petitions.get("resolved_on_time"))),
                ("Đơn thư quá hạn", _number(petitions.get("overdue"))),
                ("Tỷ lệ giải quyết đúng hạn", _rate(petitions.get("on_time_rate"))),
            ]
        dialogues = figures.get("dialogues") or {}
        if dialogues:
            indicators += [
                ("Số buổi đối thoại đã tổ chức", _number(dialogues.get("held"))),
                (
                    "Cam kết tại đối thoại đã thực hiện / tổng số",
                    f"{dialogues.get('commitments_done', 0)}/{dialogues.get('commitments', 0)}",
                ),
            ]
        indicators += [(str(label), str(value)) for label, value in figures.get("more") or []]
        if units:
            indicators.append(
                (
                    "Đơn vị nộp báo cáo đúng hạn / muộn / chưa nộp",
                    f"{units.get('on_time', 0)}/{units.get('late', 0)}/{units.get('missing', 0)}",
                )
            )
        tables.append(
            {
                "title": "Bảng 1. Số liệu chủ yếu",
                "headers": _row("TT", "Chỉ tiêu", "Kết quả"),
                "rows": [_row(index, label, value) for index, (label, value) in enumerate(indicators, 1)],
            }
        )
        tables.append(
            {
                "title": "Bảng 2. Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì",
                "headers": _row("TT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Quá hạn"),
                "rows": [
                    _row(index, row["unit"] or "—", row["total"], row["done"], row["overdue"])
                    for index, row in enumerate(figures.get("by_unit", []), 1)
                ],
            }
        )
        if units.get("rows"):
            tables.append(
                {
                    "title": "Bảng 3. Tình hình nộp báo cáo của các đơn vị",
                    "headers": _row("TT", "Đơn vị", "Ngày nộp", "Tình hình"),
                    "rows": [
                        _row(index, row["unit"], _day(row["sent_on"]), row["timeliness"])
                        for index, row in enumerate(units["rows"], 1)
                    ],
                }
            )
    else:
        tables.append(
            {
                "title": "Bảng 1. Kết quả thực hiện nhiệm vụ",
                "headers": _row("TT", "Nhiệm vụ", "Trạng thái", "Tiến độ (%)", "Hạn"),
                "rows": [
                    _row(index, row["heading"], row["status_label"], row["percent"], _day(row["due_date"]))
                    for index, row in enumerate(figures.get("tasks", []), 1)
                ],
            }
        )
    targets = figures.get("targets", [])
    if targets:
        tables.append(
            {
                "title": f"Bảng {len(tables) + 1}. Chỉ tiêu",
                "headers": _row("TT", "Chỉ tiêu", "Mục tiêu (%)", "Kết quả (%)", "Đánh giá"),
                "rows": [
                    _row(
                        index,
                        row["text"],
                        _number(row["percent"]),
                        _number(row["current_value"]),
                        _assessment(row),
                    )
                    for index, row in enumerate(targets, 1)
                ],
            }
        )
    return tables


def _day(iso: str | None) -> str:
    if not iso:
        return "—"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def report_context(report) -> dict:
    agency = report.agency
    request = report.request
    period = request.data_period
    issued = report.issue_date
    tables = report_tables(report)
    # A report prints under the names of its time, not of today.
    on = issued or period.end
    parent, name = agency_lines(agency, on)
    sections = []
    for index, (field, title) in enumerate(SECTION_TITLES.items()):
        sections.append(
            {
                "numeral": ROMAN[index],
                "title": title,
                "lines": _lines(getattr(report, field)) or ["Không có."],
                "tables": tables if field == "results" else [],
            }
        )
    respondent = report.unit.name_on(on) if report.unit_id else agency.name_on(on)
    summary = f"Kết quả thực hiện công tác dân vận chính quyền {period.label[:1].lower()}{period.label[1:]}"
    if report.unit_id:
        parent, name = agency.name_on(on).upper(), report.unit.name_on(on).upper()
    return {
        "parent_agency": parent,
        "agency_name": name,
        "number": document_number(report.number),
        "symbol": report.symbol or f"BC-{agency.symbol_code}",
        "place_date": place_date_line(agency.province.name_on(on), issued, year=period.year),
        "doc_type_title": "BÁO CÁO",
        "summary": summary,
        "introduction": (
            f"Thực hiện yêu cầu {request.title.strip().rstrip('.')}"
            f" (hạn nộp {request.due_date:%d/%m/%Y}), {respondent} báo cáo kết quả"
            f" (số liệu từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}) như sau:"
        ),
        "sections": sections,
        "recipients": recipient_lines(
            list(report.recipients or [request.recipient or ""]), office_code(report)
        ),
        "signer_authority": report.signer_authority.strip().upper(),
        "signer_title": report.signer_title.strip().upper(),
        "signer_name": report.signer_name.strip(),
        "tables": tables,
    }


def render_report_docx(report) -> bytes:
    return render_docx(template_bytes(report.agency, OutputTemplate.Kind.REPORT), report_context(report))


def report_annex_xlsx(report) -> bytes:
    """One sheet per table, headed with the report and its period."""
    book = Workbook()
    book.remove(book.active)
    heading = f"{report.request.title} — {report.unit.name if report.unit_id else report.agency.name}"
    for index, table in enumerate(report_tables(report), 1):
        sheet = book.create_sheet(f"Bang {index}")
        sheet.append([table["title"]])
        sheet.append([heading])
        sheet.append([cell for cell in table["headers"] if cell])
        width = len([cell for cell in table["headers"] if cell])
        for row in table["rows"]:
            sheet.append([_cell(value) for value in row[:width]])
        for column, size in zip("ABCDE", (6, 60, 18, 18, 18), strict=True):
            sheet.column_dimensions[column].width = size
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.font = Font(name="Times New Roman", size=12, bold=cell.row == 3)
                cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    book.properties.created = timezone.now().replace(tzinfo=None)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: str):
    """Whole numbers as numbers, so the annex sums; everything else as text."""
    return int(value) if value.isdecimal() else value


def sample_report_context() -> dict:
    """A complete report context without the database, to try an uploaded template."""
    table = {
        "title": "Bảng 1. Số liệu chủ yếu",
        "headers": _row("TT", "Chỉ tiêu", "Kết quả"),
        "rows": [_row(1, "Tổng số nhiệm vụ", 12), _row(2, "Nhiệm vụ đã hoàn thành", 10)],
    }
    sections = [
        {
            "numeral": ROMAN[index],
            "title": title,
            "lines": ["Nội dung mẫu."],
            "tables": [table] if index == 0 else [],
        }
        for index, title in enumerate(SECTION_TITLES.values())
    ]
    return {
        "parent_agency": "UBND TỈNH TÂY NINH",
        "agency_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "number": "15",
        "symbol": "BC-SKHCN",
        "place_date": "Tây Ninh, ngày 24 tháng 10 năm 2026",
        "doc_type_title": "BÁO CÁO",
        "summary": "Kết quả thực hiện công tác dân vận chính quyền năm 2026",
        "introduction": "Sở Khoa học và Công nghệ báo cáo kết quả như sau:",
        "sections": sections,
        "recipients": ["- Sở Nội vụ;", "- Lưu: VT, VP."],
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn An",
        "tables": [table],
    }


PROVINCE_COLUMNS = [
    ("Cơ quan", 40),
    ("Tình hình gửi", 22),
    ("Nhiệm vụ", 11),
    ("Hoàn thành", 11),
    ("Quá hạn", 11),
    ("Tỷ lệ hoàn thành (%)", 14),
    ("Chỉ tiêu đạt", 12),
    ("Đơn thư tiếp nhận", 12),
    ("Giải quyết đúng hạn (%)", 14),
    ("Đơn vị nộp đúng hạn", 12),
    ("Đơn vị nộp muộn", 12),
    ("Đơn vị chưa nộp", 12),
]


def province_table_xlsx(table: dict, *, title: str) -> bytes:
    """The province's agencies × indicators table, as on its page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tong hop"
    sheet.append([title])
    sheet.append([name for name, _width in PROVINCE_COLUMNS])
    for row in table["rows"]:
        sent = row["report_id"] is not None
        sheet.append(
            [
                row["agency"],
                str(row["timeliness"][1]) if row["timeliness"] else "Chưa yêu cầu",
                row["tasks_total"],
                row["tasks_done"],
                row["tasks_overdue"],
                row["completion_rate"],
                f"{row['targets_met']}/{row['targets_total']}" if sent else None,
                row["petitions_received"],
                row["petitions_on_time_rate"],
                row["units_on_time"],
                row["units_late"],
                row["units_missing"],
            ]
        )
    for index, (_name, width) in enumerate(PROVINCE_COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.font = Font(name="Times New Roman", size=12, bold=cell.row == 2)
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
