"""Changes to the legal-document library and to the digital signatures of
outgoing documents (the agency's certificate, the trusted authorities, the
signed copies)."""

from __future__ import annotations

import hashlib
import io
from datetime import date

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.core.text import search_key
from danvan.documents.models import (
    LegalDocument,
    SignedCopy,
    SigningCertificate,
    TrustedAuthority,
    ValidityStatus,
    number_key,
)
from danvan.documents.signatures import keys, pades, stamp


@transaction.atomic
def record_citation(
    *, doc_type: str, number: str | None, name: str | None, issued: date | None, issuer: str | None
) -> LegalDocument:
    """The library entry for a cited document, created on first mention.

    A number names one document ("77-Kl/TU" is "77-KL/TU"), except that the
    same number may be reused in another year (two "Chỉ thị 33/CT-TTg"): two
    different known dates make two entries. A missing date or issuer is
    filled in from a later mention.
    """
    candidates = _same_document(number, name, doc_type)
    document = next((d for d in candidates if issued is None or d.date in (None, issued)), None)
    if document is None:
        return LegalDocument.objects.create(
            doc_type=doc_type, number=number or "", name=name or "", date=issued, issuer=issuer or ""
        )
    changed = []
    if issued and document.date is None:
        document.date = issued
        changed.append("date")
    if issuer and not document.issuer:
        document.issuer = issuer
        changed.append("issuer")
    if changed:
        document.save(update_fields=changed)
    return document


def _same_document(number: str | None, name: str | None, doc_type: str) -> list[LegalDocument]:
    if number:
        return list(LegalDocument.objects.filter(number_key=number_key(number)).order_by("pk"))
    key = search_key(name or "")
    return [
        d for d in LegalDocument.objects.filter(number="", doc_type=doc_type) if search_key(d.name) == key
    ]


@transaction.atomic
def update_legal_document(*, document: LegalDocument, changes: dict, by: User) -> LegalDocument:
    """Correct or complete an entry; every change is kept in its history."""
    for field, value in changes.items():
        setattr(document, field, value)
    document.save(update_fields=list(changes))
    return document


@transaction.atomic
def set_validity(
    *,
    document: LegalDocument,
    status: str,
    since: date | None,
    replaced_by: list[LegalDocument],
    source: str,
    by: User,
) -> LegalDocument:
    """Record whether the document is still in force: amended, replaced (by
    which documents, from which day) or expired; the change is kept in its history."""
    if status not in ValidityStatus.values:
        raise DomainError(_("Tình trạng hiệu lực không hợp lệ."))
    replaced_by = list(replaced_by) if status == ValidityStatus.REPLACED else []
    if status == ValidityStatus.REPLACED and not replaced_by:
        raise DomainError(_("Hãy chọn văn bản thay thế."))
    if status in (ValidityStatus.REPLACED, ValidityStatus.EXPIRED) and since is None:
        raise DomainError(_("Hãy ghi ngày văn bản hết hiệu lực."))
    if status == ValidityStatus.IN_FORCE:
        since = None
    if since and document.date and since < document.date:
        raise DomainError(
            _("Ngày %(since)s trước ngày ban hành %(issued)s của văn bản.")
            % {"since": f"{since:%d/%m/%Y}", "issued": f"{document.date:%d/%m/%Y}"}
        )
    for other in replaced_by:
        if other.pk == document.pk:
            raise DomainError(_("Văn bản không thể tự thay thế chính nó."))
        if other.replaced_by.filter(pk=document.pk).exists():
            raise DomainError(_("%(other)s đã được ghi là bị văn bản này thay thế.") % {"other": other})
        if since and other.date and other.date > since:
            raise DomainError(
                _("%(other)s ban hành ngày %(issued)s, sau ngày thay thế %(since)s.")
                % {"other": other, "issued": f"{other.date:%d/%m/%Y}", "since": f"{since:%d/%m/%Y}"}
            )
    document.validity_status = status
    document.validity_from = since
    document.validity_source = source.strip()
    document.save(update_fields=["validity_status", "validity_from", "validity_source"])
    document.replaced_by.set(replaced_by)
    return document


# --- Digital signatures ----------------------------------------------------------


@transaction.atomic
def configure_signing_certificate(
    *, agency: Agency, bundle: bytes, passphrase: str, seal: bytes | None, by: User
) -> SigningCertificate:
    """Make an uploaded PKCS#12 bundle the agency's signing certificate.

    Refused, with nothing stored: a file that is not PKCS#12, a wrong
    passphrase, a bundle without a key, a certificate expired, not yet valid
    or not meant for signing, a seal that is not a PNG image. The earlier
    certificate stays as a row (the copies it signed name it) but no longer
    signs."""
    try:
        key_bundle = keys.load_bundle(bundle, passphrase)
        keys.check_usable(key_bundle.certificate)
    except keys.SigningKeyError as error:
        raise DomainError(error.message) from error
    if seal is not None:
        _check_seal(seal)
    facts = keys.facts_of(key_bundle.certificate)
    SigningCertificate.objects.filter(agency=agency, is_active=True).update(is_active=False)
    record = SigningCertificate(
        agency=agency,
        sealed_passphrase=keys.seal_passphrase(passphrase),
        holder=facts.holder[:255],
        subject=facts.subject[:500],
        issuer=facts.issuer[:500],
        serial=facts.serial,
        fingerprint=facts.fingerprint,
        not_before=facts.not_before,
        not_after=facts.not_after,
        uploaded_by=by,
    )
    record.bundle.save("chung-thu.p12", ContentFile(bundle), save=False)
    if seal is not None:
        record.seal.save("con-dau.png", ContentFile(seal), save=False)
    record.save(force_insert=True)
    return record


def _check_seal(data: bytes) -> None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = image.format
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise DomainError(_("Hình con dấu không đọc được: hãy tải lên tệp PNG nền trong suốt.")) from error
    if kind != "PNG":
        raise DomainError(_("Hình con dấu phải là tệp PNG nền trong suốt."))


@transaction.atomic
def trust_authority(*, data: bytes, name: str, by: User) -> TrustedAuthority:
    """Add an authority (a CA certificate, PEM or DER) to those whose
    certificates are trusted when checking signatures."""
    try:
        certificate = (
            x509.load_pem_x509_certificate(data)
            if data.lstrip().startswith(b"-----BEGIN")
            else x509.load_der_x509_certificate(data)
        )
    except ValueError as error:
        raise DomainError(_("Tệp không phải là chứng thư số (PEM hoặc DER) đọc được.")) from error
    try:
        is_authority = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_authority = False
    if not is_authority:
        raise DomainError(_("Chứng thư này không phải của một tổ chức cấp chứng thư (CA)."))
    facts = keys.facts_of(certificate)
    if TrustedAuthority.objects.filter(fingerprint=facts.fingerprint).exists():
        raise DomainError(_("Tổ chức cấp chứng thư này đã có trong danh sách tin cậy."))
    return TrustedAuthority.objects.create(
        name=(name.strip() or facts.holder)[:255],
        certificate=certificate.public_bytes(Encoding.PEM).decode("ascii"),
        subject=facts.subject[:500],
        fingerprint=facts.fingerprint,
        not_after=facts.not_after,
        added_by=by,
    )


@transaction.atomic
def withdraw_authority(*, authority: TrustedAuthority, by: User) -> TrustedAuthority:
    """Stop trusting an authority; checks already made keep what they found."""
    authority.is_active = False
    authority.save(update_fields=["is_active"])
    return authority


@transaction.atomic
def sign_document(
    *,
    document: Model,
    agency: Agency,
    title: str,
    pdf: bytes,
    signer_name: str,
    reason: str,
    by: User,
    name_on_document: str = "",
) -> SignedCopy:
    """Sign the PDF of an issued document with the agency's certificate and
    keep the signed copy, with who signed, when and with which certificate.

    The visible signature (NĐ 30/2020, Phụ lục I) names ``signer_name`` and
    goes above the signer's name printed on the last page
    (``name_on_document``, the signer's name when not given). Refused, with nothing stored: an agency without
    a certificate, a certificate that has expired since it was configured,
    a passphrase that no longer opens (the server's key changed)."""
    certificate = SigningCertificate.objects.filter(agency=agency, is_active=True).first()
    if certificate is None:
        raise DomainError(
            _(
                "Cơ quan chưa có chứng thư số để ký. Quản trị hệ thống cấu hình chứng thư số của cơ quan trước."
            )
        )
    when = timezone.now().replace(microsecond=0)
    try:
        passphrase = keys.open_passphrase(certificate.sealed_passphrase)
        with certificate.bundle.open("rb") as stored:
            bundle = stored.read()
        keys.check_usable(keys.load_bundle(bundle, passphrase).certificate, now=when)
        placement = stamp.place_signature(pdf, signer_name=name_on_document or signer_name)
        image = stamp.stamp_image(
            lines=stamp.signature_lines(signer=signer_name, agency=agency.name, when=when),
            seal=_read(certificate.seal),
            size=placement.size,
        )
        signed = pades.sign_pdf(
            pdf,
            pkcs12=bundle,
            passphrase=passphrase,
            stamp=image,
            placement=placement,
            when=when,
            reason=reason,
        )
    except keys.SigningKeyError as error:
        raise DomainError(error.message) from error
    copy = SignedCopy(
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        agency=agency,
        title=title[:500],
        sha256=hashlib.sha256(signed).hexdigest(),
        certificate=certificate,
        certificate_subject=certificate.subject,
        certificate_serial=certificate.serial,
        certificate_fingerprint=certificate.fingerprint,
        signer=by,
        signer_name=signer_name[:255],
        signed_at=when,
    )
    copy.file.save("van-ban-da-ky.pdf", ContentFile(signed), save=False)
    copy.save(force_insert=True)
    return copy


def _read(field_file) -> bytes | None:
    if not field_file:
        return None
    with field_file.open("rb") as stored:
        return stored.read()
