"""The agency's office sets the address, hotline and e-mail that the
citizens' pages and e-mails show; a wrong value changes nothing."""

from django.urls import reverse

from danvan.core import services


def test_the_office_sets_the_agency_contact(client, agency, office_officer):
    client.force_login(office_officer)
    url = reverse("core:agency_contact", args=[agency.pk])
    assert (
        reverse("core:agency_contact", args=[agency.pk])
        in client.get(reverse("core:agency_detail", args=[agency.pk])).content.decode()
    )
    data = {"address": " Số 2 Lý Thường Kiệt ", "hotline": "0236 3822 111", "email": "skhcn@example.gov.vn"}
    response = client.post(url, data)
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.address, agency.hotline, agency.email) == (
        "Số 2 Lý Thường Kiệt",
        "0236 3822 111",
        "skhcn@example.gov.vn",
    )
    page = client.get(reverse("petitions_public:submit"), {"co-quan": agency.pk}).content.decode()
    assert "Đường dây nóng: 0236 3822 111" in page


def test_a_wrong_email_is_refused_and_changes_nothing(client, agency, office_officer):
    client.force_login(office_officer)
    url = reverse("core:agency_contact", args=[agency.pk])
    response = client.post(url, {"address": "Địa chỉ mới", "hotline": "", "email": "khong-phai-thu"})
    assert response.status_code == 422 and "Địa chỉ email không hợp lệ." in response.content.decode()
    agency.refresh_from_db()
    assert agency.address == ""


def test_update_agency_contact_keeps_the_values_trimmed(agency, office_officer):
    services.update_agency_contact(
        agency=agency, address=" A ", hotline=" 1900 ", email="", by=office_officer
    )
    agency.refresh_from_db()
    assert (agency.address, agency.hotline) == ("A", "1900")
