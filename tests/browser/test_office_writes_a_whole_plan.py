"""A plan written from scratch holds every part of the genre: the office
writes purposes, two targets, three content items with six tasks (one
monthly), the organisation of implementation and two citations from the
library, one of them replaced, and sees the warning; the leader sees it too
and approves; the Word file prints every part; the monthly task has its
next month's instance after the daily scan; an amendment moves one task to
another lead unit, the leader issues it, and the versions page says so in
words: the two units' names and who decided."""

from datetime import date
from io import BytesIO

from django.core.management import call_command
from docx import Document
from playwright.sync_api import expect

from danvan.core.models import Unit, User
from danvan.demo.province import DEMO_PASSWORD
from danvan.plans.models import Plan, PlanAmendment, Task

TASKS = [
    (
        "1. Công tác tuyên truyền",
        "Quán triệt Kết luận 114-KL/TW đến công chức",
        "Văn phòng Sở",
        "Quý I/2027",
        "",
    ),
    (
        "1. Công tác tuyên truyền",
        "Đưa tin về công tác dân vận trên trang của Sở",
        "Văn phòng Sở",
        "",
        "monthly",
    ),
    (
        "2. Dân chủ ở cơ quan",
        "Tổ chức Hội nghị cán bộ, công chức năm 2027",
        "Văn phòng Sở",
        "Trước 31/3/2027",
        "",
    ),
    (
        "2. Dân chủ ở cơ quan",
        "Công khai thông tin cho công chức theo quy định",
        "Văn phòng Sở",
        "Thường xuyên",
        "",
    ),
    ("3. Dân vận khéo", "Đăng ký mô hình Dân vận khéo của Sở", "Văn phòng Sở", "Trước 30/4/2027", ""),
    ("3. Dân vận khéo", "Sơ kết, nhân rộng mô hình hiệu quả", "Văn phòng Sở", "Tháng 11/2027", ""),
]


def test_office_writes_the_whole_plan_and_the_leader_approves_it(
    transactional_db, sign_in, page, live_server, artifacts, axe
):
    call_command("load_demo_province", verbosity=0)
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/")
    page.get_by_role("link", name="Soạn kế hoạch mới").click()
    page.get_by_label("Trích yếu").fill("Thực hiện công tác dân vận chính quyền năm 2027")
    page.get_by_label("Năm", exact=True).fill("2027")
    page.get_by_label("I. Mục đích, yêu cầu").fill(
        "Nâng cao nhận thức của công chức về công tác dân vận chính quyền.\nTriển khai nghiêm túc, đúng tiến độ."
    )
    page.get_by_label("Tổ chức thực hiện").fill(
        "Văn phòng Sở theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch."
    )
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã tạo kế hoạch dự thảo")).to_be_visible()
    plan = Plan.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))

    for section, heading, lead, timing, kind in TASKS:
        page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/them-nhiem-vu/")
        page.get_by_label("Thuộc mục").fill(section)
        page.get_by_label("Nội dung nhiệm vụ").fill(heading)
        page.get_by_label("Đơn vị chủ trì").select_option(label=lead)
        page.get_by_label("Thời gian thực hiện").fill(timing)
        if kind:
            page.get_by_label("Loại thời hạn").select_option(kind)
        page.get_by_role("button", name="Thêm").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(plan.title)

    page.get_by_role("link", name="Căn cứ, chỉ tiêu, các hạn").click()
    for query, found in (
        ("nghi dinh 04/2015", "Nghị định số 04/2015/NĐ-CP"),
        ("luat 10/2022", "Luật số 10/2022/QH15"),
    ):
        page.get_by_label("Tìm trong thư viện văn bản").fill(query)
        page.get_by_role("button", name="Tìm văn bản").click()
        page.get_by_role("button", name=f"Thêm làm căn cứ {found}").click()
        expect(page.get_by_text(f"Đã thêm căn cứ: {found}")).to_be_visible()
    for text, percent in (
        ("100% công chức được quán triệt Kết luận 114-KL/TW", "100"),
        ("100% đơn vị đăng ký mô hình", "100"),
    ):
        page.get_by_label("Nội dung chỉ tiêu").fill(text)
        page.get_by_label("Tỷ lệ phải đạt (%)").fill(percent)
        page.get_by_role("button", name="Thêm chỉ tiêu").click()
        expect(page.get_by_text("Đã thêm chỉ tiêu.")).to_be_visible()
    page.get_by_label("Hạn (dd/mm/yyyy)").fill("20/10/2027")
    page.get_by_label("Việc phải làm").fill("báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2027")
    page.get_by_label("Gửi về").fill("Văn phòng Sở")
    page.get_by_role("button", name="Thêm hạn").click()
    expect(page.get_by_text("Đã thêm hạn.")).to_be_visible()
    axe("plan-parts")

    page.get_by_role("link", name="Về trang kế hoạch").click()
    warning = page.locator("#can-cu-het-hieu-luc")
    expect(warning).to_contain_text("04/2015/NĐ-CP")
    expect(warning).to_contain_text("10/2022/QH15")
    axe("whole-plan-draft")
    page.get_by_role("button", name="Trình lãnh đạo").click()

    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    expect(page.locator("#can-cu-het-hieu-luc")).to_contain_text("04/2015/NĐ-CP")
    page.get_by_role("button", name="Phê duyệt và ban hành").click()
    expect(page.get_by_text("Đã phê duyệt và ban hành kế hoạch số")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Word").click()
    paragraphs = [p.text for p in Document(BytesIO(open(download.value.path(), "rb").read())).paragraphs]
    for part in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU, CHỈ TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
    ):
        assert part in paragraphs
    for title in ("Công tác tuyên truyền", "Dân chủ ở cơ quan", "Dân vận khéo"):
        assert paragraphs.count(title) == 1
    text = " ".join(paragraphs)
    assert "Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ" in text
    assert "Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội" in text
    for target in ("100% công chức được quán triệt Kết luận 114-KL/TW", "100% đơn vị đăng ký mô hình"):
        assert f"- {target}." in paragraphs
    assert any("trước ngày 20/10/2027" in line for line in paragraphs)
    page.screenshot(path=str(artifacts / "whole-plan-issued.png"), full_page=True)

    monthly = plan.tasks.get(timing_kind=Task.TimingKind.MONTHLY)
    call_command("scan_deadlines", ngay="05/02/2027", verbosity=0)
    assert monthly.occurrences.filter(period_start=date(2027, 2, 1)).exists()

    # After issue, the plan changes only by an amendment: one task moves to another lead unit.
    moved = plan.tasks.get(heading="Tổ chức Hội nghị cán bộ, công chức năm 2027")
    old_unit = moved.lead_unit
    new_unit = Unit.objects.get(agency=plan.agency, code="CCTDC")
    page.context.clear_cookies()
    sign_in("skhcn.vanphong", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Sửa đổi, bổ sung").click()
    page.get_by_label("Lý do sửa đổi, bổ sung").fill("Giao Chi cục chủ trì Hội nghị cán bộ, công chức")
    page.get_by_role("button", name="Lập văn bản sửa đổi").click()
    page.get_by_role("link", name=f"Sửa đổi hoặc bãi bỏ {moved.heading[:20]}").first.click()
    page.get_by_label("Đơn vị chủ trì").select_option(label=new_unit.name)
    page.get_by_role("button", name="Ghi vào văn bản sửa đổi").click()
    expect(page.get_by_text("Đã ghi nội dung sửa đổi nhiệm vụ vào văn bản.")).to_be_visible()
    page.get_by_role("button", name="Trình lãnh đạo").click()
    expect(page.get_by_text("Đã trình lãnh đạo văn bản sửa đổi, bổ sung.")).to_be_visible()
    moved.refresh_from_db()
    assert moved.lead_unit == old_unit  # nothing changes before the leader issues it

    page.context.clear_cookies()
    sign_in("skhcn.lanhdao", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Xem văn bản sửa đổi").click()
    page.get_by_role("button", name="Ban hành văn bản sửa đổi").click()
    amendment = PlanAmendment.objects.get(plan=plan)
    expect(page.get_by_text(f"Đã ban hành văn bản sửa đổi, bổ sung số {amendment.reference}")).to_be_visible()

    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/phien-ban/")
    issued = page.get_by_role("region", name=f"Văn bản số {amendment.reference}")
    expect(issued).to_contain_text(moved.heading)
    expect(issued).to_contain_text("Giao Chi cục chủ trì Hội nghị cán bộ, công chức")
    expect(issued.get_by_role("cell", name="Đơn vị chủ trì", exact=True)).to_be_visible()
    expect(issued.get_by_role("cell", name=old_unit.name, exact=True)).to_be_visible()
    expect(issued.get_by_role("cell", name=new_unit.name, exact=True)).to_be_visible()
    leader = User.objects.get(username="skhcn.lanhdao")
    expect(issued.get_by_text("Ban hành bởi")).to_contain_text(leader.get_full_name())
    page.screenshot(path=str(artifacts / "whole-plan-amended.png"), full_page=True)
    moved.refresh_from_db()
    assert moved.lead_unit == new_unit
