"""«Dân vận khéo» end to end: the office opens the 2027 campaign with its
deadline 20/03; two units register models, the third does not and is reminded
by the daily step; one model reports twice with evidence; the council scores
it and the office proposes it; the decision is issued with the agency's next
number; another unit replicates the model; the yearly figure counts it."""

from datetime import date

from playwright.sync_api import expect

from danvan.core.indicators import get_indicator
from danvan.core.jobs import run_daily_steps
from danvan.core.models import Notification, Role, Unit
from danvan.emulation.models import Campaign, GoodPractice
from tests.factories import AgencyFactory, ProvinceFactory, person_with_role

PASSWORD = "Mat-khau-2026"
PDF = b"%PDF-1.4\n% bien ban kiem dinh\n"


def people():
    agency = AgencyFactory(province=ProvinceFactory(), name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    units = [
        Unit.objects.create(agency=agency, code="CCTDC", name="Chi cục Tiêu chuẩn Đo lường Chất lượng"),
        Unit.objects.create(agency=agency, code="TTKHCN", name="Trung tâm Khoa học và Công nghệ"),
        Unit.objects.create(agency=agency, code="QLKH", name="Phòng Quản lý khoa học"),
    ]
    found = {
        "vanphong": person_with_role(
            Role.AGENCY_OFFICE, agency=agency, username="vanphong", full_name="Lê Thị Bình"
        ),
        "giamdoc": person_with_role(
            Role.AGENCY_LEADER, agency=agency, username="giamdoc", full_name="Nguyễn Văn An"
        ),
    }
    for unit, name in zip(units, ("chicuc", "trungtam", "phongqlkh"), strict=True):
        found[name] = person_with_role(
            Role.UNIT_HEAD, unit=unit, username=name, full_name=f"Trưởng {unit.code}"
        )
    for person in found.values():
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    return agency, units, found


def register(page, live_server, campaign, unit, name):
    page.goto(f"{live_server.url}/dan-van-kheo/dang-ky/{campaign.pk}/")
    page.get_by_role("link", name="Đăng ký mô hình", exact=True).click()
    page.get_by_label("Đơn vị đăng ký").select_option(label=unit.name)
    page.get_by_label("Tên mô hình").fill(name)
    page.get_by_label("Địa chỉ thực hiện").fill("Chợ Long Hoa, thị xã Hòa Thành")
    page.get_by_label("Lĩnh vực").select_option(label="Kinh tế")
    page.get_by_label("Cấp", exact=True).select_option(label="Cơ sở")
    page.get_by_label("Mục tiêu").fill("Người dân được phục vụ tốt hơn")
    page.get_by_label("Nội dung", exact=True).fill("Kiểm định miễn phí, tuyên truyền tại chỗ")
    page.get_by_label("Lực lượng tham gia").fill("Công chức, tiểu thương")
    page.get_by_label("Ngày bắt đầu (dd/mm/yyyy)").fill("01/04/2027")
    page.get_by_label("Ngày kết thúc (dd/mm/yyyy)").fill("30/11/2027")
    page.get_by_label("Kết quả dự kiến").fill("100% cân được kiểm định")
    page.get_by_label("Người phụ trách").fill("Phạm Văn Cường")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_text("Đã đăng ký mô hình.")).to_be_visible()


def report(page, tmp_path, period, text):
    form = page.get_by_role("form", name="Báo cáo tiến độ")
    form.get_by_label("Kỳ báo cáo").fill(period)
    form.get_by_label("Nội dung báo cáo").fill(text)
    evidence = tmp_path / f"Biên bản {period}.pdf"
    evidence.write_bytes(PDF)
    form.get_by_label("Minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)").set_input_files(evidence)
    form.get_by_role("button", name="Gửi báo cáo tiến độ").click()
    expect(page.get_by_text("Đã gửi báo cáo tiến độ.")).to_be_visible()


def score(page, live_server, practice, points):
    page.goto(f"{live_server.url}/dan-van-kheo/mo-hinh/{practice.pk}/")
    form = page.get_by_role("form", name="Chấm điểm")
    for criterion, value in zip(practice.campaign.criteria.all(), points, strict=True):
        form.locator(f'input[name="c{criterion.pk}"]').fill(value)
    form.get_by_role("button", name="Ghi điểm").click()
    expect(page.get_by_text("Đã ghi điểm bình xét.")).to_be_visible()


def test_office_opens_units_register_council_recognises_and_another_unit_replicates(
    transactional_db, sign_in, page, live_server, tmp_path
):
    agency, units, who = people()

    # The office opens the campaign for its three units, with the council and criteria.
    sign_in("vanphong", PASSWORD)
    page.goto(f"{live_server.url}/dan-van-kheo/")
    page.get_by_role("link", name="Các đợt đăng ký mô hình").click()
    page.get_by_role("link", name="Phát động đợt đăng ký").click()
    page.get_by_label("Năm").fill("2027")
    page.get_by_label("Tên đợt đăng ký").fill("Đăng ký mô hình «Dân vận khéo» năm 2027")
    page.get_by_label("Hạn đăng ký (dd/mm/yyyy)").fill("20/03/2027")
    page.get_by_label("Các ngày báo cáo tiến độ (dd/mm/yyyy, cách nhau bằng dấu phẩy)").fill(
        "30/06/2027, 30/11/2027"
    )
    page.get_by_label("Đơn vị phải đăng ký").select_option(label=[unit.name for unit in units])
    page.get_by_label("Tiêu chí bình xét, mỗi dòng «tên tiêu chí | điểm tối đa»").fill(
        "Hiệu quả thiết thực | 6\nKhả năng nhân rộng | 4"
    )
    page.get_by_label("Hội đồng bình xét").select_option(label=["Nguyễn Văn An", "Lê Thị Bình"])
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_text("Đã phát động đợt đăng ký.")).to_be_visible()
    expect(page.get_by_text("Hạn đăng ký: 20/03/2027")).to_be_visible()
    campaign = Campaign.objects.get()

    # Two units register; the third does not.
    for username, unit, name in (
        ("chicuc", units[0], "Cân đúng, đủ – chợ văn minh"),
        ("trungtam", units[1], "Đưa tiến bộ kỹ thuật về với nhà nông"),
    ):
        page.context.clear_cookies()
        sign_in(username, PASSWORD)
        register(page, live_server, campaign, unit, name)

    # Seven days before the deadline the daily step reminds the unit that has not registered, once.
    run_daily_steps(date(2027, 3, 13))
    run_daily_steps(date(2027, 3, 13))
    assert (
        Notification.objects.filter(recipient=who["phongqlkh"], key__startswith="dvk-register:").count() == 1
    )
    assert not Notification.objects.filter(recipient=who["chicuc"], key__startswith="dvk-register:").exists()
    page.context.clear_cookies()
    sign_in("vanphong", PASSWORD)
    page.goto(f"{live_server.url}/dan-van-kheo/dang-ky/{campaign.pk}/")
    expect(page.locator("li", has_text="Phòng Quản lý khoa học")).to_be_visible()

    # The Chi cục starts its model, reports twice with evidence and reports its results.
    model = GoodPractice.objects.get(unit=units[0])
    page.context.clear_cookies()
    sign_in("chicuc", PASSWORD)
    page.goto(f"{live_server.url}/dan-van-kheo/mo-hinh/{model.pk}/")
    page.get_by_role("button", name="Bắt đầu thực hiện").click()
    expect(page.get_by_text("Đã bắt đầu thực hiện.")).to_be_visible()
    report(page, tmp_path, "6 tháng đầu năm", "Đã kiểm định 180 cân")
    report(page, tmp_path, "Cả năm", "Đã kiểm định 260 cân")
    expect(page.get_by_role("link", name="Biên bản Cả năm.pdf")).to_be_visible()
    results = page.get_by_role("form", name="Báo cáo kết quả")
    results.get_by_label("Kết quả, hiệu quả").fill("260 cân được kiểm định; người dân đồng tình")
    results.get_by_role("button", name="Báo cáo kết quả mô hình").click()
    expect(page.get_by_text("Đã báo cáo kết quả mô hình.")).to_be_visible()

    # The council scores it; the office proposes it and issues the decision.
    page.context.clear_cookies()
    sign_in("giamdoc", PASSWORD)
    score(page, live_server, model, ["6", "3"])
    page.context.clear_cookies()
    sign_in("vanphong", PASSWORD)
    score(page, live_server, model, ["5", "4"])
    expect(page.get_by_text("Điểm bình quân: 9")).to_be_visible()
    page.get_by_role("button", name="Đề nghị công nhận").click()
    expect(page.get_by_text("Đã đề nghị công nhận mô hình.")).to_be_visible()
    page.goto(f"{live_server.url}/dan-van-kheo/dang-ky/{campaign.pk}/")
    page.get_by_label("Ngày ký (dd/mm/yyyy)").fill("15/11/2027")
    page.get_by_label("Cấp công nhận").select_option(label="Ngành")
    page.locator("fieldset", has_text="Mô hình được công nhận").get_by_label(model.name).check()
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.get_by_text("Đã ghi quyết định số 01/QĐ-SKHCN.")).to_be_visible()

    # The Trung tâm replicates the recognised model; the origin shows it.
    page.context.clear_cookies()
    sign_in("trungtam", PASSWORD)
    page.goto(f"{live_server.url}/dan-van-kheo/thu-vien/?q=can dung du")
    page.get_by_role("link", name=model.name).click()
    page.get_by_role("link", name="Nhân rộng mô hình").click()
    page.get_by_label("Đơn vị nhân rộng").select_option(label=units[1].name)
    page.get_by_label("Địa chỉ thực hiện").fill("Chợ Trảng Bàng")
    page.get_by_label("Ngày bắt đầu (dd/mm/yyyy)").fill("01/12/2027")
    page.get_by_label("Ngày kết thúc (dd/mm/yyyy)").fill("31/12/2028")
    page.get_by_label("Người phụ trách").fill("Trưởng TTKHCN")
    page.get_by_role("button", name="Nhân rộng", exact=True).click()
    expect(page.get_by_text("Đã đăng ký nhân rộng mô hình.")).to_be_visible()
    page.goto(f"{live_server.url}/dan-van-kheo/mo-hinh/{model.pk}/")
    expect(page.get_by_text("Đã nhân rộng").first).to_be_visible()
    expect(page.get_by_role("link", name=units[1].name)).to_be_visible()

    # The yearly evaluation's figure for the bonus row counts the recognised model.
    figure = get_indicator("emulation.recognised_models").measure(agency, 2027)
    assert figure.numerator == 1 and figure.lines[0].label == model.name
