"""The agency's report, once its leader approved and sent it, signed by that
leader with the agency's certificate; the signed copy listed on the report
page with who and when, and downloaded by the report's readers only."""

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.signatures import pades
from danvan.reports import services
from danvan.reports.models import Report
from tests.conftest import require_binary
from tests.signing_ca import PASSPHRASE, pdfsig_says, seal_png, stored_bytes, tampered


@pytest.fixture
def certificate(agency, system_admin, agency_bundle):
    return document_services.configure_signing_certificate(
        agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=seal_png(), by=system_admin
    )


@pytest.fixture
def signed(approved_report, certificate, agency_head):
    require_binary("soffice")
    return services.sign_report(report=approved_report, by=agency_head)


def test_the_leader_signs_the_sent_report_from_its_page(client, approved_report, certificate, agency_head):
    require_binary("soffice")
    client.force_login(agency_head)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    assert reverse("reports:report_sign", args=[approved_report.pk]) in page
    response = client.post(reverse("reports:report_sign", args=[approved_report.pk]), follow=True)
    copy = SignedCopy.objects.get()
    assert copy.document == approved_report and copy.signer == agency_head
    html = response.content.decode()
    assert reverse("reports:report_signed_pdf", args=[approved_report.pk, copy.pk]) in html
    assert f"ký bởi {copy.signer_name} lúc" in html and "Đã ký số báo cáo" in html


def test_the_signed_report_is_valid_for_pyhanko_and_pdfsig(signed, test_ca, tmp_path):
    data = stored_bytes(signed)
    [check] = pades.check_signatures(data, trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID and check.signer == "Sở Khoa học và Công nghệ"
    report = pdfsig_says(data, tmp_path)
    assert "Signature Validation: Signature is Valid." in report and "Total document signed" in report


def test_a_tampered_copy_of_the_signed_report_is_reported_as_modified(signed, test_ca):
    [check] = pades.check_signatures(tampered(stored_bytes(signed)), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.MODIFIED


def test_the_province_reads_the_signed_copy_another_agency_does_not(
    client, signed, approved_report, province_officer, other_agency_officer
):
    url = reverse("reports:report_signed_pdf", args=[approved_report.pk, signed.pk])
    client.force_login(province_officer)
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_the_office_may_not_sign_and_nothing_is_stored(client, approved_report, certificate, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("reports:report_detail", args=[approved_report.pk])).content.decode()
    assert reverse("reports:report_sign", args=[approved_report.pk]) not in page
    assert client.post(reverse("reports:report_sign", args=[approved_report.pk])).status_code == 403
    assert not SignedCopy.objects.exists()


def test_a_report_not_yet_approved_is_not_signed(client, approved_report, certificate, agency_head):
    Report.objects.filter(pk=approved_report.pk).update(status=Report.Status.SUBMITTED)
    client.force_login(agency_head)
    assert client.post(reverse("reports:report_sign", args=[approved_report.pk])).status_code == 403
    approved_report.refresh_from_db()
    with pytest.raises(DomainError, match="đã được duyệt và gửi"):
        services.sign_report(report=approved_report, by=agency_head)
    assert not SignedCopy.objects.exists()


def test_without_a_certificate_the_leader_is_told_why_and_nothing_is_stored(
    client, approved_report, agency_head
):
    require_binary("soffice")
    client.force_login(agency_head)
    response = client.post(reverse("reports:report_sign", args=[approved_report.pk]), follow=True)
    assert "Cơ quan chưa có chứng thư số để ký" in response.content.decode()
    assert not SignedCopy.objects.exists()


def test_the_leader_approves_and_signs_the_report_in_one_step(
    client, submitted_report, certificate, agency_head, test_ca
):
    require_binary("soffice")
    client.force_login(agency_head)
    page = client.get(reverse("reports:report_detail", args=[submitted_report.pk])).content.decode()
    assert 'name="ky_so"' in page
    response = client.post(
        reverse("reports:report_approve", args=[submitted_report.pk]),
        {"ky_so": "1", "despite_missing": "1"},
        follow=True,
    )
    submitted_report.refresh_from_db()
    assert submitted_report.status == Report.Status.APPROVED
    copy = SignedCopy.objects.get()
    assert copy.document == submitted_report and copy.signer == agency_head
    assert "Đã ký số văn bản lúc" in response.content.decode()
    [check] = pades.check_signatures(stored_bytes(copy), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID


def test_approving_without_the_box_sends_the_report_unsigned(
    client, submitted_report, certificate, agency_head
):
    client.force_login(agency_head)
    client.post(reverse("reports:report_approve", args=[submitted_report.pk]), {"despite_missing": "1"})
    submitted_report.refresh_from_db()
    assert submitted_report.status == Report.Status.APPROVED
    assert not SignedCopy.objects.exists()
