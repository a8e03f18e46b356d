"""Each role signs in as its demo person, reads its landing page and does the
first thing on its list from there. The screenshots are the user guide's
(docs/huong-dan/img/ with DANVAN_GUIDE_SCREENSHOTS=1)."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from danvan.core.models import User
from danvan.demo.province import DEMO_PASSWORD
from danvan.demo.reports import HALF_TITLE, YEAR_TITLE
from danvan.petitions import services as petition_services
from danvan.petitions.models import Petition
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task

NEW_PLAN = "Kế hoạch tổ chức đối thoại với doanh nghiệp khoa học và công nghệ năm 2027"
NEW_TASK = "Kiểm tra đo lường tại các chợ truyền thống"
MY_TASK = "Hướng dẫn doanh nghiệp công bố tiêu chuẩn cơ sở"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_province", verbosity=0)
    return Plan.objects.get(agency__symbol_code="SKHCN", period_year=2026)


def todo(page, key):
    return page.get_by_test_id(key)


def test_leader_approves_the_plan_awaiting_approval(demo, sign_in, page, guide_shot):
    office = User.objects.get(username="skhcn.vanphong")
    plan = Plan.objects.create(agency=demo.agency, title=NEW_PLAN, period_year=2027, created_by=office)
    Task.objects.create(
        plan=plan, order=0, heading="Đối thoại với doanh nghiệp", lead_unit=demo.tasks.first().lead_unit
    )
    plan_services.submit_plan(plan=plan, by=office)

    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    expect(todo(page, "ke-hoach-cho-duyet")).to_contain_text(NEW_PLAN)
    expect(todo(page, "bao-cao-cho-duyet")).to_contain_text("Không có báo cáo nào chờ phê duyệt.")
    guide_shot("lanh-dao-trang-chinh")
    todo(page, "ke-hoach-cho-duyet").get_by_role("link", name=NEW_PLAN).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_PLAN)
    guide_shot("lanh-dao-phe-duyet-ke-hoach")
    page.get_by_role("button", name="Phê duyệt và ban hành").click()
    expect(page.get_by_text("Đã ban hành").first).to_be_visible()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ISSUED
    page.get_by_role("link", name="Danvan").click()
    expect(todo(page, "ke-hoach-cho-duyet")).to_contain_text("Không có kế hoạch nào chờ phê duyệt.")


def test_office_opens_the_report_request_that_is_due(demo, sign_in, page, guide_shot):
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    expect(todo(page, "don-vi-chua-bao-cao")).to_contain_text("Chi cục Tiêu chuẩn Đo lường Chất lượng")
    guide_shot("van-phong-trang-chinh")
    todo(page, "yeu-cau-den-han").get_by_role("link", name=YEAR_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(YEAR_TITLE)
    expect(page.get_by_test_id("tinh-hinh-nop")).to_contain_text("Sở Khoa học và Công nghệ")
    guide_shot("van-phong-yeu-cau-bao-cao")


def test_unit_head_assigns_a_task_from_the_landing_page(demo, sign_in, page, guide_shot):
    unit = demo.tasks.get(lead_unit__code="CCTDC").lead_unit
    task = Task.objects.create(
        plan=demo,
        order=20,
        heading=NEW_TASK,
        lead_unit=unit,
        due_date=timezone.localdate() + timedelta(days=20),
    )

    sign_in("skhcn.truongdonvi", DEMO_PASSWORD)
    expect(todo(page, "cap-nhat-cho-xac-nhan")).to_be_visible()
    guide_shot("truong-don-vi-trang-chinh")
    todo(page, "nhiem-vu-can-giao").get_by_role("link", name=NEW_TASK).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TASK)
    page.get_by_label("Người thực hiện", exact=True).select_option(label="Trần Thị Dung")
    guide_shot("truong-don-vi-giao-viec")
    page.get_by_role("button", name="Giao việc").click()
    expect(page.get_by_role("main")).to_contain_text("Trần Thị Dung")
    task.refresh_from_db()
    assert task.assignee.username == "skhcn.chuyenvien"
    page.get_by_role("link", name="Danvan").click()
    expect(todo(page, "nhiem-vu-can-giao")).not_to_contain_text(NEW_TASK)


def test_staff_report_progress_on_their_nearest_task(demo, sign_in, page, guide_shot):
    staff = User.objects.get(username="skhcn.chuyenvien")
    today = timezone.localdate()
    task = Task.objects.create(
        plan=demo,
        order=21,
        heading=MY_TASK,
        lead_unit=staff.unit,
        assignee=staff,
        status=Task.Status.IN_PROGRESS,
        percent=20,
        due_date=today + timedelta(days=6),
    )

    sign_in("skhcn.chuyenvien", DEMO_PASSWORD)
    mine = todo(page, "nhiem-vu-cua-toi")
    expect(mine).to_contain_text("Còn 6 ngày")
    guide_shot("chuyen-vien-trang-chinh")
    mine.get_by_role("link", name=MY_TASK).click()
    page.get_by_label("Trạng thái").select_option(label="Đang thực hiện")
    page.get_by_label("Tiến độ (%)").fill("60")
    page.get_by_label("Kết quả thực hiện").fill("Đã hướng dẫn 12 doanh nghiệp công bố tiêu chuẩn cơ sở.")
    page.get_by_label("Ngày báo cáo").fill(f"{today:%d/%m/%Y}")
    guide_shot("chuyen-vien-cap-nhat-tien-do")
    page.get_by_role("button", name="Gửi cập nhật").click()
    expect(page.get_by_role("main")).to_contain_text("Đã hướng dẫn 12 doanh nghiệp")
    task.refresh_from_db()
    assert task.percent == 60


def test_inspector_opens_the_petition_due_soonest(demo, sign_in, page, guide_shot):
    import_module("danvan.petitions.migrations.0002_seed_time_limit_rules").seed(apps, None)
    petition = petition_services.receive_petition(
        agency=demo.agency,
        source=Petition.Source.POST,
        kind=Petition.Kind.FEEDBACK,
        subject="Kiến nghị về thời gian tiếp nhận hồ sơ",
        content="Đề nghị Sở bố trí tiếp nhận hồ sơ vào sáng thứ Bảy.",
        received_on=timezone.localdate() - timedelta(days=3),
        sender_name="Lê Văn Tám",
        phone="0909 123 456",
        by=None,
    )

    sign_in("skhcn.thanhtra", DEMO_PASSWORD)
    deadlines = todo(page, "han-xu-ly-don")
    expect(deadlines).to_contain_text(petition.code)
    guide_shot("thanh-tra-trang-chinh")
    deadlines.get_by_role("link", name=petition.code).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiến nghị về thời gian tiếp nhận hồ sơ")
    guide_shot("thanh-tra-xu-ly-don")


def test_province_reviewer_opens_a_late_report(demo, sign_in, page, guide_shot):
    sign_in("snv.theodoi", DEMO_PASSWORD)
    late = todo(page, "bao-cao-qua-han")
    expect(late).to_contain_text("Sở Nội vụ")
    guide_shot("so-noi-vu-trang-chinh")
    late.get_by_role("link", name="Sở Nội vụ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HALF_TITLE)
    expect(page.get_by_test_id("tinh-hinh-nop")).to_contain_text("Quá hạn, chưa nộp")
    guide_shot("so-noi-vu-bao-cao-qua-han")


def test_administrator_opens_the_administration(demo, sign_in, page, guide_shot):
    sign_in("quantri", DEMO_PASSWORD)
    guide_shot("quan-tri-trang-chinh")
    page.get_by_role("link", name="Mở trang quản trị").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quản trị")
    guide_shot("quan-tri-trang-quan-tri")
