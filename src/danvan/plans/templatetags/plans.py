"""Plans' template filters: ``{% load plans %}``."""

from django import template
from django.utils.html import format_html

from danvan.core.text import search_key
from danvan.plans.models import Task

register = template.Library()

# One badge colour per task status; anything else is grey.
_STATUS_BADGES = {
    Task.Status.DONE: "text-bg-success",
    Task.Status.OVERDUE: "text-bg-danger",
    Task.Status.IN_PROGRESS: "text-bg-primary",
    Task.Status.CANCELLED: "text-bg-dark",
}


@register.filter
def task_status_badge(status):
    """A task's status value as a coloured badge: ``{{ task.status|task_status_badge }}``.

    A filter rather than an included template, so a page of many rows does not
    pay for a template render per row."""
    label = Task.Status(status).label if status in Task.Status.values else status
    return format_html(
        '<span class="badge {}">{}</span>', _STATUS_BADGES.get(status, "text-bg-secondary"), label
    )


@register.filter
def timing_words(row):
    """A task row's timing as the plan page shows it: the plan's own words,
    and the kind read from them when it recurs or is ongoing
    (``{{ row|timing_words }}``)."""
    timing = Task(
        timing_kind=row.get("timing_kind") or Task.TimingKind.ONGOING,
        timing_day=row.get("timing_day"),
        due_date=row.get("due_date"),
        due_working_days=row.get("due_working_days"),
    )
    label = timing.timing_label()
    text = row.get("timing") or ""
    if not text:
        return label
    if timing.timing_kind == Task.TimingKind.DUE_DATE or search_key(label) == search_key(text):
        return text
    return format_html('{} <span class="small text-secondary">({})</span>', text, label)
