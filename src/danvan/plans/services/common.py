"""People to tell and the plan's versions, shared by the plan services."""

from __future__ import annotations

from danvan.core.models import Agency, Role, Unit, User
from danvan.core.selectors import holders_of
from danvan.plans.models import Plan


def _leaders(agency: Agency) -> list[User]:
    return holders_of(Role.AGENCY_LEADER, agency=agency)


def _office(agency: Agency) -> list[User]:
    return holders_of(Role.AGENCY_OFFICE, agency=agency)


def _unit_heads(unit: Unit | None) -> list[User]:
    return holders_of(Role.UNIT_HEAD, unit=unit) if unit is not None else []


def _record_plan_version(plan: Plan, *, by: User, step: str) -> None:
    """Keep the plan as it is now as a version of its history, by ``by``, now,
    with the step that made it ("Trình lãnh đạo phê duyệt", "Thêm nhiệm vụ: …").
    For the steps that change the plan by a conditional update (which writes
    no history of its own) or change its tasks rather than the plan."""
    Plan.history.bulk_history_create([plan], update=True, default_user=by, default_change_reason=step)
