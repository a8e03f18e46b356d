import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.plans import services
from danvan.plans.models import Plan, PlanImport
from tests import hostile_files

CORPUS = Path(__file__).resolve().parents[1] / "documents" / "parsing" / "corpus"

PLAN = """UBND TỈNH TÂY NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 15/KH-SKHCN
Tây Ninh, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2026
Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;
Căn cứ Luật Tiếp công dân;
II. NỘI DUNG THỰC HIỆN
1. Tuyên truyền, quán triệt các văn bản về công tác dân vận
- Đơn vị thực hiện: Văn phòng Sở
- Thời gian thực hiện: Thường xuyên
2. Tiếp công dân, giải quyết khiếu nại, tố cáo đúng quy định
- Đơn vị thực hiện: Thanh tra
- Thời gian thực hiện: Cả năm
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Văn phòng Sở trước ngày 20/10/2026.
Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn An
""".encode()


@pytest.fixture
def office_client(client, office_officer, office_unit, agency):
    from tests.factories import UnitFactory

    UnitFactory(agency=agency, code="TTRA", name="Thanh tra Sở")
    client.force_login(office_officer)
    return client


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Upload a file and run the reading job queued on commit, as the worker would."""

    def go(client, agency, data=PLAN, name="ke-hoach.txt"):
        url = reverse("plans:import_upload", args=[agency.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"file": SimpleUploadedFile(name, data)})
        return client.get(response["Location"]) if response.status_code == 302 else response

    return go


def management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_data(response) -> dict:
    """Everything the review page would post back as it stands."""
    html = response.content.decode()
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = body.strip().replace("&#x27;", "'").replace("&quot;", '"')
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_upload_reads_the_plan_and_shows_the_review(office_client, agency, upload):
    response = upload(office_client, agency)
    body = response.content.decode()
    assert "Thực hiện công tác dân vận chính quyền năm 2026" in body
    assert "33/CT-TTg" in body
    assert PlanImport.objects.get().status == PlanImport.Status.READY


def test_lead_units_are_matched_by_name_and_abbreviation(office_client, agency, upload):
    response = upload(office_client, agency)
    tasks = response.context["tasks"]
    assert [form.initial["lead_unit"].name for form in tasks.forms[:2]] == ["Văn phòng Sở", "Thanh tra Sở"]


def test_saving_creates_a_draft_plan_with_citations(office_client, agency, upload):
    response = upload(office_client, agency)
    record = PlanImport.objects.get()
    saved = office_client.post(
        reverse("plans:import_save", args=[record.pk]), form_data(response), follow=True
    )
    plan = Plan.objects.get()
    assert plan.status == Plan.Status.DRAFT and plan.number == "15"
    assert plan.tasks.count() == 2 and plan.tasks.first().lead_unit.name == "Văn phòng Sở"
    assert "Chỉ thị số 33/CT-TTg" in saved.content.decode()
    assert plan.source_import == record


def test_an_edit_on_the_review_is_what_gets_saved(office_client, agency, lead_unit, upload):
    response = upload(office_client, agency)
    data = form_data(response)
    data["tasks-1-lead_unit"] = str(lead_unit.pk)
    data["title"] = "Kế hoạch đã sửa tên"
    office_client.post(reverse("plans:import_save", args=[PlanImport.objects.get().pk]), data)
    plan = Plan.objects.get()
    assert plan.title == "Kế hoạch đã sửa tên"
    assert plan.tasks.get(order=1).lead_unit == lead_unit


def test_forged_unit_of_another_agency_is_refused_and_nothing_saved(
    office_client, agency, other_unit, upload
):
    response = upload(office_client, agency)
    data = form_data(response)
    data["tasks-0-lead_unit"] = str(other_unit.pk)
    result = office_client.post(reverse("plans:import_save", args=[PlanImport.objects.get().pk]), data)
    assert result.status_code == 422
    assert not Plan.objects.exists()
    # What the person typed is still on the page.
    assert "Tuyên truyền, quán triệt" in result.content.decode()


def test_invalid_date_is_refused_in_vietnamese(office_client, agency, upload):
    response = upload(office_client, agency)
    data = form_data(response)
    data["issue_date"] = "31/02/2026"
    result = office_client.post(reverse("plans:import_save", args=[PlanImport.objects.get().pk]), data)
    assert result.status_code == 422 and "Ngày không hợp lệ" in result.content.decode()


def test_saving_twice_is_refused(office_client, agency, upload):
    response = upload(office_client, agency)
    data, url = form_data(response), reverse("plans:import_save", args=[PlanImport.objects.get().pk])
    office_client.post(url, data)
    assert office_client.post(url, data).status_code == 404
    assert Plan.objects.count() == 1


def test_same_file_twice_warns_it_exists(office_client, agency, upload):
    upload(office_client, agency)
    body = upload(office_client, agency).content.decode()
    assert "Tệp này đã được tải lên trước đây" in body


REFUSED_BEFORE_STORING = [
    ("rong.docx", b"", "Tệp tải lên trống."),
    ("virus.docx", hostile_files.ELF, "không phải tệp Word hợp lệ"),
    ("virus.txt", hostile_files.ELF, "Loại tệp không được hỗ trợ"),
    ("anh.pdf", b"%PDF-1.4\nkhong phai pdf", "Tệp PDF bị hỏng"),
    ("bom.docx", hostile_files.zip_bomb(), "giải nén ra quá lớn"),
    ("nhieu-phan.docx", hostile_files.many_entries(), "quá nhiều phần"),
    (
        "mat-khau.pdf",
        hostile_files.encrypted_pdf(),
        "Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu.",
    ),
    ("tcvn3.txt", hostile_files.TCVN3, "bảng mã cũ TCVN3 (ABC)"),
    ("vni.txt", hostile_files.VNI, "bảng mã cũ VNI"),
    ("cp1258.txt", hostile_files.WINDOWS_1258, "bảng mã cũ Windows-1258"),
    ("tcvn3-unicode.txt", hostile_files.TCVN3_SAVED_AS_UTF8, "hiện sai dấu"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED_BEFORE_STORING)
def test_a_hostile_file_is_refused_before_anything_is_stored(
    office_client, agency, name, data, message, upload, settings
):
    response = upload(office_client, agency, data=data, name=name)
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body
    assert not PlanImport.objects.exists() and not Plan.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_a_file_the_reader_refuses_leaves_only_a_row_that_says_why(office_client, agency, upload, settings):
    response = upload(office_client, agency, data=hostile_files.blank_pdf(), name="ban-chup.pdf")
    record = PlanImport.objects.get()
    assert record.status == PlanImport.Status.FAILED and not record.file
    body = response.content.decode()
    assert record.error in body and "Tệp bị từ chối nên không được lưu lại." in body
    assert reverse("plans:import_file", args=[record.pk]) not in body
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.*")) and not Plan.objects.exists()


def test_file_over_20_mb_is_refused(office_client, agency, upload):
    response = upload(office_client, agency, data=b"a" * (20 * 1024 * 1024 + 1))
    assert response.status_code == 422 and "tối đa 20 MB" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_cancel_keeps_the_file_and_creates_nothing(office_client, agency, upload):
    upload(office_client, agency)
    record = PlanImport.objects.get()
    office_client.post(reverse("plans:import_cancel", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == PlanImport.Status.CANCELLED and record.file.size > 0
    assert not Plan.objects.exists()


def test_staff_member_cannot_import(client, unit_officer, agency):
    client.force_login(unit_officer)
    assert client.get(reverse("plans:import_upload", args=[agency.pk])).status_code == 403


def test_other_agency_officer_gets_404_for_the_import(
    client, office_client, agency, other_agency_officer, upload
):
    upload(office_client, agency)
    client.force_login(other_agency_officer)
    assert client.get(reverse("plans:import_review", args=[PlanImport.objects.get().pk])).status_code == 404


def test_a_corpus_plan_reads_with_all_its_tasks(office_client, agency, upload):
    source = sorted(CORPUS.glob("*.txt"))[0]
    response = upload(office_client, agency, data=source.read_bytes(), name=source.name)
    assert response.context["tasks"].initial_form_count() >= 3


def test_an_unmatched_lead_can_become_a_new_unit(office_client, agency, upload):
    response = upload(office_client, agency)
    data = form_data(response)
    data["tasks-1-lead_unit"] = ""
    data["tasks-1-lead_text"] = "Tổ Tiếp công dân"
    data["tasks-1-create_unit"] = "on"
    office_client.post(reverse("plans:import_save", args=[PlanImport.objects.get().pk]), data)
    task = Plan.objects.get().tasks.get(order=1)
    assert task.lead_unit.name == "Tổ Tiếp công dân" and task.lead_unit.agency == agency


def test_creating_a_unit_and_choosing_one_is_refused(office_client, agency, upload):
    response = upload(office_client, agency)
    data = form_data(response)
    data["tasks-0-create_unit"] = "on"
    result = office_client.post(reverse("plans:import_save", args=[PlanImport.objects.get().pk]), data)
    assert result.status_code == 422 and not Plan.objects.exists()


def _interrupted(record):
    """As the recovery leaves an import whose worker died at each attempt."""
    services.give_up_plan_imports(PlanImport.objects.filter(pk=record.pk), 3)


def test_an_interrupted_import_offers_to_read_again_and_stops_polling(
    office_client, agency, upload, django_capture_on_commit_callbacks
):
    upload(office_client, agency)
    record = PlanImport.objects.get()
    _interrupted(record)
    page = office_client.get(reverse("plans:import_review", args=[record.pk])).content.decode()
    assert "đã thử 3 lần" in page and "every 1s" not in page
    assert reverse("plans:import_retry", args=[record.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(reverse("plans:import_retry", args=[record.pk]))
    assert response["Location"] == reverse("plans:import_review", args=[record.pk])
    record.refresh_from_db()
    assert record.status == PlanImport.Status.READY and record.attempts == 1 and not record.error


def test_a_reading_in_progress_can_be_stopped_and_read_again(office_client, agency, office_officer):
    record = services.upload_plan_file(agency=agency, data=PLAN, filename="kh.txt", by=office_officer)
    page = office_client.get(reverse("plans:import_review", args=[record.pk])).content.decode()
    assert "every 1s" in page and "Dừng đọc và hủy lần nhập" in page
    office_client.post(reverse("plans:import_cancel", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == PlanImport.Status.CANCELLED
    status = office_client.get(reverse("plans:import_status", args=[record.pk]), HTTP_HX_REQUEST="true")
    assert status["HX-Refresh"] == "true"
    page = office_client.get(reverse("plans:import_review", args=[record.pk])).content.decode()
    assert "every 1s" not in page and reverse("plans:import_retry", args=[record.pk]) in page
    office_client.post(reverse("plans:import_retry", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == PlanImport.Status.PROCESSING and record.attempts == 0


def test_a_refused_file_cannot_be_read_again(office_client, agency, upload):
    upload(office_client, agency, data=hostile_files.blank_pdf(), name="scan.pdf")
    record = PlanImport.objects.get()
    assert record.status == PlanImport.Status.FAILED and not record.file
    response = office_client.post(reverse("plans:import_retry", args=[record.pk]), follow=True)
    assert "Chỉ đọc lại được lần nhập bị gián đoạn hoặc đã hủy" in response.content.decode()
    record.refresh_from_db()
    assert record.status == PlanImport.Status.FAILED


def test_read_again_is_for_the_agency_office_only(
    client, office_client, agency, upload, other_agency_officer, unit_officer
):
    upload(office_client, agency)
    record = PlanImport.objects.get()
    _interrupted(record)
    for person in (other_agency_officer, unit_officer):
        client.force_login(person)
        assert client.post(reverse("plans:import_retry", args=[record.pk])).status_code == 404
        assert client.post(reverse("plans:import_cancel", args=[record.pk])).status_code == 404
    record.refresh_from_db()
    assert record.status == PlanImport.Status.FAILED
    assert office_client.get(reverse("plans:import_retry", args=[record.pk])).status_code == 405
