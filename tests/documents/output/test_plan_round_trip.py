"""A plan written in the system prints every part of the genre, each content
item's heading included, and reading the exported Word file back gives the
same plan."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.documents.models import LegalDocument
from danvan.documents.output.docx import render_plan_docx
from danvan.documents.parsing import parse_bytes
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task
from tests.documents.output.conftest import open_docx

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
    for order, document in enumerate(
        [
            LegalDocument.objects.create(
                doc_type="Luật", number="10/2022/QH15", date=date(2022, 11, 10), issuer="Quốc hội"
            ),
            LegalDocument.objects.create(
                doc_type="Nghị định", number="59/2023/NĐ-CP", date=date(2023, 8, 14), issuer="Chính phủ"
            ),
        ]
    ):
        PlanCitation.objects.create(plan=plan, document=document, order=order)
    units = {office_unit.name: office_unit, lead_unit.name: lead_unit}
    order = 0
    for section, tasks in SECTIONS.items():
        for heading, lead, timing in tasks:
            Task.objects.create(
                plan=plan, order=order, section=section, heading=heading, lead_unit=units[lead], timing=timing
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


def _paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in open_docx(data).paragraphs if paragraph.text.strip()]


def test_the_word_file_prints_every_part_in_the_genres_order(whole_plan):
    text = _paragraphs(render_plan_docx(whole_plan))
    parts = [line for line in text if line[:3] in ("I. ", "II.", "III", "IV.")]
    assert parts == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU, CHỈ TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    assert text.index("I. MỤC ĐÍCH, YÊU CẦU") < text.index(
        "1. Mục đích: Nâng cao nhận thức của công chức, viên chức về công tác dân vận chính quyền."
    )
    organisation = text[text.index("IV. TỔ CHỨC THỰC HIỆN") :]
    assert organisation[1].startswith("Văn phòng Sở là đơn vị thường trực")
    assert (
        "- Chi cục Tiêu chuẩn Đo lường Chất lượng báo cáo kết quả 6 tháng đầu năm về Văn phòng Sở "
        "trước ngày 10/06/2026." in organisation
    )


def test_each_content_items_heading_prints_once_before_its_first_task(whole_plan):
    text = _paragraphs(render_plan_docx(whole_plan))
    for section, tasks in SECTIONS.items():
        # The heading prints without the ordinal it was typed with: the tasks carry the numbers.
        title = section.split(". ", 1)[1]
        assert text.count(title) == 1 and section not in text
        position = text.index(title)
        assert text[position + 1].endswith(tasks[0][0])


def test_the_exported_word_file_reads_back_as_the_same_plan(whole_plan):
    read = parse_bytes(render_plan_docx(whole_plan), "ke-hoach.docx")
    assert read["kind"] == "ke_hoach" and read["title"] == whole_plan.title
    assert (read["number"], read["symbol"], read["date"]) == ("15", "KH-SKHCN", "2026-02-10")
    # The basis first; then what the tasks name (every document referred to is a citation).
    assert [(c["type"], c["number"], c["date"]) for c in read["citations"]][:2] == [
        ("Luật", "10/2022/QH15", "2022-11-10"),
        ("Nghị định", "59/2023/NĐ-CP", "2023-08-14"),
    ]
    expected = [task for tasks in SECTIONS.values() for task in tasks]
    assert [(t["heading"], t["lead"], t["timing"]) for t in read["tasks"]] == expected
    assert [(t["percent"], t["text"][:20]) for t in read["targets"]] == [
        (100, "100% công chức, viên"),
        (100, "100% đơn vị đăng ký "),
    ]
    # The plan's deadlines, and the dated tasks' own ("Trước 31/3/2026"): every dated obligation.
    assert sorted(d["date"] for d in read["deadlines"]) == [
        "2026-03-31",
        "2026-04-30",
        "2026-06-10",
        "2026-11-20",
    ]
    reports = [d for d in read["deadlines"] if d["date"] in ("2026-06-10", "2026-11-20")]
    assert all(d["units"] == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"] for d in reports)
    assert read["recipients"][:3] == ["Sở Nội vụ", "Ban Dân vận Tỉnh ủy", "Các đơn vị thuộc Sở"]
    assert read["signer"] == {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Văn An"}
