import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from danvan.core.models import OrganisationImport, Role, RoleAssignment, Unit, User
from danvan.core.orgsheet import PEOPLE_COLUMNS, UNIT_COLUMNS


def workbook_bytes(units, people, unit_columns=UNIT_COLUMNS, people_columns=PEOPLE_COLUMNS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(unit_columns)
    for row in units:
        sheet.append(row)
    people_sheet = book.create_sheet("Cán bộ")
    people_sheet.append(people_columns)
    for row in people:
        people_sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


VALID_UNITS = [
    ["PKT", "Phòng Kế toán", "", "Phòng chuyên môn", ""],
    ["TCKT", "Tổ Kiểm tra", "", "Đơn vị khác", "PKT"],
]
VALID_PEOPLE = [
    ["lan.nt", "Nguyễn Thị Lan", "Trưởng phòng", "lan@example.gov.vn", "", "PKT", "Trưởng đơn vị"]
]


def upload(client, agency, data, name="to-chuc.xlsx"):
    url = reverse("core:organisation_import", args=[agency.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)}, follow=True)


@pytest.fixture
def office_client(client, office_officer):
    client.force_login(office_officer)
    return client


def test_template_download_is_a_workbook_with_both_sheets(office_client, agency):
    response = office_client.get(reverse("core:organisation_template", args=[agency.pk]))
    book = load_workbook(io.BytesIO(response.content))
    assert {"Đơn vị", "Cán bộ"} <= set(book.sheetnames)
    assert [c.value for c in book["Đơn vị"][1]] == UNIT_COLUMNS


def test_valid_sheet_is_previewed_and_nothing_is_written(office_client, agency):
    response = upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    assert "Ghi vào hệ thống" in response.content.decode()
    assert not Unit.objects.filter(agency=agency, code="PKT").exists()


def test_applying_writes_units_people_and_roles(office_client, agency):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    response = office_client.post(reverse("core:organisation_import_apply", args=[agency.pk, record.pk]))
    assert response.status_code == 200
    child = Unit.objects.get(agency=agency, code="TCKT")
    assert child.parent.code == "PKT"
    person = User.objects.get(username="lan.nt")
    assert person.must_change_password and person.unit == child.parent
    assert RoleAssignment.objects.filter(user=person, role=Role.UNIT_HEAD, unit=child.parent).exists()


def test_temporary_password_is_shown_once_and_works(office_client, agency, client):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    response = office_client.post(reverse("core:organisation_import_apply", args=[agency.pk, record.pk]))
    password = response.context["new_passwords"]["lan.nt"]
    assert User.objects.get(username="lan.nt").check_password(password)


def test_applying_twice_is_refused(office_client, agency):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    url = reverse("core:organisation_import_apply", args=[agency.pk, record.pk])
    office_client.post(url)
    response = office_client.post(url, follow=True)
    assert "đã được ghi hoặc đã hủy" in response.content.decode()


def test_missing_column_is_refused_with_its_name(office_client, agency):
    data = workbook_bytes([["PKT", "Phòng Kế toán"]], [], unit_columns=["Mã đơn vị", "Tên"])
    response = upload(office_client, agency, data)
    assert "Thiếu cột «Tên đơn vị» trong trang «Đơn vị»." in response.content.decode()
    assert OrganisationImport.objects.get().status == OrganisationImport.Status.INVALID


def test_unit_under_missing_parent_is_refused_with_row_and_nothing_written(office_client, agency):
    units = [*VALID_UNITS, ["TO2", "Tổ Hai", "", "", "KHONGCO"]]
    response = upload(office_client, agency, workbook_bytes(units, VALID_PEOPLE))
    body = response.content.decode()
    assert "Đơn vị cấp trên «KHONGCO» không tồn tại" in body
    assert "<td>4</td>" in body  # the fourth row of the sheet
    assert not Unit.objects.filter(agency=agency).exclude(code__in=[]).filter(code="PKT").exists()
    assert "Ghi vào hệ thống" not in body


def test_invalid_sheet_cannot_be_applied(office_client, agency):
    upload(office_client, agency, workbook_bytes([["X", "", "", "", ""]], []))
    record = OrganisationImport.objects.get()
    office_client.post(reverse("core:organisation_import_apply", args=[agency.pk, record.pk]))
    assert not Unit.objects.filter(agency=agency, code="X").exists()


def test_file_that_is_not_excel_is_refused(office_client, agency):
    response = upload(office_client, agency, b"MZ\x90\x00 not a workbook", name="to-chuc.xlsx")
    assert response.status_code == 422
    assert "không phải là bảng tính Excel" in response.content.decode()
    assert not OrganisationImport.objects.exists()


def test_unknown_role_and_bad_email_are_reported(office_client, agency):
    people = [["an.v", "Võ An", "", "khong-phai-email", "", "PKT", "Giám đốc tài chính"]]
    body = upload(office_client, agency, workbook_bytes(VALID_UNITS, people)).content.decode()
    assert "Email «khong-phai-email» không hợp lệ." in body
    assert "Vai trò «Giám đốc tài chính» không có trong danh mục." in body


def test_username_of_another_agency_is_refused(office_client, agency, other_agency_officer):
    people = [[other_agency_officer.username, "Trùng Tên", "", "", "", "PKT", ""]]
    body = upload(office_client, agency, workbook_bytes(VALID_UNITS, people)).content.decode()
    assert "đã được dùng ở cơ quan khác" in body


def test_other_agency_import_record_is_not_found(client, other_agency_officer, office_client, agency):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    client.force_login(other_agency_officer)
    url = reverse("core:organisation_import_preview", args=[other_agency_officer.agency.pk, record.pk])
    assert client.get(url).status_code == 404


def test_staff_member_cannot_apply(client, unit_officer, office_client, agency):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    client.force_login(unit_officer)
    response = client.post(reverse("core:organisation_import_apply", args=[agency.pk, record.pk]))
    assert response.status_code == 403
    assert not Unit.objects.filter(code="PKT").exists()


def test_cancel_keeps_the_file(office_client, agency):
    upload(office_client, agency, workbook_bytes(VALID_UNITS, VALID_PEOPLE))
    record = OrganisationImport.objects.get()
    office_client.post(reverse("core:organisation_import_cancel", args=[agency.pk, record.pk]))
    record.refresh_from_db()
    assert record.status == OrganisationImport.Status.CANCELLED
    assert record.file.size > 0
