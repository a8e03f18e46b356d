"""Wrong passwords: the lock of one address and the slow-down of one account.

django-axes locks the pair (username, address) after DANVAN_LOGIN_FAILURE_LIMIT
wrong passwords, so someone elsewhere who knows an official's username cannot
lock the official out. Across every address, an account that has had
DANVAN_LOGIN_SLOWDOWN_AFTER wrong passwords is slowed down: each further try
waits 1, 2, 4, 8… minutes after the last wrong one, up to
DANVAN_LOGIN_SLOWDOWN_MAX_MINUTES. An address the person signed in from in the
last 30 days is not slowed down (its own lock still holds). The counts live in
the cache: shared by every process when Redis is configured.
"""

from __future__ import annotations

import hashlib
import math
import time
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

KNOWN_ADDRESS_DAYS = 30
# A count is forgotten this long after the last wrong password.
MEMORY_SECONDS = 24 * 3600


def wait_in_words(seconds: float) -> str:
    """A wait as a person says it: "45 giây", "15 phút", "1 giờ 5 phút"."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return _("%(count)s giây") % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return _("%(count)s phút") % {"count": minutes}
    if not minutes:
        return _("%(count)s giờ") % {"count": hours}
    return _("%(hours)s giờ %(minutes)s phút") % {"hours": hours, "minutes": minutes}


def _key(username: str) -> str:
    return "danvan:login-slowdown:" + hashlib.sha256(username.encode()).hexdigest()


def _delay(failures: int) -> float:
    """Seconds to wait after the last wrong password, once slowed down."""
    extra = failures - settings.DANVAN_LOGIN_SLOWDOWN_AFTER
    if extra < 0:
        return 0.0
    return float(min(60 * 2 ** min(extra, 20), settings.DANVAN_LOGIN_SLOWDOWN_MAX_MINUTES * 60))


def slowdown_wait(username: str, address: str | None) -> float:
    """Seconds before ``username`` may try a password again from ``address``."""
    record = cache.get(_key(username))
    if not record:
        return 0.0
    wait = record["last"] + _delay(record["failures"]) - time.time()
    if wait <= 0:
        return 0.0
    if address and _is_known_address(username, address):
        return 0.0
    return wait


def _is_known_address(username: str, address: str) -> bool:
    since = timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(username=username, ip_address=address, attempt_time__gte=since).exists()


def record_failure(username: str) -> None:
    key = _key(username)
    record = cache.get(key) or {"failures": 0}
    cache.set(key, {"failures": record["failures"] + 1, "last": time.time()}, MEMORY_SECONDS)


def forget_failures(username: str) -> None:
    cache.delete(_key(username))


class SlowdownBackend:
    """First of the authentication backends: refuses a password for a slowed
    down account before any other backend checks it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        # The same request attributes axes reads (address, time), set once.
        AxesProxyHandler.update_request(request)
        wait = slowdown_wait(username, request.axes_ip_address)
        if wait:
            request.danvan_login_wait = wait
            # Axes then neither counts the refused try against this address
            # nor lets the page through: it answers with the lockout page.
            request.axes_locked_out = True
            raise PermissionDenied
        return None


@receiver(user_login_failed, dispatch_uid="danvan-login-slowdown-failure")
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "danvan_login_wait", None):
        return
    username = credentials.get("username")
    if username:
        record_failure(username)


@receiver(user_logged_in, dispatch_uid="danvan-login-slowdown-success")
def _forget_on_success(sender, request, user, **kwargs):
    forget_failures(user.get_username())


def _address_wait(request, credentials) -> float:
    """Seconds left of the lock of this (username, address) pair."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return 0.0
    last = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials), ip_address=request.axes_ip_address
    ).aggregate(last=Max("attempt_time"))["last"]
    if last is None:
        return cool_off.total_seconds()
    return max(1.0, (last + cool_off - timezone.now()).total_seconds())


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of signing in, saying how long to wait in words."""
    wait = getattr(request, "danvan_login_wait", None) or _address_wait(request, credentials)
    context = {"wait": wait_in_words(wait), "slowed_down": bool(getattr(request, "danvan_login_wait", None))}
    return render(request, "registration/locked_out.html", context, status=429)
