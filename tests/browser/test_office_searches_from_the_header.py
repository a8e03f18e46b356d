import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from danvan.demo.province import DEMO_PASSWORD


@pytest.fixture
def demo_province(transactional_db, settings):
    call_command("load_demo_province", verbosity=0)


def test_office_finds_its_plan_from_the_header_without_accents(demo_province, sign_in, page, artifacts):
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    box = page.get_by_role("searchbox", name="Tìm kiếm trong hệ thống")
    box.fill("dan van chinh quyen 2026 cong tac")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tìm kiếm")
    results = page.get_by_test_id("ket-qua")
    expect(results).to_contain_text("Thực hiện công tác dân vận chính quyền năm 2026")
    page.screenshot(path=artifacts / "tim-kiem.png", full_page=True)
    results.get_by_role("link", name="Thực hiện công tác dân vận chính quyền năm 2026").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("dân vận chính quyền năm 2026")

    page.get_by_role("searchbox", name="Tìm kiếm trong hệ thống").fill("khong the co ket qua nay")
    page.get_by_role("searchbox", name="Tìm kiếm trong hệ thống").press("Enter")
    expect(page.get_by_test_id("khong-co-ket-qua")).to_contain_text("Không tìm thấy kết quả nào")
