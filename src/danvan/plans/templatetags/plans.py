"""Plans' template filters: ``{% load plans %}``."""

import functools

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

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
    pay for a template render per row; each status's badge is made once per
    language."""
    return _status_badge(status, get_language())


@functools.lru_cache(maxsize=64)
def _status_badge(status, language):
    label = Task.Status(status).label if status in Task.Status.values else status
    return format_html(
        '<span class="badge {}">{}</span>', _STATUS_BADGES.get(status, "text-bg-secondary"), label
    )


@register.filter
def timing_words(row):
    """A task row's timing as the plan page shows it: the plan's own words,
    and the kind read from them when it recurs or is ongoing
    (``{{ row|timing_words }}``). The same timing in the same words is
    described once per language: a plan's rows repeat a few of them."""
    return _timing_words(
        row.get("timing_kind") or Task.TimingKind.ONGOING,
        row.get("timing_day"),
        row.get("due_date"),
        row.get("due_working_days"),
        row.get("timing") or "",
        get_language(),
    )


@functools.lru_cache(maxsize=4096)
def _timing_words(kind, day, due_date, working_days, text, language):
    timing = Task(timing_kind=kind, timing_day=day, due_date=due_date, due_working_days=working_days)
    label = timing.timing_label()
    if not text:
        return label
    if kind == Task.TimingKind.DUE_DATE or search_key(label) == search_key(text):
        return text
    return format_html('{} <span class="small text-secondary">({})</span>', text, label)
