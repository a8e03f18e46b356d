"""The OAuth 2.0 side of registered clients: a client gets a token only while
it is active, and only for scopes the administrator gave it."""

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
