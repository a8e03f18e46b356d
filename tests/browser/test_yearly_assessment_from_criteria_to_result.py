"""The yearly assessment end to end: the province imports its criteria set from
a workbook; the office opens the agency's 2026 assessment, accepts the figure
the system computed from its tasks, overrides another with a reason and
attaches an existing report as evidence; the leader submits; the reviewer
changes one score; the province finalises and reads the band in its table;
the Word report and the Excel sheet are reopened."""

from decimal import Decimal
from io import BytesIO

from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from danvan.demo.evaluation import ROWS, RULES, SET_NAME
from danvan.demo.province import DEMO_PASSWORD
from danvan.evaluation import services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.evaluation.engine.validation import build_criteria_set
from danvan.evaluation.models import Assessment, CriteriaSet
from danvan.reports.models import Report

# The leaves the office scored before the journey starts (the rest are scored on screen).
SCORED_BEFORE = {
    "I/1": engine.Done(True),
    "I/2": engine.StepChoice(Decimal(6), "Ban hành quy chế dân chủ của Sở"),
    "II/2": engine.StepChoice(Decimal(30), "Tiếp công dân, đối thoại đủ các kỳ"),
    "II/3": engine.Ratio(Decimal(20), Decimal(20)),
    "III/1": engine.Occurrences(1),
    "III/2": engine.Occurrences(0),
    "IV/1": engine.Occurrences(0),
}


def section(page, assessment, key):
    leaf = assessment.scores.get(node__key=key)
    return page.locator(f"#leaf-{leaf.pk}")


def test_province_imports_office_scores_leader_submits_province_reviews_and_finalises(
    transactional_db, sign_in, page, live_server, artifacts, tmp_path
):
    call_command("load_demo_province", verbosity=0)
    old = CriteriaSet.objects.get(status=CriteriaSet.Status.IN_USE)

    # Sở Nội vụ uploads the set of its decision as a new version and puts it in use.
    workbook = tmp_path / "bo-tieu-chi.xlsx"
    workbook.write_bytes(
        write_criteria_sheet(build_criteria_set(SET_NAME, ROWS, declared_max=Decimal(100)), RULES)
    )
    sign_in("snv.theodoi", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/danh-gia/bo-tieu-chi/{old.pk}/")
    upload = page.locator(f'form[action$="/bo-tieu-chi/{old.pk}/phien-ban-moi/"]')
    upload.locator('input[type="file"]').set_input_files(workbook)
    upload.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_text("Đã cập nhật bộ tiêu chí.")).to_be_visible()
    page.get_by_role("button", name="Đưa vào áp dụng").click()
    expect(page.get_by_text("Bộ tiêu chí đã được đưa vào áp dụng.")).to_be_visible()
    new = CriteriaSet.objects.get(status=CriteriaSet.Status.IN_USE)
    assert new.version == 2 and new.replaces == old
    assert new.nodes.get(key="II/1/1.1").indicator == "plans.tasks_on_time"

    # The office opens the year's assessment.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/danh-gia/tu-danh-gia/")
    page.get_by_label("Năm đánh giá").fill("2026")
    page.get_by_role("button", name="Mở bản tự đánh giá").click()
    expect(page.get_by_text("Đã mở bản tự đánh giá, chấm điểm.")).to_be_visible()
    assessment = Assessment.objects.get(agency__symbol_code="SKHCN", year=2026)
    assert assessment.criteria_set == new
    office = assessment.opened_by
    for key, entered in SCORED_BEFORE.items():
        leaf = assessment.scores.select_related("node", "assessment").get(node__key=key)
        override = (
            "Số liệu theo sổ theo dõi của Thanh tra Sở" if leaf.proposal and leaf.proposal["entered"] else ""
        )
        services.score_leaf_of(
            leaf=leaf, entered=entered, explanation="", override_reason=override, by=office
        )
    page.reload()

    # It accepts the share of tasks done on time that the system counted, with its list.
    tasks = section(page, assessment, "II/1/1.1")
    proposed = assessment.scores.get(node__key="II/1/1.1").proposal
    assert (
        proposed["name"] == "Tỷ lệ nhiệm vụ hoàn thành đúng hạn" or proposed["code"] == "plans.tasks_on_time"
    )
    expect(tasks.locator("summary").filter(has_text="Số liệu hệ thống")).to_contain_text("Tỷ lệ nhiệm vụ")
    tasks.get_by_role("button", name="Dùng số liệu này").click()
    expect(page.get_by_text("Đã dùng số liệu hệ thống cho tiêu chí 1.1.")).to_be_visible()
    accepted = assessment.scores.get(node__key="II/1/1.1")
    assert accepted.proposal_accepted and accepted.points == Decimal(proposed["points"])

    # It overrides the reports' figure with a reason.
    reports = section(page, assessment, "II/1/1.2")
    reports.get_by_text("Chấm điểm, thêm tài liệu").click()
    reports.get_by_label("Tử số (số đạt)").fill("2")
    reports.get_by_label("Mẫu số (tổng số)").fill("2")
    reports.get_by_label("Lý do không dùng số liệu hệ thống đề xuất").fill(
        "Báo cáo 6 tháng gửi qua hệ thống quản lý văn bản đúng hạn"
    )
    reports.get_by_role("button", name="Ghi điểm").click()
    expect(page.get_by_text("Đã ghi điểm tiêu chí 1.2.")).to_be_visible()

    # It attaches the agency's six-month report as evidence.
    report = Report.objects.filter(agency=assessment.agency, unit__isnull=True).order_by("pk").first()
    reports = section(page, assessment, "II/1/1.2")
    reports.get_by_text("Chấm điểm, thêm tài liệu").click()
    reports.get_by_label("Tài liệu đã có trong hệ thống").select_option(f"report:{report.pk}")
    reports.get_by_role("button", name="Thêm liên kết").click()
    expect(page.get_by_text("Đã thêm tài liệu kiểm chứng.")).to_be_visible()
    expect(
        section(page, assessment, "II/1/1.2").get_by_role("link", name=f"Báo cáo: {report.request.title}")
    ).to_be_visible()
    page.screenshot(path=str(artifacts / "evaluation-office.png"), full_page=True)

    # The leader submits.
    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    expect(page.get_by_text("Bản tự đánh giá năm 2026 chờ duyệt, gửi")).to_be_visible()
    page.get_by_text("Bản tự đánh giá năm 2026 chờ duyệt, gửi").click()
    page.get_by_role("button", name="Duyệt và gửi Sở Nội vụ").click()
    expect(page.get_by_text("Đã duyệt và gửi bản tự đánh giá, chấm điểm.")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.status == "submitted" and assessment.self_total is not None
    self_total = assessment.self_total

    # The reviewer lowers the dialogues from 30 to 20 with a reason, sends the review and finalises.
    page.context.clear_cookies()
    sign_in("snv.theodoi", DEMO_PASSWORD)
    page.get_by_text("Bản tự đánh giá năm 2026 chờ thẩm định").click()
    dialogues = section(page, assessment, "II/2")
    dialogues.get_by_text("Chấm thẩm định").click()
    dialogues.get_by_label("Mức điểm").select_option("20")
    dialogues.get_by_label("Giải trình").fill("Chưa tổ chức đối thoại quý IV")
    dialogues.get_by_label("Lý do thay đổi điểm").fill("Không có biên bản đối thoại quý IV")
    dialogues.get_by_role("button", name="Ghi điểm").click()
    expect(page.get_by_text("Đã ghi điểm thẩm định tiêu chí 2.")).to_be_visible()
    page.get_by_role("button", name="Gửi kết quả thẩm định cho cơ quan").click()
    expect(page.get_by_text("Đã gửi kết quả thẩm định cho cơ quan.")).to_be_visible()
    page.get_by_role("button", name="Công nhận kết quả, xếp loại").click()
    expect(page.get_by_text("Đã công nhận kết quả đánh giá, xếp loại.")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.reviewed_total == assessment.final_total == self_total - 10
    assert assessment.final_band

    # The province's table shows the agency with its band.
    page.goto(f"{live_server.url}/danh-gia/ket-qua/tinh/{assessment.agency.province_id}/?nam=2026")
    row = page.get_by_role("row").filter(has_text="Sở Khoa học và Công nghệ")
    expect(row).to_contain_text(assessment.final_band)
    page.screenshot(path=str(artifacts / "evaluation-results.png"), full_page=True)

    # The Word report and the Excel sheet, downloaded and reopened.
    page.goto(f"{live_server.url}/danh-gia/tu-danh-gia/{assessment.pk}/")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Báo cáo tự đánh giá (.docx)").click()
    document = Document(caught.value.path())
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền năm 2026" in text
    assert f"Tổng điểm tự chấm: {engine.show_points(self_total)}/100 điểm." in text
    with page.expect_download() as caught:
        page.get_by_role("link", name="Bảng điểm (.xlsx)").click()
    sheet = load_workbook(BytesIO(open(caught.value.path(), "rb").read())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    dialogue_row = next(row for row in rows if row[1] == "Tiếp công dân, đối thoại với Nhân dân")
    assert dialogue_row[3] == "30" and dialogue_row[6] == "20" and dialogue_row[8] == "20"
    assert rows[-2][0] == "Tổng điểm" and rows[-2][8] == engine.show_points(assessment.final_total)
