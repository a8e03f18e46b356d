"""What the plans area measures for the yearly evaluation (``core.indicators``):
the agency's tasks done by their due date, its tasks overdue, and whether it
issued its implementing plan of the year by the date the province set.

Only plans in force count (issued, or closed once their year is over); a
draft's tasks are nobody's duty yet. A task counts in the year of its due
date. A task still open whose due date has not come is left out: it is
neither on time nor late yet. One query per figure, two for the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.plans.models import Plan, Task

IN_FORCE = (Plan.Status.ISSUED, Plan.Status.CLOSED)


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _plan_name(number: str, symbol: str, title: str) -> str:
    """'Kế hoạch số 05/KH-SKHCN', or the plan's title while it has no number."""
    if number and symbol:
        return _("Kế hoạch số %(reference)s") % {"reference": f"{number}/{symbol}"}
    return title


def _judged_tasks(agency: Agency, year: int) -> list[Mapping[str, Any]]:
    """The agency's tasks of plans in force due in ``year``, not cancelled,
    that can be judged today: done, or past their due date. One query."""
    today = timezone.localdate()
    return list(
        Task.objects.filter(
            plan__agency=agency,
            plan__status__in=IN_FORCE,
            due_date__range=(date(year, 1, 1), date(year, 12, 31)),
        )
        .exclude(status=Task.Status.CANCELLED)
        .filter(Q(status=Task.Status.DONE) | Q(due_date__lt=today))
        .order_by("due_date", "plan_id", "order", "pk")
        .values(
            "pk",
            "heading",
            "due_date",
            "completed_on",
            "status",
            "plan__title",
            "plan__number",
            "plan__symbol",
        )
    )


def _on_time(row: Mapping[str, Any]) -> bool:
    done = row["completed_on"]
    return row["status"] == Task.Status.DONE and done is not None and done <= row["due_date"]


def _late(row: Mapping[str, Any]) -> bool:
    """Done after the due date, or not done and past it (the only open tasks
    ``_judged_tasks`` keeps). A task done with no date of completion is
    neither on time nor late: nothing says when."""
    if row["status"] == Task.Status.DONE:
        return row["completed_on"] is not None and row["completed_on"] > row["due_date"]
    return True


def _task_line(row: Mapping[str, Any], *, counts: bool) -> Line:
    due = _day(row["due_date"])
    if row["status"] != Task.Status.DONE:
        when = _("Hạn %(due)s – chưa hoàn thành") % {"due": due}
    elif row["completed_on"] is None:
        when = _("Hạn %(due)s – hoàn thành, không ghi ngày hoàn thành") % {"due": due}
    else:
        when = _("Hạn %(due)s – hoàn thành %(done)s") % {"due": due, "done": _day(row["completed_on"])}
    plan = _plan_name(row["plan__number"], row["plan__symbol"], row["plan__title"])
    return Line(
        label=row["heading"],
        url=reverse("plans:task_detail", args=[row["pk"]]),
        detail=f"{plan} – {when}",
        counts=counts,
    )


@indicator(
    code="plans.tasks_on_time",
    name=gettext_lazy("Tỷ lệ nhiệm vụ hoàn thành đúng hạn"),
    kind=Kind.RATIO,
)
def tasks_on_time(agency: Agency, year: int) -> Figure:
    rows = _judged_tasks(agency, year)
    lines = tuple(_task_line(row, counts=_on_time(row)) for row in rows)
    return Figure(
        numerator=Decimal(sum(line.counts for line in lines)),
        denominator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Nhiệm vụ của các kế hoạch đã ban hành có hạn hoàn thành trong năm %(year)s, trừ nhiệm vụ "
            "đã hủy và nhiệm vụ chưa hoàn thành mà chưa đến hạn; đúng hạn là đã hoàn thành và ngày "
            "hoàn thành không sau hạn."
        )
        % {"year": year},
    )


@indicator(
    code="plans.tasks_overdue",
    name=gettext_lazy("Số nhiệm vụ quá hạn hoặc hoàn thành chậm"),
    kind=Kind.COUNT,
)
def tasks_overdue(agency: Agency, year: int) -> Figure:
    lines = tuple(_task_line(row, counts=True) for row in _judged_tasks(agency, year) if _late(row))
    return Figure(
        numerator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Nhiệm vụ của các kế hoạch đã ban hành có hạn hoàn thành trong năm %(year)s (trừ nhiệm vụ "
            "đã hủy) đã quá hạn mà chưa hoàn thành, hoặc hoàn thành sau hạn."
        )
        % {"year": year},
    )


@indicator(
    code="plans.implementing_plan_on_time",
    name=gettext_lazy("Ban hành kế hoạch thực hiện đúng hạn"),
    kind=Kind.DONE,
)
def implementing_plan_on_time(agency: Agency, year: int) -> Figure:
    """The province's yearly plans of ``year`` that set a date for the
    agencies' implementing plans (``implementation_due``), each answered by
    a plan in force of the agency that implements it (``implements``),
    issued by that date. When the province set no such date, the agency's
    own yearly plan of the year, issued by 31/01. Two queries."""
    asking = list(
        Plan.objects.filter(
            agency__province=agency.province_id,
            kind=Plan.Kind.YEARLY,
            period_year=year,
            status__in=IN_FORCE,
            implementation_due__isnull=False,
        )
        .exclude(agency=agency)
        .order_by("implementation_due", "pk")
        .only("pk", "title", "number", "symbol", "implementation_due")
    )
    own = list(
        Plan.objects.filter(agency=agency, status__in=IN_FORCE, issue_date__isnull=False)
        .filter(Q(implements__in=[plan.pk for plan in asking]) | Q(kind=Plan.Kind.YEARLY, period_year=year))
        .order_by("issue_date", "pk")
        .only("pk", "title", "number", "symbol", "issue_date", "implements", "kind", "period_year")
    )
    if asking:
        lines = tuple(_implementing_line(higher, own) for higher in asking)
        note = _(
            "Kế hoạch năm %(year)s của tỉnh có ghi hạn các cơ quan ban hành kế hoạch thực hiện; đạt khi "
            "cơ quan đã ban hành kế hoạch thực hiện từng kế hoạch ấy không sau hạn đã ghi."
        ) % {"year": year}
    else:
        deadline = date(year, 1, 31)
        found = next(
            (plan for plan in own if plan.kind == Plan.Kind.YEARLY and plan.period_year == year), None
        )
        lines = (_own_yearly_line(found, deadline, year),)
        note = _(
            "Kế hoạch năm %(year)s của tỉnh không ghi hạn ban hành kế hoạch thực hiện, nên hạn là "
            "%(deadline)s: đạt khi kế hoạch năm %(year)s của cơ quan được ban hành không sau ngày ấy."
        ) % {"year": year, "deadline": _day(deadline)}
    done = all(line.counts for line in lines)
    return Figure(numerator=Decimal(1 if done else 0), lines=lines, note=note)


def _implementing_line(higher: Plan, own: list[Plan]) -> Line:
    due = higher.implementation_due
    assert due is not None  # the query asked for it
    higher_name = _plan_name(higher.number, higher.symbol, higher.title)
    found = next((plan for plan in own if plan.implements_id == higher.pk), None)
    if found is None or found.issue_date is None:
        return Line(
            label=_("Chưa ban hành kế hoạch thực hiện %(plan)s") % {"plan": higher_name},
            url=reverse("plans:plan_detail", args=[higher.pk]),
            detail=_("Hạn %(due)s – chưa ban hành") % {"due": _day(due)},
            counts=False,
        )
    return Line(
        label=found.title,
        url=reverse("plans:plan_detail", args=[found.pk]),
        detail=_("Thực hiện %(plan)s: hạn %(due)s – ban hành %(issued)s")
        % {"plan": higher_name, "due": _day(due), "issued": _day(found.issue_date)},
        counts=found.issue_date <= due,
    )


def _own_yearly_line(found: Plan | None, deadline: date, year: int) -> Line:
    if found is None or found.issue_date is None:
        return Line(
            label=_("Chưa ban hành kế hoạch năm %(year)s") % {"year": year},
            detail=_("Hạn %(due)s – chưa ban hành") % {"due": _day(deadline)},
            counts=False,
        )
    return Line(
        label=found.title,
        url=reverse("plans:plan_detail", args=[found.pk]),
        detail=_("Hạn %(due)s – ban hành %(issued)s")
        % {"due": _day(deadline), "issued": _day(found.issue_date)},
        counts=found.issue_date <= deadline,
    )
