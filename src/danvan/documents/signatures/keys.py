"""The agency's signing key: a PKCS#12 bundle (.p12, .pfx) and its passphrase.

The bundle is read only to sign and to check it on upload; it is kept in the
private storage (served by no view). Its passphrase is kept encrypted
(Fernet) with a key derived from ``SECRET_KEY``: a database dump alone does
not open the bundle. ``SECRET_KEY_FALLBACKS`` still open passphrases sealed
under an earlier key, so rotating the key does not break signing at once;
once the earlier key is dropped, the administrator uploads the bundle again.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

KEY_SALT = "danvan.documents.signing-passphrase"


class SigningKeyError(Exception):
    """The bundle or its passphrase cannot be used; the message is for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CertificateFacts:
    """What the agency's certificate says, kept beside the bundle and on each signed copy."""

    subject: str
    issuer: str
    serial: str
    fingerprint: str
    not_before: datetime
    not_after: datetime
    holder: str


@dataclass(frozen=True)
class KeyBundle:
    """The key, its certificate and the chain the bundle carries."""

    key: object
    certificate: x509.Certificate
    chain: list[x509.Certificate]


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = [
        base64.urlsafe_b64encode(salted_hmac(KEY_SALT, "", secret=secret, algorithm="sha256").digest())
        for secret in secrets
    ]
    return MultiFernet([Fernet(key) for key in keys])


def seal_passphrase(passphrase: str) -> str:
    return _fernet().encrypt(passphrase.encode("utf-8")).decode("ascii")


def open_passphrase(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise SigningKeyError(
            _(
                "Không mở được mật khẩu của chứng thư số (khóa bí mật của máy chủ đã đổi). "
                "Quản trị hệ thống cần tải lại tệp chứng thư số của cơ quan."
            )
        ) from error


def load_bundle(data: bytes, passphrase: str) -> KeyBundle:
    """The key and certificate in ``data``, or SigningKeyError saying why not:
    not a PKCS#12 file, a wrong passphrase, no key or certificate inside."""
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 — parsing is the check.
    except (ValueError, TypeError, KeyError) as error:
        raise SigningKeyError(_("Tệp không phải là chứng thư số PKCS#12 (.p12, .pfx) hợp lệ.")) from error
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") or None)
    except ValueError as error:
        raise SigningKeyError(_("Mật khẩu của tệp chứng thư số không đúng.")) from error
    if key is None or certificate is None:
        raise SigningKeyError(_("Tệp chứng thư số không có khóa bí mật hoặc không có chứng thư của cơ quan."))
    return KeyBundle(key=key, certificate=certificate, chain=list(chain or []))


def facts_of(certificate: x509.Certificate) -> CertificateFacts:
    holder = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return CertificateFacts(
        subject=certificate.subject.rfc4514_string(),
        issuer=certificate.issuer.rfc4514_string(),
        serial=format(certificate.serial_number, "X"),
        fingerprint=hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest().upper(),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        holder=str(holder[0].value) if holder else certificate.subject.rfc4514_string(),
    )


def check_usable(certificate: x509.Certificate, *, now: datetime | None = None) -> None:
    """A certificate that has expired, is not valid yet, or may not sign
    documents is refused before anything is signed or stored with it."""
    now = now or timezone.now()
    if certificate.not_valid_after_utc < now:
        raise SigningKeyError(
            _("Chứng thư số đã hết hạn từ ngày %(day)s.")
            % {"day": timezone.localtime(certificate.not_valid_after_utc).strftime("%d/%m/%Y")}
        )
    if certificate.not_valid_before_utc > now:
        raise SigningKeyError(
            _("Chứng thư số chưa có hiệu lực (từ ngày %(day)s).")
            % {"day": timezone.localtime(certificate.not_valid_before_utc).strftime("%d/%m/%Y")}
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise SigningKeyError(_("Chứng thư số không được dùng để ký văn bản (thiếu mục đích ký số)."))
