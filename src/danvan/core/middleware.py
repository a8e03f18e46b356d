import logging

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from danvan.core import secondfactor, views
from danvan.core.storage import StorageUnavailable

logger = logging.getLogger(__name__)

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


# Pages a session that still owes its second step may open, besides the step.
_SECOND_STEP_OPEN = ("/static/", "/healthz", "/i18n/")


class SecondFactorMiddleware:
    """A session signed in with the password alone opens only its second
    step: the code page for a person with a device, the set-up page for a
    person whose role requires one. Signing out stays open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = secondfactor.pending_step(request)
        if step and request.user.is_authenticated:
            target = reverse("second_step") if step == secondfactor.VERIFY else reverse("otp_enrol")
            open_paths = {target, reverse("logout")}
            if request.path not in open_paths and not request.path.startswith(_SECOND_STEP_OPEN):
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"detail": _("Cần hoàn tất bước xác thực thứ hai trước khi dùng API.")}, status=403
                    )
                if step == secondfactor.VERIFY and request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)


class StorageUnavailableMiddleware:
    """A file the disk cannot take (full, read-only) answers 503 with a
    Vietnamese page that gives back what was typed, instead of the generic
    error; the transaction has rolled back, so nothing was half saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StorageUnavailable):
            logger.error("Không lưu được tệp: %s", exception)
            return views.storage_unavailable(request)
        return None
