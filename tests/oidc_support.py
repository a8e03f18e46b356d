"""The province's identity provider for the tests: tests/oidc_provider/ (a
small Django project on django-oauth-toolkit's OpenID Connect support),
started as a separate process on a free loopback port with its own SQLite
database and an RSA signing key made for the run."""

from __future__ import annotations

import copy
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

PROJECT_DIR = Path(__file__).resolve().parents[1]
CLIENT_ID = "danvan-tay-ninh"
CLIENT_SECRET = "bi-mat-cua-danvan-tai-cong-dinh-danh"  # noqa: S105
PASSWORD = "Matkhau-dinh-danh-2025"  # noqa: S105
CALLBACK = "/tai-khoan/dinh-danh/tra-ve/"
# The provider's people: [subject (their username there), password, name, e-mail].
PEOPLE = {
    "linked": "079190000001",
    "unknown": "079190000002",
    "new": "079190000003",
    "deactivated": "079190000004",
    "same_email": "079190000005",
    "browser": "079190000006",
}
EMAILS = {subject: f"{key.replace('_', '.')}@tayninh.gov.vn" for key, subject in PEOPLE.items()}
NAMES = {subject: f"Cán bộ {key}" for key, subject in PEOPLE.items()}
NAMES[PEOPLE["browser"]] = "Lê Thị Thu"


@dataclass(frozen=True)
class Provider:
    url: str

    @property
    def issuer(self) -> str:
        return f"{self.url}/o"

    def danvan_settings(self) -> dict:
        return {
            "DANVAN_OIDC_ENABLED": True,
            "DANVAN_OIDC_ISSUER": self.issuer,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize/",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token/",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo/",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/.well-known/jwks.json",
            "DANVAN_OIDC_END_SESSION_ENDPOINT": f"{self.issuer}/logout/",
        }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(env: dict, *args: str, **kwargs):
    return [sys.executable, "-m", "django", *args], {"env": env, "cwd": PROJECT_DIR, **kwargs}


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    home = tmp_path_factory.mktemp("oidc_provider")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file = home / "signing-key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith("DANVAN_")},
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "PYTHONPATH": str(PROJECT_DIR),
        "OIDC_PROVIDER_DB": str(home / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY_FILE": str(key_file),
    }
    people = [[subject, PASSWORD, NAMES[subject], EMAILS[subject]] for subject in PEOPLE.values()]
    redirects = [f"http://{host}{CALLBACK}" for host in ("testserver", "localhost", "127.0.0.1")]
    logouts = [f"http://{host}/tai-khoan/dang-nhap/" for host in ("testserver", "localhost", "127.0.0.1")]
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        [
            "prepare_provider",
            f"--client-id={CLIENT_ID}",
            f"--client-secret={CLIENT_SECRET}",
            *(f"--redirect-uri={uri}" for uri in redirects),
            *(f"--logout-uri={uri}" for uri in logouts),
            f"--people={json.dumps(people)}",
        ],
    ):
        args, kwargs = _manage(env, *command)
        subprocess.run(args, check=True, timeout=120, **kwargs)  # noqa: S603 - our own interpreter
    port = _free_port()
    log = (home / "server.log").open("w")
    args, kwargs = _manage(env, "runserver", f"127.0.0.1:{port}", "--noreload", stdout=log, stderr=log)
    server = subprocess.Popen(args, **kwargs)  # noqa: S603 - our own interpreter
    provider = Provider(url=f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"The test provider stopped: {(home / 'server.log').read_text()}")
            try:
                if requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("The test provider did not answer within a minute.")
            time.sleep(0.2)
        yield provider
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def sso(db, settings, oidc_provider):
    """Danvan configured for the test provider."""
    for name, value in oidc_provider.danvan_settings().items():
        setattr(settings, name, value)
    # As settings.py does when the end_session endpoint is configured.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"].append(oidc_provider.url)
    settings.CONTENT_SECURITY_POLICY = policy
    return oidc_provider


class _Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") in ("hidden", None, "text", "password"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


def _fields(html: str) -> dict[str, str]:
    form = _Form()
    form.feed(html)
    return form.fields


def sign_in_at_provider(
    authorize_url: str, subject: str, *, password: str = PASSWORD, allow: bool = True
) -> str:
    """What a browser does at the provider: sign in, consent; returns the
    address the provider sends the browser back to (Danvan's callback)."""
    browser = requests.Session()
    answer = browser.get(authorize_url, timeout=10)  # → the provider's sign-in page
    answer.raise_for_status()
    login = browser.post(
        answer.url,
        data={**_fields(answer.text), "username": subject, "password": password},
        headers={"Referer": answer.url},
        timeout=10,
        allow_redirects=False,
    )
    location = urljoin(answer.url, login.headers["Location"])
    consent = browser.get(location, timeout=10, allow_redirects=False)
    if consent.status_code == 302:
        return consent.headers["Location"]
    data = _fields(consent.text)
    if allow:
        data["allow"] = "Authorize"
    back = browser.post(location, data=data, headers={"Referer": location}, timeout=10, allow_redirects=False)
    assert back.status_code == 302, back.text[:2000]
    return back.headers["Location"]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path
