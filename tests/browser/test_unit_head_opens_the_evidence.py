"""The unit head confirms progress after opening the evidence the staff
member attached: the file downloads from the task page, signed in, with
debug off, and nobody signed out can fetch it."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from danvan.core.models import Role, Unit
from danvan.plans import services
from danvan.plans.models import Plan, Task
from tests.factories import AgencyFactory, ProvinceFactory, person_with_role

PDF = b"%PDF-1.4\n% bien ban hoi nghi\n"
PASSWORD = "Mat-khau-2026"


def test_unit_head_downloads_the_evidence_and_confirms(
    transactional_db, sign_in, page, live_server, tmp_path
):
    agency = AgencyFactory(province=ProvinceFactory(), name="Sở Khoa học và Công nghệ")
    unit = Unit.objects.create(agency=agency, code="CCTDC", name="Chi cục Tiêu chuẩn")
    head = person_with_role(Role.UNIT_HEAD, unit=unit, username="truongdonvi")
    staff = person_with_role(Role.STAFF, unit=unit, username="chuyenvien")
    for person in (head, staff):
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch 2026", period_year=2026, status=Plan.Status.ISSUED, created_by=staff
    )
    task = Task.objects.create(plan=plan, order=0, heading="Tuyên truyền Chỉ thị 33", lead_unit=unit)
    services.post_task_update(
        task=task,
        status=Task.Status.IN_PROGRESS,
        percent=50,
        note="Đã tổ chức hội nghị",
        reported_on=date(2026, 3, 2),
        evidence=SimpleUploadedFile("Biên bản hội nghị.pdf", PDF),
        by=staff,
    )

    sign_in("truongdonvi", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/{task.pk}/")
    link = page.get_by_role("link", name="Biên bản hội nghị.pdf")
    href = link.get_attribute("href")
    assert "/media/" not in href
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "Biên bản hội nghị.pdf"
    saved = tmp_path / "saved.pdf"
    download.save_as(saved)
    assert saved.read_bytes() == PDF
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Đã xác nhận bởi")).to_be_visible()

    page.context.clear_cookies()
    response = page.request.get(f"{live_server.url}{href}", max_redirects=0)
    assert response.status == 302
