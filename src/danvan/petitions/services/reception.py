"""Citizen reception: the register, petitions opened from it, the leader's schedule."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.services import DomainError, notify
from danvan.petitions.models import (
    Petition,
    Reception,
    ReceptionDay,
)
from danvan.petitions.services.intake import _citizen_for, receive_petition

# --- Reception -------------------------------------------------------------------------


@transaction.atomic
def record_reception(
    *,
    agency: Agency,
    received_on: date,
    full_name: str,
    address: str = "",
    identity_number: str = "",
    phone: str = "",
    group_size: int = 1,
    content: str,
    earlier_handling: str = "",
    request: str = "",
    documents_received: str = "",
    handling: str = "",
    refusal_ground: str = "",
    schedule: ReceptionDay | None = None,
    by: User,
) -> Reception:
    """Enter one reception in the register (Luật Tiếp công dân Điều 25 k2),
    numbered from 1 each day, or a refusal with its ground (Điều 9)."""
    citizen = _citizen_for(full_name, address, identity_number, phone, "")
    for _attempt in range(5):
        last = Reception.objects.filter(agency=agency, received_on=received_on).order_by("-number").first()
        try:
            with transaction.atomic():
                return Reception.objects.create(
                    agency=agency,
                    number=(last.number if last else 0) + 1,
                    received_on=received_on,
                    citizen=citizen,
                    group_size=max(group_size, 1),
                    content=content.strip(),
                    earlier_handling=earlier_handling.strip(),
                    request=request.strip(),
                    documents_received=documents_received.strip(),
                    handling=handling.strip(),
                    refusal_ground=refusal_ground,
                    schedule=schedule,
                    received_by=by,
                )
        except IntegrityError:
            continue
    raise DomainError(_("Không ghi được sổ tiếp công dân, vui lòng thử lại."))


@transaction.atomic
def open_petition_from_reception(
    *, reception: Reception, kind: str, subject: str, content: str, by: User
) -> Petition:
    """Open a petition from what a citizen said or handed over at reception."""
    if reception.was_refused:
        raise DomainError(_("Lượt tiếp đã bị từ chối nên không mở đơn được."))
    citizen = reception.citizen
    return receive_petition(
        agency=reception.agency,
        source=Petition.Source.IN_PERSON,
        kind=kind,
        subject=subject,
        content=content,
        received_on=reception.received_on,
        sender_name=citizen.full_name,
        sender_address=citizen.address,
        identity_number=citizen.identity_number,
        phone=citizen.phone,
        signer_count=reception.group_size,
        reception=reception,
        by=by,
    )


@transaction.atomic
def schedule_reception_day(
    *, agency: Agency, leader: User, day: date, place: str, planned_content: str = "", by: User
) -> ReceptionDay:
    """Put a day on the leader's reception schedule."""
    if leader.agency_id != agency.pk:
        raise DomainError(_("Lãnh đạo tiếp phải thuộc cơ quan."))
    if ReceptionDay.objects.filter(agency=agency, leader=leader, date=day).exists():
        raise DomainError(_("Lãnh đạo đã có lịch tiếp công dân ngày này."))
    return ReceptionDay.objects.create(
        agency=agency, leader=leader, date=day, place=place.strip(), planned_content=planned_content.strip()
    )


# Luật Tiếp công dân 2013 Điều 24 k4: the leader's reception calendar is
# posted at least 05 working days before the reception day.
PUBLISH_AHEAD_WORKING_DAYS = 5


@transaction.atomic
def publish_reception_day(*, day: ReceptionDay, on: date, by: User) -> ReceptionDay:
    """Publish a day of the leader's reception schedule on the public page.

    The working days after ``on`` up to the reception day must be at least
    five; a day postponed or already published is refused."""
    if day.is_postponed:
        raise DomainError(_("Ngày tiếp này đã được hoãn nên không công bố được."))
    ahead = WorkingCalendar.load().working_days_between(on, day.date)
    if ahead < PUBLISH_AHEAD_WORKING_DAYS:
        raise DomainError(
            _(
                "Lịch tiếp công dân phải được công bố trước ngày tiếp ít nhất 05 ngày làm việc "
                "(Luật Tiếp công dân 2013, Điều 24); từ ngày %(on)s đến ngày tiếp %(day)s chỉ còn "
                "%(count)s ngày làm việc."
            )
            % {"on": f"{on:%d/%m/%Y}", "day": f"{day.date:%d/%m/%Y}", "count": max(ahead, 0)}
        )
    moved = ReceptionDay.objects.filter(pk=day.pk, published_on__isnull=True).update(published_on=on)
    if moved != 1:
        raise DomainError(_("Ngày tiếp này đã được công bố."))
    day.published_on = on
    return day


@transaction.atomic
def postpone_reception_day(*, day: ReceptionDay, note: str, on: date | None = None, by: User) -> ReceptionDay:
    """Postpone a scheduled day with the notice posted for citizens (Luật
    Tiếp công dân Điều 24 k4); the month then counts as without a day. The
    leader and the agency's reception staff are told."""
    if not note.strip():
        raise DomainError(_("Cần ghi thông báo hoãn gửi công dân."))
    on = on or timezone.localdate()
    moved = ReceptionDay.objects.filter(pk=day.pk, postponed_note="").update(
        postponed_note=note.strip(), postponed_on=on
    )
    if moved != 1:
        raise DomainError(_("Ngày tiếp này đã được hoãn."))
    day.postponed_note, day.postponed_on = note.strip(), on
    staff = RoleAssignment.objects.current().filter(
        agency=day.agency_id, role__in=[Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR]
    )
    people = User.objects.filter(pk__in=staff.values("user")) | User.objects.filter(pk=day.leader_id)
    notify(
        recipients=[person for person in people.distinct() if person.pk != by.pk],
        key=f"reception-day-postponed:{day.pk}",
        text=_("Hoãn lịch tiếp công dân ngày %(day)s: %(note)s")
        % {"day": f"{day.date:%d/%m/%Y}", "note": day.postponed_note[:150]},
        url=reverse("petitions:reception_schedule", args=[day.agency_id]),
    )
    return day
