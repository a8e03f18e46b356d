"""The letter of a processed petition signed by the agency's leader with the
agency's certificate; the signed copy listed on the petition page with who
and when, and downloaded only by those who download the letter itself. A
denunciation's signed letter never names the denouncer."""

import io
from datetime import date

import pdfplumber
import pytest
from django.urls import reverse

from danvan.core.models import SensitiveRead
from danvan.core.services import DomainError
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.signatures import pades
from danvan.petitions import services
from tests.conftest import require_binary
from tests.petitions.factories import classified, petition_for
from tests.signing_ca import PASSPHRASE, pdfsig_says, seal_png, stored_bytes, tampered


@pytest.fixture
def certificate(agency, system_admin, agency_bundle):
    return document_services.configure_signing_certificate(
        agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=seal_png(), by=system_admin
    )


@pytest.fixture
def forwarded(agency, inspector):
    petition = services.classify_petition(
        petition=petition_for(agency),
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND xã Tân Hòa",
        by=inspector,
    )
    return services.forward_petition(
        petition=petition, note="Chuyển theo thẩm quyền", on=date(2026, 3, 4), by=inspector
    )


@pytest.fixture
def signed(forwarded, certificate, agency_head):
    require_binary("soffice")
    return services.sign_petition_letter(petition=forwarded, by=agency_head)


def _sign_url(petition):
    return reverse("petitions:petition_letter_sign", args=[petition.pk])


def test_the_leader_signs_the_letter_from_the_petition_page(client, forwarded, certificate, agency_head):
    require_binary("soffice")
    client.force_login(agency_head)
    page = client.get(reverse("petitions:petition_detail", args=[forwarded.pk])).content.decode()
    assert _sign_url(forwarded) in page
    response = client.post(_sign_url(forwarded), follow=True)
    copy = SignedCopy.objects.get()
    assert copy.document == forwarded and copy.signer == agency_head
    assert copy.title == f"Phiếu chuyển đơn số 01/PC-SKHCN, đơn {forwarded.code}"
    html = response.content.decode()
    assert reverse("petitions:petition_signed_letter", args=[forwarded.pk, copy.pk]) in html
    assert f"ký bởi {copy.signer_name} lúc" in html


def test_the_signed_letter_is_valid_for_pyhanko_and_pdfsig_and_its_tampered_copy_is_not(
    signed, test_ca, tmp_path
):
    data = stored_bytes(signed)
    [check] = pades.check_signatures(data, trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID and check.signer == "Sở Khoa học và Công nghệ"
    assert "Signature Validation: Signature is Valid." in pdfsig_says(data, tmp_path)
    [check] = pades.check_signatures(tampered(data), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.MODIFIED


def test_the_inspector_downloads_the_signed_letter_and_the_read_is_logged(
    client, signed, forwarded, inspector
):
    client.force_login(inspector)
    response = client.get(reverse("petitions:petition_signed_letter", args=[forwarded.pk, signed.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert SensitiveRead.objects.filter(person=inspector, what="petitions.petition_signed_letter").exists()


def test_who_may_not_download_the_letter_may_not_download_its_signed_copy(
    client, signed, forwarded, office_officer, other_agency_officer
):
    url = reverse("petitions:petition_signed_letter", args=[forwarded.pk, signed.pk])
    client.force_login(office_officer)
    assert client.get(url).status_code == 403
    page = client.get(reverse("petitions:petition_detail", args=[forwarded.pk])).content.decode()
    assert url not in page
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_a_signed_denunciation_letter_never_names_the_denouncer(agency, inspector, certificate, agency_head):
    require_binary("soffice")
    petition = classified(agency, by=inspector, kind="denunciation")
    services.accept_petition(petition=petition, accepted_on=date(2026, 3, 5), handler=inspector, by=inspector)
    copy = services.sign_petition_letter(petition=petition, by=agency_head)
    with pdfplumber.open(io.BytesIO(stored_bytes(copy))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN" in text
    assert "Trần Thị Bưởi" not in text and "072180001234" not in text and "Trần Thị Bưởi" not in copy.title


def test_the_inspector_may_not_sign_and_nothing_is_stored(client, forwarded, certificate, inspector):
    client.force_login(inspector)
    page = client.get(reverse("petitions:petition_detail", args=[forwarded.pk])).content.decode()
    assert _sign_url(forwarded) not in page
    assert client.post(_sign_url(forwarded)).status_code == 403
    assert not SignedCopy.objects.exists()


def test_another_agency_gets_404_and_nothing_is_stored(client, forwarded, certificate, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.post(_sign_url(forwarded)).status_code == 404
    assert not SignedCopy.objects.exists()


def test_a_petition_without_a_letter_is_not_signed(client, agency, certificate, agency_head):
    petition = petition_for(agency)
    client.force_login(agency_head)
    assert client.post(_sign_url(petition)).status_code == 403
    with pytest.raises(DomainError, match="chưa có văn bản"):
        services.sign_petition_letter(petition=petition, by=agency_head)
    assert not SignedCopy.objects.exists()


def test_without_a_certificate_the_leader_is_told_why_and_nothing_is_stored(client, forwarded, agency_head):
    require_binary("soffice")
    client.force_login(agency_head)
    response = client.post(_sign_url(forwarded), follow=True)
    assert "Cơ quan chưa có chứng thư số để ký" in response.content.decode()
    assert not SignedCopy.objects.exists()
