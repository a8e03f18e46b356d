"""The second sign-in step: a code from an authenticator app (TOTP, RFC 6238)
or one of ten recovery codes (django-otp's static device).

After the password (or the province's identity provider, unless
DANVAN_OIDC_SKIPS_SECOND_FACTOR says the provider asks its own) the session is signed in but not verified: the step still
owed is kept in the session (``verify`` for a person with a device, ``enrol``
for a person whose role requires one and who has none), and
``SecondFactorMiddleware`` lets such a session open nothing but that step.
"""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass

import segno
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import permissions
from danvan.core.models import User

SESSION_KEY = "danvan_second_step"
# The sign-in at the province's identity provider (core/oidc.py).
PROVIDER_BACKEND = "danvan.core.oidc.ProvinceIdentityBackend"
VERIFY = "verify"
ENROL = "enrol"


def step_after_password(person: User) -> str | None:
    """What a person who has just typed the right password still owes."""
    if user_has_device(person, confirmed=True):
        return VERIFY
    if permissions.must_use_second_factor(person):
        return ENROL
    return None


@receiver(user_logged_in, dispatch_uid="danvan-second-step")
def _ask_second_step(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if (
        request.session.get(BACKEND_SESSION_KEY) == PROVIDER_BACKEND
        and settings.DANVAN_OIDC_SKIPS_SECOND_FACTOR
    ):
        # The province's provider asked its own second factor (docs/operations.md).
        request.session.pop(SESSION_KEY, None)
        return
    step = step_after_password(user)
    if step:
        request.session[SESSION_KEY] = step
    else:
        request.session.pop(SESSION_KEY, None)


def pending_step(request) -> str | None:
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


def owe_setup(request) -> None:
    """The session may open nothing but the set-up page until an app is set up."""
    request.session[SESSION_KEY] = ENROL


def step_done(request) -> None:
    """The session has passed the second step: rotate its key (the session now
    carries more trust) and forget the step."""
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


@dataclass(frozen=True)
class Status:
    app: TOTPDevice | None
    recovery_codes_left: int


def status_of(person: User) -> Status:
    app = TOTPDevice.objects.filter(user=person, confirmed=True).first()
    left = StaticToken.objects.filter(device__user=person, device__confirmed=True).count()
    return Status(app=app, recovery_codes_left=left)


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks to type it: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG QR code, drawn here."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, title=_("Mã QR để thêm tài khoản vào ứng dụng xác thực"), svgclass="qr-code"
    )
