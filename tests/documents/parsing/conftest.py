"""Fixtures for the plan-document parser: sample documents built at test time."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# One plan in the genre, written for these tests: header table, body, signature table.
HEADER_LEFT = ["ỦY BAN NHÂN DÂN TỈNH LONG AN", "SỞ TƯ PHÁP", "Số: 37/KH-STP"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Long An, ngày 14 tháng 2 năm 2025",
]
BODY = [
    "KẾ HOẠCH",
    "Thực hiện công tác dân vận chính quyền năm 2025",
    "Căn cứ Kế hoạch số 512/KH-UBND ngày 20/01/2025 của UBND tỉnh về công tác dân vận chính quyền; "
    "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Sở Tư pháp xây dựng kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao nhận thức của công chức về công tác dân vận.",
    "II. NỘI DUNG THỰC HIỆN",
    "1. Tuyên truyền, phổ biến pháp luật về dân vận",
    "- Đơn vị thực hiện: Phòng Phổ biến, giáo dục pháp luật.",
    "- Thời gian thực hiện: Thường xuyên.",
    "2. Thực hiện Luật Tiếp công dân",
    "- Đơn vị thực hiện: Thanh tra Sở chủ trì phối hợp các phòng.",
    "- Thời gian thực hiện: Quý II năm 2025.",
    "III. CHỈ TIÊU",
    "1. 100% công chức được quán triệt Kế hoạch.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Văn phòng Sở tổng hợp, báo cáo kết quả về Sở Nội vụ trước ngày 15/11/2025./.",
]
RECIPIENTS = ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Thị Mai"]


def require_binary(name: str) -> str:
    """Path of an external program; skip loudly when absent, fail when CI=true."""
    path = shutil.which(name)
    if path is None:
        message = (
            f"{name} is not installed: this test needs it (see the Debian packages in the parser's report)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def build_docx(path: Path) -> Path:
    """The sample plan as Word would lay it out: 2-column header and signature tables."""
    from docx import Document

    document = Document()
    header = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT, strict=True)):
        header.cell(row, 0).text = left
        header.cell(row, 1).text = right
    for text in BODY:
        document.add_paragraph(text)
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "\n".join(RECIPIENTS)
    closing.cell(0, 1).text = "\n".join(SIGNATURE)
    document.save(path)
    return path


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = require_binary("soffice")
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / (docx_path.stem + ".pdf")


def scan_pdf(pdf_path: Path, out_path: Path) -> Path:
    """A PDF with no text layer: each page rendered to an image, the images saved as a PDF."""
    pdftoppm = require_binary("pdftoppm")
    from PIL import Image

    prefix = out_path.parent / "page"
    subprocess.run(
        [pdftoppm, "-r", "200", "-gray", "-png", str(pdf_path), str(prefix)], check=True, timeout=120
    )
    pages = [Image.open(p).convert("L") for p in sorted(out_path.parent.glob("page*.png"))]
    pages[0].save(out_path, save_all=True, append_images=pages[1:], resolution=200)
    return out_path


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory) -> Path:
    return build_docx(tmp_path_factory.mktemp("docx") / "ke-hoach.docx")


@pytest.fixture(scope="session")
def sample_pdf(sample_docx, tmp_path_factory) -> Path:
    return convert_to_pdf(sample_docx, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def scanned_pdf(sample_pdf, tmp_path_factory) -> Path:
    return scan_pdf(sample_pdf, tmp_path_factory.mktemp("scan") / "scan.pdf")


@pytest.fixture
def need_binary():
    """The require_binary helper, for tests that call an external program themselves."""
    return require_binary
