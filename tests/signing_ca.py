"""A certification authority made by the tests: a root CA, an agency's
certificate it issues, and the agency's PKCS#12 bundle; a second, unknown
root for "unknown issuer"; an expired certificate. Nothing leaves the test."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw

PASSPHRASE = "Mat-khau-2026"


@dataclass(frozen=True)
class Authority:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def issue(
        self,
        common_name: str,
        *,
        organisation: str = "",
        days: int = 365,
        start_days_ago: int = 1,
        usage: bool = True,
    ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, organisation or common_name))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=start_days_ago))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(sign=usage), critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return key, certificate

    def bundle(self, common_name: str, *, passphrase: str = PASSPHRASE, **options) -> bytes:
        key, certificate = self.issue(common_name, **options)
        return pkcs12.serialize_key_and_certificates(
            b"co-quan",
            key,
            certificate,
            [self.certificate],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign,
        key_encipherment=not sign,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def make_authority(common_name: str) -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, "Tổ chức chứng thực thử nghiệm"))
        .issuer_name(_name(common_name, "Tổ chức chứng thực thử nghiệm"))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(key=key, certificate=certificate)


@pytest.fixture(scope="session")
def test_ca() -> Authority:
    return make_authority("CA thử nghiệm Danvan")


@pytest.fixture(scope="session")
def unknown_ca() -> Authority:
    return make_authority("CA không ai biết")


@pytest.fixture(scope="session")
def agency_bundle(test_ca) -> bytes:
    """The PKCS#12 bundle of the agency of tests/conftest.py, passphrase PASSPHRASE."""
    return test_ca.bundle("Sở Khoa học và Công nghệ")


def seal_png(size: int = 240) -> bytes:
    """A red ring on a transparent background, standing for an agency's seal."""
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), outline=(220, 0, 0, 255), width=size // 24)
    draw.ellipse(
        (size // 5, size // 5, size - size // 5, size - size // 5), outline=(220, 0, 0, 255), width=3
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def pdfsig_says(data: bytes, tmp_path) -> str:
    """What poppler's pdfsig reports of a PDF (the test is skipped without it)."""
    import subprocess

    from tests.conftest import require_binary

    pdfsig = require_binary("pdfsig")
    path = tmp_path / "ky-so.pdf"
    path.write_bytes(data)
    return subprocess.run([pdfsig, str(path)], capture_output=True, text=True, timeout=60).stdout


def tampered(data: bytes) -> bytes:
    """The signed PDF with one byte of its signed content changed."""
    changed = bytearray(data)
    where = changed.index(b"/Producer")
    changed[where + 1 : where + 2] = b"Q"
    return bytes(changed)


def stored_bytes(copy) -> bytes:
    with copy.file.open("rb") as stored:
        return stored.read()
