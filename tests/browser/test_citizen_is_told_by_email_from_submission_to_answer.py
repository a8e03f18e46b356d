"""A citizen opens the site's front page, follows its link to send feedback
with only an e-mail address, and receives the case code by e-mail; the
agency's office is told of it; the inspector answers it; the citizen
receives the answer by e-mail, looks it up with the code and the e-mail and
answers the agency's short survey about how it was handled from the lookup
page; the office sees the survey's result and the one-stop on-time figure."""

import re
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from danvan.core.models import Notification, Role
from danvan.surveys import services as surveys
from danvan.surveys.models import Question, Response
from tests.factories import AgencyFactory, person_with_role
from tests.onestop.conftest import import_figures
from tests.petitions.conftest import seed_time_limit_rules

PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 - the factories' test password
EMAIL = "hoa.dang@example.vn"


@pytest.fixture
def people(transactional_db):
    seed_time_limit_rules()
    agency = AgencyFactory(
        name="Sở Giao thông Vận tải",
        symbol_code="SGTVT",
        address="Số 12 đường Trần Phú, phường Tân Ninh",
        hotline="0276 3822 123",
    )
    office = person_with_role(
        Role.AGENCY_OFFICE, agency=agency, username="vanphong", full_name="Phạm Thị Văn"
    )
    survey = surveys.create_survey(
        agency=agency, title="Đánh giá việc giải quyết đơn", about_petitions=True, by=office
    )
    surveys.add_question(survey=survey, kind=Question.Kind.SCALE, text="Mức độ hài lòng", by=office)
    surveys.publish_survey(survey=survey, on=date(2026, 1, 5), by=office)
    # The first quarter's figures from the one-stop system: 55 of 65 settled on time or early.
    import_figures(agency, office)
    return {
        "agency": agency,
        "survey": survey,
        "office": office,
        "inspector": person_with_role(
            Role.INSPECTOR, agency=agency, username="thanhtra", full_name="Ngô Văn Tra"
        ),
    }


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_citizen_is_told_by_email_from_submission_to_answer(people, live_server, page, sign_in, artifacts):
    mail.outbox.clear()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Gửi kiến nghị, phản ánh, khiếu nại, tố cáo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gửi kiến nghị, phản ánh, khiếu nại, tố cáo")
    page.get_by_label("Loại đơn").select_option(label="Kiến nghị, phản ánh")
    page.get_by_label("Cơ quan nhận đơn").select_option(label="Sở Giao thông Vận tải")
    expect(page.get_by_role("main")).to_contain_text("Đường dây nóng: 0276 3822 123")
    page.get_by_label("Họ và tên").fill("Đặng Thị Hoa")
    page.get_by_label("Địa chỉ", exact=True).fill("Phường Tân Ninh")
    page.get_by_label("Thư điện tử").fill(EMAIL)
    page.get_by_label("Tóm tắt nội dung").fill("Đèn đường hẻm 12 hỏng")
    page.get_by_label("Nội dung", exact=True).fill("Đèn đường hẻm 12 hỏng hai tuần.")
    page.get_by_role("button", name="Gửi đơn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã nhận đơn")
    code = page.locator("main code").inner_text()

    # The code arrives by e-mail (the outbox sends once the submission is committed).
    [receipt] = mails_to(EMAIL)
    assert code in receipt.body and receipt.subject == f"Đơn {code}: Đã nhận đơn"
    assert re.search(r"Hạn trả lời theo quy định: \d\d/\d\d/\d{4}", receipt.body)
    assert "Sở Giao thông Vận tải" in receipt.body and "Đặng Thị Hoa" not in receipt.body

    # The office is told, in the app and by e-mail.
    office = people["office"]
    assert Notification.objects.filter(recipient=office, text__contains=code).exists()
    assert any(code in message.body for message in mails_to(office.email))
    sign_in("vanphong", PASSWORD)
    page.goto(f"{live_server.url}/thong-bao/")
    expect(page.get_by_role("main")).to_contain_text(code)

    # The inspector, told too, opens it from the notification and answers.
    page.context.clear_cookies()
    sign_in("thanhtra", PASSWORD)
    page.goto(f"{live_server.url}/thong-bao/")
    page.get_by_role("link", name=re.compile(code)).first.click()
    page.get_by_role("link", name="Phân loại", exact=True).click()
    page.get_by_label("Điều kiện xử lý").select_option(label="Đủ điều kiện xử lý")
    page.get_by_label("Thẩm quyền", exact=True).select_option(label="Thuộc thẩm quyền")
    page.get_by_role("button", name="Phân loại đơn").click()
    page.get_by_role("link", name="Trả lời", exact=True).click()
    page.get_by_label("Trả lời gửi người gửi đơn (hiện khi tra cứu)").fill("Đã thay bóng đèn hẻm 12.")
    page.get_by_role("button", name="Trả lời người gửi đơn").click()
    expect(page.get_by_role("main")).to_contain_text("Đã trả lời")

    # The citizen receives the answer by e-mail and looks it up with the code and the e-mail.
    answer = mails_to(EMAIL)[-1]
    assert answer.subject == f"Đơn {code}: Đã trả lời"
    assert "Đã thay bóng đèn hẻm 12." in answer.body and "Ngô Văn Tra" not in answer.body
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/cong-dan/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(code)
    page.get_by_label("Hoặc thư điện tử đã khai").fill("khac@example.vn")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_role("alert")).to_contain_text("Không tìm thấy hồ sơ")
    page.get_by_label("Hoặc thư điện tử đã khai").fill(EMAIL)
    page.get_by_role("button", name="Tra cứu").click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Đã trả lời")
    expect(main).to_contain_text("Đã thay bóng đèn hẻm 12.")
    expect(main).to_contain_text("Cơ quan đang giải quyết: Sở Giao thông Vận tải")
    expect(main).to_contain_text("Số 12 đường Trần Phú")
    page.screenshot(path=artifacts / "cong-dan-nhan-thu-tra-loi.png", full_page=True)

    # From the lookup, the citizen answers the short survey about how the petition was handled.
    page.get_by_role("link", name="Đánh giá việc giải quyết đơn").click()
    page.get_by_role("group", name="Mức độ hài lòng").get_by_label("5").check()
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cảm ơn ông/bà")
    survey = people["survey"]
    assert Response.objects.filter(survey=survey).count() == 1

    # The office sees the survey's result and the on-time figure of its dossiers.
    page.context.clear_cookies()
    sign_in("vanphong", PASSWORD)
    page.goto(live_server.url + reverse("surveys:survey_results", args=[survey.pk]))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Mức độ hài lòng")
    expect(main).to_contain_text("100")
    page.goto(live_server.url + reverse("onestop:agency", args=[people["agency"].pk]))
    expect(page.get_by_role("main")).to_contain_text("84,62")
    page.screenshot(path=artifacts / "van-phong-xem-khao-sat-va-ty-le-dung-han.png", full_page=True)
