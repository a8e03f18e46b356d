"""An official turns on the second factor, signs out, and signs in again with
the password and then the code an authenticator app computes from the secret."""

import time
from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.factories import UserFactory

PASSWORD = "Mat-khau-thu-2026"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    secret = secret.replace(" ", "")
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_official_enrols_an_app_then_signs_in_with_its_code(transactional_db, sign_in, page, artifacts):
    person = UserFactory(username="lan.tt", full_name="Trần Thị Lan")
    sign_in(person.username, PASSWORD)
    page.get_by_role("button", name="Trần Thị Lan").click()
    page.get_by_role("link", name="Xác thực hai bước").click()
    expect(page.get_by_test_id("trang-thai-otp")).to_contain_text("Chưa bật")
    page.get_by_role("link", name="Thiết lập ứng dụng xác thực").click()

    expect(page.locator("svg.qr-code")).to_be_visible()
    page.screenshot(path=artifacts / "thiet-lap-xac-thuc-hai-buoc.png", full_page=True)
    secret = page.get_by_test_id("khoa-bi-mat").inner_text()
    page.get_by_label("Mã 6 chữ số từ ứng dụng").fill(app_code(secret))
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("heading", name="Mã khôi phục")).to_be_visible()
    expect(page.get_by_test_id("ma-khoi-phuc").get_by_role("listitem")).to_have_count(10)

    page.get_by_role("button", name="Trần Thị Lan").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()

    sign_in(person.username, PASSWORD)
    expect(page.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
    # Until the code is typed no menu is shown and no page opens.
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_have_count(0)
    page.get_by_label("Mã xác thực").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Trần Thị Lan")
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_be_visible()
