"""Democracy at an agency end to end: the office schedules a briefing on Chỉ
thị 33/CT-TTg for three units and records two absentees, so the plan's target
bound to that document reads 90 % with their names; a make-up session brings
it to 100 %; the head's office records the disclosure of the issued plan and
reads its posting end date; a consultation on next year's draft plan collects
two comments (one anonymous) and publishes the explanation; the yearly staff
conference is held with its quorum and its resolution is reopened in Word."""

from datetime import timedelta
from io import BytesIO

from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from danvan.core.models import Role
from danvan.democracy import services
from danvan.democracy.models import Attendance, Briefing, Consultation, ConsultationComment, StaffConference
from danvan.democracy.selectors import BRIEFED_SOURCE
from danvan.documents.models import LegalDocument
from danvan.plans.measures import read_target
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target
from tests.factories import AgencyFactory, UnitFactory, person_with_role

PASSWORD = "Mat-khau-thu-2026!"
UNITS = ("Văn phòng Sở", "Phòng Kế hoạch - Tài chính", "Thanh tra Sở")


def _person(role, password=True, **scope):
    person = person_with_role(role, **scope)
    if password:
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    return person


def test_office_briefs_discloses_consults_and_holds_the_conference(
    transactional_db, sign_in, page, live_server, artifacts
):
    today = timezone.localdate()
    agency = AgencyFactory(name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")
    units = [UnitFactory(agency=agency, code=f"U{n}", name=name) for n, name in enumerate(UNITS)]
    # 20 people across the three units, the head and the office among them: the
    # agency's whole staff, so two absent make exactly 90 %.
    office = _person(Role.AGENCY_OFFICE, unit=units[0], full_name="Chánh Văn phòng")
    head = _person(Role.AGENCY_LEADER, unit=units[0], full_name="Giám đốc Sở")
    staff = [_person(Role.STAFF, unit=units[n % 3], full_name=f"Cán bộ {n + 1:02d}") for n in range(18)]
    everyone = [office, head, *staff]
    chi_thi = LegalDocument.objects.create(
        doc_type="Chỉ thị",
        number="33/CT-TTg",
        date=today.replace(year=2021, month=11, day=26),
        issuer="Thủ tướng Chính phủ",
        title="Về tiếp tục tăng cường và đổi mới công tác dân vận",
    )
    issued = Plan.objects.create(
        agency=agency,
        title="Thực hiện công tác dân vận chính quyền năm 2026",
        status=Plan.Status.ISSUED,
        number="12",
        symbol="KH-SKHCN",
        issue_date=today - timedelta(days=3),
        period_year=today.year,
        created_by=office,
        issued_by=head,
    )
    target = Target.objects.create(
        plan=issued, text="100% cán bộ, công chức được quán triệt Chỉ thị 33/CT-TTg", percent=100
    )
    bind_target(target=target, measured_by=BRIEFED_SOURCE.code, document=chi_thi, by=office)
    disclosure = services.propose_disclosure_for_plan(plan=issued, by=head)
    draft = Plan.objects.create(
        agency=agency,
        title="Thực hiện công tác dân vận chính quyền năm sau",
        period_year=today.year + 1,
        symbol="KH-SKHCN",
        created_by=office,
    )
    day = today.strftime("%d/%m/%Y")

    # The office schedules the briefing for the three units.
    sign_in(office.username, PASSWORD)
    page.goto(f"{live_server.url}/dan-chu/co-quan/{agency.pk}/quan-triet/them/")
    page.get_by_label("Tên buổi quán triệt").fill("Hội nghị quán triệt Chỉ thị 33/CT-TTg")
    page.get_by_label("Ngày tổ chức (dd/mm/yyyy)").fill(day)
    page.get_by_label("Văn bản được quán triệt (trong thư viện văn bản)").select_option(str(chi_thi.pk))
    for name in UNITS:
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lên lịch buổi quán triệt.")).to_be_visible()
    briefing = Briefing.objects.get()
    assert briefing.attendances.count() == 20

    # Attendance: two absent, the rest present.
    absent = staff[:2]
    for person in everyone:
        if person in absent:
            page.get_by_label(person.full_name, exact=True).select_option("absent")
            page.get_by_label(f"Lý do vắng của {person.full_name}").fill("Đi công tác")
        else:
            page.get_by_label(person.full_name, exact=True).select_option("present")
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_text("Đã ghi điểm danh.")).to_be_visible()

    page.goto(f"{live_server.url}/ke-hoach/{issued.pk}/chi-tieu/{target.pk}/")
    expect(page.get_by_text("90%", exact=False).first).to_be_visible()
    for person in absent:
        expect(page.get_by_text(person.full_name).first).to_be_visible()

    # A make-up session for who is not yet briefed.
    page.goto(f"{live_server.url}/dan-chu/co-quan/{agency.pk}/quan-triet/them/?van_ban={chi_thi.pk}")
    page.get_by_label("Ngày tổ chức (dd/mm/yyyy)").fill(day)
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lên lịch buổi quán triệt.")).to_be_visible()
    for person in absent:
        page.get_by_label(person.full_name, exact=True).select_option("present")
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_text("Đã ghi điểm danh.")).to_be_visible()
    assert Attendance.objects.filter(status=Attendance.Status.MADE_UP).count() == 2
    reading = read_target(target)
    assert (reading.counted, reading.total, str(reading.value)) == (20, 20, "100.00")

    # The disclosure of the issued plan, posted today: its posting end date.
    page.goto(f"{live_server.url}/dan-chu/cong-khai/{disclosure.pk}/")
    page.get_by_label("Niêm yết tại trụ sở", exact=True).first.check()
    page.get_by_label("Ngày công khai (dd/mm/yyyy)").fill(day)
    page.get_by_label("Niêm yết từ ngày").fill(day)
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã ghi việc công khai.")).to_be_visible()
    disclosure.refresh_from_db()
    expect(page.get_by_text(disclosure.posting_end.strftime("%d/%m/%Y")).first).to_be_visible()

    # The consultation on next year's draft plan, from the plan's page.
    page.goto(f"{live_server.url}/ke-hoach/{draft.pk}/")
    page.get_by_role("link", name="Lấy ý kiến cán bộ về dự thảo").click()
    page.get_by_label("Gửi phiếu lấy ý kiến, dự thảo văn bản đến đơn vị, cá nhân").check()
    page.get_by_label("Cổng thông tin điện tử, mạng nội bộ của cơ quan").check()
    page.get_by_label("Ngày bắt đầu lấy ý kiến (dd/mm/yyyy)").fill(day)
    page.get_by_label("Hạn góp ý (dd/mm/yyyy)").fill((today + timedelta(days=10)).strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Mở lấy ý kiến").click()
    expect(page.get_by_text("Đã mở lấy ý kiến cán bộ.")).to_be_visible()
    consultation = Consultation.objects.get()
    assert consultation.plan == draft

    for person, anonymous in ((staff[5], False), (staff[6], True)):
        page.context.clear_cookies()
        sign_in(person.username, PASSWORD)
        page.goto(f"{live_server.url}/dan-chu/lay-y-kien/{consultation.pk}/")
        page.get_by_label("Ý kiến của bạn").fill(
            f"Góp ý của {'người không ghi tên' if anonymous else 'cán bộ'}"
        )
        if anonymous:
            page.get_by_label("Gửi không ghi tên", exact=False).check()
        page.get_by_role("button", name="Gửi ý kiến").click()
        expect(page.get_by_text("Đã gửi ý kiến.")).to_be_visible()
    assert ConsultationComment.objects.filter(anonymous=True, author=None).count() == 1

    page.context.clear_cookies()
    sign_in(head.username, PASSWORD)
    page.goto(f"{live_server.url}/dan-chu/lay-y-kien/{consultation.pk}/")
    expect(page.get_by_text(staff[5].full_name).first).to_be_visible()
    # Matched in the rendered text, where each comment's sender is a line of its own:
    # a substring match would find "cán bộ" before a date of the 7th ("07/12/…").
    assert staff[6].full_name not in page.locator("main").inner_text()
    page.get_by_label("Tổng hợp ý kiến").fill("Nhận 02 ý kiến.")
    page.get_by_label("Tiếp thu, giải trình của người đứng đầu").fill("Tiếp thu cả hai ý kiến.")
    page.get_by_role("button", name="Công khai với cán bộ").click()
    expect(page.get_by_text("Đã công khai tiếp thu, giải trình với cán bộ.")).to_be_visible()

    # The staff conference for the year before, quorate (18 of 20), and its resolution in Word.
    page.goto(f"{live_server.url}/dan-chu/co-quan/{agency.pk}/hoi-nghi/them/")
    page.get_by_label("Năm công tác").fill(str(today.year - 1))
    page.get_by_label("Ngày tổ chức (dd/mm/yyyy)").fill(day)
    page.get_by_label("Tổng số cán bộ, công chức, viên chức, người lao động").fill("20")
    page.get_by_label("Số người được triệu tập (cán bộ hoặc đại biểu)").fill("20")
    page.get_by_label("Số người có mặt").fill("18")
    page.get_by_label("Nội dung khác (mỗi dòng một nội dung)").fill("Kế hoạch công tác năm sau")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã ghi hội nghị.")).to_be_visible()
    conference = StaffConference.objects.get()
    assert conference.present == 18
    page.goto(f"{live_server.url}/dan-chu/hoi-nghi/{conference.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Nghị quyết (Word)").click()
    path = artifacts / "nghi-quyet-hoi-nghi.docx"
    download.value.save_as(path)
    text = "\n".join(p.text for p in Document(BytesIO(path.read_bytes())).paragraphs)
    assert "NGHỊ QUYẾT" in text.upper()
    assert "18" in text
