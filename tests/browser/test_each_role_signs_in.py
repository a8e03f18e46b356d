import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from danvan.core.models import Role
from danvan.demo.province import DEMO_PASSWORD, PEOPLE


@pytest.fixture
def demo_province(transactional_db, settings):
    call_command("load_demo_province", verbosity=0)


@pytest.mark.parametrize("person", PEOPLE, ids=[p.username for p in PEOPLE])
def test_demo_person_signs_in_and_sees_their_landing_page(demo_province, sign_in, page, artifacts, person):
    sign_in(person.username, DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.full_name)
    expect(page.get_by_test_id("vai-tro")).to_contain_text(str(Role(person.role).label))
    # The vendored stylesheet is served: the header bar has the theme's colour.
    expect(page.locator("nav.navbar")).to_have_css("background-color", "rgb(164, 22, 26)")
    if person.agency_code:
        expect(page.get_by_role("main")).to_contain_text("Sở ")
    for area in ["Kế hoạch", "Nhiệm vụ", "Báo cáo", "Tiếp công dân & đơn thư", "Dân vận khéo", "Đánh giá"]:
        expect(
            page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name=area)
        ).to_be_visible()
    page.screenshot(path=artifacts / f"trang-chinh-{person.username}.png", full_page=True)


def test_office_officer_opens_an_area_page_and_the_organisation(demo_province, sign_in, page):
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Dân vận khéo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dân vận khéo")
    page.get_by_role("link", name="Tổ chức").click()
    page.get_by_role("link", name="Sở Khoa học và Công nghệ").click()
    expect(page.get_by_role("cell", name="Chi cục Tiêu chuẩn Đo lường Chất lượng")).to_be_visible()
