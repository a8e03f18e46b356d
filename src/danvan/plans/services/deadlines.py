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
    TaskOccurrence,
)

_OPEN = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]

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
    return marked + _mark_overdue_occurrences(today)


def _mark_overdue_occurrences(today: date) -> int:
    """The periods of recurring tasks past their own due date, told once each."""
    due = TaskOccurrence.objects.filter(
        task__plan__status=Plan.Status.ISSUED, due_date__lt=today, status__in=_OPEN
    ).select_related("task__plan__agency", "task__lead_unit", "task__assignee")
    marked = 0
    for occurrence in due:
        task = occurrence.task
        with transaction.atomic():
            moved = TaskOccurrence.objects.filter(pk=occurrence.pk, status=occurrence.status).update(
                status=Task.Status.OVERDUE
            )
            if moved != 1:
                continue
            marked += 1
            notify(
                recipients=[task.assignee, *unit_heads(task.lead_unit), *agency_office(task.plan.agency)],
                key=f"occurrence-overdue:{occurrence.pk}",
                text=_("Nhiệm vụ định kỳ quá hạn kỳ %(period)s (hạn %(day)s): %(task)s")
                % {
                    "period": occurrence.label,
                    "day": f"{occurrence.due_date:%d/%m/%Y}",
                    "task": task.heading[:150],
                },
                url=reverse("plans:task_detail", args=[task.pk]),
            )
    return marked


def _remind(task: Task, due: date, today: date, *, period: str = "") -> int:
    """One reminder of ``task`` due on ``due`` when today is one of the
    agency's reminder days before it (or the day itself); 0 otherwise."""
    days = (due - today).days
    if days != 0 and days not in (task.plan.agency.reminder_days or []):
        return 0
    heading = task.heading[:150]
    if period:
        heading = _("%(task)s (kỳ %(period)s)") % {"task": heading, "period": period}
    text = (
        _("Hôm nay là hạn của nhiệm vụ: %(task)s") % {"task": heading}
        if days == 0
        else _("Còn %(days)s ngày đến hạn %(day)s của nhiệm vụ: %(task)s")
        % {"days": days, "day": f"{due:%d/%m/%Y}", "task": heading}
    )
    with transaction.atomic():
        return len(
            notify(
                recipients=[task.assignee] if task.assignee else unit_heads(task.lead_unit),
                key=f"task-reminder:{task.pk}:{due:%Y%m%d}:{days}",
                text=text,
                url=reverse("plans:task_detail", args=[task.pk]),
            )
        )


def send_task_reminders(*, today: date) -> int:
    """Remind the people on each open task N days before its due date (per
    agency, default 7 and 1) and on the day itself. Each reminder has its own
    key, so running the scan twice sends nothing new. The periods of a
    recurring task are reminded the same way, each before its own due date."""
    sent = 0
    open_tasks = Task.objects.filter(
        plan__status=Plan.Status.ISSUED,
        due_date__gte=today,
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
    ).select_related("plan__agency", "lead_unit", "assignee")
    for task in open_tasks:
        if task.due_date is not None:
            sent += _remind(task, task.due_date, today)
    # Each period of a recurring task is reminded before its own due date.
    occurrences = TaskOccurrence.objects.filter(
        task__plan__status=Plan.Status.ISSUED, due_date__gte=today, status__in=_OPEN
    ).select_related("task__plan__agency", "task__lead_unit", "task__assignee")
    for occurrence in occurrences:
        if occurrence.task.is_open():
            sent += _remind(occurrence.task, occurrence.due_date, today, period=occurrence.label)
    return sent
