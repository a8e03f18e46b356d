from django.shortcuts import redirect
from django.urls import reverse

# Pages a person who must change a temporary password may still open.
_ALLOWED_PREFIXES = ("/tai-khoan/", "/static/", "/healthz", "/i18n/")


class PasswordChangeRequiredMiddleware:
    """Send a person signed in with a temporary password to change it first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "must_change_password", False)
            and not request.path.startswith(_ALLOWED_PREFIXES)
        ):
            return redirect(reverse("password_change"))
        return self.get_response(request)
