"""A plan of Sở Khoa học và Công nghệ as it would be printed: numbered,
dated, citing one directive, with two tasks, a target, a deadline, recipients
and a deputy director signing for the director."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document

from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task

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
