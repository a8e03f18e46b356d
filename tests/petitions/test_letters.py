"""The outgoing letter of a processed petition, as a Word file."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from docx import Document

from danvan.petitions import services
from tests.petitions.factories import classified, petition_for


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


def test_forwarded_petition_downloads_its_forwarding_slip(client, agency, inspector):
    petition = services.classify_petition(
        petition=petition_for(agency),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=inspector,
    )
    services.forward_petition(
        petition=petition, note="Chuyển theo thẩm quyền", on=date(2026, 3, 4), by=inspector
    )
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    text = text_of(response.content)
    assert "PHIẾU CHUYỂN ĐƠN" in text and "UBND xã Tân Hòa" in text and "Trần Thị Bưởi" in text


def test_denunciation_letter_never_names_the_denouncer(client, agency, inspector):
    petition = classified(agency, by=inspector, kind="denunciation")
    services.accept_petition(petition=petition, accepted_on=date(2026, 3, 5), handler=inspector, by=inspector)
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_letter", args=[petition.pk]))
    text = text_of(response.content)
    assert "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN" in text and "Trần Thị Bưởi" not in text


def test_petition_without_outcome_has_no_letter(client, agency, inspector):
    client.force_login(inspector)
    assert client.get(reverse("petitions:petition_letter", args=[petition_for(agency).pk])).status_code == 404


def test_office_officer_may_not_download_the_letter(client, agency, inspector, office_officer):
    petition = classified(agency, by=inspector)
    services.file_petition(petition=petition, note="Trùng", on=date(2026, 3, 4), by=inspector)
    client.force_login(office_officer)
    assert client.get(reverse("petitions:petition_letter", args=[petition.pk])).status_code == 403
