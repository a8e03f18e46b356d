"""Bearer tokens: a registered client's OAuth 2.0 access token (got by the
client-credentials grant at /api/o/token/) or a person's own API token.

Either acts as a person (the client's acting person, or the token's owner),
so that every endpoint decides with the pages' permission functions; what
the token adds is ``request.auth``, a ``Caller`` with its scopes and, for a
client, the agencies it may read. A token that is unknown, expired or
revoked is refused with 401, whatever the endpoint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from oauth2_provider.models import AccessToken
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from danvan.api import services
from danvan.api.models import ApiClient, PersonalToken
from danvan.api.scopes import SCOPES


@dataclass(frozen=True)
class Caller:
    """What a bearer token may do beyond its person's permissions."""

    scopes: frozenset[str]
    # The agencies a registered client may read; None for a personal token.
    agencies: frozenset[int] | None
    # Names the token's holder in the rate limit: "client:<id>" or "token:<id>".
    label: str


def _refused(message: str) -> exceptions.AuthenticationFailed:
    return exceptions.AuthenticationFailed(message, code="ma_truy_cap_khong_hop_le")


class BearerTokenAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate_header(self, request) -> str | None:
        # A refused token is 401 with the scheme to use; a caller that sent
        # no credentials at all is refused 403, as the pages' session API was.
        if get_authorization_header(request):
            return 'Bearer realm="api"'
        return None

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise _refused(_("Tiêu đề Authorization phải có dạng «Bearer <mã truy cập>»."))
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise _refused(_("Mã truy cập không hợp lệ.")) from None
        if token.startswith(services.PERSONAL_PREFIX):
            return self._personal(token)
        return self._client(token)

    def _personal(self, token: str):
        record = (
            PersonalToken.objects.select_related("person").filter(digest=services.token_digest(token)).first()
        )
        if record is None:
            raise _refused(_("Mã truy cập không hợp lệ."))
        if not record.is_usable():
            raise _refused(_("Mã truy cập đã hết hạn hoặc đã bị thu hồi."))
        if not record.person.is_active:
            raise _refused(_("Tài khoản sở hữu mã truy cập đã bị khóa."))
        services.note_token_use(record)
        return record.person, Caller(scopes=record.scope_set(), agencies=None, label=f"token:{record.pk}")

    def _client(self, token: str):
        checksum = hashlib.sha256(token.encode("utf-8")).hexdigest()
        access = AccessToken.objects.select_related("application").filter(token_checksum=checksum).first()
        if access is None:
            raise _refused(_("Mã truy cập không hợp lệ."))
        if access.expires <= timezone.now():
            raise _refused(_("Mã truy cập đã hết hạn hoặc đã bị thu hồi."))
        client = (
            ApiClient.objects.select_related("acting_person")
            .filter(application_id=access.application_id, is_active=True)
            .first()
        )
        if client is None or not client.acting_person.is_active:
            raise _refused(_("Hệ thống kết nối đã bị ngừng hoặc không còn người được thay mặt."))
        # The token's scopes, within what the client holds now.
        scopes = frozenset(access.scope.split()) & client.scope_set()
        agencies = frozenset(client.agencies.values_list("pk", flat=True))
        return client.acting_person, Caller(scopes=scopes, agencies=agencies, label=f"client:{client.pk}")


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Two schemes for the one authentication class: ``oauth2`` (a registered
    client's client-credentials token, with the scopes and their meaning)
    and ``maTruyCap`` (a personal token). Each operation requires the scope
    its view names for the method (danvan/api/access.py), as the one
    alternative or the other; an operation for the pages' session only
    requires neither."""

    target_class = BearerTokenAuthentication
    name = ["oauth2", "maTruyCap"]

    def get_security_definition(self, auto_schema):
        return [
            {
                "type": "oauth2",
                "description": _(
                    "Hệ thống kết nối do quản trị đăng ký lấy mã truy cập tại /api/o/token/ bằng "
                    "client_credentials, rồi gửi trong tiêu đề «Authorization: Bearer <mã>»."
                ),
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": reverse("oauth_token"),
                        "scopes": {code: str(label) for code, label in SCOPES.items()},
                    }
                },
            },
            {
                "type": "http",
                "scheme": "bearer",
                "description": _(
                    "Mã truy cập API cá nhân (bắt đầu bằng dvp_), cần cùng phạm vi quyền như ghi ở oauth2."
                ),
            },
        ]

    def get_security_requirement(self, auto_schema):
        scopes = getattr(auto_schema.view, "api_scopes", {})
        scope = scopes.get("read" if auto_schema.method in SAFE_METHODS else "write")
        if scope is None:
            return None
        # "*" is access.ANY_TOKEN (access imports this module): any token, no scope.
        return [{"oauth2": [] if scope == "*" else [scope]}, {"maTruyCap": []}]
