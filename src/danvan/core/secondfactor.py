"""The second sign-in step: a code from an authenticator app (TOTP, RFC 6238)
or one of ten recovery codes (django-otp's static device).

After the password the session is signed in but not verified: the step still
owed is kept in the session (``verify`` for a person with a device, ``enrol``
for a person whose role requires one and who has none), and
``SecondFactorMiddleware`` lets such a session open nothing but that step.
"""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass

import segno
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import permissions
from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.core.throttle import wait_in_words

SESSION_KEY = "danvan_second_step"
VERIFY = "verify"
ENROL = "enrol"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã khôi phục"


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
    step = step_after_password(user)
    if step:
        request.session[SESSION_KEY] = step
    else:
        request.session.pop(SESSION_KEY, None)


def pending_step(request) -> str | None:
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


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


def pending_app(person: User) -> TOTPDevice:
    """The app being set up: the same secret on every visit until it is
    confirmed, so a person who scanned the code and reloaded the page is not
    left with a stale entry in the app."""
    device = TOTPDevice.objects.filter(user=person, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=person, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks to type it: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG QR code, drawn here."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, title=_("Mã QR để thêm tài khoản vào ứng dụng xác thực"), svgclass="qr-code"
    )


def _normalise(code: str) -> str:
    return "".join(code.split()).lower()


def confirm_app(*, person: User, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the app being set up with a code it shows, and give the person
    ten new recovery codes (returned once: only they are shown)."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update().filter(user=person, confirmed=False).order_by("pk").first()
        )
        if device is None:
            raise DomainError(_("Không có ứng dụng nào đang chờ xác nhận. Hãy bắt đầu thiết lập lại."))
        allowed, _detail = device.verify_is_allowed()
        # A wrong code is remembered (the device slows further tries), so it
        # is checked in its own transaction and refused after it.
        verified = allowed and device.verify_token(_normalise(code))
    if not verified:
        raise DomainError(_refusal(device) if not allowed else _wrong_code())
    with transaction.atomic():
        TOTPDevice.objects.filter(user=person).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.confirmed = True
        codes = _replace_recovery_codes(person)
    return device, codes


def new_recovery_codes(*, person: User) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    with transaction.atomic():
        return _replace_recovery_codes(person)


def _replace_recovery_codes(person: User) -> list[str]:
    device = StaticDevice.objects.filter(user=person).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=person, name=RECOVERY_DEVICE_NAME, confirmed=True)
    StaticDevice.objects.filter(user=person).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(*, person: User, code: str):
    """The device that accepts ``code`` (the app's code or a recovery code,
    which is then used up), or DomainError saying why not."""
    code = _normalise(code)
    if not code:
        raise DomainError(_("Hãy nhập mã gồm 6 chữ số từ ứng dụng, hoặc một mã khôi phục."))
    # An app's code is digits only; anything else is a recovery code.
    kind = TOTPDevice if code.isdigit() and len(code) in (6, 8) else StaticDevice
    with transaction.atomic():
        devices = list(kind.objects.select_for_update().filter(user=person, confirmed=True))
        throttled = any(not device.verify_is_allowed()[0] for device in devices)
        matched = None if throttled else next((d for d in devices if d.verify_token(code)), None)
    if matched is None:
        raise DomainError(_refusal(*devices) if throttled else _wrong_code())
    return matched


def _wrong_code() -> str:
    return _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng.")


def _refusal(*devices) -> str:
    """Why a code was not even checked: too many wrong ones just before."""
    now = timezone.now()
    until = []
    for device in devices:
        allowed, detail = device.verify_is_allowed()
        if not allowed and detail and "locked_until" in detail:
            until.append(detail["locked_until"])
    wait = (max(until) - now).total_seconds() if until else 1
    return _("Đã nhập sai nhiều lần. Vui lòng thử lại sau %(wait)s.") % {"wait": wait_in_words(wait)}


@transaction.atomic
def remove(*, person: User) -> None:
    """Remove the person's app and recovery codes (a new phone, a lost one)."""
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
