"""A plan's deadlines as dated items of their owners: each deadline the plan
states ("trước ngày 20/3", "trước 25/10"), whatever its wording, is a duty of
the units it names, or of the office, reminded by the daily scan until done.
A report deadline is followed by its report request instead, which reminds."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.selectors import agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.plans.matching import match_named_units
from danvan.plans.models import DeadlineDuty, Plan, PlanDeadline

LIVE = (Plan.Status.ISSUED,)


def _owners(deadline: PlanDeadline, units: list) -> list:
    """The units the deadline names, with None for the office when it names
    the office, or names no unit of the agency."""
    named = match_named_units([str(text) for text in deadline.units or []], units)
    owners: list = list(named.units)
    if named.office or not owners:
        owners.append(None)
    return owners


@transaction.atomic
def set_deadline_duties(*, plan: Plan) -> list[DeadlineDuty]:
    """Make the duties of the plan's deadlines that have none yet (a second
    call makes nothing new)."""
    units = list(plan.agency.units.filter(is_active=True))
    made: list[DeadlineDuty] = []
    for deadline in plan.deadlines.filter(duties__isnull=True).order_by("due_date", "order"):
        made += DeadlineDuty.objects.bulk_create(
            [DeadlineDuty(deadline=deadline, unit=owner) for owner in _owners(deadline, units)]
        )
    return made


@transaction.atomic
def follow_deadline(*, deadline: PlanDeadline, label: str) -> int:
    """The deadline is followed elsewhere from now on (a report request made
    of it): its open duties stop reminding and say where it is followed."""
    set_deadline_duties(plan=deadline.plan)
    return DeadlineDuty.objects.filter(deadline=deadline, status=DeadlineDuty.Status.OPEN).update(
        status=DeadlineDuty.Status.FOLLOWED, followed_in=label[:300]
    )


@transaction.atomic
def complete_deadline_duty(*, duty: DeadlineDuty, by) -> DeadlineDuty:
    """The owner says the dated item is done; its reminders stop."""
    changed = DeadlineDuty.objects.filter(pk=duty.pk, status=DeadlineDuty.Status.OPEN).update(
        status=DeadlineDuty.Status.DONE, done_at=timezone.now(), done_by=by
    )
    if changed != 1:
        raise DomainError(_("Việc này đã được xác nhận hoặc đang theo dõi qua yêu cầu báo cáo."))
    duty.refresh_from_db()
    return duty


def _writers(duty: DeadlineDuty) -> list:
    agency = duty.deadline.plan.agency
    return unit_heads(duty.unit) if duty.unit_id else agency_office(agency)


def send_deadline_reminders(*, today: date) -> int:
    """Give every issued plan's deadlines their duties, then remind each open
    duty's owner the agency's reminder days before the day, on the day, and
    once when overdue (the office too). Keys make a second run send nothing."""
    for plan in Plan.objects.filter(status__in=LIVE, deadlines__duties__isnull=True).distinct():
        set_deadline_duties(plan=plan)
    sent = 0
    duties = DeadlineDuty.objects.filter(
        status=DeadlineDuty.Status.OPEN, deadline__plan__status__in=LIVE
    ).select_related("deadline__plan__agency", "unit")
    for duty in duties:
        deadline = duty.deadline
        due = deadline.due_date
        days = (due - today).days
        agency = deadline.plan.agency
        if days > 0 and days not in (agency.reminder_days or []):
            continue
        url = reverse("plans:plan_detail", args=[deadline.plan_id]) + "#han-ke-hoach"
        what = deadline.action.strip()[:150]
        if days < 0:
            recipients = [*_writers(duty), *agency_office(agency)]
            key = f"plan-duty-overdue:{duty.pk}:{due:%Y%m%d}"
            text = _("Quá hạn %(day)s theo kế hoạch: %(who)s — %(what)s") % {
                "day": f"{due:%d/%m/%Y}",
                "who": duty.owner_label,
                "what": what,
            }
        else:
            recipients = _writers(duty)
            key = f"plan-duty-reminder:{duty.pk}:{due:%Y%m%d}:{days}"
            text = (
                _("Hôm nay là hạn theo kế hoạch: %(what)s") % {"what": what}
                if days == 0
                else _("Còn %(days)s ngày đến hạn %(day)s theo kế hoạch: %(what)s")
                % {"days": days, "day": f"{due:%d/%m/%Y}", "what": what}
            )
        sent += len(notify(recipients=list(dict.fromkeys(recipients)), key=key, text=text, url=url))
    return sent
