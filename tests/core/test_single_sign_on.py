"""Signing in with the province's identity provider, against a real OpenID
provider on loopback (tests/oidc_provider/): the person is found by the
identity an administrator linked, never by e-mail; unknown identities and
deactivated people are refused; accounts are created only when allowed."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from jwcrypto import jwk

from danvan.core import secondfactor, services
from danvan.core.models import ExternalIdentity, Role, RoleAssignment, User
from tests.factories import UserFactory, person_with_role
from tests.oidc_support import EMAILS, NAMES, PEOPLE, path_of, sign_in_at_provider

UNKNOWN_TEXT = "Tài khoản định danh này chưa được gắn với cán bộ nào trong hệ thống; liên hệ quản trị"
BUTTON = "Đăng nhập bằng tài khoản định danh của tỉnh"


def start(client, next_url: str = "") -> str:
    answer = client.get(reverse("oidc_sign_in") + (f"?next={next_url}" if next_url else ""))
    assert answer.status_code == 302
    return answer["Location"]


def sign_in_by_provider(client, subject: str, **kwargs):
    back = sign_in_at_provider(start(client), subject, **kwargs)
    return client.get(path_of(back))


def signed_in_as(client) -> User | None:
    user = client.get(reverse("core:home")).wsgi_request.user
    return user if user.is_authenticated else None


@pytest.fixture
def linked(sso, agency):
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency)
    ExternalIdentity.objects.create(issuer=sso.issuer, subject=PEOPLE["linked"], user=person)
    return person


def test_login_page_offers_the_provider_only_when_it_is_configured(client, db, settings):
    settings.DANVAN_OIDC_ENABLED = False
    page = client.get(reverse("login")).content.decode()
    assert BUTTON not in page
    assert client.get(reverse("oidc_sign_in")).status_code == 404
    assert client.get(reverse("oidc_callback") + "?code=x&state=y").status_code == 404


def test_the_request_to_the_provider_uses_pkce_state_and_nonce(client, sso):
    page = client.get(reverse("login")).content.decode()
    assert BUTTON in page
    location = start(client)
    assert location.startswith(f"{sso.issuer}/authorize/")
    query = {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) >= 43
    assert query["state"] and query["nonce"]
    assert "openid" in query["scope"].split()
    assert query["redirect_uri"] == "http://testserver/tai-khoan/dinh-danh/tra-ve/"


def test_a_linked_identity_signs_in_as_its_person(client, linked):
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer.status_code == 302 and answer["Location"] == reverse("core:home")
    assert signed_in_as(client) == linked
    identity = ExternalIdentity.objects.get(subject=PEOPLE["linked"])
    assert identity.first_seen is not None and identity.last_seen is not None
    assert identity.last_seen <= timezone.now()


def test_each_sign_in_keeps_the_first_time_and_moves_the_last(linked):
    identity = ExternalIdentity.objects.get(subject=PEOPLE["linked"])
    first = services.record_identity_sign_in(identity=identity)
    again = services.record_identity_sign_in(identity=identity)
    again.refresh_from_db()
    assert again.first_seen == first.first_seen
    assert again.last_seen >= first.first_seen


def test_the_page_asked_for_before_signing_in_opens_after(client, linked):
    location = start(client, next_url="/tai-khoan/bao-mat/")
    answer = client.get(path_of(sign_in_at_provider(location, PEOPLE["linked"])))
    assert answer["Location"] == "/tai-khoan/bao-mat/"


def test_an_unknown_identity_is_refused_and_nothing_is_created(client, sso, db):
    people, identities = User.objects.count(), ExternalIdentity.objects.count()
    answer = sign_in_by_provider(client, PEOPLE["unknown"])
    assert answer.status_code == 403
    page = answer.content.decode()
    assert UNKNOWN_TEXT in page
    # The identifier to give the administrator is shown.
    assert f'data-testid="ma-dinh-danh">{PEOPLE["unknown"]}<' in page
    assert signed_in_as(client) is None
    assert (User.objects.count(), ExternalIdentity.objects.count()) == (people, identities)


def test_an_email_that_matches_a_person_does_not_sign_in(client, sso, agency):
    person_with_role(Role.AGENCY_OFFICE, agency=agency, email=EMAILS[PEOPLE["same_email"]])
    answer = sign_in_by_provider(client, PEOPLE["same_email"])
    assert answer.status_code == 403 and UNKNOWN_TEXT in answer.content.decode()
    assert signed_in_as(client) is None


def test_an_identity_linked_at_another_provider_does_not_sign_in(client, sso, agency):
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency)
    ExternalIdentity.objects.create(
        issuer="https://id.other-province.gov.vn/o", subject=PEOPLE["linked"], user=person
    )
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer.status_code == 403
    assert signed_in_as(client) is None


def test_creating_accounts_when_allowed_gives_a_person_with_no_roles(client, sso, settings):
    settings.DANVAN_OIDC_CREATE_USERS = True
    answer = sign_in_by_provider(client, PEOPLE["new"])
    assert answer.status_code == 302
    identity = ExternalIdentity.objects.select_related("user").get(issuer=sso.issuer, subject=PEOPLE["new"])
    person = identity.user
    assert signed_in_as(client) == person
    assert person.full_name == NAMES[PEOPLE["new"]]
    assert person.email == EMAILS[PEOPLE["new"]]
    assert not person.has_usable_password()
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert person.agency_id is None and not person.is_staff and not person.is_superuser
    # The second sign-in finds the same account.
    client.post(reverse("logout"))
    sign_in_by_provider(client, PEOPLE["new"])
    assert User.objects.filter(external_identities__subject=PEOPLE["new"]).count() == 1


def test_a_deactivated_person_cannot_sign_in_by_the_provider(client, sso, agency):
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency, is_active=False)
    ExternalIdentity.objects.create(issuer=sso.issuer, subject=PEOPLE["deactivated"], user=person)
    answer = sign_in_by_provider(client, PEOPLE["deactivated"])
    assert answer.status_code == 403
    assert "đã bị khóa" in answer.content.decode()
    assert signed_in_as(client) is None


def test_a_callback_cannot_be_replayed(client, linked):
    back = path_of(sign_in_at_provider(start(client), PEOPLE["linked"]))
    client.get(back)
    client.post(reverse("logout"))
    again = client.get(back)
    assert again.status_code == 400
    assert signed_in_as(client) is None


def test_a_callback_this_session_did_not_start_is_refused(client, linked, sso):
    other = sign_in_at_provider(start(client), PEOPLE["linked"])
    fresh = type(client)()
    answer = fresh.get(path_of(other))
    assert answer.status_code == 400
    assert signed_in_as(fresh) is None


def test_refusing_consent_at_the_provider_signs_nobody_in(client, linked):
    back = sign_in_at_provider(start(client), PEOPLE["linked"], allow=False)
    answer = client.get(path_of(back))
    assert answer.status_code == 400
    assert "đã bị hủy" in answer.content.decode()
    assert signed_in_as(client) is None


def test_wrong_client_secret_is_refused_without_an_error_page(client, linked, settings):
    settings.OIDC_RP_CLIENT_SECRET = "not-the-secret"  # noqa: S105
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer.status_code == 502
    assert "Không xác minh được" in answer.content.decode()
    assert signed_in_as(client) is None


def test_a_person_with_an_authenticator_still_gives_the_code(client, linked):
    TOTPDevice.objects.create(user=linked, name="app", confirmed=True)
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer["Location"].startswith(reverse("second_step"))
    assert client.session[secondfactor.SESSION_KEY] == secondfactor.VERIFY
    assert client.get(reverse("core:home"))["Location"].startswith(reverse("second_step"))


def test_the_provider_second_factor_can_stand_for_danvans(client, linked, settings):
    settings.DANVAN_OIDC_SKIPS_SECOND_FACTOR = True
    TOTPDevice.objects.create(user=linked, name="app", confirmed=True)
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer["Location"] == reverse("core:home")
    assert client.get(reverse("core:home")).status_code == 200


def test_signing_out_ends_the_provider_session_too(client, linked, sso):
    sign_in_by_provider(client, PEOPLE["linked"])
    answer = client.post(reverse("logout"))
    assert answer.status_code == 302
    location = answer["Location"]
    assert location.startswith(f"{sso.issuer}/logout/")
    query = parse_qs(urlsplit(location).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/tai-khoan/dang-nhap/"]
    assert query["id_token_hint"][0].count(".") == 2
    assert signed_in_as(client) is None


def test_a_password_session_signs_out_as_before(client, sso, db):
    person = UserFactory()
    client.force_login(person)
    answer = client.post(reverse("logout"))
    assert answer["Location"] == reverse("login")


def test_the_administrator_links_a_person_to_an_identity_in_the_admin(client, sso, system_admin, agency):
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency, full_name="Phạm Văn Nam")
    client.force_login(system_admin)
    form = client.get(reverse("admin:core_externalidentity_add")).content.decode()
    assert f'value="{sso.issuer}"' in form  # the configured provider is proposed
    answer = client.post(
        reverse("admin:core_externalidentity_add"),
        {"issuer": f"{sso.issuer}/", "subject": f" {PEOPLE['linked']} ", "user": person.pk},
    )
    assert answer.status_code == 302
    identity = ExternalIdentity.objects.get(user=person)
    assert (identity.issuer, identity.subject) == (sso.issuer, PEOPLE["linked"])
    # Who made the link is kept.
    assert identity.history.get().history_user == system_admin
    # The same identity cannot be linked to a second person.
    twice = client.post(
        reverse("admin:core_externalidentity_add"),
        {"issuer": sso.issuer, "subject": PEOPLE["linked"], "user": system_admin.pk},
    )
    assert twice.status_code == 200 and ExternalIdentity.objects.count() == 1
    client.post(reverse("logout"))

    sign_in_by_provider(client, PEOPLE["linked"])
    assert signed_in_as(client) == person


def test_the_person_page_in_the_admin_lists_the_linked_identities(client, linked, system_admin):
    client.force_login(system_admin)
    page = client.get(reverse("admin:core_user_change", args=[linked.pk])).content.decode()
    assert PEOPLE["linked"] in page
    assert "tài khoản định danh" in page.lower()


def test_an_id_token_from_another_issuer_is_refused(client, sso, settings, agency):
    # Danvan expects another province's issuer: the real token's `iss` does not match.
    settings.DANVAN_OIDC_ISSUER = "https://dinhdanh.tinh-khac.gov.vn/o"
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency)
    ExternalIdentity.objects.create(issuer=settings.DANVAN_OIDC_ISSUER, subject=PEOPLE["linked"], user=person)
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer.status_code == 502
    assert signed_in_as(client) is None
    assert ExternalIdentity.objects.get(user=person).last_seen is None


@pytest.fixture
def forged_jwks(sso):
    """A JWKS on loopback that gives the provider's key id a different key."""
    real = requests.get(f"{sso.issuer}/.well-known/jwks.json", timeout=5).json()["keys"][0]
    other = json.loads(jwk.JWK.from_pyca(rsa.generate_private_key(65537, 2048).public_key()).export_public())
    body = json.dumps({"keys": [{**other, "kid": real["kid"], "alg": "RS256", "use": "sig"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/jwks.json"
    server.shutdown()
    server.server_close()


def test_an_id_token_whose_signature_does_not_verify_is_refused(client, linked, settings, forged_jwks):
    settings.OIDC_OP_JWKS_ENDPOINT = forged_jwks
    answer = sign_in_by_provider(client, PEOPLE["linked"])
    assert answer.status_code == 502
    assert "Không xác minh được" in answer.content.decode()
    assert signed_in_as(client) is None
    assert ExternalIdentity.objects.get(user=linked).last_seen is None


def test_a_person_deactivated_after_signing_in_is_signed_out(client, linked):
    sign_in_by_provider(client, PEOPLE["linked"])
    assert signed_in_as(client) == linked
    linked.is_active = False
    linked.save(update_fields=["is_active"])
    assert signed_in_as(client) is None


def test_a_created_account_never_takes_an_existing_username(sso, db, settings):
    UserFactory(username="079190000009")
    identity = services.create_person_for_identity(
        issuer=sso.issuer,
        subject="079190000009",
        claims={"sub": "079190000009", "preferred_username": "079190000009"},
    )
    assert identity.user.username == "079190000009.2"
    assert not identity.user.has_usable_password()
