import subprocess
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from danvan.documents.output import pdf
from danvan.documents.output.docx import render_plan_docx
from danvan.plans.models import Task
from tests.conftest import require_binary
from tests.documents.output.conftest import TITLE, pdf_font_families, pdf_pages_text, printed_serif_family

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


def test_libreoffice_makes_a_pdf_holding_the_title_and_a_picture_of_page_one(plan):
    require_binary("soffice")
    pdftoppm = require_binary("pdftoppm")
    data = pdf.docx_to_pdf(render_plan_docx(plan))
    with pdfplumber.open(BytesIO(data)) as document:
        first_page = document.pages[0].extract_text()
    assert data.startswith(b"%PDF") and "KẾ HOẠCH" in first_page and TITLE in first_page
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "ke-hoach.pdf").write_bytes(data)
    # For a person to look at: the layout of page one as LibreOffice renders it.
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "110",
            "-f",
            "1",
            "-singlefile",
            ARTIFACTS / "ke-hoach.pdf",
            ARTIFACTS / "ke-hoach-trang-1",
        ],
        check=True,
        timeout=60,
    )
    assert (ARTIFACTS / "ke-hoach-trang-1.png").stat().st_size > 0


def test_missing_libreoffice_is_a_clear_vietnamese_error(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.ConversionError, match="chưa cài LibreOffice"):
        pdf.docx_to_pdf(b"PK")


def test_a_conversion_that_hangs_is_stopped_after_the_timeout(monkeypatch, tmp_path):
    sleeper = tmp_path / "soffice"
    sleeper.write_text("#!/bin/sh\nsleep 30\n")
    sleeper.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_path", lambda: str(sleeper))
    with pytest.raises(pdf.ConversionError, match="trong 1 giây"):
        pdf.docx_to_pdf(b"PK", timeout=1)


def test_page_numbers_start_on_page_two(plan):
    require_binary("soffice")
    for order in range(3, 40):
        Task.objects.create(plan=plan, order=order, heading=f"Nhiệm vụ số {order}", timing="Quý IV")
    with pdfplumber.open(BytesIO(pdf.docx_to_pdf(render_plan_docx(plan)))) as document:
        first, second = (page.extract_text().splitlines()[0].strip() for page in document.pages[:2])
    assert first == "UBND TỈNH TÂY NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and second == "2"


def test_every_glyph_of_the_plan_is_printed_in_the_times_new_roman_metric_font(plan, tmp_path):
    require_binary("soffice")
    Task.objects.create(plan=plan, order=3, heading="ẶNG ẪN ỶU ỮNG ặ ẫ ỷ ữ Ộ Ợ Ự", timing="Quý IV")
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(pdf.docx_to_pdf(render_plan_docx(plan)))
    assert "ẶNG ẪN ỶU ỮNG" in pdf_pages_text(path)[0]
    families = pdf_font_families(path)
    assert families and all(family.startswith(printed_serif_family()) for family in families), families


def test_signature_block_and_recipients_stay_on_one_page(plan, tmp_path):
    """With 27 tasks the closing block falls across the end of page 3."""
    require_binary("soffice")
    for order in range(3, 28):
        Task.objects.create(plan=plan, order=order, heading=f"Nhiệm vụ số {order}", timing="Quý IV")
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(pdf.docx_to_pdf(render_plan_docx(plan)))
    pages = pdf_pages_text(path)

    def page_of(text: str) -> int:
        (found,) = [number for number, page in enumerate(pages, 1) if text in page]
        return found

    assert len(pages) > 1
    assert (
        page_of("Nơi nhận:")
        == page_of("KT. GIÁM ĐỐC")
        == page_of("PHÓ GIÁM ĐỐC")
        == page_of("- Lưu: VT, VP.")
        == page_of("Nguyễn Văn An")
    )
