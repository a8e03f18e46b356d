from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from danvan.documents.output.docx import render_plan_docx
from danvan.plans.models import Plan, Task
from tests.documents.output.conftest import TITLE, all_text, open_docx, runs_with


def test_header_table_holds_agency_block_and_national_motto(plan):
    header = open_docx(render_plan_docx(plan)).tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs][:2] == ["UBND TỈNH TÂY NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_number_and_place_date_line(plan):
    header = open_docx(render_plan_docx(plan)).tables[0]
    number, place_date = header.rows[1].cells
    assert number.text == "Số: 12/KH-SKHCN"
    assert place_date.text == "Tây Ninh, ngày 05 tháng 3 năm 2026"
    assert all(run.italic for run in place_date.paragraphs[0].runs)


def test_title_and_summary_are_bold_centred_14pt(plan):
    document = open_docx(render_plan_docx(plan))
    for text in ("KẾ HOẠCH", TITLE):
        (run,) = runs_with(document, text)
        assert run.bold and run.font.size == Pt(14) and run.font.name == "Times New Roman"


def test_body_cites_the_directive_and_lists_every_task_with_lead_and_timing(plan):
    text = all_text(open_docx(render_plan_docx(plan)))
    assert "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ." in text
    assert (
        "1. Tuyên truyền công tác dân vận\n- Đơn vị chủ trì: Văn phòng Sở\n- Thời gian thực hiện: Thường xuyên"
        in text
    )
    assert (
        "2. Tiếp công dân định kỳ\n- Đơn vị chủ trì: Thanh tra Sở\n- Thời gian thực hiện: Hằng tháng" in text
    )


def test_sections_are_numbered_over_the_parts_present(plan):
    text = all_text(open_docx(render_plan_docx(plan)))
    assert "I. MỤC TIÊU, CHỈ TIÊU\n- 100% đơn thư được xử lý đúng hạn." in text
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in text
    assert (
        "III. TỔ CHỨC THỰC HIỆN\n- Các đơn vị Báo cáo kết quả về Văn phòng Sở trước ngày 20/10/2026." in text
    )


def test_recipients_block_in_the_decree_sizes(plan):
    closing = open_docx(render_plan_docx(plan)).tables[1].rows[0].cells[0]
    lines = [p.text for p in closing.paragraphs]
    assert lines == [
        "Nơi nhận:",
        "- Sở Nội vụ;",
        "- Ban Dân vận Tỉnh ủy;",
        "- Các đơn vị thuộc Sở;",
        "- Lưu: VT, VP.",
    ]
    heading = closing.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size == Pt(12)
    assert closing.paragraphs[1].runs[0].font.size == Pt(11)


def test_signature_block_shows_authority_title_and_name(plan):
    signature = open_docx(render_plan_docx(plan)).tables[1].rows[0].cells[1]
    lines = [p.text for p in signature.paragraphs if p.text]
    assert lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]
    assert all(p.runs[0].bold for p in signature.paragraphs if p.text)


def test_page_is_a4_with_the_decree_margins(plan):
    section = open_docx(render_plan_docx(plan)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20


def test_page_numbers_are_not_shown_on_the_first_page(plan):
    section = open_docx(render_plan_docx(plan)).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml


def test_text_with_ampersand_does_not_break_the_document(plan):
    plan.title = "Dân vận & <chính quyền>"
    plan.save(update_fields=["title"])
    assert "Dân vận & <chính quyền>" in all_text(open_docx(render_plan_docx(plan)))


def test_unnumbered_draft_leaves_blanks_for_number_and_date(plan):
    plan.number, plan.issue_date = "", None
    plan.save(update_fields=["number", "issue_date"])
    number, place_date = open_docx(render_plan_docx(plan)).tables[0].rows[1].cells
    assert number.text.replace("\u00a0", "") == "Số: /KH-SKHCN"
    assert place_date.text.replace("\u00a0", " ").split() == ["Tây", "Ninh,", "ngày", "tháng", "năm", "2026"]


def test_national_motto_sizes_follow_the_decree(plan):
    right = open_docx(render_plan_docx(plan)).tables[0].rows[0].cells[1]
    country, motto = (p.runs[0] for p in right.paragraphs)
    assert country.bold and country.font.size == Pt(13) and country.font.name == "Times New Roman"
    assert motto.bold and motto.underline and motto.font.size == Pt(14)


def test_agency_name_is_bold_and_the_governing_body_is_not(plan):
    left = open_docx(render_plan_docx(plan)).tables[0].rows[0].cells[0]
    parent, name = (p.runs[0] for p in left.paragraphs[:2])
    assert not parent.bold and name.bold and name.font.size == Pt(13)


def test_body_paragraphs_are_justified_14pt_times_new_roman(plan):
    document = open_docx(render_plan_docx(plan))
    (run,) = runs_with(document, "- Thời gian thực hiện: Thường xuyên")
    paragraph = next(p for p in document.paragraphs if run._r in p._p)
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and run.font.size == Pt(14)
    assert run.font.name == "Times New Roman"


def test_task_shows_its_supporting_units_and_its_due_date_when_no_timing_text(plan, sibling_unit):
    task = plan.tasks.get(order=2)
    task.supporting_units.add(sibling_unit)
    Task.objects.filter(pk=task.pk).update(timing="", due_date=date(2026, 6, 30))
    text = all_text(open_docx(render_plan_docx(plan)))
    assert (
        "- Đơn vị phối hợp: Trung tâm Khoa học và Công nghệ\n- Thời gian thực hiện: Trước ngày 30/06/2026"
        in text
    )


def test_plan_implementing_a_higher_plan_says_so_before_the_body(plan):
    plan.higher_plan = "Kế hoạch số 1026/KH-UBND ngày 25/3/2022 của UBND tỉnh"
    plan.save(update_fields=["higher_plan"])
    text = all_text(open_docx(render_plan_docx(plan)))
    assert (
        "Thực hiện Kế hoạch số 1026/KH-UBND ngày 25/3/2022 của UBND tỉnh, Sở Khoa học và Công nghệ ban hành"
        in text
    )


def test_rendering_runs_the_same_queries_however_many_tasks(plan, django_assert_num_queries):
    for order in range(3, 30):
        Task.objects.create(plan=plan, order=order, heading=f"Nhiệm vụ {order}", timing="Quý IV")
    loaded = Plan.objects.select_related("agency__province").get(pk=plan.pk)
    # 1 agency template, 2 tasks, 3 their supporting units, 4 citations,
    # 5 targets, 6 deadlines, 7 the office unit for "Lưu: VT, …", 8 and 9 the
    # agency's and the province's former names (their names on the plan's day).
    with django_assert_num_queries(9):
        render_plan_docx(loaded)


def test_the_closing_row_cannot_break_across_pages(plan):
    closing = open_docx(render_plan_docx(plan)).tables[1].rows[0]
    flag = closing._tr.find(qn("w:trPr") + "/" + qn("w:cantSplit"))
    assert flag is not None and flag.get(qn("w:val")) in (None, "true", "1")
