"""Reporting end to end: the province asks, the office asks its units, two
units report (one late), the office returns one, the unit resubmits, the
office composes the agency's report, the leader approves it, and the
province reviewer sees it with "late" on one unit."""

from datetime import timedelta

import django.utils.timezone
from django.core.management import call_command
from playwright.sync_api import expect

from danvan.core.models import Role, Unit
from danvan.demo.province import DEMO_PASSWORD
from danvan.reports.models import Report, ReportRequest
from tests.factories import person_with_role

TITLE = "Báo cáo kết quả công tác dân vận chính quyền 9 tháng năm 2026"


def test_units_report_office_composes_leader_approves_province_sees(
    transactional_db, sign_in, page, live_server, artifacts, monkeypatch
):
    call_command("load_demo_province", verbosity=0)
    centre = Unit.objects.get(agency__symbol_code="SKHCN", code="TTKHCN")
    centre_head = person_with_role(
        Role.UNIT_HEAD, unit=centre, username="skhcn.trungtam", full_name="Mai Văn Giang"
    )
    centre_head.set_password(DEMO_PASSWORD)
    centre_head.save(update_fields=["password"])
    today = django.utils.timezone.localdate()
    real_now = django.utils.timezone.now

    # The province reviewer asks every department for its nine-month report.
    sign_in("snv.theodoi", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/")
    page.get_by_role("link", name="Yêu cầu các cơ quan báo cáo").click()
    page.get_by_label("Kỳ báo cáo").select_option("nine_months")
    page.get_by_label("Năm", exact=True).fill("2026")
    page.get_by_label("Tên báo cáo").fill(TITLE)
    page.get_by_label("Hạn nộp (dd/mm/yyyy)").fill(f"{today + timedelta(days=5):%d/%m/%Y}")
    page.get_by_label("Nơi nhận báo cáo").fill("Sở Nội vụ")
    # Nothing is ticked for the person: sent to nobody, the form says so.
    agencies = page.locator('input[name="agencies"]')
    assert agencies.count() >= 2
    for box in agencies.all():
        expect(box).to_be_visible()
        expect(box).not_to_be_checked()
    page.get_by_role("button", name="Gửi yêu cầu").click()
    expect(page.get_by_text("Hãy chọn ít nhất một cơ quan phải báo cáo.")).to_be_visible()
    for box in agencies.all():
        box.check()
    page.get_by_role("button", name="Gửi yêu cầu").click()
    expect(page.get_by_text("Đã gửi yêu cầu báo cáo đến")).to_be_visible()

    # The office asks two of its units, due today, for the same period.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/")
    page.get_by_role("link", name="Yêu cầu các đơn vị của Sở KH&CN báo cáo").click()
    page.get_by_label("Kỳ báo cáo").select_option("nine_months")
    page.get_by_label("Năm", exact=True).fill("2026")
    page.get_by_label("Tên báo cáo").fill(TITLE)
    page.get_by_label("Hạn nộp (dd/mm/yyyy)").fill(f"{today:%d/%m/%Y}")
    for box in page.locator('input[name="units"]').all():
        expect(box).to_be_visible()
        expect(box).not_to_be_checked()
    page.get_by_label("Chi cục Tiêu chuẩn Đo lường Chất lượng", exact=True).check()
    page.get_by_label("Trung tâm Khoa học và Công nghệ", exact=True).check()
    page.get_by_label("Phục vụ yêu cầu báo cáo của cấp trên").select_option(
        label=f"{TITLE} — {today + timedelta(days=5):%d/%m/%Y}"
    )
    page.get_by_role("button", name="Gửi yêu cầu").click()
    expect(page.get_by_text("Đã gửi yêu cầu báo cáo đến 2 đơn vị.")).to_be_visible()
    unit_request = ReportRequest.objects.get(level="units", title=TITLE)

    # The Chi cục's head writes (the draft saves itself) and submits on time.
    page.context.clear_cookies()
    sign_in("skhcn.truongdonvi", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/")
    page.get_by_role("link", name=TITLE).first.click()
    results = page.get_by_label("Kết quả đạt được")
    results.fill("")
    results.press_sequentially("Tổ chức 02 hội nghị quán triệt Chỉ thị 33.", delay=5)
    expect(page.get_by_text("Đã tự động lưu lúc")).to_be_visible(timeout=15000)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_text("Đã nộp báo cáo.")).to_be_visible()
    expect(page.get_by_test_id("dung-han")).to_have_text("Đúng hạn")

    # Two days later the centre submits: late.
    monkeypatch.setattr(django.utils.timezone, "now", lambda: real_now() + timedelta(days=2))
    page.context.clear_cookies()
    sign_in("skhcn.trungtam", DEMO_PASSWORD)
    centre_report = unit_request.reports.get(unit=centre)
    page.goto(f"{live_server.url}/bao-cao/{centre_report.pk}/")
    page.get_by_label("Kết quả đạt được").fill("Tổ chức 01 buổi đối thoại với doanh nghiệp.")
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu báo cáo.")).to_be_visible()
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_test_id("dung-han")).to_have_text("Nộp muộn 2 ngày")

    # The office returns the centre's report with a comment; the centre resubmits.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{centre_report.pk}/")
    page.get_by_label("Ý kiến", exact=True).fill("Bổ sung số ý kiến doanh nghiệp đã được trả lời.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.get_by_test_id("trang-thai-bao-cao")).to_have_text("Bị trả lại")
    page.context.clear_cookies()
    sign_in("skhcn.trungtam", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{centre_report.pk}/")
    expect(page.get_by_text("Bổ sung số ý kiến doanh nghiệp đã được trả lời.")).to_be_visible()
    page.get_by_label("Kết quả đạt được").fill(
        "Tổ chức 01 buổi đối thoại; tiếp nhận 12 ý kiến, đã trả lời 12."
    )
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_test_id("trang-thai-bao-cao")).to_have_text("Đã nộp")
    assert Report.objects.get(pk=centre_report.pk).versions.count() >= 5

    # The office composes the agency's report and sends it to the leader.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/yeu-cau/{unit_request.pk}/")
    page.get_by_role("button", name="Tổng hợp báo cáo của cơ quan").click()
    expect(page.get_by_label("Kết quả đạt được")).to_contain_text("tiếp nhận 12 ý kiến")
    page.get_by_label("Hạn chế, nguyên nhân").fill("Một đơn vị nộp báo cáo chậm.")
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    expect(page.get_by_text("Đã trình lãnh đạo duyệt báo cáo.")).to_be_visible()
    agency_report = Report.objects.get(
        request=unit_request.parent, unit__isnull=True, agency__symbol_code="SKHCN"
    )

    # The leader approves: the report gets its number and goes to the province.
    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{agency_report.pk}/")
    page.get_by_role("button", name="Duyệt và gửi cấp trên").click()
    expect(page.get_by_test_id("trang-thai-bao-cao")).to_have_text("Đã duyệt và gửi")
    agency_report.refresh_from_db()
    assert agency_report.number and agency_report.symbol == "BC-SKHCN"

    # The province reviewer sees it in the province's table, "late" on one unit.
    page.context.clear_cookies()
    sign_in("snv.theodoi", DEMO_PASSWORD)
    page.goto(
        f"{live_server.url}/bao-cao/tinh/{agency_report.agency.province_id}/bang-tong-hop/?period={unit_request.period_id}"
    )
    row = page.get_by_test_id("bang-tinh").get_by_role("row").filter(has_text="Sở Khoa học và Công nghệ")
    expect(row).to_contain_text("1 / 1 / 0")
    expect(page.get_by_test_id("ty-le-gui")).to_contain_text("cơ quan được yêu cầu")
    row.get_by_role("link", name="Sở Khoa học và Công nghệ").click()
    centre_row = (
        page.get_by_test_id("don-vi-nop")
        .get_by_role("row")
        .filter(has_text="Trung tâm Khoa học và Công nghệ")
    )
    expect(centre_row).to_contain_text("Nộp muộn 2 ngày")
    page.screenshot(path=str(artifacts / "bao-cao-co-quan.png"), full_page=True)

    # The province returns it with a comment; the office corrects and sends it again.
    page.get_by_label("Ý kiến", exact=True).fill("Bổ sung số liệu đối thoại với doanh nghiệp.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.get_by_test_id("trang-thai-bao-cao")).to_have_text("Bị trả lại")
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{agency_report.pk}/")
    expect(page.get_by_text("Bổ sung số liệu đối thoại với doanh nghiệp.")).to_be_visible()
    page.get_by_label("Kết quả đạt được").fill("Đã đối thoại 02 lần với doanh nghiệp.")
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    expect(page.get_by_test_id("trang-thai-bao-cao")).to_have_text("Đã nộp")
    agency_report.refresh_from_db()
    assert agency_report.versions.filter(event="returned", comment__startswith="Bổ sung số liệu").exists()
