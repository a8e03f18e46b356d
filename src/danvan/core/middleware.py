import logging
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, resolve_url
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
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


# The cookie that tells the page's script which form addresses were just
# saved (danvan/static/danvan/keep-typed.js clears their kept drafts).
SAVED_COOKIE = "danvan-saved"
_SAVED_KEEP = 5


class SessionEndedMiddleware:
    """What a person typed is not lost when their session ends.

    * An HTMX request (autosave) of a signed-out browser answers 401 with a
      Vietnamese fragment and ``HX-Trigger: danvan:session-ended``, never the
      sign-in page swapped in as if it had been saved.
    * A form sent by a signed-out browser goes to the sign-in page with
      ``next`` = the page the form was on, never the POST-only address
      (which would answer 405 after signing in).
    * A POST of a signed-in person answered by a redirect (or a 200 page)
      with no error message is a save: its address is added to the ``danvan-saved`` cookie,
      read by the page's script to forget the draft it kept for that form.
    * A GET of a POST-only address answers a Vietnamese 405 page with a link
      to the page it belongs to, not Django's empty 405.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            return response
        if _is_sign_in_redirect(response) and not request.user.is_authenticated:
            return _session_ended(request, response)
        if response.status_code == 405 and request.method in ("GET", "HEAD") and not _is_htmx(request):
            return views.method_not_allowed(request, related=_related_page(request.path_info))
        if request.method == "POST" and not _is_htmx(request) and request.user.is_authenticated:
            _mark_saved(request, response)
        return response


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _is_sign_in_redirect(response) -> bool:
    if response.status_code != 302:
        return False
    location = urlsplit(response.get("Location", ""))
    return location.path == resolve_url(settings.LOGIN_URL) and "next=" in location.query


def _session_ended(request, response):
    if _is_htmx(request):
        return views.session_ended(request, back=_safe_local(request, request.headers.get("HX-Current-URL")))
    if request.method == "GET" and _allows_get(request.path_info):
        return response
    # The page the form was on (its Referer), else the form's own address when
    # a GET opens it, else the nearest page above it, else home.
    back = None if request.method == "GET" else _safe_local(request, request.headers.get("Referer"))
    if back is None:
        back = request.get_full_path() if _allows_get(request.path_info) else _related_page(request.path_info)
    return redirect(resolve_url(settings.LOGIN_URL) + "?" + urlencode({"next": back}))


def _safe_local(request, url: str | None) -> str | None:
    """The path and query of ``url`` when it is an address of this site
    (and not the sign-in page itself), else None."""
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(url)
    if not parts.path.startswith("/") or parts.path == resolve_url(settings.LOGIN_URL):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _allows_get(path: str) -> bool:
    """Whether the view at ``path`` answers a GET. Views restricted with
    ``require_POST`` (``require_http_methods``) keep the allowed methods in
    the closure of their wrapper, reached through ``__wrapped__``."""
    try:
        callback = resolve(path).func
    except Resolver404:
        return False
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return "get" in view_class.http_method_names and hasattr(view_class, "get")
    while callback is not None:
        code = getattr(callback, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = callback.__closure__[code.co_freevars.index("request_method_list")]
            return "GET" in cell.cell_contents
        callback = getattr(callback, "__wrapped__", None)
    return True


def _related_page(path: str) -> str:
    """The nearest page above a POST-only address that a GET can open
    (``/bao-cao/12/luu/`` → ``/bao-cao/12/``), else the home page."""
    parts = [part for part in path.split("/") if part]
    while parts:
        parts.pop()
        candidate = "/" + "".join(f"{part}/" for part in parts)
        if candidate != "/" and _allows_get(candidate):
            return candidate
    return reverse("core:home")


def _mark_saved(request, response) -> None:
    # A refused form answers 4xx (422 with its errors, 409 on a conflict); a
    # save answers a redirect, or (seldom) the page of its result.
    if response.status_code not in (200, 301, 302, 303) or _is_sign_in_redirect(response):
        return
    storage = getattr(request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    if any(message.level >= messages.ERROR for message in queued):
        return
    saved = [unquote(path) for path in request.COOKIES.get(SAVED_COOKIE, "").split("|")]
    saved = [*(path for path in saved if path.startswith("/") and path != request.path), request.path]
    response.set_cookie(
        SAVED_COOKIE,
        "|".join(quote(path, safe="") for path in saved[-_SAVED_KEEP:]),
        max_age=300,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # read by the page's script
    )
