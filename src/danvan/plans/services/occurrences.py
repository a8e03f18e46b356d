"""The periods of recurring tasks: each monthly, quarterly, half-yearly or
yearly task of an issued plan gets one TaskOccurrence per period, created
ahead (the current period and the next) inside the plan's own time."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from danvan.plans import recurrence
from danvan.plans.models import Plan, Task, TaskOccurrence


def plan_window(plan: Plan) -> tuple[date | None, date | None]:
    """The days a plan's tasks recur in: its quarter, its half-year or its
    year; from its issue date on, open-ended, when it names no year."""
    year = plan.period_year
    if year is None:
        return plan.issue_date, None
    if plan.period_quarter:
        start = date(year, 3 * plan.period_quarter - 2, 1)
        return start, recurrence.period_of(recurrence.QUARTERLY, start).end
    if plan.period_half:
        start = date(year, 1 if plan.period_half == 1 else 7, 1)
        return start, recurrence.period_of(recurrence.HALF_YEARLY, start).end
    return date(year, 1, 1), date(year, 12, 31)


def _wanted(task: Task, today: date) -> list[recurrence.Period]:
    periods = recurrence.periods_ahead(
        task.timing_kind, today, day_of_month=task.timing_day, window=plan_window(task.plan)
    )
    issued = task.plan.issue_date
    # A period already due when the plan was issued is not asked of anyone.
    return [period for period in periods if issued is None or period.due_date >= issued]


@transaction.atomic
def create_task_occurrences(*, today: date, plan: Plan | None = None) -> int:
    """Create the current and next period of every open recurring task of
    the issued plans (or of ``plan``), each once: a second run the same day
    creates nothing. Returns how many were created."""
    open_tasks = Task.objects.filter(
        plan__status=Plan.Status.ISSUED, timing_kind__in=recurrence.RECURRING
    ).exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])
    if plan is not None:
        open_tasks = open_tasks.filter(plan=plan)
    tasks = list(open_tasks.select_related("plan"))
    existing = set(TaskOccurrence.objects.filter(task__in=tasks).values_list("task_id", "period_start"))
    new = [
        TaskOccurrence(
            task=task,
            period_start=period.start,
            period_end=period.end,
            label=recurrence.period_label(task.timing_kind, period),
            due_date=period.due_date,
        )
        for task in tasks
        for period in _wanted(task, today)
        if (task.pk, period.start) not in existing
    ]
    TaskOccurrence.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
