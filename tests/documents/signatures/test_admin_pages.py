"""The administrator configures an agency's certificate and the trusted
authorities in the admin site; a refused file stores nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.documents.models import SigningCertificate, TrustedAuthority
from tests.signing_ca import PASSPHRASE, seal_png


def _upload(client, agency, bundle, passphrase):
    return client.post(
        reverse("admin:documents_signingcertificate_add"),
        {
            "agency": agency.pk,
            "bundle_file": SimpleUploadedFile("co-quan.p12", bundle),
            "passphrase": passphrase,
            "seal_file": SimpleUploadedFile("con-dau.png", seal_png()),
        },
    )


def test_the_administrator_configures_the_agencys_certificate(client, system_admin, agency, agency_bundle):
    client.force_login(system_admin)
    response = _upload(client, agency, agency_bundle, PASSPHRASE)
    assert response.status_code == 302
    certificate = SigningCertificate.objects.get()
    assert certificate.agency == agency and certificate.uploaded_by == system_admin and certificate.seal
    page = client.get(
        reverse("admin:documents_signingcertificate_change", args=[certificate.pk])
    ).content.decode()
    assert certificate.fingerprint in page and PASSPHRASE not in page and "chung-thu" not in page


def test_a_wrong_passphrase_is_shown_on_the_form_and_nothing_is_stored(
    client, system_admin, agency, agency_bundle
):
    client.force_login(system_admin)
    response = _upload(client, agency, agency_bundle, "sai")
    assert response.status_code == 200
    assert "Mật khẩu của tệp chứng thư số không đúng" in response.content.decode()
    assert not SigningCertificate.objects.exists()


def test_the_administrator_adds_a_trusted_authority(client, system_admin, test_ca):
    client.force_login(system_admin)
    response = client.post(
        reverse("admin:documents_trustedauthority_add"),
        {"name": "", "certificate_file": SimpleUploadedFile("ca.pem", test_ca.pem)},
    )
    assert response.status_code == 302
    assert TrustedAuthority.objects.get().name == "CA thử nghiệm Danvan"


def test_an_agency_office_cannot_reach_the_certificates(client, office_officer):
    client.force_login(office_officer)
    response = client.get(reverse("admin:documents_signingcertificate_add"))
    assert response.status_code in (302, 403)
