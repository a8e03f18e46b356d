"""Signing in at the province's identity provider (OpenID Connect).

The flow is mozilla-django-oidc's: authorization code with PKCE, state and
nonce kept in the session, the ID token's RS256 signature checked against the
provider's JWKS. On top of it this backend checks the token's issuer, audience
and expiry, and finds the person by the pair (issuer, ``sub``) an
administrator has linked (``ExternalIdentity``), never by e-mail. An identity
nobody linked is refused, or given a new account with no roles when
``DANVAN_OIDC_CREATE_USERS`` is True; a deactivated person is refused.
"""

from __future__ import annotations

import time

import jwt
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.exceptions import SuspiciousOperation
from django.utils.http import urlencode
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from danvan.core import secondfactor, services
from danvan.core.backends import PersonBackend
from danvan.core.models import ExternalIdentity

BACKEND = secondfactor.PROVIDER_BACKEND
# The time a clock between Danvan and the provider may be off by.
CLOCK_SKEW_SECONDS = 120


class SignInRefused(Exception):
    """The provider vouched for an identity that may not sign in here."""

    UNKNOWN = "unknown"
    INACTIVE = "inactive"

    def __init__(self, reason: str, subject: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.subject = subject


class ProvinceIdentityBackend(OIDCAuthenticationBackend):
    """Called by the callback page only (its ``authenticate`` takes no
    username or password, so Django's password sign-in never reaches it)."""

    def authenticate(self, request, *, nonce, code_verifier):
        if not settings.DANVAN_OIDC_ENABLED:
            return None
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def verify_token(self, token, **kwargs):
        try:
            payload = super().verify_token(token, **kwargs)
        except jwt.PyJWTError as error:  # expired, not yet valid, a key that does not fit
            raise SuspiciousOperation(f"ID token refused: {error}") from error
        if kwargs.get("nonce") is None:  # the userinfo answer as a JWT: signature only
            return payload
        if payload.get("iss", "").rstrip("/") != settings.DANVAN_OIDC_ISSUER:
            raise SuspiciousOperation("ID token issued by another issuer.")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token issued for another client.")
        if len(audiences) > 1 and payload.get("azp") != settings.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token authorised for another client.")
        expires = payload.get("exp")
        if not isinstance(expires, int | float) or expires + CLOCK_SKEW_SECONDS < time.time():
            raise SuspiciousOperation("ID token expired.")
        if not payload.get("sub"):
            raise SuspiciousOperation("ID token without a subject.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint when the
        provider has one (whose ``sub`` must be the token's)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload["sub"]:
                raise SuspiciousOperation("Userinfo answered for another subject.")
            claims.update(userinfo)
        return claims

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("Claims verification failed")
        issuer, subject = settings.DANVAN_OIDC_ISSUER, str(claims["sub"])
        identity = (
            ExternalIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
        )
        if identity is None:
            if not settings.DANVAN_OIDC_CREATE_USERS:
                raise SignInRefused(SignInRefused.UNKNOWN, subject)
            identity = services.create_person_for_identity(issuer=issuer, subject=subject, claims=claims)
        if not self.user_can_authenticate(identity.user):
            raise SignInRefused(SignInRefused.INACTIVE, subject)
        services.record_identity_sign_in(identity=identity)
        return identity.user

    def get_user(self, user_id):
        return PersonBackend().get_user(user_id)


def signed_in_by_provider(request) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == BACKEND


def end_session_url(*, id_token: str, after: str) -> str:
    """Where to send the browser so the provider ends its session too."""
    query = {"client_id": settings.OIDC_RP_CLIENT_ID, "post_logout_redirect_uri": after}
    if id_token:
        query["id_token_hint"] = id_token
    return f"{settings.DANVAN_OIDC_END_SESSION_ENDPOINT}?{urlencode(query)}"
