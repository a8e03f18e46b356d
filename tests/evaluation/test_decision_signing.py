"""The province's decision recognising the year's results, issued by the
Chairman of the provincial People's Committee signing it with the
committee's certificate; the signed copy listed on the results page with who
and when, and downloaded by those who read the province's results."""

import io
from decimal import Decimal

import pdfplumber
import pytest
from django.urls import reverse

from danvan.core.models import Agency, Role
from danvan.core.services import DomainError
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.signatures import pades, stamp
from danvan.evaluation import selectors, services
from danvan.evaluation.models import ResultsDecision
from tests.conftest import require_binary
from tests.evaluation.conftest import assess
from tests.factories import AgencyFactory, person_with_role
from tests.signing_ca import PASSPHRASE, pdfsig_says, seal_png, stored_bytes, tampered

XS = "Hoàn thành xuất sắc"


@pytest.fixture
def committee(province):
    return AgencyFactory(
        province=province,
        name="Ủy ban nhân dân tỉnh Tây Ninh",
        symbol_code="UBND",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
    )


@pytest.fixture
def chairman(committee):
    # Chủ tịch UBND tỉnh: signs the province's decisions.
    return person_with_role(Role.AGENCY_LEADER, agency=committee, full_name="Lê Văn Chủ", position="Chủ tịch")


@pytest.fixture
def committee_certificate(committee, system_admin, test_ca):
    return document_services.configure_signing_certificate(
        agency=committee,
        bundle=test_ca.bundle("Ủy ban nhân dân tỉnh Tây Ninh"),
        passphrase=PASSPHRASE,
        seal=seal_png(),
        by=system_admin,
    )


@pytest.fixture
def final_2025(agency, set_in_use, province_officer):
    return assess(agency, set_in_use, province_officer, final=Decimal("96"), band=XS)


def _sign(client, person, province, year=2025):
    client.force_login(person)
    return client.post(reverse("evaluation:results_decision_sign", args=[province.pk]), {"nam": year})


@pytest.fixture
def signed(province, final_2025, committee_certificate, chairman):
    require_binary("soffice")
    return services.sign_results_decision(table=selectors.results_table(province, 2025), by=chairman)


def test_the_chairman_signs_the_decision_from_the_results_page(
    client, province, final_2025, committee, committee_certificate, chairman
):
    require_binary("soffice")
    client.force_login(chairman)
    page = client.get(reverse("evaluation:results", args=[province.pk]), {"nam": 2025}).content.decode()
    assert reverse("evaluation:results_decision_sign", args=[province.pk]) in page
    response = _sign(client, chairman, province)
    assert response.status_code == 302 and response["Location"].endswith("?nam=2025#ban-ky-so")
    copy = SignedCopy.objects.get()
    decision = ResultsDecision.objects.get()
    assert copy.document == decision and decision.agency == committee and decision.year == 2025
    assert copy.signer == chairman and copy.certificate == committee_certificate
    html = client.get(response["Location"]).content.decode()
    assert reverse("evaluation:results_decision_signed_pdf", args=[decision.pk, copy.pk]) in html
    assert "ký bởi Lê Văn Chủ lúc" in html


def test_the_signed_decision_is_valid_for_pyhanko_and_pdfsig(signed, test_ca, tmp_path):
    data = stored_bytes(signed)
    [check] = pades.check_signatures(data, trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID and check.signer == "Ủy ban nhân dân tỉnh Tây Ninh"
    assert "Signature Validation: Signature is Valid." in pdfsig_says(data, tmp_path)
    [check] = pades.check_signatures(tampered(data), trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.MODIFIED


def test_the_signature_goes_above_the_chairmans_name_not_on_the_annex_after_it(signed):
    data = stored_bytes(signed)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    placement = stamp.place_signature(data, signer_name="Lê Văn Chủ")
    assert pages > 1 and placement.page < pages - 1


def test_the_province_reviewer_reads_the_signed_copy_an_agency_does_not(
    client, signed, province_officer, agency_head
):
    url = reverse("evaluation:results_decision_signed_pdf", args=[signed.object_id, signed.pk])
    client.force_login(province_officer)
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    client.force_login(agency_head)
    assert client.get(url).status_code == 404


def test_sở_nội_vụ_reads_the_results_but_may_not_sign(
    client, province, final_2025, committee, committee_certificate, province_officer
):
    client.force_login(province_officer)
    page = client.get(reverse("evaluation:results", args=[province.pk]), {"nam": 2025}).content.decode()
    assert reverse("evaluation:results_decision_sign", args=[province.pk]) not in page
    assert _sign(client, province_officer, province).status_code == 403
    assert not SignedCopy.objects.exists() and not ResultsDecision.objects.exists()


def test_an_agency_leader_gets_404_and_nothing_is_stored(
    client, province, final_2025, committee, committee_certificate, agency_head
):
    assert _sign(client, agency_head, province).status_code == 404
    assert not SignedCopy.objects.exists() and not ResultsDecision.objects.exists()


def test_without_the_committees_certificate_the_chairman_is_told_why_and_nothing_is_stored(
    client, province, final_2025, chairman
):
    require_binary("soffice")
    response = _sign(client, chairman, province)
    html = client.get(response["Location"]).content.decode()
    assert "Cơ quan chưa có chứng thư số để ký" in html
    assert not SignedCopy.objects.exists() and not ResultsDecision.objects.exists()


def test_a_year_without_a_final_result_is_not_signed(province, committee_certificate, chairman):
    with pytest.raises(DomainError, match="Chưa có cơ quan nào có kết quả chính thức của năm 2024"):
        services.sign_results_decision(table=selectors.results_table(province, 2024), by=chairman)
    assert not SignedCopy.objects.exists() and not ResultsDecision.objects.exists()
