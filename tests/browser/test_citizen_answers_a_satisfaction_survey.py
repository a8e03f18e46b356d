"""A citizen opens a published survey from its public link (no account),
answers it, is thanked, and the same browser cannot answer it twice."""

from datetime import date

import pytest
from playwright.sync_api import expect

from danvan.core.models import Role
from danvan.surveys import services
from danvan.surveys.models import Response
from tests.factories import AgencyFactory, person_with_role
from tests.surveys.conftest import build_survey


@pytest.fixture
def survey(transactional_db):
    agency = AgencyFactory(name="Sở Giao thông Vận tải", symbol_code="SGTVT")
    office = person_with_role(Role.AGENCY_OFFICE, agency=agency)
    found = build_survey(agency, office)
    return services.publish_survey(survey=found, on=date(2026, 1, 5), by=office)


def test_citizen_answers_a_satisfaction_survey(survey, live_server, page, artifacts):
    page.goto(f"{live_server.url}/cong-dan/khao-sat/{survey.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Khảo sát bộ phận một cửa")
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.get_by_role("main")).to_contain_text("Hãy trả lời câu hỏi này.")
    page.get_by_role("group", name="Thái độ của cán bộ").get_by_label("4").check()
    page.get_by_role("group", name="Số lần phải đi lại").get_by_label("1 lần").check()
    page.get_by_role("group", name="Ông/bà biết thủ tục qua đâu").get_by_label("Cổng dịch vụ công").check()
    page.get_by_label("Góp ý khác").fill("Cần thêm chỗ ngồi chờ")
    page.screenshot(path=artifacts / "cong-dan-tra-loi-khao-sat.png", full_page=True)
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cảm ơn ông/bà")
    assert Response.objects.filter(survey=survey).count() == 1
    page.goto(f"{live_server.url}/cong-dan/khao-sat/{survey.slug}/")
    expect(page.get_by_role("main")).to_contain_text("Thiết bị này đã gửi phiếu")
    assert Response.objects.filter(survey=survey).count() == 1
