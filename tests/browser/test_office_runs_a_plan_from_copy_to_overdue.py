"""The daily loop: copy last year's plan, edit, submit, approve with a number,
assign, report progress with a PDF, watch the dashboard, and see an overdue
task's reminder in the notifications."""

from datetime import date

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from danvan.demo.province import DEMO_PASSWORD
from danvan.documents.models import NumberSeries
from danvan.plans.models import Plan, Task

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_office_copies_submits_leader_approves_staff_reports(
    transactional_db, sign_in, page, live_server, artifacts, tmp_path
):
    call_command("load_demo_province", verbosity=0)
    last_year = Plan.objects.get(agency__symbol_code="SKHCN", period_year=2025)

    # The office copies last year's plan into 2027, edits a task and submits it.
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{last_year.pk}/")
    page.get_by_role("link", name="Sao chép sang kỳ mới").click()
    page.get_by_label("Năm của kế hoạch mới").fill("2027")
    page.get_by_role("button", name="Sao chép").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("năm 2027")
    # The timing written in each task moved with its due date.
    expect(page.get_by_role("cell", name="Trước 25/11/2027")).to_be_visible()
    expect(page.get_by_text("25/11/2025")).to_have_count(0)
    page.get_by_role("link", name="Sửa nhiệm vụ").nth(1).click()
    page.get_by_label("Hạn hoàn thành").fill("15/03/2027")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("cell", name="15/03/2027")).to_be_visible()
    page.get_by_role("button", name="Trình lãnh đạo").click()
    expect(page.get_by_text("Trình lãnh đạo").first).to_be_visible()
    # The copy just made (the demo also has a draft 2027 plan out for staff comments).
    plan = Plan.objects.filter(period_year=2027).latest("pk")
    assert plan.status == Plan.Status.SUBMITTED

    # The leader approves: the plan is issued with the next number of the
    # agency's series of the issue year (the demo's reports already took some).
    series = NumberSeries.objects.filter(agency=plan.agency, year=timezone.localdate().year).first()
    expected = f"{(series.last_number if series else 0) + 1:02d}"
    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("button", name="Phê duyệt và ban hành").click()
    expect(page.get_by_text(f"Đã phê duyệt và ban hành kế hoạch số {expected}/KH-SKHCN")).to_be_visible()
    plan.refresh_from_db()
    assert plan.number == expected and plan.symbol == "KH-SKHCN"

    # The unit head assigns the Chi cục's task to the staff member.
    task = plan.tasks.get(lead_unit__code="CCTDC")
    page.context.clear_cookies()
    sign_in("skhcn.truongdonvi", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/{task.pk}/")
    page.get_by_label("Người thực hiện", exact=True).select_option(label="Trần Thị Dung")
    page.get_by_role("button", name="Giao việc").click()
    expect(page.get_by_text("Đã giao nhiệm vụ.")).to_be_visible()

    # The staff member posts progress with a PDF as evidence.
    evidence = tmp_path / "bien-ban-hoi-nghi.pdf"
    evidence.write_bytes(PDF)
    page.context.clear_cookies()
    sign_in("skhcn.chuyenvien", DEMO_PASSWORD)
    # Next year's task is among the person's tasks without asking for its year.
    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/cua-toi/")
    expect(page.locator(f'a[href="/ke-hoach/nhiem-vu/{task.pk}/"]')).to_be_visible()
    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/{task.pk}/")
    page.get_by_label("Trạng thái", exact=True).select_option("in_progress")
    page.get_by_label("Tiến độ (%)").fill("50")
    page.get_by_label("Kết quả thực hiện").fill("Đã đăng ký mô hình với Ban Dân vận Tỉnh ủy.")
    page.get_by_label("Minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)").set_input_files(str(evidence))
    page.get_by_role("button", name="Gửi cập nhật").click()
    expect(page.get_by_text("bien-ban-hoi-nghi.pdf")).to_be_visible()

    # A task past its date is marked overdue by the daily scan and reminded.
    Task.objects.filter(plan=plan, lead_unit__code="VP").update(due_date=date(2027, 3, 15))
    call_command("scan_deadlines", "--ngay", "16/03/2027", verbosity=0)

    # The office sees the progress and the overdue task on the dashboard and in its notifications.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/co-quan/{plan.agency_id}/tong-quan/")
    expect(page.get_by_role("heading", name="Nhiệm vụ quá hạn")).to_be_visible()
    expect(page.locator("#qua-han").locator("..")).to_contain_text("15/03/2027")
    page.screenshot(path=artifacts / "tong-quan-co-quan.png", full_page=True)
    page.get_by_label("Thông báo").click()
    expect(page.get_by_text("Nhiệm vụ quá hạn (hạn 15/03/2027)").first).to_be_visible()
