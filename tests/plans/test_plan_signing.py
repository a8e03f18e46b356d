"""An issued plan signed by the agency's leader, its signed copy downloaded by
those who read the plan; a signed PDF imported from the province, with its
signatures checked and shown."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.core.services import DomainError
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.output.docx import render_plan_docx
from danvan.documents.output.pdf import docx_to_pdf
from danvan.documents.signatures import pades, stamp
from danvan.plans import services
from danvan.plans.models import PlanImport
from tests.conftest import require_binary
from tests.signing_ca import PASSPHRASE

_PRINTED: dict[str, bytes] = {}


@pytest.fixture
def certificate(agency, system_admin, agency_bundle):
    return document_services.configure_signing_certificate(
        agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=None, by=system_admin
    )


@pytest.fixture
def plan_pdf(issued_plan):
    require_binary("soffice")
    if "plan" not in _PRINTED:
        _PRINTED["plan"] = docx_to_pdf(render_plan_docx(issued_plan))
    return _PRINTED["plan"]


def _signed_with(bundle: bytes, data: bytes) -> bytes:
    return pades.sign_pdf(
        data,
        pkcs12=bundle,
        passphrase=PASSPHRASE,
        stamp=stamp.stamp_image(lines=["Người ký: Trần Văn Bình"]),
        placement=stamp.Placement(0, (300, 60, 510, 138)),
        when=timezone.now().replace(microsecond=0),
        reason="Ký ban hành",
    )


def test_the_leader_signs_the_issued_plan_and_its_readers_download_the_signed_copy(
    client,
    issued_plan,
    certificate,
    agency_head,
    unit_officer,
    other_agency_officer,
    test_ca,
):
    require_binary("soffice")
    client.force_login(agency_head)
    page = client.get(reverse("plans:plan_detail", args=[issued_plan.pk]))
    assert reverse("plans:plan_sign", args=[issued_plan.pk]) in page.content.decode()
    response = client.post(reverse("plans:plan_sign", args=[issued_plan.pk]))
    assert response.status_code == 302
    copy = SignedCopy.objects.get()
    assert copy.document == issued_plan and copy.signer == agency_head
    url = reverse("plans:plan_signed_pdf", args=[issued_plan.pk, copy.pk])
    assert url in client.get(reverse("plans:plan_detail", args=[issued_plan.pk])).content.decode()

    client.force_login(unit_officer)
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    data = b"".join(download.streaming_content)
    [check] = pades.check_signatures(data, trust_roots=[test_ca.pem])
    assert check.verdict == pades.Verdict.VALID

    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_only_the_leader_signs_and_only_an_issued_plan(
    client, draft_plan, certificate, office_officer, agency_head
):
    client.force_login(office_officer)
    assert client.post(reverse("plans:plan_sign", args=[draft_plan.pk])).status_code == 403
    client.force_login(agency_head)
    assert client.post(reverse("plans:plan_sign", args=[draft_plan.pk])).status_code == 403
    assert not SignedCopy.objects.exists()


def test_without_a_certificate_the_leader_is_told_why_and_nothing_is_stored(client, issued_plan, agency_head):
    require_binary("soffice")
    client.force_login(agency_head)
    response = client.post(reverse("plans:plan_sign", args=[issued_plan.pk]), follow=True)
    assert "chưa có chứng thư số" in response.content.decode()
    assert not SignedCopy.objects.exists()


@pytest.fixture
def office_upload(client, office_officer, agency, django_capture_on_commit_callbacks):
    client.force_login(office_officer)

    def go(data: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("plans:import_upload", args=[agency.pk]),
                {"file": SimpleUploadedFile("ke-hoach-tinh.pdf", data)},
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return client.get(response["Location"]).content.decode()

    return go


@pytest.mark.parametrize(
    ("which", "verdict", "shown"),
    [
        ("trusted", pades.Verdict.VALID, "hợp lệ"),
        ("tampered", pades.Verdict.MODIFIED, "đã bị sửa sau khi ký"),
        ("unknown", pades.Verdict.UNKNOWN_ISSUER, "không rõ nơi cấp chứng thư"),
        ("unsigned", pades.Verdict.UNSIGNED, "không có chữ ký"),
    ],
)
def test_an_imported_pdf_has_its_signatures_checked_and_shown(
    office_upload,
    plan_pdf,
    system_admin,
    test_ca,
    unknown_ca,
    which,
    verdict,
    shown,
):
    document_services.trust_authority(data=test_ca.pem, name="", by=system_admin)
    province_bundle = test_ca.bundle("UBND tỉnh Tây Ninh")
    data = {
        "trusted": lambda: _signed_with(province_bundle, plan_pdf),
        "tampered": lambda: _tampered(_signed_with(province_bundle, plan_pdf)),
        "unknown": lambda: _signed_with(unknown_ca.bundle("UBND tỉnh lạ"), plan_pdf),
        "unsigned": lambda: plan_pdf,
    }[which]()
    page = office_upload(data)
    record = PlanImport.objects.get()
    assert [check["verdict"] for check in record.signatures] == [verdict]
    assert shown in page
    if which != "unsigned":
        assert record.signatures[0]["signer"] in page


def _tampered(data: bytes) -> bytes:
    changed = bytearray(data)
    where = changed.index(b"/Producer")
    changed[where + 1 : where + 2] = b"Q"
    return bytes(changed)


def test_the_plan_made_from_a_signed_import_shows_its_signatures(
    client, issued_plan, agency_head, office_officer, agency
):
    PlanImport.objects.create(
        agency=agency,
        original_name="ke-hoach.pdf",
        sha256="0" * 64,
        uploaded_by=office_officer,
        status=PlanImport.Status.SAVED,
        plan=issued_plan,
        signatures=[
            {"verdict": "valid", "signer": "UBND tỉnh Tây Ninh", "signed_at": "2026-03-05T02:00:00+00:00"}
        ],
    )
    client.force_login(agency_head)
    html = client.get(reverse("plans:plan_detail", args=[issued_plan.pk])).content.decode()
    assert "UBND tỉnh Tây Ninh" in html and "05/03/2026 09:00:00" in html and "hợp lệ" in html


def test_sign_plan_refuses_a_plan_not_issued(draft_plan, certificate, agency_head):
    with pytest.raises(DomainError, match="đã ban hành"):
        services.sign_plan(plan=draft_plan, by=agency_head)
    assert not SignedCopy.objects.exists()
