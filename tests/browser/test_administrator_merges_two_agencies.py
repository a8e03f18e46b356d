"""The administrator merges Sở Thông tin và Truyền thông into Sở Khoa học và
Công nghệ as of 01/07/2025, confirming its people one by one: the successor's
office finds the open task with its due date and the petition with its legal
deadlines unchanged, the 2024 report still reads with the old name, and the
province tables of 2024 and 2026 each list the agencies of their year."""

from datetime import UTC, date, datetime

from django.core.management import call_command
from playwright.sync_api import expect

from danvan.core.models import Agency, Role, Unit
from danvan.demo.province import DEMO_PASSWORD
from danvan.plans.models import Plan, Task
from danvan.reports import services as report_services
from danvan.reports.models import PeriodKind, Report
from tests.factories import person_with_role
from tests.petitions.conftest import seed_time_limit_rules
from tests.petitions.factories import petition_for

OLD = "Sở Thông tin và Truyền thông"


def test_administrator_merges_and_history_reads_right(transactional_db, sign_in, page, live_server, axe):
    seed_time_limit_rules()  # a transactional test starts without the rules the migrations load
    call_command("load_demo_province", verbosity=0)
    science = Agency.objects.get(symbol_code="SKHCN")
    province = science.province
    media = Agency.objects.create(province=province, name=OLD, short_name="Sở TT&TT", symbol_code="STTTT")
    press = Unit.objects.create(agency=media, code="BCXB", name="Phòng Báo chí - Xuất bản")
    officer = person_with_role(Role.AGENCY_OFFICE, agency=media, full_name="Hồ Thị Truyền Thông")
    plan = Plan.objects.create(
        agency=media,
        title="Kế hoạch công tác dân vận chính quyền năm 2025 của Sở Thông tin và Truyền thông",
        status=Plan.Status.ISSUED,
        period_year=2025,
        created_by=officer,
    )
    task = Task.objects.create(
        plan=plan,
        heading="Đối thoại với cơ quan báo chí về thông tin chính sách",
        lead_unit=press,
        due_date=date(2025, 10, 15),
    )
    petition = petition_for(media, by=officer, received_on=date(2025, 6, 25))
    deadlines = sorted(petition.deadlines.values_list("code", "due_date"))
    reviewer_login = "snv.theodoi"
    year_2024 = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2024)
    request = report_services.request_agency_reports(
        province=province,
        period=year_2024,
        title="Báo cáo công tác dân vận năm 2024",
        due_date=date(2024, 11, 15),
        agencies=[media],
        by=officer,
    )
    old_report = Report.objects.get(request=request)
    Report.objects.filter(pk=old_report.pk).update(
        status=Report.Status.APPROVED,
        results="Đã đối thoại 2 lần.",
        first_sent_at=datetime(2024, 11, 12, 9, tzinfo=UTC),
    )

    sign_in("quantri", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/to-chuc/thay-doi/")
    page.get_by_role("link", name="Thay đổi cấp cơ quan").click()
    page.get_by_label("Loại thay đổi").select_option(label="Sáp nhập, hợp nhất")
    page.get_by_label("Có hiệu lực từ ngày (dd/mm/yyyy)").fill("01/07/2025")
    page.get_by_label("Văn bản quyết định").fill("Quyết định số 1500/QĐ-UBND ngày 30/6/2025 của UBND tỉnh")
    page.get_by_label("Trước thay đổi").select_option(label=OLD)
    page.get_by_label("Sau thay đổi: bên đã có").select_option(label="Sở Khoa học và Công nghệ")
    axe("organisation-change-form")
    page.get_by_role("button", name="Lập thay đổi").click()
    expect(page.get_by_test_id("viec-chuyen-giao")).to_contain_text("kế hoạch chưa kết thúc")
    expect(page.get_by_test_id("viec-chuyen-giao")).to_contain_text("đơn, vụ việc đang giải quyết")
    expect(page.get_by_test_id("don-vi-chuyen")).to_contain_text("Phòng Báo chí - Xuất bản")
    expect(page.get_by_test_id("nguoi-chuyen")).to_contain_text("Hồ Thị Truyền Thông")
    axe("organisation-change-preview")
    # Nobody is confirmed until the administrator ticks them (here: all at once).
    expect(page.get_by_label("Hồ Thị Truyền Thông")).not_to_be_checked()
    page.get_by_test_id("chon-tat-ca").click()
    expect(page.get_by_label("Hồ Thị Truyền Thông")).to_be_checked()
    page.get_by_role("button", name="Áp dụng thay đổi").click()
    expect(page.get_by_text("Đã áp dụng thay đổi tổ chức.")).to_be_visible()
    expect(page.get_by_test_id("ket-qua-thay-doi")).to_contain_text(
        f"{OLD} thôi hoạt động từ 01/07/2025; Sở Khoa học và Công nghệ kế thừa."
    )

    # The successor's office: the open task, its due date as it was.
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    expect(page.get_by_text(task.heading)).to_be_visible()
    expect(page.get_by_text("15/10/2025").first).to_be_visible()
    petition.refresh_from_db()
    assert petition.agency == science
    assert sorted(petition.deadlines.values_list("code", "due_date")) == deadlines

    # The province: 2024 with the old agency and its report under its name, 2026 without it.
    page.context.clear_cookies()
    sign_in(reviewer_login, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/{old_report.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(OLD)
    page.goto(f"{live_server.url}/bao-cao/tinh/{province.pk}/bang-tong-hop/?period={year_2024.pk}")
    expect(page.get_by_role("rowheader", name=OLD)).to_be_visible()
    year_2026 = report_services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026)
    page.goto(f"{live_server.url}/bao-cao/tinh/{province.pk}/bang-tong-hop/?period={year_2026.pk}")
    expect(page.get_by_role("rowheader", name="Sở Khoa học và Công nghệ")).to_be_visible()
    expect(page.get_by_role("rowheader", name=OLD)).to_have_count(0)
