"""Template filters of the plan pages: ``{% load plans %}``."""

from django import template
from django.utils.html import format_html

from danvan.plans.models import Task

register = template.Library()

# One badge colour per task status; anything else is grey.
_STATUS_BADGES = {
    "done": "text-bg-success",
    "overdue": "text-bg-danger",
    "in_progress": "text-bg-primary",
    "cancelled": "text-bg-dark",
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
