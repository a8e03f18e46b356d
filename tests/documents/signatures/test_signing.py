"""Signing an issued plan's PDF with the agency's certificate, and checking
signatures: by pyHanko's validator and by poppler's pdfsig."""

import io
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from danvan.core.services import DomainError
from danvan.documents import selectors, services
from danvan.documents.models import SignedCopy, SigningCertificate, TrustedAuthority
from danvan.documents.signatures import pades, stamp
from danvan.documents.signatures.pades import Verdict
from tests.conftest import require_binary
from tests.signing_ca import PASSPHRASE, seal_png

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture
def certificate(agency, system_admin, agency_bundle):
    return services.configure_signing_certificate(
        agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=seal_png(), by=system_admin
    )


@pytest.fixture
def signed(plan, plan_pdf, certificate, agency_head):
    return services.sign_document(
        document=plan,
        agency=plan.agency,
        title="Kế hoạch số 12/KH-SKHCN",
        pdf=plan_pdf,
        signer_name=plan.signer_name,
        reason="Ký ban hành kế hoạch",
        by=agency_head,
    )


def _bytes(copy: SignedCopy) -> bytes:
    with copy.file.open("rb") as stored:
        return stored.read()


def _pdfsig(data: bytes, tmp_path) -> str:
    pdfsig = require_binary("pdfsig")
    path = tmp_path / "ky-so.pdf"
    path.write_bytes(data)
    return subprocess.run([pdfsig, str(path)], capture_output=True, text=True, timeout=60).stdout


def test_the_certificate_is_kept_with_what_it_says_and_its_passphrase_encrypted(certificate, agency):
    certificate.refresh_from_db()
    assert certificate.holder == "Sở Khoa học và Công nghệ"
    assert certificate.is_active and certificate.agency == agency
    assert len(certificate.fingerprint) == 64 and certificate.serial
    assert PASSPHRASE not in certificate.sealed_passphrase
    assert certificate.bundle.name.startswith(f"signing/{agency.pk}/")


def test_a_new_certificate_replaces_the_one_in_use_which_stays_on_record(
    certificate, agency, system_admin, test_ca
):
    services.configure_signing_certificate(
        agency=agency,
        bundle=test_ca.bundle("Sở KH&CN 2027"),
        passphrase=PASSPHRASE,
        seal=None,
        by=system_admin,
    )
    assert SigningCertificate.objects.filter(agency=agency).count() == 2
    assert selectors.current_signing_certificate(agency).holder == "Sở KH&CN 2027"


@pytest.mark.parametrize(
    ("bundle", "passphrase", "message"),
    [
        (b"khong phai tep p12", PASSPHRASE, "không phải là chứng thư số PKCS#12"),
        (None, "sai-mat-khau", "Mật khẩu của tệp chứng thư số không đúng"),
        ("expired", PASSPHRASE, "Chứng thư số đã hết hạn từ ngày"),
        ("no-signing", PASSPHRASE, "không được dùng để ký văn bản"),
    ],
)
def test_bad_bundles_get_a_vietnamese_message_and_store_nothing(
    agency, system_admin, agency_bundle, test_ca, settings, bundle, passphrase, message
):
    bundle = {
        None: agency_bundle,
        "expired": test_ca.bundle("Sở cũ", days=-1, start_days_ago=400),
        "no-signing": test_ca.bundle("Sở mã hóa", usage=False),
    }.get(bundle, bundle)
    with pytest.raises(DomainError, match=message):
        services.configure_signing_certificate(
            agency=agency, bundle=bundle, passphrase=passphrase, seal=None, by=system_admin
        )
    assert not SigningCertificate.objects.exists()
    assert not (settings.MEDIA_ROOT / "signing").exists()


def test_a_seal_that_is_not_a_png_is_refused(agency, system_admin, agency_bundle):
    with pytest.raises(DomainError, match="PNG"):
        services.configure_signing_certificate(
            agency=agency, bundle=agency_bundle, passphrase=PASSPHRASE, seal=b"GIF89a....", by=system_admin
        )
    assert not SigningCertificate.objects.exists()


def test_signing_records_who_when_and_which_certificate(signed, plan, agency_head, certificate):
    assert signed.document == plan
    assert signed.signer == agency_head and signed.signer_name == "Nguyễn Văn An"
    assert signed.certificate == certificate
    assert signed.certificate_fingerprint == certificate.fingerprint
    assert list(selectors.signed_copies_of(plan)) == [signed]


def test_the_signed_plan_is_valid_for_pyhanko_against_the_trusted_ca(signed, test_ca, system_admin):
    [check] = pades.check_signatures(_bytes(signed), trust_roots=[test_ca.pem])
    assert check.verdict == Verdict.VALID
    assert check.signer == "Sở Khoa học và Công nghệ"
    assert pades.signed_at_local(check.as_dict()) == signed.signed_at


def test_the_signed_plan_is_valid_for_pdfsig(signed, tmp_path):
    report = _pdfsig(_bytes(signed), tmp_path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    assert "Signer Certificate Common Name: Sở Khoa học và Công nghệ" in report
    assert "ETSI.CAdES.detached" in report


def test_the_visible_signature_sits_above_the_signers_name_on_the_last_page(signed):
    data = _bytes(signed)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "ke-hoach-da-ky.pdf").write_bytes(data)  # for a person to look at
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        last = len(pdf.pages) - 1
        page = pdf.pages[last]
        name = [word for word in page.extract_words() if word["text"] == "Nguyễn"][-1]
        name_top, height = float(name["top"]), float(page.height)
    [signature] = PdfFileReader(io.BytesIO(data)).embedded_signatures
    widget = signature.sig_field
    x0, y0, x1, y1 = (float(value) for value in widget["/Rect"])
    assert height - name_top <= y0 <= height - name_top + 5 and y1 - y0 >= 40
    assert x0 < float(name["x0"]) < x1


def test_changed_bytes_are_reported_as_modified_by_pyhanko_and_pdfsig(signed, test_ca, tmp_path):
    data = bytearray(_bytes(signed))
    where = data.index(b"/Producer")
    data[where + 1 : where + 2] = b"Q"
    [check] = pades.check_signatures(bytes(data), trust_roots=[test_ca.pem])
    assert check.verdict == Verdict.MODIFIED
    assert "Signature is Valid." not in _pdfsig(bytes(data), tmp_path)


def test_an_incremental_update_changing_the_content_is_reported_as_modified(signed, test_ca):
    writer = IncrementalPdfFileWriter(io.BytesIO(_bytes(signed)))
    added = writer.add_object(
        generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (Sua noi dung) Tj ET")
    )
    writer.add_stream_to_page(0, added)
    changed = io.BytesIO()
    writer.write(changed)
    [check] = pades.check_signatures(changed.getvalue(), trust_roots=[test_ca.pem])
    assert check.verdict == Verdict.MODIFIED


def test_a_certificate_from_an_unknown_ca_is_an_unknown_issuer(plan_pdf, unknown_ca, test_ca):
    data = pades.sign_pdf(
        plan_pdf,
        pkcs12=unknown_ca.bundle("Cơ quan lạ"),
        passphrase=PASSPHRASE,
        stamp=stamp.stamp_image(lines=["Người ký: Cơ quan lạ"]),
        placement=stamp.Placement(0, (100, 100, 310, 178)),
        when=timezone.now().replace(microsecond=0),
        reason="Thử",
    )
    [check] = pades.check_signatures(data, trust_roots=[test_ca.pem])
    assert check.verdict == Verdict.UNKNOWN_ISSUER and check.signer == "Cơ quan lạ"


def test_an_unsigned_pdf_says_so(plan_pdf, test_ca):
    assert [check.verdict for check in pades.check_signatures(plan_pdf, trust_roots=[test_ca.pem])] == [
        Verdict.UNSIGNED
    ]


def test_an_agency_without_a_certificate_cannot_sign_and_nothing_is_stored(plan, plan_pdf, agency_head):
    with pytest.raises(DomainError, match="chưa có chứng thư số"):
        services.sign_document(
            document=plan,
            agency=plan.agency,
            title="KH",
            pdf=plan_pdf,
            signer_name="",
            reason="",
            by=agency_head,
        )
    assert not SignedCopy.objects.exists()


def test_trusted_authorities_take_ca_certificates_only_once(system_admin, test_ca):
    authority = services.trust_authority(data=test_ca.pem, name="", by=system_admin)
    assert authority.name == "CA thử nghiệm Danvan"
    assert selectors.trust_roots() == [test_ca.pem]
    with pytest.raises(DomainError, match="đã có trong danh sách"):
        services.trust_authority(data=test_ca.pem, name="Lần hai", by=system_admin)
    with pytest.raises(DomainError, match="không phải là chứng thư số"):
        services.trust_authority(data=b"rac", name="", by=system_admin)
    _key, leaf = test_ca.issue("Một cơ quan")
    with pytest.raises(DomainError, match="không phải của một tổ chức cấp chứng thư"):
        services.trust_authority(data=leaf.public_bytes(Encoding.PEM), name="", by=system_admin)
    assert TrustedAuthority.objects.count() == 1


def test_a_withdrawn_authority_is_no_longer_trusted(signed, system_admin, test_ca):
    authority = services.trust_authority(data=test_ca.pem, name="", by=system_admin)
    [check] = pades.check_signatures(_bytes(signed), trust_roots=selectors.trust_roots())
    assert check.verdict == Verdict.VALID
    services.withdraw_authority(authority=authority, by=system_admin)
    assert selectors.trust_roots() == []
    [check] = pades.check_signatures(_bytes(signed), trust_roots=selectors.trust_roots())
    assert check.verdict == Verdict.UNKNOWN_ISSUER
