"""An official signs in with the province's identity provider: the button on
the login page, the provider's own sign-in page and consent, and back on
Danvan's home page as themselves; signing out ends both sessions. An
identity nobody linked sees why it cannot enter."""

from playwright.sync_api import expect

from danvan.core.models import ExternalIdentity, Role
from tests.factories import AgencyFactory, ProvinceFactory, person_with_role
from tests.oidc_support import PASSWORD, PEOPLE


def sign_in_at_the_provider(page, subject):
    expect(page.get_by_role("heading", name="Đăng nhập cổng định danh")).to_be_visible()
    page.get_by_label("Số định danh").fill(subject)
    page.get_by_label("Mật khẩu cổng định danh").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập cổng định danh").click()


def answer_the_consent(page, danvan_url, screenshot=None):
    """The provider asks once per run whether Danvan may know who the person
    is; later sign-ins go straight back. Waits for one or the other before
    looking, then for the way back to Danvan."""
    allow = page.get_by_role("button", name="Authorize")
    back_on_danvan = page.get_by_role("navigation", name="Điều hướng chính").or_(page.get_by_role("alert"))
    expect(allow.or_(back_on_danvan).first).to_be_visible()
    if allow.is_visible():
        if screenshot:
            page.screenshot(path=screenshot, full_page=True)
        allow.click()
    page.wait_for_url(f"{danvan_url}/**")


def test_official_signs_in_with_the_province_identity(
    transactional_db, sso, live_server, page, artifacts, axe
):
    agency = AgencyFactory(province=ProvinceFactory(), name="Sở Nội vụ", symbol_code="SNV")
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency, username="thu.lt", full_name="Lê Thị Thu")
    ExternalIdentity.objects.create(issuer=sso.issuer, subject=PEOPLE["browser"], user=person)

    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    axe("trang đăng nhập có nút tài khoản định danh")
    page.screenshot(path=artifacts / "dinh-danh-trang-dang-nhap.png", full_page=True)
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh của tỉnh").click()
    assert page.url.startswith(sso.url)
    sign_in_at_the_provider(page, PEOPLE["browser"])
    answer_the_consent(page, live_server.url, screenshot=artifacts / "dinh-danh-dong-y.png")
    assert page.url.startswith(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lê Thị Thu")
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_be_visible()
    page.screenshot(path=artifacts / "dinh-danh-trang-chu.png", full_page=True)
    assert ExternalIdentity.objects.get(subject=PEOPLE["browser"]).last_seen is not None

    page.get_by_role("button", name="Lê Thị Thu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    assert page.url.startswith(live_server.url)
    # The provider's session ended too: the button asks for the password again.
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh của tỉnh").click()
    expect(page.get_by_role("heading", name="Đăng nhập cổng định danh")).to_be_visible()


def test_an_identity_nobody_linked_is_told_to_ask_the_administrator(
    transactional_db, sso, live_server, page, axe
):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh của tỉnh").click()
    sign_in_at_the_provider(page, PEOPLE["unknown"])
    answer_the_consent(page, live_server.url)
    expect(page.get_by_role("alert")).to_contain_text(
        "Tài khoản định danh này chưa được gắn với cán bộ nào trong hệ thống; liên hệ quản trị"
    )
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_have_count(0)
    axe("trang báo tài khoản định danh chưa được gắn")
    page.get_by_role("link", name="Về trang đăng nhập").click()
    expect(page.get_by_role("heading", name="Đăng nhập", exact=True)).to_be_visible()
