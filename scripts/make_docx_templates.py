"""Build the default Word templates of Danvan's outgoing documents.

Run ``.venv/bin/python scripts/make_docx_templates.py`` after changing this
file and commit the result: the plan (ke_hoach.docx), the report
(bao_cao.docx), the outgoing letters of petitions (van_ban_di.docx) and the
province's decision on the year's evaluation results (quyet_dinh.docx). The layout follows Nghị định 30/2020/NĐ-CP,
Phụ lục I (spec/domain.md section 7): A4, margins 20/20/30/15 mm, Times New
Roman, the sizes and styles of the component table, page numbers centred in
the top margin from page 2 on. The ``{{ }}`` and ``{%p %}`` tags are docxtpl
(Jinja) tags; the context is built by ``danvan.documents.output.context``.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
OUT = Path(__file__).resolve().parent.parent / "src" / "danvan" / "documents" / "output" / "templates"
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


def set_font(target, size: float) -> None:
    """Times New Roman for every script (Vietnamese is 'Latin', but Word
    picks the East Asian or complex-script slot for some characters)."""
    target.font.name = FONT
    target.font.size = Pt(size)
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def paragraph(
    container,
    text="",
    *,
    size=14,
    bold=False,
    italic=False,
    underline=False,
    align=JUSTIFY,
    indent=True,
    after=6,
):
    par = container.add_paragraph()
    par.alignment = align
    fmt = par.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(after), 1.0
    if indent and align == JUSTIFY:
        fmt.first_line_indent = Cm(1.27)
    if text:
        add_run(par, text, size=size, bold=bold, italic=italic, underline=underline)
    return par


def add_run(par, text, *, size=14, bold=False, italic=False, underline=False):
    run = par.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    set_font(run, size)
    return run


def rule(container, *, width_cm: float, cell_cm: float) -> None:
    """A short centred line (under the agency name and the summary): an empty
    paragraph whose top border is narrowed by equal indents."""
    par = paragraph(container, align=CENTER, after=0)
    margin = Cm((cell_cm - width_cm) / 2)
    par.paragraph_format.left_indent = par.paragraph_format.right_indent = margin
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    par._p.get_or_add_pPr().append(borders)
    par.add_run("").font.size = Pt(2)


def control(container, tag: str):
    """A paragraph holding only a docxtpl {%p %} tag; docxtpl removes it."""
    return paragraph(container, tag, indent=False, after=0)


def table(doc, widths_cm: list[float]):
    grid = doc.add_table(rows=1, cols=len(widths_cm))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for col, width in zip(grid.columns, widths_cm, strict=True):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)
    return grid


def row_flag(row, flag: str) -> None:
    """Set a row property: ``cantSplit`` (the row is never broken across two
    pages) or ``tblHeader`` (the row is repeated at the top of each page)."""
    element = OxmlElement(f"w:{flag}")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def clear(cell):
    """A new cell holds one empty paragraph; start from none."""
    for par in list(cell.paragraphs):
        par._p.getparent().remove(par._p)
    return cell


def page_setup(doc) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    set_font(normal, 14)
    # Page numbers: centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.alignment = CENTER
    run = add_run(par, "", size=13)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def heading_block(doc) -> None:
    """The agency block and the national motto (Quốc hiệu, Tiêu ngữ), then
    the number and the place-and-date line, as a borderless two-column table."""
    left_cm, right_cm = 6.3, 10.2
    grid = table(doc, [left_cm, right_cm])
    grid.add_row()
    left, right = (clear(cell) for cell in grid.rows[0].cells)
    paragraph(left, "{{ parent_agency }}", size=13, align=CENTER, after=0)
    paragraph(left, "{{ agency_name }}", size=13, bold=True, align=CENTER, after=3)
    rule(left, width_cm=2.5, cell_cm=left_cm)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align=CENTER, after=0)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True, align=CENTER, after=0)
    left, right = (clear(cell) for cell in grid.rows[1].cells)
    paragraph(left, "Số: {{ number }}/{{ symbol }}", size=13, align=CENTER, after=0)
    paragraph(right, "{{ place_date }}", size=14, italic=True, align=CENTER, after=0)


def title_block(doc) -> None:
    paragraph(doc, "", after=6)
    paragraph(doc, "{{ doc_type_title }}", size=14, bold=True, align=CENTER, after=0)
    paragraph(doc, "{{ summary }}", size=14, bold=True, align=CENTER, after=4)
    rule(doc, width_cm=4.0, cell_cm=16.5)
    paragraph(doc, "", after=0)


def body(doc) -> None:
    control(doc, "{%p for line in citations %}")
    paragraph(doc, "{{ line }}", italic=True)
    control(doc, "{%p endfor %}")
    control(doc, "{%p if introduction %}")
    paragraph(doc, "{{ introduction }}")
    control(doc, "{%p endif %}")
    # Sections come with their Roman numeral and capitalised title from the
    # context, so an absent part (no targets) does not leave a gap in I, II, III.
    control(doc, "{%p for section in sections %}")
    paragraph(doc, "{{ section.numeral }}. {{ section.title }}", bold=True, indent=True)
    control(doc, "{%p for line in section.lines %}")
    paragraph(doc, "{{ line }}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p for task in section.tasks %}")
    # A content item's heading ("1. Công tác tuyên truyền") before its first task.
    control(doc, "{%p if task.group %}")
    par = paragraph(doc)
    add_run(par, "{{ task.group }}", bold=True, italic=True)
    control(doc, "{%p endif %}")
    par = paragraph(doc)
    add_run(par, "{{ task.number }}. {{ task.heading }}", bold=True)
    paragraph(doc, "- Đơn vị chủ trì: {{ task.lead }}")
    control(doc, "{%p if task.supporting %}")
    paragraph(doc, "- Đơn vị phối hợp: {{ task.supporting }}")
    control(doc, "{%p endif %}")
    paragraph(doc, "- Thời gian thực hiện: {{ task.timing }}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p if closing %}")
    paragraph(doc, "{{ closing }}")
    control(doc, "{%p endif %}")


def closing_block(doc) -> None:
    """Nơi nhận on the left (12 pt bold italic heading, 11 pt lines), the
    signature on the right: authority (KT./TL./TM.), title, space, name. The
    row cannot break, so the signer's name never lands on a page of its own."""
    left_cm, right_cm = 8.0, 8.5
    grid = table(doc, [left_cm, right_cm])
    row_flag(grid.rows[0], "cantSplit")
    left, right = (clear(cell) for cell in grid.rows[0].cells)
    paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, after=0)
    control(left, "{%p for line in recipients %}")
    paragraph(left, "{{ line }}", size=11, align=LEFT, after=0)
    control(left, "{%p endfor %}")
    control(right, "{%p if signer_authority %}")
    paragraph(right, "{{ signer_authority }}", size=14, bold=True, align=CENTER, after=0)
    control(right, "{%p endif %}")
    paragraph(right, "{{ signer_title }}", size=14, bold=True, align=CENTER, after=0)
    for _ in range(4):
        paragraph(right, "", align=CENTER, after=0)
    paragraph(right, "{{ signer_name }}", size=14, bold=True, align=CENTER, after=0)


def plan_template() -> Document:
    doc = Document()
    page_setup(doc)
    heading_block(doc)
    title_block(doc)
    body(doc)
    paragraph(doc, "", after=0)
    closing_block(doc)
    return doc


# Column widths (cm) of the report's tables by their number of columns; the
# text width of the page is 16.5 cm.
REPORT_TABLE_WIDTHS = {
    3: [1.2, 11.3, 4.0],
    4: [1.2, 8.8, 3.0, 3.5],
    5: [1.2, 7.3, 2.7, 2.7, 2.6],
}


def report_table(doc, widths: list[float]) -> None:
    """One figure table: a header row repeated on every page, then a row per
    line of ``table.rows``, as many columns as the table has headers."""
    grid = table(doc, widths)
    grid.style = doc.styles["Table Grid"]
    for _ in range(3):
        grid.add_row()
    header, loop_start, data, loop_end = grid.rows
    row_flag(header, "tblHeader")
    row_flag(header, "cantSplit")
    for index, cell in enumerate(header.cells):
        paragraph(
            clear(cell), "{{ table.headers[" + str(index) + "] }}", size=13, bold=True, align=CENTER, after=0
        )
    paragraph(clear(loop_start.cells[0]), "{%tr for row in table.rows %}", size=13, align=LEFT, after=0)
    for index, cell in enumerate(data.cells):
        align = LEFT if index == 1 else CENTER
        paragraph(clear(cell), "{{ row[" + str(index) + "] }}", size=13, align=align, after=0)
    paragraph(clear(loop_end.cells[0]), "{%tr endfor %}", size=13, align=LEFT, after=0)


def report_body(doc) -> None:
    """Introduction, then the five parts of a Vietnamese report; the first
    carries the figure tables, each with exactly its own columns."""
    paragraph(doc, "{{ introduction }}")
    control(doc, "{%p for section in sections %}")
    paragraph(doc, "{{ section.numeral }}. {{ section.title }}", bold=True, indent=True)
    control(doc, "{%p for line in section.lines %}")
    paragraph(doc, "{{ line }}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p for table in section.tables %}")
    paragraph(doc, "{{ table.title }}", size=13, bold=True, italic=True, align=CENTER, after=3)
    counts = sorted(REPORT_TABLE_WIDTHS)
    for position, count in enumerate(counts):
        if position == len(counts) - 1:
            control(doc, "{%p else %}")
        else:
            keyword = "if" if position == 0 else "elif"
            control(doc, "{%p " + keyword + " table.headers|length == " + str(count) + " %}")
        report_table(doc, REPORT_TABLE_WIDTHS[count])
    control(doc, "{%p endif %}")
    paragraph(doc, "", after=3)
    control(doc, "{%p endfor %}")
    control(doc, "{%p endfor %}")


def report_template() -> Document:
    doc = Document()
    page_setup(doc)
    heading_block(doc)
    title_block(doc)
    report_body(doc)
    paragraph(doc, "", after=0)
    closing_block(doc)
    return doc


def letter_template() -> Document:
    """An outgoing letter: heading, type and summary, "Kính gửi", the
    content, then the signature and Nơi nhận."""
    doc = Document()
    page_setup(doc)
    heading_block(doc)
    title_block(doc)
    paragraph(doc, "Kính gửi: {{ addressee }}.", size=14, align=CENTER, after=6)
    control(doc, "{%p for line in lines %}")
    paragraph(doc, "{{ line }}")
    control(doc, "{%p endfor %}")
    paragraph(doc, "", after=0)
    closing_block(doc)
    return doc


def page_break(doc) -> None:
    par = paragraph(doc, after=0)
    run = par.add_run()
    element = OxmlElement("w:br")
    element.set(qn("w:type"), "page")
    run._r.append(element)


def decision_annex_table(doc) -> None:
    """The annex: a heading row per band ("I. Hoàn thành xuất sắc nhiệm vụ (3)"), then its
    agencies, each with its number and final score; the header repeats on every page."""
    grid = table(doc, [1.3, 11.2, 4.0])
    grid.style = doc.styles["Table Grid"]
    for _ in range(6):
        grid.add_row()
    header, band_start, band_row, rows_start, data, rows_end, band_end = grid.rows
    row_flag(header, "tblHeader")
    row_flag(header, "cantSplit")
    for cell, text in zip(header.cells, ("TT", "Cơ quan, đơn vị", "Điểm chính thức"), strict=True):
        paragraph(clear(cell), text, size=13, bold=True, align=CENTER, after=0)
    paragraph(clear(band_start.cells[0]), "{%tr for band in bands %}", size=13, align=LEFT, after=0)
    paragraph(clear(band_row.cells[0]), "{{ band.numeral }}", size=13, bold=True, align=CENTER, after=0)
    paragraph(clear(band_row.cells[1]), "{{ band.title }}", size=13, bold=True, align=LEFT, after=0)
    paragraph(clear(band_row.cells[2]), "", size=13, align=CENTER, after=0)
    paragraph(clear(rows_start.cells[0]), "{%tr for row in band.rows %}", size=13, align=LEFT, after=0)
    for index, cell in enumerate(data.cells):
        paragraph(
            clear(cell),
            "{{ row[" + str(index) + "] }}",
            size=13,
            align=LEFT if index == 1 else CENTER,
            after=0,
        )
    paragraph(clear(rows_end.cells[0]), "{%tr endfor %}", size=13, align=LEFT, after=0)
    paragraph(clear(band_end.cells[0]), "{%tr endfor %}", size=13, align=LEFT, after=0)


def decision_template() -> Document:
    """A decision (Quyết định cá biệt): heading, QUYẾT ĐỊNH and its summary, the authority, the
    Căn cứ lines, "QUYẾT ĐỊNH:", the articles, signature and Nơi nhận; then, on a new page,
    the annex listing the agencies by band."""
    doc = Document()
    page_setup(doc)
    heading_block(doc)
    title_block(doc)
    paragraph(doc, "{{ authority }}", size=14, bold=True, align=CENTER, after=6)
    control(doc, "{%p for line in citations %}")
    paragraph(doc, "{{ line }}", italic=True)
    control(doc, "{%p endfor %}")
    paragraph(doc, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER, after=6)
    control(doc, "{%p for article in articles %}")
    par = paragraph(doc)
    add_run(par, "{{ article.number }}", bold=True)
    add_run(par, " {{ article.text }}")
    control(doc, "{%p for line in article.lines %}")
    paragraph(doc, "{{ line }}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p endfor %}")
    paragraph(doc, "", after=0)
    closing_block(doc)
    page_break(doc)
    paragraph(doc, "{{ annex_title }}", size=14, bold=True, align=CENTER, after=0)
    paragraph(doc, "{{ annex_summary }}", size=14, bold=True, align=CENTER, after=0)
    paragraph(doc, "{{ annex_reference }}", size=14, italic=True, align=CENTER, after=4)
    rule(doc, width_cm=4.0, cell_cm=16.5)
    paragraph(doc, "", after=0)
    decision_annex_table(doc)
    control(doc, "{%p if pending_note %}")
    paragraph(doc, "{{ pending_note }}", size=13, italic=True)
    control(doc, "{%p endif %}")
    return doc


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    plan_template().save(OUT / "ke_hoach.docx")
    print(f"Wrote {OUT / 'ke_hoach.docx'}")
    report_template().save(OUT / "bao_cao.docx")
    print(f"Wrote {OUT / 'bao_cao.docx'}")
    letter_template().save(OUT / "van_ban_di.docx")
    print(f"Wrote {OUT / 'van_ban_di.docx'}")
    decision_template().save(OUT / "quyet_dinh.docx")
    print(f"Wrote {OUT / 'quyet_dinh.docx'}")
