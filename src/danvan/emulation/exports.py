"""The council's minutes and the commendation proposal file as Word documents in
the layout of NĐ 30/2020 (national heading, number and date line, title, body,
recipients and signature). The wording is that of official Vietnamese documents
("Số:", "ngày … tháng … năm …", "Nơi nhận:"), so it is not translated."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.documents.output.context import BLANK_NUMBER, agency_lines, place_date_line
from danvan.emulation.models import CouncilMeeting, Proposal
from danvan.emulation.selectors_commendation import proposal_candidates

FONT = "Times New Roman"
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


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


def _document():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(14)
    return document


def _heading(document, agency, symbol: str, day) -> None:
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
    code = f"{symbol}-{agency.symbol_code}" if agency.symbol_code else symbol
    _line(number_cell, f"Số: {BLANK_NUMBER}/{code}", size=13)
    _line(date_cell, place_date_line(agency.province.name, day), italic=True)
    _line(document, "")


def _signature(document, receivers: list[str], authority: str, position: str) -> None:
    _line(document, "")
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
    for receiver in receivers:
        _line(left, f"- {receiver};", size=11, align=LEFT)
    _line(left, "- Lưu: VT.", size=11, align=LEFT)
    if authority:
        _line(right, authority, bold=True)
    _line(right, position, bold=True)


def _saved(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _minutes_body(document, proposal_or_meeting: CouncilMeeting, proposals) -> None:
    meeting = proposal_or_meeting
    members = list(meeting.members.select_related("person"))
    present = [member for member in members if member.present]
    _line(
        document,
        f"Hôm nay, ngày {meeting.held_on:%d/%m/%Y}, Hội đồng Thi đua - Khen thưởng {meeting.agency.name} họp "
        f"xét thi đua, khen thưởng năm {meeting.year}, do {meeting.chaired_by} chủ trì. Có mặt "
        f"{len(present)}/{len(members)} thành viên.",
        align=JUSTIFY,
    )
    _line(
        document, "Thành viên có mặt: " + ", ".join(m.person.full_name for m in present) + ".", align=JUSTIFY
    )
    absent = [member.person.full_name for member in members if not member.present]
    if absent:
        _line(document, "Thành viên vắng mặt (gửi phiếu bầu): " + ", ".join(absent) + ".", align=JUSTIFY)
    _line(document, "Kết quả bỏ phiếu kín:", bold=True, align=LEFT)
    rows = []
    for proposal in proposals:
        for number, row in enumerate(proposal_candidates(proposal), start=1):
            candidate, vote = row["candidate"], row["vote"]
            rows.append(
                [
                    str(number),
                    candidate.subject_name,
                    candidate.title.name,
                    f"{candidate.total_votes_for}/{len(members)}" if vote.needed is not None else "—",
                    vote.explanation,
                ]
            )
    _table(document, ["TT", "Tập thể, cá nhân", "Danh hiệu", "Phiếu đồng ý", "Kết quả"], rows)


def minutes_docx(meeting: CouncilMeeting) -> bytes:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng."""
    document = _document()
    _heading(document, meeting.agency, "BB", meeting.held_on)
    _line(document, "BIÊN BẢN", bold=True)
    _line(
        document, f"Họp Hội đồng Thi đua - Khen thưởng xét thi đua, khen thưởng năm {meeting.year}", bold=True
    )
    _line(document, "")
    _minutes_body(document, meeting, list(meeting.proposals.all()))
    _signature(document, ["Thành viên Hội đồng"], "", "CHỦ TỊCH HỘI ĐỒNG")
    return _saved(document)


def proposal_docx(proposal: Proposal) -> bytes:
    """Hồ sơ đề nghị khen thưởng: tờ trình, danh sách đề nghị, biên bản họp hội đồng,
    báo cáo thành tích của từng tập thể, cá nhân, and the decision once recorded."""
    agency = proposal.agency
    rows = proposal_candidates(proposal)
    document = _document()
    _heading(document, agency, "TTr", proposal.submitted_on)
    _line(document, "TỜ TRÌNH", bold=True)
    _line(document, f"Về việc đề nghị khen thưởng năm {proposal.year}", bold=True)
    _line(document, "")
    _line(
        document,
        f"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; căn cứ kết quả họp "
        f"Hội đồng Thi đua - Khen thưởng ngày {proposal.meeting.held_on:%d/%m/%Y}, {agency.name} đề nghị khen "
        f"thưởng {len(rows)} tập thể, cá nhân có thành tích năm {proposal.year} (danh sách kèm theo).",
        align=JUSTIFY,
    )
    _signature(document, ["Hội đồng Thi đua - Khen thưởng tỉnh"], "", "THỦ TRƯỞNG CƠ QUAN")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _line(document, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", bold=True)
    _line(document, f"(Kèm theo Tờ trình của {agency.name})", italic=True)
    _table(
        document,
        ["TT", "Tập thể, cá nhân", "Danh hiệu, hình thức", "Điều kiện"],
        [
            [
                str(number),
                row["candidate"].subject_name,
                row["candidate"].title.name,
                "; ".join(f"{check.condition.text}: {check.get_state_display()}" for check in row["checks"]),
            ]
            for number, row in enumerate(rows, start=1)
        ],
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _line(document, "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", bold=True)
    _minutes_body(document, proposal.meeting, [proposal])
    for row in rows:
        candidate = row["candidate"]
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _line(document, "BÁO CÁO THÀNH TÍCH", bold=True)
        _line(document, f"Đề nghị tặng “{candidate.title.name}” năm {proposal.year}", bold=True)
        _line(document, f"Tập thể, cá nhân: {candidate.subject_name}", align=LEFT)
        for text in candidate.achievement.splitlines():
            _line(document, text, align=JUSTIFY)
    if proposal.decision_number:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _line(document, "KẾT QUẢ KHEN THƯỞNG", bold=True)
        granted = [row["candidate"].subject_name for row in rows if row["candidate"].granted]
        _line(
            document,
            f"Quyết định số {proposal.decision_number} ngày {proposal.decision_date:%d/%m/%Y}: "
            f"khen thưởng {', '.join(granted)}.",
            align=JUSTIFY,
        )
    return _saved(document)
