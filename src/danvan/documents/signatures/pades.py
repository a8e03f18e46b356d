"""Signing a PDF (PAdES baseline B) and checking the signatures in one.

Signing adds one incremental update to the PDF: a signature field on the
page the stamp goes to, its appearance (the image of ``stamp``), and the CMS
signature over every byte but the signature itself. The signing time written
in the signature is the time printed on the stamp.

Checking reads every signature of a PDF and says, for each, who signed, when
(as the signer's computer said: there is no time-stamp authority), and one
verdict: valid; modified after signing (the bytes differ from what was signed,
or a later update changed the content); unknown issuer (no path from the
signer's certificate to an authority the administrator trusts); a
certificate no longer valid (expired, revoked). No fetching happens: the
servers are often offline, so revocation is checked only from what the file
carries.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TypeVar

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext

from danvan.documents.signatures.keys import SigningKeyError
from danvan.documents.signatures.stamp import Placement

# The modifications a signed PDF may receive and stay what was signed: more
# signatures and their validation data.
ALLOWED_LATER = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
# Trust problems of a certificate that is known but no longer valid.
LAPSED = {
    AdESFailure.REVOKED,
    AdESFailure.NOT_YET_VALID,
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.NOT_YET_VALID,
    AdESIndeterminate.REVOKED_NO_POE,
    AdESIndeterminate.REVOKED_CA_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
}


class Verdict:
    VALID = "valid"
    MODIFIED = "modified"
    UNKNOWN_ISSUER = "unknown_issuer"
    LAPSED = "lapsed"
    UNSIGNED = "unsigned"
    UNREADABLE = "unreadable"

    LABELS = {
        VALID: _("hợp lệ"),
        MODIFIED: _("đã bị sửa sau khi ký"),
        UNKNOWN_ISSUER: _("không rõ nơi cấp chứng thư"),
        LAPSED: _("chứng thư số hết hạn hoặc đã bị thu hồi"),
        UNSIGNED: _("không có chữ ký"),
        UNREADABLE: _("không đọc được chữ ký"),
    }


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of a PDF and what checking it found (kept as JSON)."""

    verdict: str
    signer: str = ""
    organisation: str = ""
    signed_at: str = ""  # ISO 8601, as the signature states it
    serial: str = ""
    issuer: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


Result = TypeVar("Result")


def _outside_a_running_loop(work: Callable[[], Result]) -> Result:
    """pyHanko's synchronous calls start an event loop of their own
    (asyncio.run), which Python refuses in a thread whose event loop is
    running (an ASGI server's, a browser driver's): there the work runs in a
    thread of its own, its exceptions raised here as they were."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def sign_pdf(
    data: bytes,
    *,
    pkcs12: bytes,
    passphrase: str,
    stamp: Image.Image,
    placement: Placement,
    when: datetime,
    reason: str,
    location: str = "",
    field_name: str = "Signature1",
) -> bytes:
    """``data`` signed with the bundle's key, the stamp at ``placement``."""
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            pkcs12, [], passphrase=passphrase.encode("utf-8") or None
        )
    except (ValueError, TypeError) as error:
        raise SigningKeyError(str(_("Mật khẩu của tệp chứng thư số không đúng."))) from error
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    style = StaticStampStyle(
        background=PdfImage(stamp),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )
    field = fields.SigFieldSpec(sig_field_name=field_name, on_page=placement.page, box=placement.box)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    output = io.BytesIO()
    try:
        signing = _SignerAt(meta, signer=signer, stamp_style=style, new_field_spec=field, at=when)
        _outside_a_running_loop(lambda: signing.sign_pdf(writer, output=output))
    except (SigningError, PdfError) as error:
        raise SigningKeyError(str(_("Không ký được văn bản: %(error)s") % {"error": error})) from error
    return output.getvalue()


class _SignerAt(signers.PdfSigner):
    """A PdfSigner that writes the given signing time (the one on the stamp)."""

    def __init__(self, *args, at: datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.at = at

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self.at
        return session


def check_signatures(data: bytes, *, trust_roots: list[bytes]) -> list[SignatureCheck]:
    """Every signature of the PDF, checked against ``trust_roots`` (DER or
    PEM certificates of the authorities the administrator trusts). A PDF
    without any gives one check saying so."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError):
        return [SignatureCheck(verdict=Verdict.UNREADABLE)]
    if not embedded:
        return [SignatureCheck(verdict=Verdict.UNSIGNED)]
    context = ValidationContext(
        trust_roots=[_certificate(root) for root in trust_roots],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    return _outside_a_running_loop(lambda: [_check(signature, context) for signature in embedded])


def _check(signature, context: ValidationContext) -> SignatureCheck:
    try:
        certificate = signature.signer_cert
        subject = certificate.subject.native
        facts = {
            "signer": subject.get("common_name", ""),
            "organisation": subject.get("organization_name", ""),
            "serial": format(certificate.serial_number, "X"),
            "issuer": certificate.issuer.human_friendly,
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return SignatureCheck(verdict=Verdict.UNREADABLE)
    try:
        status = validate_pdf_signature(signature, context)
    except (ValueError, KeyError, TypeError, PdfError, SigningError):
        return SignatureCheck(verdict=Verdict.MODIFIED, **facts)
    when = status.signer_reported_dt
    signed_at = when.isoformat() if when else ""
    return SignatureCheck(verdict=_verdict(status), signed_at=signed_at, **facts)


def _verdict(status) -> str:
    if not (status.intact and status.valid):
        return Verdict.MODIFIED
    level = status.modification_level
    if level is not None and level not in ALLOWED_LATER or status.docmdp_ok is False:
        return Verdict.MODIFIED
    if status.trusted:
        return Verdict.VALID
    if status.trust_problem_indic in LAPSED:
        return Verdict.LAPSED
    return Verdict.UNKNOWN_ISSUER


def _certificate(data: bytes) -> asn1_x509.Certificate:
    if pem.detect(data):
        _type, _headers, data = pem.unarmor(data)
    return asn1_x509.Certificate.load(data)


def signed_at_local(check: dict) -> datetime | None:
    """The signing time of a stored check, in Vietnam's time."""
    if not check.get("signed_at"):
        return None
    return timezone.localtime(datetime.fromisoformat(check["signed_at"]))
