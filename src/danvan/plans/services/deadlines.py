"""The daily deadline scan: overdue tasks and reminders."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.selectors import agency_office, unit_heads
from danvan.core.services import notify
from danvan.plans.models import (
    Plan,
    Task,
)

# --- Daily deadline scan -----------------------------------------------------------


def mark_overdue_tasks(*, today: date) -> int:
    """Mark open tasks past their due date as overdue and escalate each once
    to the agency office and the lead unit's head."""
    due = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        due_date__lt=today,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
    ).select_related("plan__agency", "lead_unit")
    marked = 0
    for task in due:
        with transaction.atomic():
            if Task.objects.filter(pk=task.pk, status=task.status).update(status=Task.Status.OVERDUE) != 1:
                continue
            marked += 1
            notify(
                recipients=[task.assignee, *unit_heads(task.lead_unit), *agency_office(task.plan.agency)],
                key=f"task-overdue:{task.pk}:{task.due_date:%Y%m%d}",
                text=_("Nhiệm vụ quá hạn (hạn %(day)s): %(task)s")
                % {"day": f"{task.due_date:%d/%m/%Y}", "task": task.heading[:150]},
                url=reverse("plans:task_detail", args=[task.pk]),
            )
    return marked


def send_task_reminders(*, today: date) -> int:
    """Remind the people on each open task N days before its due date (per
    agency, default 7 and 1) and on the day itself. Each reminder has its own
    key, so running the scan twice sends nothing new."""
    sent = 0
    open_tasks = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        due_date__gte=today,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
    ).select_related("plan__agency", "lead_unit", "assignee")
    for task in open_tasks:
        if task.due_date is None:
            continue
        days = (task.due_date - today).days
        if days != 0 and days not in (task.plan.agency.reminder_days or []):
            continue
        with transaction.atomic():
            text = (
                _("Hôm nay là hạn của nhiệm vụ: %(task)s") % {"task": task.heading[:150]}
                if days == 0
                else _("Còn %(days)s ngày đến hạn %(day)s của nhiệm vụ: %(task)s")
                % {"days": days, "day": f"{task.due_date:%d/%m/%Y}", "task": task.heading[:150]}
            )
            sent += len(
                notify(
                    recipients=[task.assignee] if task.assignee else unit_heads(task.lead_unit),
                    key=f"task-reminder:{task.pk}:{task.due_date:%Y%m%d}:{days}",
                    text=text,
                    url=reverse("plans:task_detail", args=[task.pk]),
                )
            )
    return sent
