"""A plan of Sở Khoa học và Công nghệ as it would be printed: numbered,
dated, citing one directive, with two tasks, a target, a deadline, recipients
and a deputy director signing for the director."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document

from danvan.documents.models import LegalDocument
from danvan.documents.services import record_citation
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task
from danvan.plans.services.tasks import resolve_timing

TITLE = "Thực hiện công tác dân vận chính quyền năm 2026"


@pytest.fixture
def plan(agency, office_unit, lead_unit, office_officer):
    plan = Plan.objects.create(
        agency=agency,
        title=TITLE,
        number="12",
        symbol="KH-SKHCN",
        place="Tây Ninh",
        issue_date=date(2026, 3, 5),
        period_year=2026,
        recipients=["Sở Nội vụ", "Ban Dân vận Tỉnh ủy;", "Các đơn vị thuộc Sở"],
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="Phó Giám đốc",
        signer_name="Nguyễn Văn An",
        created_by=office_officer,
    )
    directive = LegalDocument.objects.create(
        doc_type="Chỉ thị", number="33/CT-TTg", date=date(2021, 11, 26), issuer="Thủ tướng Chính phủ"
    )
    PlanCitation.objects.create(plan=plan, document=directive)
    Task.objects.create(
        plan=plan,
        order=1,
        heading="Tuyên truyền công tác dân vận",
        lead_unit=office_unit,
        timing="Thường xuyên",
    )
    Task.objects.create(
        plan=plan, order=2, heading="Tiếp công dân định kỳ", lead_text="Thanh tra Sở", timing="Hằng tháng"
    )
    Target.objects.create(plan=plan, text="100% đơn thư được xử lý đúng hạn")
    PlanDeadline.objects.create(
        plan=plan,
        due_date=date(2026, 10, 20),
        action="Báo cáo kết quả",
        units=["Các đơn vị"],
        recipient="Văn phòng Sở",
    )
    return plan


# A whole plan as an office writes it: purposes, two targets, three content items with six tasks
# (one monthly, two with a date), the organisation section, two basis citations, two deadlines.
SECTIONS = {
    "1. Công tác tuyên truyền, quán triệt": [
        ("Quán triệt Kết luận số 114-KL/TW đến toàn thể công chức, viên chức", "Văn phòng Sở", "Quý I/2026"),
        (
            "Đăng tải tin bài về công tác dân vận trên Cổng thông tin điện tử của Sở",
            "Văn phòng Sở",
            "Hằng tháng",
        ),
    ],
    "2. Thực hiện dân chủ ở cơ quan": [
        ("Tổ chức Hội nghị cán bộ, công chức, viên chức năm 2026", "Văn phòng Sở", "Trước 31/3/2026"),
        (
            "Công khai thông tin theo Luật Thực hiện dân chủ ở cơ sở",
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "Thường xuyên",
        ),
    ],
    "3. Xây dựng mô hình «Dân vận khéo»": [
        (
            "Đăng ký ít nhất 01 mô hình «Dân vận khéo» trong cải cách hành chính",
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "Trước 30/4/2026",
        ),
        ("Sơ kết, nhân rộng mô hình hiệu quả", "Văn phòng Sở", "Tháng 11/2026"),
    ],
}


@pytest.fixture
def whole_plan(agency, office_unit, lead_unit, office_officer):
    plan = Plan.objects.create(
        agency=agency,
        title="Thực hiện công tác dân vận chính quyền năm 2026",
        number="15",
        symbol="KH-SKHCN",
        place="Tây Ninh",
        issue_date=date(2026, 2, 10),
        period_year=2026,
        higher_plan="Kế hoạch số 1026/KH-UBND ngày 25/3/2026 của UBND tỉnh về công tác dân vận chính quyền năm 2026",
        purposes=(
            "1. Mục đích: Nâng cao nhận thức của công chức, viên chức về công tác dân vận chính quyền.\n"
            "2. Yêu cầu: Các đơn vị triển khai nghiêm túc, đúng tiến độ; gắn với nhiệm vụ chuyên môn."
        ),
        implementation=(
            "Văn phòng Sở là đơn vị thường trực, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.\n"
            "Thủ trưởng các đơn vị thuộc Sở chịu trách nhiệm triển khai Kế hoạch tại đơn vị."
        ),
        recipients=["Sở Nội vụ", "Ban Dân vận Tỉnh ủy", "Các đơn vị thuộc Sở"],
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="Phó Giám đốc",
        signer_name="Nguyễn Văn An",
        created_by=office_officer,
    )
    # The basis chosen from the legal library, where both are entered with their subjects.
    for order, document in enumerate(
        [
            record_citation(
                doc_type="Luật",
                number="10/2022/QH15",
                name=None,
                issued=date(2022, 11, 10),
                issuer="Quốc hội",
            ),
            record_citation(
                doc_type="Nghị định",
                number="59/2023/NĐ-CP",
                name=None,
                issued=date(2023, 8, 14),
                issuer="Chính phủ",
            ),
        ]
    ):
        PlanCitation.objects.create(plan=plan, document=document, order=order)
    units = {office_unit.name: office_unit, lead_unit.name: lead_unit}
    order = 0
    for section, tasks in SECTIONS.items():
        for heading, lead, timing in tasks:
            # The kind of timing its words state, as the plan form sets it ("Hằng tháng" is monthly).
            kind = resolve_timing(plan=plan, fields={"timing": timing})
            Task.objects.create(
                plan=plan,
                order=order,
                section=section,
                heading=heading,
                lead_unit=units[lead],
                timing=timing,
                **kind,
            )
            order += 1
    Target.objects.create(
        plan=plan,
        order=0,
        text="100% công chức, viên chức được quán triệt Kết luận 114-KL/TW",
        percent=Decimal(100),
    )
    Target.objects.create(
        plan=plan, order=1, text="100% đơn vị đăng ký mô hình «Dân vận khéo»", percent=Decimal(100)
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=0,
        due_date=date(2026, 6, 10),
        action="báo cáo kết quả 6 tháng đầu năm",
        units=["Chi cục Tiêu chuẩn Đo lường Chất lượng"],
        recipient="Văn phòng Sở",
    )
    PlanDeadline.objects.create(
        plan=plan,
        order=1,
        due_date=date(2026, 11, 20),
        action="báo cáo kết quả năm",
        units=["Chi cục Tiêu chuẩn Đo lường Chất lượng"],
        recipient="Văn phòng Sở",
    )
    return plan


def open_docx(data: bytes):
    return Document(BytesIO(data))


def all_text(document) -> str:
    """Body paragraphs and every table cell, one paragraph a line."""
    lines = [par.text for par in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(par.text for par in cell.paragraphs)
    return "\n".join(lines)


def runs_with(document, text: str):
    """The runs (in body or tables) whose text contains the given text."""
    pars = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                pars.extend(cell.paragraphs)
    return [run for par in pars for run in par.runs if text in run.text]


def pdf_font_families(pdf_path) -> set[str]:
    """The font families embedded in a PDF, as pdffonts names them without
    the subset prefix and the style ('BAAAAA+Tinos-Bold' is 'Tinos')."""
    import subprocess

    from tests.conftest import require_binary

    listing = subprocess.run(
        [require_binary("pdffonts"), str(pdf_path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()[2:]
    names = [line.split()[0] for line in listing if line.strip()]
    return {name.split("+")[-1].split("-")[0] for name in names}


def printed_serif_family() -> str:
    """How the fonts Times New Roman is printed in are named: itself where
    installed, else Tinos (fonts-croscore, installed by scripts/system-deps.sh)."""
    from danvan.documents.output.pdf import missing_font_replacements

    return missing_font_replacements().get("Times New Roman", "TimesNewRoman")


def pdf_pages_text(pdf_path) -> list[str]:
    """The text of each page of a PDF, by pdftotext page by page."""
    import subprocess

    from tests.conftest import require_binary

    pdftotext = require_binary("pdftotext")
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                [require_binary("pdfinfo"), str(pdf_path)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    return [
        subprocess.run(
            [pdftotext, "-f", str(page), "-l", str(page), str(pdf_path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for page in range(1, pages + 1)
    ]
