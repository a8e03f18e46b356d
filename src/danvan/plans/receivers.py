"""What plans do when one of their own events happens. Each receiver is
connected in PlansConfig.ready()."""

from __future__ import annotations

from danvan.core.models import User
from danvan.plans.models import Plan
from danvan.plans.services import set_deadline_duties


def duties_for_issued_plan(sender, *, plan: Plan, by: User, **kwargs) -> None:
    """Receiver of ``plans.events.plan_issued``: each deadline of the plan
    becomes a dated item of the units it names, or of the office."""
    set_deadline_duties(plan=plan)
