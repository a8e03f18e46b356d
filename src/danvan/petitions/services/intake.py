"""Intake: one entry point for petitions from every source, the public code, attachments."""

from __future__ import annotations

import io
import secrets
from datetime import date

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.services import DomainError
from danvan.core.text import search_key, stored_file_name
from danvan.petitions.models import (
    Attachment,
    Citizen,
    DenouncerIdentity,
    IdentityGrant,
    Petition,
    Reception,
    lookup_email_key,
)
from danvan.petitions.services import telling
from danvan.petitions.services.deadlines import set_deadline

# --- Intake -------------------------------------------------------------------------

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_case_code() -> str:
    """An unguessable public code such as ``K7QX2-MZ4PA`` (32^10 possibilities)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdecimal())


@transaction.atomic
def receive_petition(
    *,
    agency: Agency,
    source: str,
    kind: str,
    subject: str,
    content: str,
    received_on: date,
    sender_name: str,
    sender_address: str = "",
    identity_number: str = "",
    phone: str = "",
    email: str = "",
    signer_count: int = 1,
    representative: str = "",
    forwarded_by: str = "",
    skips_level: bool = False,
    reception: Reception | None = None,
    by: User | None,
) -> Petition:
    """Register an incoming petition from any source and start its processing
    clock: 10 working days to notify the sender (Luật Tiếp công dân Điều 28),
    7 working days of initial processing for a denunciation (Luật Tố cáo Điều 24).

    A denouncer's identity, their representative's name included, goes to
    the vault, never onto the petition; the receiver and the agency's
    leaders are granted it by name.
    """
    if not _digits(phone) and not email.strip() and source == Petition.Source.ONLINE:
        raise DomainError(_("Cần số điện thoại hoặc thư điện tử để nhận mã hồ sơ."))
    denunciation = kind == Petition.Kind.DENUNCIATION
    citizen = (
        None if denunciation else _citizen_for(sender_name, sender_address, identity_number, phone, email)
    )
    petition = _create_with_code(
        agency=agency,
        source=source,
        forwarded_by=forwarded_by,
        kind=kind,
        citizen=citizen,
        received_on=received_on,
        signer_count=max(signer_count, 1),
        representative="" if denunciation else representative.strip(),
        subject=subject.strip(),
        content=content.strip(),
        skips_level=skips_level,
        reception=reception,
        sender_key="" if denunciation else search_key(sender_name),
        search_text=search_key(f"{subject} {content}"),
        lookup_digits=_digits(phone)[-4:],
        lookup_email=lookup_email_key(email),
    )
    if denunciation:
        _store_denouncer(
            petition, sender_name, sender_address, identity_number, phone, email, representative, by
        )
        set_deadline(petition=petition, code="denunciation.initial_check", start=received_on, by=by)
    else:
        set_deadline(petition=petition, code="petition.notify", start=received_on, by=by)
    return petition


def _create_with_code(**fields) -> Petition:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Petition.objects.create(code=new_case_code(), **fields)
        except IntegrityError:
            continue
    raise DomainError(_("Không tạo được mã hồ sơ, vui lòng thử lại."))


def _citizen_for(name: str, address: str, identity_number: str, phone: str, email: str) -> Citizen:
    identity_number = identity_number.strip()
    if identity_number:
        known = Citizen.objects.filter(identity_number=identity_number).first()
        if known is not None:
            return known
    return Citizen.objects.create(
        full_name=name.strip(),
        address=address.strip(),
        identity_number=identity_number,
        phone=phone.strip(),
        email=email.strip(),
        search_text=search_key(f"{name} {identity_number} {phone}"),
    )


def _store_denouncer(
    petition: Petition,
    name: str,
    address: str,
    identity_number: str,
    phone: str,
    email: str,
    representative: str,
    by: User | None,
) -> None:
    identity = DenouncerIdentity.objects.create(
        petition=petition,
        full_name=name.strip(),
        address=address.strip(),
        identity_number=identity_number.strip(),
        phone=phone.strip(),
        email=email.strip(),
        representative=representative.strip(),
        sender_key=search_key(name),
    )
    leaders = RoleAssignment.objects.current().filter(agency=petition.agency, role=Role.AGENCY_LEADER)
    people = {assignment.user_id for assignment in leaders}
    if by is not None:
        people.add(by.pk)
    IdentityGrant.objects.bulk_create(
        [IdentityGrant(identity=identity, person_id=pk, granted_by=by) for pk in sorted(people)]
    )


# Attachments: what a file's first bytes must be, by the type it claims to be.
ATTACHMENT_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def attachment_type(data: bytes) -> str | None:
    """The accepted type whose signature the content starts with, or None."""
    for content_type, signatures in ATTACHMENT_SIGNATURES.items():
        if data.startswith(signatures):
            return content_type
    return None


@transaction.atomic
def attach_file(*, petition: Petition, data: bytes, filename: str, by: User | None) -> Attachment:
    """Keep a file sent with the petition, checked by its content and size."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise DomainError(_("Tệp đính kèm vượt quá 10 MB."))
    content_type = attachment_type(data)
    if content_type is None:
        raise DomainError(_("Chỉ nhận tệp PDF, Word (.docx), ảnh JPEG hoặc PNG."))
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)
    attachment = Attachment(
        petition=petition, original_name=filename[:255], content_type=content_type, size=len(data)
    )
    attachment.file.save(stored_file_name(filename, "tep-dinh-kem"), ContentFile(data), save=True)
    return attachment


@transaction.atomic
def receive_online_petition(*, attachment=None, **fields) -> Petition:
    """A petition sent on the public page, with its file if any: both are
    kept or neither (a file the disk cannot take leaves no petition behind)."""
    petition = receive_petition(**fields)
    if attachment is not None:
        attach_file(petition=petition, data=attachment.read(), filename=attachment.name, by=None)
    # The sender gets the code at once, the receivers learn of it (through the outbox).
    telling.tell_sender(petition, telling.RECEIVED, petition.received_on)
    telling.tell_receivers_of_arrival(petition)
    return petition
