"""State changes of the organisation. Each function runs in one transaction,
takes the acting person as ``by`` and returns what it changed."""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import outbox
from danvan.core.models import (
    Agency,
    ExternalIdentity,
    Notification,
    OrganisationImport,
    OutgoingMail,
    Role,
    RoleAssignment,
    Unit,
    User,
)
from danvan.core.orgsheet import OrganisationSheet, SheetUnreadable, read_organisation_sheet
from danvan.core.text import stored_file_name
from danvan.core.throttle import wait_in_words


class DomainError(Exception):
    """A refused action, with a message for the person who asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def upload_organisation_sheet(*, agency: Agency, data: bytes, filename: str, by: User) -> OrganisationImport:
    """Keep the uploaded sheet and record what checking it found.

    Outcomes: status ``previewed`` (clean, can be applied) or ``invalid``
    (with every error by sheet and row). A file that is no workbook at all
    raises DomainError and leaves nothing behind: no row, no file.
    """
    try:
        sheet = read_organisation_sheet(data, agency_id=agency.pk)
    except SheetUnreadable as error:
        raise DomainError(error.message) from error
    errors = [{"sheet": e.sheet, "row": e.row, "message": e.message} for e in sheet.errors]
    summary = _preview_summary(sheet) if sheet.is_valid else {}
    record = OrganisationImport(
        agency=agency,
        original_name=filename[:255],
        status=OrganisationImport.Status.INVALID if errors else OrganisationImport.Status.PREVIEWED,
        errors=errors,
        summary=summary,
        uploaded_by=by,
    )
    # Saving the file inserts the row too.
    record.file.save(stored_file_name(filename, "to-chuc.xlsx"), ContentFile(data), save=True)
    return record


def _preview_summary(sheet: OrganisationSheet) -> dict:
    return {
        "units": [
            {"row": u.row, "code": u.code, "name": u.name, "kind": u.kind, "parent_code": u.parent_code}
            for u in sheet.units
        ],
        "people": [
            {
                "row": p.row,
                "username": p.username,
                "full_name": p.full_name,
                "position": p.position,
                "unit_code": p.unit_code,
                "roles": p.roles,
            }
            for p in sheet.people
        ],
    }


@transaction.atomic
def apply_organisation_import(*, record: OrganisationImport, by: User) -> OrganisationImport:
    """Write the checked sheet's units and people, all or nothing.

    The sheet is read again, since units or people may have changed since
    the preview. Outcomes: status ``applied`` with counts and the temporary
    passwords of new people (shown once, never stored), or DomainError.
    """
    claimed = OrganisationImport.objects.filter(
        pk=record.pk, status=OrganisationImport.Status.PREVIEWED
    ).update(status=OrganisationImport.Status.APPLIED, applied_at=timezone.now())
    if claimed != 1:
        raise DomainError(_("Tệp này đã được ghi hoặc đã hủy; hãy tải lên lại nếu cần."))
    with record.file.open("rb") as stored:
        sheet = read_organisation_sheet(stored.read(), agency_id=record.agency_id)
    if not sheet.is_valid:
        raise DomainError(_("Dữ liệu đã thay đổi từ lúc kiểm tra và tệp không còn hợp lệ; hãy tải lên lại."))
    units = _write_units(record.agency, sheet)
    created, updated, passwords = _write_people(record.agency, sheet, units)
    record.status = OrganisationImport.Status.APPLIED
    record.summary = {
        **record.summary,
        "result": {"units": len(units), "people_created": created, "people_updated": updated},
    }
    record.save(update_fields=["summary"])
    record.new_passwords = passwords  # type: ignore[attr-defined]
    return record


def _write_units(agency: Agency, sheet: OrganisationSheet) -> dict[str, Unit]:
    units = {unit.code: unit for unit in Unit.objects.filter(agency=agency)}
    for row in sheet.units:
        unit = units.get(row.code)
        if unit is None:
            unit = Unit.objects.create(
                agency=agency, code=row.code, name=row.name, short_name=row.short_name, kind=row.kind
            )
        else:
            unit.name, unit.short_name, unit.kind = row.name, row.short_name, row.kind
            unit.save(update_fields=["name", "short_name", "kind"])
        units[row.code] = unit
    for row in sheet.units:
        unit = units[row.code]
        parent = units.get(row.parent_code) if row.parent_code else None
        if unit.parent_id != (parent.pk if parent else None):
            unit.parent = parent
            unit.save(update_fields=["parent"])
    return units


def _write_people(
    agency: Agency, sheet: OrganisationSheet, units: dict[str, Unit]
) -> tuple[int, int, dict[str, str]]:
    existing = {u.username.lower(): u for u in User.objects.filter(agency=agency)}
    created = updated = 0
    passwords: dict[str, str] = {}
    for row in sheet.people:
        fields = {
            "full_name": row.full_name,
            "position": row.position,
            "email": row.email,
            "phone": row.phone,
            "unit": units[row.unit_code],
        }
        person = existing.get(row.username.lower())
        if person is None:
            passwords[row.username] = temporary_password()
            person = User(username=row.username, agency=agency, must_change_password=True, **fields)
            person.set_password(passwords[row.username])
            person.save(force_insert=True)
            created += 1
        else:
            for name, value in fields.items():
                setattr(person, name, value)
            person.save(update_fields=list(fields))
            updated += 1
        for role in row.roles:
            unit = units[row.unit_code] if role in (Role.UNIT_HEAD, Role.STAFF) else None
            RoleAssignment.objects.get_or_create(
                user=person, role=role, agency=agency, unit=unit, province=None
            )
    return created, updated, passwords


def temporary_password() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(12))


@transaction.atomic
def cancel_organisation_import(*, record: OrganisationImport, by: User) -> OrganisationImport:
    OrganisationImport.objects.filter(pk=record.pk).exclude(status=OrganisationImport.Status.APPLIED).update(
        status=OrganisationImport.Status.CANCELLED
    )
    record.refresh_from_db(fields=["status"])
    return record


@transaction.atomic
def update_agency_contact(*, agency: Agency, address: str, hotline: str, email: str, by: User) -> Agency:
    """Set the address, hotline and e-mail that the citizens' pages and
    e-mails show for the agency."""
    agency.address, agency.hotline, agency.email = address.strip(), hotline.strip(), email.strip()
    agency.save(update_fields=["address", "hotline", "email"])
    return agency


@transaction.atomic
def change_password(*, person: User, new_password: str) -> User:
    person.set_password(new_password)
    person.must_change_password = False
    person.save(update_fields=["password", "must_change_password"])
    return person


# The day a catching-up daily scan is running for (core/jobs.py): what it
# notifies says that it comes late.
_catching_up: ContextVar[date | None] = ContextVar("danvan_catching_up", default=None)


@contextmanager
def catching_up(day: date) -> Iterator[None]:
    """Notifications made inside say they were due on ``day``."""
    token = _catching_up.set(day)
    try:
        yield
    finally:
        _catching_up.reset(token)


def _late_prefix() -> str:
    day = _catching_up.get()
    if day is None:
        return ""
    return _("Nhắc muộn (lẽ ra gửi ngày %(day)s): ") % {"day": f"{day:%d/%m/%Y}"}


def _mail_subject(text: str) -> str:
    return "[Danvan] " + text[:120]


def notify(*, recipients, key: str, text: str, url: str = "") -> list:
    """Tell each person once per ``key``: in the app at once, and by e-mail
    through the outbox (core/outbox.py) unless the person takes the morning digest."""
    text = _late_prefix() + text
    created = []
    for person in {p.pk: p for p in recipients if p is not None and p.is_active}.values():
        notification, made = Notification.objects.get_or_create(
            recipient=person, key=key[:200], defaults={"text": text, "url": url}
        )
        if made:
            created.append(notification)
    for notification in created:
        if not notification.recipient.notification_digest and notification.recipient.email:
            _queue_notification_email(notification)
    return created


def _queue_notification_email(notification: Notification) -> OutgoingMail:
    link = f"\n\n{settings.SITE_URL}{notification.url}" if notification.url else ""
    return outbox.queue_mail(
        to=notification.recipient.email,
        subject=_mail_subject(notification.text),
        body=notification.text + link,
        notifications=[notification],
    )


@transaction.atomic
def send_daily_digests() -> int:
    """Put one e-mail per digest reader in the outbox with every notification
    not yet e-mailed nor waiting in an e-mail; how many digests were queued."""
    queued = 0
    pending = Notification.objects.filter(
        emailed_at__isnull=True, mail__isnull=True, recipient__notification_digest=True
    )
    for person in User.objects.filter(pk__in=pending.values("recipient")).exclude(email=""):
        mine = list(pending.filter(recipient=person).order_by("created_at"))
        if not mine:
            continue
        lines = "\n".join(f"- {n.text} {settings.SITE_URL}{n.url}" for n in mine)
        outbox.queue_mail(
            to=person.email, subject=_("[Danvan] Thông báo trong ngày"), body=lines, notifications=mine
        )
        queued += 1
    return queued


@transaction.atomic
def retry_mail(*, mail: OutgoingMail) -> OutgoingMail:
    """The administrator sends a failed or waiting e-mail again, now."""
    OutgoingMail.objects.filter(pk=mail.pk).exclude(status=OutgoingMail.Status.SENT).update(
        status=OutgoingMail.Status.PENDING, next_attempt_at=timezone.now(), attempts=0
    )
    transaction.on_commit(outbox.wake_sender)
    mail.refresh_from_db()
    return mail


@transaction.atomic
def mark_notifications_read(*, person: User) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def set_notification_digest(*, person: User, digest: bool) -> User:
    """Choose between an e-mail per notification and one morning digest."""
    person.notification_digest = digest
    person.save(update_fields=["notification_digest"])
    return person


# --- The second sign-in step ------------------------------------------------------
# django-otp checks a code under a lock of the device's row (its ``for_verify``);
# on SQLite the IMMEDIATE transactions already run one writer at a time.

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã khôi phục"


def start_authenticator_setup(*, person: User) -> TOTPDevice:
    """The app being set up: the same secret on every visit until it is
    confirmed, so a person who scanned the code and reloaded the page is not
    left with a stale entry in the app."""
    device = TOTPDevice.objects.filter(user=person, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=person, name=APP_DEVICE_NAME, confirmed=False)
    return device


def _normalise(code: str) -> str:
    return "".join(code.split()).lower()


def confirm_authenticator(*, person: User, code: str) -> tuple[TOTPDevice, list[str]]:
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


def renew_recovery_codes(*, person: User) -> list[str]:
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


def verify_second_factor(*, person: User, code: str):
    """The device that accepts ``code`` (the app's code or a recovery code,
    which is then used up), or DomainError saying why not."""
    code = _normalise(code)
    if not code:
        raise DomainError(_("Hãy nhập mã gồm 6 chữ số từ ứng dụng, hoặc một mã khôi phục."))
    # An app's code is digits only; anything else is a recovery code.
    kind = TOTPDevice if code.isdecimal() and len(code) in (6, 8) else StaticDevice
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
def remove_second_factor(*, person: User) -> None:
    """Remove the person's app and recovery codes (a new phone, a lost one)."""
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()


@transaction.atomic
def record_identity_sign_in(*, identity: ExternalIdentity) -> ExternalIdentity:
    """A sign-in at the province's identity provider: keep when it was."""
    now = timezone.now()
    identity.first_seen = identity.first_seen or now
    identity.last_seen = now
    identity.save(update_fields=["first_seen", "last_seen"])
    return identity


def _free_username(wanted: str) -> str:
    base = (wanted or "dinhdanh").strip()[:140] or "dinhdanh"
    name, number = base, 1
    while User.objects.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}.{number}"
    return name


@transaction.atomic
def create_person_for_identity(*, issuer: str, subject: str, claims: dict) -> ExternalIdentity:
    """The account of an identity signing in for the first time, when the
    administrator allows it (DANVAN_OIDC_CREATE_USERS): no password, no
    agency, no roles; the administrator grants those in the system."""
    person = User.objects.create_user(
        username=_free_username(str(claims.get("preferred_username") or f"dinhdanh.{subject}")),
        password=None,
        full_name=str(claims.get("name") or "")[:150],
        email=str(claims.get("email") or "")[:254],
    )
    return ExternalIdentity.objects.create(issuer=issuer, subject=subject, user=person)
