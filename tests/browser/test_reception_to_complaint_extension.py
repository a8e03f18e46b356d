"""A receptionist records a reception and opens a complaint from it; the
inspector classifies and accepts it, records an extension, and the new due
date appears on the petition page. Then, as the receptionist, the name of a
denouncer appears on no page visited."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from danvan.core.models import Role
from danvan.petitions.models import Deadline, Petition
from tests.factories import AgencyFactory, person_with_role
from tests.petitions.conftest import seed_time_limit_rules
from tests.petitions.factories import petition_for

PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 - the factories' test password
DENOUNCER = "Hoàng Thị Mật"


@pytest.fixture
def people(transactional_db):
    seed_time_limit_rules()
    agency = AgencyFactory(name="Sở Tài nguyên và Môi trường", symbol_code="STNMT")
    return {
        "agency": agency,
        "head": person_with_role(
            Role.AGENCY_LEADER, agency=agency, username="giamdoc", full_name="Lê Văn Trưởng"
        ),
        "receptionist": person_with_role(
            Role.AGENCY_OFFICE, agency=agency, username="tiepdan", full_name="Phạm Thị Tiếp"
        ),
        "inspector": person_with_role(
            Role.INSPECTOR, agency=agency, username="thanhtra", full_name="Ngô Văn Tra"
        ),
    }


def test_receptionist_opens_a_complaint_and_inspector_extends_it(
    people, live_server, page, sign_in, artifacts
):
    today = f"{timezone.localdate():%d/%m/%Y}"
    sign_in("tiepdan", PASSWORD)
    page.goto(f"{live_server.url}/tiep-cong-dan/so-tiep-cong-dan/moi/")
    page.get_by_label("Ngày tiếp").fill(today)
    page.get_by_label("Họ và tên").fill("Trần Văn Khiếu")
    page.get_by_label("Địa chỉ").fill("Ấp Bàu Sen, xã Tân Hòa")
    page.get_by_label("Nội dung sự việc").fill("Không đồng ý quyết định thu hồi đất số 12/QĐ-UBND.")
    page.get_by_role("button", name="Ghi sổ").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lượt tiếp số 1")
    page.get_by_label("Loại đơn").select_option(label="Khiếu nại")
    page.get_by_label("Trích yếu").fill("Khiếu nại quyết định thu hồi đất")
    page.get_by_label("Nội dung", exact=True).fill("Không đồng ý quyết định thu hồi đất số 12/QĐ-UBND.")
    page.get_by_role("button", name="Mở đơn").click()
    expect(page.get_by_role("main")).to_contain_text("Khiếu nại quyết định thu hồi đất")
    petition = Petition.objects.get(reception__isnull=False)
    petition_url = page.url

    page.context.clear_cookies()
    sign_in("thanhtra", PASSWORD)
    page.goto(petition_url)
    page.get_by_role("link", name="Phân loại", exact=True).click()
    page.get_by_label("Điều kiện xử lý").select_option(label="Đủ điều kiện xử lý")
    page.get_by_label("Thẩm quyền", exact=True).select_option(label="Thuộc thẩm quyền")
    page.get_by_role("button", name="Phân loại đơn").click()
    page.get_by_role("link", name="Thụ lý", exact=True).click()
    page.get_by_label("Người giải quyết").select_option(label="Ngô Văn Tra")
    page.get_by_role("button", name="Thụ lý đơn").click()
    expect(page.get_by_role("main")).to_contain_text("Đã thụ lý")
    resolve = Deadline.objects.get(petition=petition, code="complaint.first.resolve")
    before = f"{resolve.due_date:%d/%m/%Y}"
    expect(page.get_by_role("main")).to_contain_text(before)

    page.get_by_role("link", name="Gia hạn", exact=True).click()
    page.get_by_label("Mức độ").select_option(label="Phức tạp")
    page.get_by_label("Căn cứ, quyết định gia hạn").fill("Vụ việc phức tạp, nhiều hộ liên quan.")
    page.get_by_role("button", name="Gia hạn giải quyết").click()
    resolve.refresh_from_db()
    after = f"{resolve.due_date:%d/%m/%Y}"
    assert after != before and resolve.extension_days > 0
    expect(page.get_by_role("main")).to_contain_text(after)
    expect(page.get_by_role("main")).to_contain_text("gia hạn thêm")
    page.screenshot(path=artifacts / "thanh-tra-gia-han-khieu-nai.png", full_page=True)


def test_receptionist_never_sees_a_denouncer_s_name(people, live_server, page, sign_in):
    # Filed on the public form: only the head is granted the identity.
    denunciation = petition_for(
        people["agency"],
        kind="denunciation",
        sender_name=DENOUNCER,
        subject="Tố cáo cán bộ địa chính",
        by=None,
    )
    sign_in("tiepdan", PASSWORD)
    paths = [
        "/tiep-cong-dan/",
        "/tiep-cong-dan/?q=dia+chinh",
        "/tiep-cong-dan/tong-hop/",
        "/tiep-cong-dan/so-tiep-cong-dan/",
        f"/tiep-cong-dan/don/{denunciation.pk}/",
        f"/tiep-cong-dan/don/{denunciation.pk}/nguoi-to-cao/",
        "/api/v1/petitions",
        f"/api/v1/petitions/{denunciation.pk}",
    ]
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert DENOUNCER not in page.content(), path
    page.goto(f"{live_server.url}/tiep-cong-dan/don/{denunciation.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Tố cáo cán bộ địa chính")
