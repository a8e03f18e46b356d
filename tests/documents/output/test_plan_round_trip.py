"""A plan written in the system prints every part of the genre, each content
item's heading included, and a plan exported to Word or PDF and imported
again (uploaded, reviewed as read, saved) is the same plan, field by field,
and prints the same."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.documents.output import pdf
from danvan.documents.output.context import group_title
from danvan.documents.output.docx import render_plan_docx
from danvan.documents.parsing import parse_bytes
from danvan.plans.models import Plan, PlanImport
from tests.conftest import require_binary
from tests.documents.output.conftest import SECTIONS, all_text, open_docx
from tests.plans.test_import_views import form_data


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
    assert read["purposes"] == whole_plan.purposes
    # Every document the text names is a citation; the basis is what the "Căn cứ" lines name.
    assert {(c["type"], c["number"] or c["name"]) for c in read["citations"]} == {
        ("Luật", "10/2022/QH15"),
        ("Nghị định", "59/2023/NĐ-CP"),
        ("Kết luận", "114-KL/TW"),
        ("Luật", "Luật Thực hiện dân chủ ở cơ sở"),
        ("Kế hoạch", "1026/KH-UBND"),
    }
    assert read["higher_plan"] == whole_plan.higher_plan
    assert [(c["type"], c["number"], c["date"]) for c in read["basis"]] == [
        ("Luật", "10/2022/QH15", "2022-11-10"),
        ("Nghị định", "59/2023/NĐ-CP", "2023-08-14"),
    ]
    expected = [(group_title(section), *task) for section, tasks in SECTIONS.items() for task in tasks]
    assert [(t["section"], t["heading"], t["lead"], t["timing"]) for t in read["tasks"]] == expected
    assert [(t["percent"], t["text"][:20]) for t in read["targets"]] == [
        (100, "100% công chức, viên"),
        (100, "100% đơn vị đăng ký "),
    ]
    # Every dated obligation: the plan's, and the dated tasks' own ("Trước 31/3/2026") as theirs.
    assert [(d["date"], d["task"]) for d in read["deadlines"]] == [
        ("2026-03-31", 2),
        ("2026-04-30", 4),
        ("2026-06-10", None),
        ("2026-11-20", None),
    ]
    assert read["deadlines"][0]["units"] == ["Văn phòng Sở"]
    reports = [d for d in read["deadlines"] if d["task"] is None]
    assert all(d["units"] == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"] for d in reports)
    assert read["recipients"][:3] == ["Sở Nội vụ", "Ban Dân vận Tỉnh ủy", "Các đơn vị thuộc Sở"]
    assert read["signer"] == {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Văn An"}


def _word(plan) -> bytes:
    return render_plan_docx(plan)


def _pdf(plan) -> bytes:
    require_binary("soffice")
    return pdf.docx_to_pdf(render_plan_docx(plan))


def plan_fields(plan) -> dict:
    """Everything the plan holds that its printed form shows, as plain values."""
    tasks = plan.tasks.select_related("lead_unit").order_by("order")
    return {
        "plan": {
            name: getattr(plan, name)
            for name in (
                "kind",
                "title",
                "number",
                "symbol",
                "place",
                "issue_date",
                "period_year",
                "period_quarter",
                "period_half",
                "higher_plan",
                "purposes",
                "implementation",
                "signer_authority",
                "signer_name",
            )
        },
        # The signing title prints in capitals.
        "signer_title": plan.signer_title.upper(),
        # The filing line ("Lưu: VT, VP") is printed by the export and read back as a recipient.
        "recipients": [name for name in plan.recipients if not name.startswith("Lưu")],
        "basis": [c.document_id for c in plan.plancitation_set.order_by("order")],
        # A content item's heading prints without the ordinal it was typed with.
        "tasks": [
            (
                group_title(t.section),
                t.heading,
                t.lead_unit_id,
                t.timing,
                t.timing_kind,
                t.timing_day,
                t.due_date,
                t.due_working_days,
            )
            for t in tasks
        ],
        "targets": [(t.text, t.percent) for t in plan.targets.order_by("order")],
        "deadlines": [(d.due_date, d.action, d.units, d.recipient) for d in plan.deadlines.order_by("order")],
    }


@pytest.mark.parametrize(
    ("export", "name"), [(_word, "ke-hoach.docx"), (_pdf, "ke-hoach.pdf")], ids=["word", "pdf"]
)
def test_an_exported_plan_imported_again_is_the_same_plan_and_prints_the_same(
    whole_plan, export, name, client, office_officer, django_capture_on_commit_callbacks
):
    data = export(whole_plan)
    client.force_login(office_officer)
    with django_capture_on_commit_callbacks(execute=True):
        uploaded = client.post(
            reverse("plans:import_upload", args=[whole_plan.agency_id]),
            {"file": SimpleUploadedFile(name, data)},
        )
    review = client.get(uploaded["Location"])
    record = PlanImport.objects.get()
    assert record.status == PlanImport.Status.READY, record.error
    # Saved as read: the office changes nothing on the review page.
    client.post(reverse("plans:import_save", args=[record.pk]), form_data(review))
    imported = Plan.objects.exclude(pk=whole_plan.pk).get()

    assert plan_fields(imported) == plan_fields(whole_plan)
    assert imported.recipients[-1] == "Lưu: VT, VP."
    # The tasks' dates stay the tasks': no deadline of the office repeats them.
    assert imported.deadlines.count() == 2 and imported.citations.count() == 2
    assert all_text(open_docx(render_plan_docx(imported))) == all_text(
        open_docx(render_plan_docx(whole_plan))
    )
