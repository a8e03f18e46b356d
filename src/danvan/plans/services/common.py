"""The plan's versions, shared by the plan services."""

from __future__ import annotations

from danvan.core.models import User
from danvan.plans.models import Plan


def _record_plan_version(plan: Plan, *, by: User, step: str) -> None:
    """Keep the plan as it is now as a version of its history, by ``by``, now,
    with the step that made it ("Trình lãnh đạo phê duyệt", "Thêm nhiệm vụ: …").
    For the steps that change the plan by a conditional update (which writes
    no history of its own) or change its tasks rather than the plan."""
    Plan.history.bulk_history_create([plan], update=True, default_user=by, default_change_reason=step)
