"""The OAuth 2.0 side of registered clients: a client gets a token only while
it is active, and only for scopes the administrator gave it; the token
endpoint refuses in the API's words."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from oauth2_provider import views as oauth_views
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import BaseScopes

from danvan.api.models import ApiClient
from danvan.api.scopes import SCOPES


def _client_of(application) -> ApiClient | None:
    if application is None:
        return None
    return ApiClient.objects.filter(application=application, is_active=True).first()


class ClientScopes(BaseScopes):
    def get_all_scopes(self):
        return {code: str(label) for code, label in SCOPES.items()}

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        client = _client_of(application)
        return sorted(client.scope_set()) if client else []

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        # A client that names no scope gets all of its own.
        return self.get_available_scopes(application, request)


class ClientValidator(OAuth2Validator):
    def authenticate_client(self, request, *args, **kwargs):
        return (
            super().authenticate_client(request, *args, **kwargs) and _client_of(request.client) is not None
        )


# RFC 6749 §5.2's error codes and what the API says for each, with its own
# stable code beside the standard one: the body keeps "error" for OAuth 2.0
# libraries, and reads like every other refusal of the API ("detail", "ma").
# error_description is left out: the RFC allows it only in ASCII.
TOKEN_ERRORS = {
    "invalid_request": ("yeu_cau_cap_ma_khong_hop_le", _("Yêu cầu cấp mã truy cập thiếu hoặc sai tham số.")),
    "invalid_client": (
        "he_thong_ket_noi_khong_hop_le",
        _(
            "Mã hệ thống (client_id) hoặc khóa bí mật (client_secret) không đúng, "
            "hoặc hệ thống kết nối đã ngừng."
        ),
    ),
    "invalid_grant": (
        "cap_phep_khong_hop_le",
        _("Quyền được cấp không hợp lệ, đã hết hạn hoặc đã bị thu hồi."),
    ),
    "unauthorized_client": (
        "kieu_cap_ma_khong_duoc_phep",
        _("Hệ thống kết nối không được dùng kiểu cấp mã này."),
    ),
    "unsupported_grant_type": (
        "kieu_cap_ma_khong_ho_tro",
        _("Kiểu cấp mã (grant_type) không được hỗ trợ: hãy dùng client_credentials."),
    ),
    "invalid_scope": (
        "pham_vi_khong_duoc_cap",
        _("Phạm vi quyền yêu cầu không có hoặc chưa được cấp cho hệ thống kết nối này."),
    ),
}
OTHER_TOKEN_ERROR = ("khong_cap_duoc_ma", _("Không cấp được mã truy cập. Vui lòng thử lại sau."))


def _in_our_words(response: HttpResponse) -> HttpResponse:
    try:
        error = json.loads(response.content).get("error", "")
    except (ValueError, AttributeError):
        error = ""
    code, message = TOKEN_ERRORS.get(error, OTHER_TOKEN_ERROR)
    body = {"error": error or "server_error", "detail": str(message), "ma": code}
    response.content = json.dumps(body, ensure_ascii=False).encode("utf-8")
    response["Content-Type"] = "application/json"
    return response


class TokenView(oauth_views.TokenView):
    """django-oauth-toolkit's token endpoint, answering its refusals in the
    person's language (Vietnamese by default) with a stable code.
    Only the client-credentials grant is offered, as Danvan registers only
    such clients; any other is refused before oauthlib reads it (its
    device-code grant looks up a device_code unchecked: a 500 without one)."""

    def post(self, request, *args, **kwargs):
        grant = request.POST.get("grant_type")
        if grant is not None and grant != "client_credentials":
            refused = HttpResponse(json.dumps({"error": "unsupported_grant_type"}), status=400)
            refused["Cache-Control"] = "no-store"
            return _in_our_words(refused)
        response = self.authorization_flow_token_response(request)
        if response.status_code == 200:
            return response
        return _in_our_words(response)
