"""The daily deadline scan: reminders before a deadline and escalation once it is past."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.models import Role, RoleAssignment, User
from danvan.core.services import notify
from danvan.petitions.models import (
    Case,
    Deadline,
    Petition,
)

# --- Daily deadline scan ------------------------------------------------------------

# Deadlines of a case that is paused or ended are not reminded: a suspension
# stops the clock (Luật Tố cáo Điều 34 k2) and a terminated case has none.
NOT_RUNNING = (Case.Status.SUSPENDED, Case.Status.TERMINATED, Case.Status.CLOSED)


def _scanned_deadlines():
    return (
        Deadline.objects.pending()
        .exclude(petition__case__status__in=NOT_RUNNING)
        .select_related("rule", "petition__agency", "petition__handler", "petition__case__handler")
        .order_by("due_date", "pk")
    )


def _handler_of(petition: Petition) -> User | None:
    case = getattr(petition, "case", None)
    return (case.handler if case is not None else None) or petition.handler


def _agency_leaders(agency_id: int, cache: dict[int, list[User]]) -> list[User]:
    if agency_id not in cache:
        ids = (
            RoleAssignment.objects.current().filter(agency=agency_id, role=Role.AGENCY_LEADER).values("user")
        )
        cache[agency_id] = list(User.objects.filter(pk__in=ids, is_active=True))
    return cache[agency_id]


def _deadline_url(petition: Petition) -> str:
    return reverse("petitions:petition_detail", args=[petition.pk])


def send_deadline_reminders(*, today: date) -> int:
    """Remind the handler of each pending deadline N days before it (the
    agency's reminder days) and on the day itself; with no handler yet, the
    agency's leaders. Each reminder has its own key, also keyed by the due
    date, so running the scan twice sends nothing new and a deadline pushed
    back by an extension is reminded again. Texts name the petition by its
    code and subject only, never the denouncer."""
    sent, leaders = 0, dict[int, list[User]]()
    for deadline in _scanned_deadlines().filter(due_date__gte=today):
        petition = deadline.petition
        days = (deadline.due_date - today).days
        if days != 0 and days not in (petition.agency.reminder_days or []):
            continue
        handler = _handler_of(petition)
        values = {
            "code": petition.code,
            "limit": deadline.rule.name,
            "day": f"{deadline.due_date:%d/%m/%Y}",
            "days": days,
        }
        text = (
            _("Hôm nay là hạn %(limit)s của hồ sơ %(code)s.") % values
            if days == 0
            else _("Còn %(days)s ngày đến hạn %(limit)s (%(day)s) của hồ sơ %(code)s.") % values
        )
        with transaction.atomic():
            sent += len(
                notify(
                    recipients=[handler] if handler else _agency_leaders(petition.agency_id, leaders),
                    key=f"petition-reminder:{deadline.pk}:{deadline.due_date:%Y%m%d}:{days}",
                    text=text,
                    url=_deadline_url(petition),
                )
            )
    return sent


def escalate_overdue_deadlines(*, today: date) -> int:
    """Tell the handler and the agency's head, once per due date, of each
    deadline now past (a missed legal time limit is a breach of law)."""
    sent, leaders = 0, dict[int, list[User]]()
    for deadline in _scanned_deadlines().filter(due_date__lt=today):
        petition = deadline.petition
        text = _("Quá hạn %(limit)s (hạn %(day)s) của hồ sơ %(code)s.") % {
            "code": petition.code,
            "limit": deadline.rule.name,
            "day": f"{deadline.due_date:%d/%m/%Y}",
        }
        with transaction.atomic():
            sent += len(
                notify(
                    recipients=[_handler_of(petition), *_agency_leaders(petition.agency_id, leaders)],
                    key=f"petition-overdue:{deadline.pk}:{deadline.due_date:%Y%m%d}",
                    text=text,
                    url=_deadline_url(petition),
                )
            )
    return sent
