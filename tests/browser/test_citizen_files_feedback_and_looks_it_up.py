"""A citizen with no account files feedback on the public page, gets a case
code, and later looks the petition up with the code and the phone's last
four digits; a wrong second factor shows the same message as a wrong code."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import AgencyFactory
from tests.petitions.conftest import seed_time_limit_rules


@pytest.fixture
def receiving_agency(transactional_db):
    seed_time_limit_rules()
    return AgencyFactory(name="Sở Giao thông Vận tải", symbol_code="SGTVT")


def test_citizen_files_feedback_and_looks_it_up(receiving_agency, live_server, page, artifacts):
    page.goto(f"{live_server.url}/cong-dan/gui-don/")
    page.get_by_label("Loại đơn").select_option(label="Kiến nghị, phản ánh")
    page.get_by_label("Cơ quan nhận đơn").select_option(label="Sở Giao thông Vận tải")
    page.get_by_label("Họ và tên").fill("Đặng Thị Hoa")
    page.get_by_label("Địa chỉ").fill("Phường Tân Ninh")
    page.get_by_label("Số điện thoại").fill("0987 654 321")
    page.get_by_label("Tóm tắt nội dung").fill("Đèn đường hẻm 12 hỏng")
    page.get_by_label("Nội dung", exact=True).fill("<b>Đèn</b> đường hẻm 12 hỏng hai tuần.")
    page.get_by_role("button", name="Gửi đơn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã nhận đơn")
    code = page.locator("main code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)
    page.get_by_role("link", name="Tra cứu kết quả").click()
    page.get_by_label("Mã hồ sơ").fill(code)
    page.get_by_label("4 số cuối điện thoại đã khai").fill("0000")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Không tìm thấy hồ sơ với mã và 4 số điện thoại hoặc thư điện tử này"
    )
    page.get_by_label("4 số cuối điện thoại đã khai").fill("4321")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_role("main")).to_contain_text("Mới tiếp nhận")
    expect(page.get_by_role("main")).to_contain_text("Đèn đường hẻm 12 hỏng")
    page.screenshot(path=artifacts / "cong-dan-tra-cuu-don.png", full_page=True)
