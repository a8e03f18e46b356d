"""The reception register pages."""

from django.urls import reverse

from danvan.petitions.models import Petition, Reception


def test_office_officer_records_a_group_reception(client, agency, office_officer):
    client.force_login(office_officer)
    data = {
        "agency": agency.pk,
        "received_on": "02/03/2026",
        "full_name": "Đoàn cử tri ấp 3",
        "group_size": "12",
        "content": "Ô nhiễm kênh",
    }
    response = client.post(reverse("petitions:reception_create"), data)
    reception = Reception.objects.get()
    assert response.url == reverse("petitions:reception_detail", args=[reception.pk]) and reception.is_group


def test_reception_opens_a_complaint(client, reception, office_officer):
    client.force_login(office_officer)
    data = {"kind": "complaint", "subject": "Khiếu nại thu hồi đất", "content": "Nội dung"}
    client.post(reverse("petitions:reception_open_petition", args=[reception.pk]), data)
    assert Petition.objects.get().reception == reception


def test_receipt_lists_the_documents_received(client, agency, office_officer):
    from datetime import date

    from danvan.petitions import services

    entry = services.record_reception(
        agency=agency,
        received_on=date(2026, 3, 2),
        full_name="Lê Văn Tám",
        content="…",
        documents_received="Bản sao quyết định 12/QĐ-UBND",
        by=office_officer,
    )
    client.force_login(office_officer)
    html = client.get(reverse("petitions:reception_receipt", args=[entry.pk])).content.decode()
    assert "Bản sao quyết định 12/QĐ-UBND" in html and "02/03/2026" in html


def test_province_reviewer_may_not_print_a_receipt(client, reception, province_officer):
    client.force_login(province_officer)
    assert client.get(reverse("petitions:reception_receipt", args=[reception.pk])).status_code == 403
