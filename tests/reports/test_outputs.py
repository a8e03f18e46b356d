"""The report as Word (NĐ 30/2020 layout), PDF and an Excel annex, opened
again: their tables hold the figures the page shows."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from danvan.documents.output.report import render_report_docx, report_annex_xlsx, report_tables
from tests.conftest import require_binary
from tests.documents.output.conftest import pdf_font_families, printed_serif_family

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def cells(table) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def test_word_report_has_the_decree_heading_title_and_signature(approved_report, agency_head):
    document = Document(io.BytesIO(render_report_docx(approved_report)))
    heading = cells(document.tables[0])
    assert heading[0][0].endswith("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[0][1]
    assert heading[1][0] == f"Số: {int(approved_report.number):02d}/BC-SKHCN"
    assert "ngày 24 tháng 10 năm 2026" in heading[1][1]
    text = "\n".join(par.text for par in document.paragraphs)
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện công tác dân vận chính quyền năm 2026" in text
    for title in ("I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, NGUYÊN NHÂN", "V. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert title in text
    assert "Tổ chức 02 hội nghị quán triệt" in text and "Đề nghị tập huấn" in text
    closing = cells(document.tables[-1])
    assert "Nơi nhận:" in closing[0][0] and "Sở Nội vụ" in closing[0][0]
    assert agency_head.full_name in closing[0][1]


def test_word_tables_hold_the_figures_of_the_page(client, approved_report, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    document = Document(io.BytesIO(render_report_docx(approved_report)))
    figures = {row[1]: row[2] for row in cells(document.tables[1])[1:]}
    tasks = approved_report.figures["tasks"]
    assert figures["Tổng số nhiệm vụ"] == str(tasks["total"]) == "3"
    assert figures["Nhiệm vụ đã hoàn thành"] == str(tasks["done"]) == "1"
    assert figures["Nhiệm vụ quá hạn"] == "1"
    assert figures["Đơn vị nộp báo cáo đúng hạn / muộn / chưa nộp"] == "1/1/0"
    for label, value in (("Tổng số nhiệm vụ", "3"), ("Đã hoàn thành", "1"), ("Quá hạn", "1")):
        assert re.search(rf"{label}</th><td class=\"text-end\">{value}</td>", page)
    by_unit = cells(document.tables[2])
    assert by_unit[0][:5] == ["TT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Quá hạn"]
    assert ["1", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "2", "1", "1"] in by_unit
    units = cells(document.tables[3])
    assert any(row[1] == "Trung tâm Khoa học và Công nghệ" and row[3] == "Nộp muộn 2 ngày" for row in units)
    assert "Nộp muộn 2 ngày" in page


def test_excel_annex_repeats_the_tables(approved_report):
    book = load_workbook(io.BytesIO(report_annex_xlsx(approved_report)))
    tables = report_tables(approved_report)
    assert len(book.sheetnames) == len(tables)
    first = book[book.sheetnames[0]]
    assert first["A1"].value == tables[0]["title"]
    rows = {row[1]: row[2] for row in first.iter_rows(min_row=4, values_only=True)}
    assert rows["Tổng số nhiệm vụ"] == 3 and rows["Nhiệm vụ đã hoàn thành"] == 1


def test_downloads_answer_with_the_files(client, approved_report, province_officer):
    client.force_login(province_officer)
    docx = client.get(reverse("reports:report_docx", args=[approved_report.pk]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    xlsx = client.get(reverse("reports:report_xlsx", args=[approved_report.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_pdf_by_libreoffice_and_a_picture_of_its_first_page(
    client, approved_report, office_officer, tmp_path
):
    require_binary("soffice")
    client.force_login(office_officer)
    response = client.get(reverse("reports:report_pdf", args=[approved_report.pk]))
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        [require_binary("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "BÁO CÁO" in text and "KẾT QUẢ ĐẠT ĐƯỢC" in text
    families = pdf_font_families(pdf)
    assert families and all(family.startswith(printed_serif_family()) for family in families), families
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        [
            require_binary("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(ARTIFACTS / "bao-cao-trang-1"),
        ],
        check=True,
    )
    assert (ARTIFACTS / "bao-cao-trang-1.png").stat().st_size > 1000


def _word(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_office_replaces_the_report_template_and_the_report_uses_it(client, office_officer, approved_report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office_officer)
    url = reverse("documents:report_template_upload", args=[approved_report.agency_id])
    assert client.get(url).status_code == 200
    mine = _word("Mẫu báo cáo riêng: {{ summary }} — {{ number }}/{{ symbol }}")
    assert client.post(url, {"file": SimpleUploadedFile("mau-bc.docx", mine)}).status_code == 302
    text = "\n".join(par.text for par in Document(io.BytesIO(render_report_docx(approved_report))).paragraphs)
    assert "Mẫu báo cáo riêng: Kết quả thực hiện công tác dân vận chính quyền năm 2026" in text
    current = client.get(reverse("documents:report_template", args=[approved_report.agency_id]))
    assert "Mẫu báo cáo riêng" in "\n".join(
        par.text for par in Document(io.BytesIO(current.content)).paragraphs
    )


def test_a_broken_report_template_is_refused(client, office_officer, agency):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danvan.documents.models import OutputTemplate

    client.force_login(office_officer)
    url = reverse("documents:report_template_upload", args=[agency.pk])
    response = client.post(url, {"file": SimpleUploadedFile("mau.docx", _word("{% for table in %}"))})
    assert response.status_code == 422 and "Không dùng được mẫu này" in response.content.decode()
    assert not OutputTemplate.objects.exists()


def test_the_default_report_template_fills_the_sample():
    from danvan.documents.output.docx import DEFAULT_TEMPLATES, render_docx
    from danvan.documents.output.report import sample_report_context

    document = Document(
        io.BytesIO(render_docx(DEFAULT_TEMPLATES["report"].read_bytes(), sample_report_context()))
    )
    assert "Tổng số nhiệm vụ" in [cell.text for row in document.tables[1].rows for cell in row.cells]


def test_province_table_as_excel_has_the_figures_of_the_page(client, province_officer, approved_report):
    client.force_login(province_officer)
    period = approved_report.request.period
    url = reverse("reports:province_table_xlsx", args=[period.province_id])
    response = client.get(url, {"period": period.pk})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    mine = rows["Sở Khoa học và Công nghệ"]
    assert mine[2:5] == (3, 1, 1)
    assert mine[9:12] == (1, 1, 0)
    assert rows["Sở Tài chính"][2] is None
    assert client.get(url).status_code == 404


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def figure_tables(document):
    """The report's figure tables: every table between the heading and the closing block."""
    return document.tables[1:-1]


def test_word_tables_have_exactly_the_columns_of_their_headers(approved_report):
    document = Document(io.BytesIO(render_report_docx(approved_report)))
    expected = report_tables(approved_report)
    tables = figure_tables(document)
    assert len(tables) == len(expected) == 3
    for table, wanted in zip(tables, expected, strict=True):
        grid = table._tbl.find(f"{W}tblGrid").findall(f"{W}gridCol")
        assert len(grid) == len(wanted["headers"]), wanted["title"]
        rows = cells(table)
        assert rows[0] == wanted["headers"]
        assert all(len(row) == len(wanted["headers"]) for row in rows), wanted["title"]
        for column in range(len(wanted["headers"])):
            assert any(row[column] for row in rows[1:]), (wanted["title"], column)
    assert [len(table["headers"]) for table in expected] == [3, 5, 4]


def test_the_header_row_of_every_figure_table_repeats_on_each_page(approved_report):
    document = Document(io.BytesIO(render_report_docx(approved_report)))
    for table in figure_tables(document):
        header, *rest = table.rows
        assert header._tr.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(row._tr.find(f"{W}trPr/{W}tblHeader") is None for row in rest)


@pytest.fixture
def targets(unit_tasks):
    """Three targets of the plan: reached, not reached, and not measured yet."""
    from danvan.plans.models import Target

    Target.objects.create(plan=unit_tasks, order=0, text="Chỉ tiêu đã đạt", percent=90, current_value=95)
    Target.objects.create(plan=unit_tasks, order=1, text="Chỉ tiêu chưa đạt", percent=100, current_value=80)
    Target.objects.create(plan=unit_tasks, order=2, text="Chỉ tiêu chưa đo", percent=100)


def test_a_target_without_figures_reads_no_data_in_word_excel_and_on_the_page(
    client, targets, approved_report, office_officer
):
    document = Document(io.BytesIO(render_report_docx(approved_report)))
    rows = {row[1]: row[4] for row in cells(figure_tables(document)[-1])[1:]}
    expected = {
        "Chỉ tiêu đã đạt": "Đạt",
        "Chỉ tiêu chưa đạt": "Chưa đạt",
        "Chỉ tiêu chưa đo": "Chưa có số liệu",
    }
    assert rows == expected
    book = load_workbook(io.BytesIO(report_annex_xlsx(approved_report)))
    sheet = book[book.sheetnames[-1]]
    assert {row[1]: row[4] for row in sheet.iter_rows(min_row=4, values_only=True)} == expected
    client.force_login(office_officer)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    items = re.findall(
        r"Chỉ tiêu (đã đạt|chưa đạt|chưa đo)[^<]*<span class=\"badge [^\"]+\">([^<]+)</span>", page
    )
    assert {f"Chỉ tiêu {name}": label for name, label in items} == expected


def test_a_long_table_repeats_its_header_row_on_the_next_page_of_the_pdf(tmp_path):
    from danvan.documents.output.docx import DEFAULT_TEMPLATES, render_docx
    from danvan.documents.output.pdf import docx_to_pdf
    from danvan.documents.output.report import sample_report_context
    from tests.documents.output.conftest import pdf_pages_text

    require_binary("soffice")
    context = sample_report_context()
    long_table = {
        "title": "Bảng 2. Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì",
        "headers": ["TT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Quá hạn"],
        "rows": [[str(n), f"Đơn vị số {n}", "3", "2", "1"] for n in range(1, 61)],
    }
    context["sections"][0]["tables"] = [long_table]
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(docx_to_pdf(render_docx(DEFAULT_TEMPLATES["report"].read_bytes(), context)))
    pages = [page for page in pdf_pages_text(path) if "Đơn vị số" in page]
    assert len(pages) >= 2
    for page in pages:
        assert "Số nhiệm" in page and "Hoàn" in page and "Quá hạn" in page


def test_the_figures_other_areas_add_are_in_word_and_on_the_page(client, approved_report, office_officer):
    more = dict(approved_report.figures["more"])
    assert more["Mô hình «Dân vận khéo» được công nhận trong kỳ"] == "0"
    assert more["Nội dung công khai đúng hạn / đã công khai"] == "0/0"
    client.force_login(office_officer)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    figures = {
        row[1]: row[2]
        for row in cells(Document(io.BytesIO(render_report_docx(approved_report))).tables[1])[1:]
    }
    for label, value in more.items():
        assert figures[label] == value
        assert f'<th scope="row">{label}</th><td class="text-end">{value}</td>' in page
