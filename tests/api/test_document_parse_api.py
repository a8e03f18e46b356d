from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

PLAN = """UBND TỈNH TÂY NINH
SỞ NỘI VỤ
Số: 15/KH-SNV
Tây Ninh, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2026
Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;
""".encode()


def post(client, name, data):
    return client.post(reverse("api:document_parse"), {"file": SimpleUploadedFile(name, data)})


def test_signed_in_official_gets_the_plan_json(client, unit_officer):
    client.force_login(unit_officer)
    body = post(client, "ke-hoach.txt", PLAN).json()
    assert body["format"] == "danvan.plan/1"
    assert body["number"] == "15" and body["date"] == "2026-03-05"
    assert "33/CT-TTg" in [c["number"] for c in body["citations"]]


def test_anonymous_caller_is_refused(client, db):
    assert post(client, "ke-hoach.txt", PLAN).status_code == 403


def test_renamed_executable_is_refused_in_vietnamese(client, unit_officer):
    client.force_login(unit_officer)
    response = post(client, "ke-hoach.docx", b"MZ\x90\x00" + b"\x00" * 200)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_empty_file_is_refused(client, unit_officer):
    client.force_login(unit_officer)
    assert post(client, "rong.txt", b"").status_code == 400


def test_oversized_file_is_refused_before_parsing(client, unit_officer):
    client.force_login(unit_officer)
    response = post(client, "lon.txt", b"a" * (21 * 1024 * 1024))
    assert response.status_code == 413
    assert "tối đa 20 MB" in response.json()["detail"]
