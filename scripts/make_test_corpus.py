"""Builds the Word, PDF and scanned copies of the test corpus's plan (tests/documents/parsing/corpus/).

    python scripts/make_test_corpus.py

The plan is laid out as agencies lay theirs out: a two-column header table (agency and number on
the left, the national motto and the place and date on the right), the body, and a two-column
closing table (recipients on the left, the signature on the right), in Times New Roman. The PDF
is LibreOffice's rendering of the Word file set in Tinos, Times New Roman's metric twin: given
"Times New Roman", LibreOffice substitutes Liberation Serif 1.x, which lacks most Vietnamese
letters and borrows them from another font, out of reading order in the text layer. That is the
"-fallback-font.pdf" copy: set in Liberation Serif, as a server without Tinos prints it. The scan is that PDF rendered to page images at 150 dpi and saved
again as a PDF with no text layer, the way a scanner delivers it. Needs LibreOffice (soffice),
poppler-utils (pdftoppm) and Pillow; the outputs are committed, so the tests need none of these.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from PIL import Image

from danvan.documents.output.pdf import docx_to_pdf

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "documents" / "parsing" / "corpus"
NAME = "102_so-giao-thong-xay-dung"

HEADER_LEFT = ["UBND TỈNH LAM GIANG", "SỞ GIAO THÔNG VÀ XÂY DỰNG", "", "Số: 09/KH-SGTXD"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "",
    "Lam Giang, ngày 05 tháng 02 năm 2028",
]
TITLE = ["KẾ HOẠCH", "Thực hiện công tác Dân vận chính quyền năm 2028"]
# (text, bold)
BODY = [
    (
        "Căn cứ Kế hoạch số 112/KH-UBND ngày 15/01/2028 của UBND tỉnh Lam Giang về thực hiện công tác "
        "Dân vận chính quyền năm 2028;",
        False,
    ),
    (
        "Căn cứ Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương ban hành Quy chế công "
        "tác dân vận của hệ thống chính trị;",
        False,
    ),
    (
        "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường và nâng cao "
        "hiệu quả công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới;",
        False,
    ),
    ("Sở Giao thông và Xây dựng xây dựng Kế hoạch thực hiện như sau:", False),
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    (
        "Tạo chuyển biến rõ nét về ý thức, trách nhiệm phục vụ Nhân dân của công chức, viên chức; "
        "lắng nghe ý kiến của người dân và doanh nghiệp trong quản lý giao thông và xây dựng.",
        False,
    ),
    ("II. NHIỆM VỤ", True),
    ("1. Công khai quy hoạch, kế hoạch đầu tư công trình giao thông để Nhân dân biết, tham gia ý kiến", True),
    ("- Đơn vị thực hiện: Phòng Kế hoạch - Tài chính.", False),
    ("- Thời gian thực hiện: Quý II năm 2028.", False),
    ("2. Đối thoại với người dân có đất bị thu hồi để làm đường tỉnh", True),
    ("- Đơn vị thực hiện: Ban Quản lý dự án giao thông.", False),
    ("- Thời gian thực hiện: Trước khi phê duyệt phương án bồi thường.", False),
    ("3. Rút ngắn thời gian cấp giấy phép xây dựng", True),
    ("- Đơn vị thực hiện: Phòng Quản lý xây dựng.", False),
    ("- Thời gian thực hiện: Cả năm.", False),
    ("III. CHỈ TIÊU", True),
    ("1. 100% công trình giao thông được công khai tại địa bàn.", False),
    ("2. 90% hồ sơ cấp phép xây dựng được giải quyết trước hạn.", False),
    ("IV. TỔ CHỨC THỰC HIỆN", True),
    (
        "Các phòng, đơn vị báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 10/6/2028. Văn phòng Sở "
        "tổng hợp, báo cáo Sở Nội vụ trước ngày 20/11/2028./.",
        False,
    ),
]
RECIPIENTS = ["Nơi nhận:", "- Sở Nội vụ;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT."]
SIGNATURE = ["GIÁM ĐỐC", "", "", "", "Lê Văn Khải"]


def _lines(cell, lines: list[str], *, bold_first: int = 0) -> None:
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = index < bold_first


def build_docx(path: Path, *, font: str = "Times New Roman") -> Path:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = font, Pt(13)
    header = document.add_table(rows=1, cols=2)
    _lines(header.cell(0, 0), HEADER_LEFT, bold_first=2)
    _lines(header.cell(0, 1), HEADER_RIGHT, bold_first=2)
    for index, line in enumerate(TITLE):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = index == 0
    for text, bold in BODY:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(text).bold = bold
    closing = document.add_table(rows=1, cols=2)
    _lines(closing.cell(0, 0), RECIPIENTS)
    _lines(closing.cell(0, 1), SIGNATURE, bold_first=1)
    document.save(path)
    return path


def to_scan(pdf_path: Path, out_path: Path) -> Path:
    with tempfile.TemporaryDirectory() as work:
        prefix = Path(work) / "page"
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf_path), str(prefix)], check=True)
        pages = [Image.open(p).convert("L") for p in sorted(Path(work).glob("page*.png"))]
        pages[0].save(out_path, save_all=True, append_images=pages[1:], resolution=150, quality=75)
    return out_path


def main() -> int:
    for program in ("soffice", "pdftoppm"):
        if shutil.which(program) is None:
            print(f"Thiếu chương trình {program} (xem scripts/system-deps.sh).", file=sys.stderr)
            return 1
    docx_path = build_docx(CORPUS / f"{NAME}.docx")
    with tempfile.TemporaryDirectory() as work:
        for_pdf = build_docx(Path(work) / docx_path.name, font="Tinos")
        pdf_path = CORPUS / f"{NAME}.pdf"
        pdf_path.write_bytes(docx_to_pdf(for_pdf.read_bytes()))
        fallback = build_docx(Path(work) / "fallback.docx", font="Liberation Serif")
        (CORPUS / f"{NAME}-fallback-font.pdf").write_bytes(docx_to_pdf(fallback.read_bytes()))
    to_scan(pdf_path, CORPUS / f"{NAME}-scan.pdf")
    for path in sorted(CORPUS.glob(f"{NAME}*")):
        print(path.relative_to(CORPUS.parents[3]), path.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
