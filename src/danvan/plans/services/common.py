"""What the plan services share: the plan's versions and the register its
documents are numbered in."""

from __future__ import annotations

from django.db import models

from danvan.core.models import Agency, Unit, User
from danvan.documents.register import next_document_number
from danvan.plans.models import Plan


def _record_plan_version(plan: Plan, *, by: User, step: str) -> None:
    """Keep the plan as it is now as a version of its history, by ``by``, now,
    with the step that made it ("Trình lãnh đạo phê duyệt", "Thêm nhiệm vụ: …").
    For the steps that change the plan by a conditional update (which writes
    no history of its own) or change its tasks rather than the plan."""
    Plan.history.bulk_history_create(
        [plan], update=True, default_user=by, default_change_reason=_within(step, REASON_LENGTH)
    )


def _next_order(rows: models.QuerySet, *, first: int = 0) -> int:
    """The order of a row added after ``rows`` (a plan's tasks, targets, deadlines)."""
    last = rows.aggregate(last=models.Max("order"))["last"]
    return first if last is None else last + 1


# The length of django-simple-history's change reason (history_change_reason).
REASON_LENGTH = 100


def _within(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters, with "…" when cut: a step names
    a task by its heading, which may be longer than the reason can hold."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def register_unit(unit: Unit | None) -> Unit | None:
    """The unit whose own register numbers a plan of ``unit``: the unit
    itself when it keeps one (a chi cục, a centre with its seal); otherwise
    None, the agency's register."""
    return unit if unit is not None and unit.own_register else None


def plan_symbol(agency: Agency, unit: Unit | None) -> str:
    """The symbol of a plan, and of its amendments, in the register they are
    numbered in: "KH-SKHCN" for the Sở, "KH-TTKHCN" for a centre with its own."""
    register = register_unit(unit)
    return f"KH-{register.symbol_code if register is not None else agency.symbol_code}"


def next_plan_number(plan: Plan, *, year: int) -> str:
    """The next number of the register the plan's documents go in (the plan
    when issued, each amendment when issued): the unit's own register when
    the plan is a unit's that keeps one, else the agency's."""
    return next_document_number(agency=plan.agency, year=year, unit=register_unit(plan.unit))
