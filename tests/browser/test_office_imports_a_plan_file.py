from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from danvan.demo.province import DEMO_PASSWORD

CORPUS = Path(__file__).resolve().parents[1] / "documents" / "parsing" / "corpus"


@pytest.fixture
def plan_docx():
    """The corpus's Word plan, laid out as an office's: header table, body, closing table."""
    return CORPUS / "102_so-giao-thong-xay-dung.docx"


def test_office_officer_imports_a_word_plan_and_corrects_a_lead_unit(
    transactional_db, sign_in, page, live_server, plan_docx, artifacts
):
    call_command("load_demo_province", verbosity=0)
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="Nhập kế hoạch từ tệp").click()
    page.get_by_label("Tệp kế hoạch (.docx, .pdf, .txt)").set_input_files(str(plan_docx))
    page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page.get_by_role("heading", name="Văn bản gốc")).to_be_visible()
    lead = page.get_by_label("Đơn vị chủ trì trong hệ thống").first
    lead.select_option(label="Thanh tra Sở")
    page.screenshot(path=artifacts / "kiem-tra-ke-hoach-nhap.png", full_page=True)
    page.get_by_role("button", name="Lưu thành kế hoạch dự thảo").click()
    expect(page.get_by_text("Đã tạo kế hoạch dự thảo")).to_be_visible()
    expect(page.get_by_role("cell", name="Thanh tra Sở").first).to_be_visible()
    page.get_by_role("link", name="Kế hoạch số 112/KH-UBND").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch số 112/KH-UBND")
