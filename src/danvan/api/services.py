"""Registering the API's clients and making and revoking personal API tokens.
Each function runs in one transaction and returns what it changed."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oauth2_provider.generators import generate_client_id, generate_client_secret
from oauth2_provider.models import AccessToken, Application

from danvan.api.models import ApiClient, PersonalToken
from danvan.api.scopes import SCOPES, scope_words
from danvan.core.models import User
from danvan.core.services import DomainError

# A personal token says what it is by its first letters (and a scanner of
# leaked secrets can find it by them).
PERSONAL_PREFIX = "dvp_"
LONGEST_TOKEN_DAYS = 365


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _checked_scopes(scopes) -> str:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise DomainError(_("Phạm vi quyền không có: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    if not scopes:
        raise DomainError(_("Hãy chọn ít nhất một phạm vi quyền."))
    return scope_words(scopes)


@dataclass(frozen=True)
class RegisteredClient:
    client: ApiClient
    client_id: str
    client_secret: str  # shown once; only its hash is kept


@transaction.atomic
def register_client(*, name: str, acting_person: User, agencies, scopes, note: str = "", by: User):
    """Register a system that calls the API with the client-credentials grant.
    Answers the client with its id and secret; the secret is kept hashed and
    cannot be read again."""
    if not acting_person.is_active:
        raise DomainError(_("Người được thay mặt đã bị khóa tài khoản."))
    agencies = list(agencies)
    if not agencies:
        raise DomainError(_("Hãy chọn ít nhất một cơ quan mà hệ thống được đọc."))
    words = _checked_scopes(scopes)
    client_id, secret = generate_client_id(), generate_client_secret()
    application = Application.objects.create(
        name=name[:255],
        client_id=client_id,
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        user=by,
    )
    client = ApiClient.objects.create(
        name=name,
        application=application,
        acting_person=acting_person,
        scopes=words,
        note=note,
        created_by=by,
    )
    client.agencies.set(agencies)
    return RegisteredClient(client=client, client_id=client_id, client_secret=secret)


@transaction.atomic
def change_client(
    *, client: ApiClient, acting_person: User, agencies, scopes, is_active: bool, note: str, by: User
):
    """Change what a registered client may read; a client switched off or
    losing scopes loses its tokens at once."""
    agencies = list(agencies)
    if not agencies:
        raise DomainError(_("Hãy chọn ít nhất một cơ quan mà hệ thống được đọc."))
    words = _checked_scopes(scopes)
    # Tokens already given out end when the client could do less, or as someone else.
    narrowed = (
        not is_active
        or not set(words.split()) >= client.scope_set()
        or client.acting_person_id != acting_person.pk
    )
    client.acting_person, client.scopes, client.is_active, client.note = acting_person, words, is_active, note
    client.save(update_fields=["acting_person", "scopes", "is_active", "note"])
    client.agencies.set(agencies)
    if narrowed:
        AccessToken.objects.filter(application=client.application).delete()
    return client


@transaction.atomic
def new_client_secret(*, client: ApiClient, by: User) -> str:
    """A new secret for a client (the old one stops working, with its tokens)."""
    secret = generate_client_secret()
    client.application.client_secret = secret
    client.application.save(update_fields=["client_secret"])
    AccessToken.objects.filter(application=client.application).delete()
    return secret


@transaction.atomic
def create_personal_token(*, person: User, name: str, scopes, days: int) -> tuple[PersonalToken, str]:
    """A token for the person's own program, acting as them; answers the
    record and the token, which is shown once and kept only as a digest."""
    name = name.strip()
    if not name:
        raise DomainError(_("Hãy đặt tên gợi nhớ cho mã truy cập."))
    if not 1 <= days <= LONGEST_TOKEN_DAYS:
        raise DomainError(
            _("Thời hạn của mã truy cập từ 1 đến %(days)s ngày.") % {"days": LONGEST_TOKEN_DAYS}
        )
    words = _checked_scopes(scopes)
    token = PERSONAL_PREFIX + secrets.token_urlsafe(32)
    record = PersonalToken.objects.create(
        person=person,
        name=name[:100],
        prefix=token[:12],
        digest=token_digest(token),
        scopes=words,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return record, token


@transaction.atomic
def revoke_personal_token(*, token: PersonalToken, by: User) -> PersonalToken:
    if token.person_id != by.pk:
        raise DomainError(_("Chỉ người sở hữu mới thu hồi được mã truy cập này."))
    PersonalToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db()
    return token


def note_token_use(token: PersonalToken) -> None:
    """Keep when the token was last used (at most once a minute, one UPDATE)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=now)
