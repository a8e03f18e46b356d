"""What the democracy register does when something happens in another app.
Each receiver is connected in DemocracyConfig.ready()."""

from __future__ import annotations

from danvan.core.models import User
from danvan.democracy.services import propose_disclosure_for_plan
from danvan.plans.models import Plan


def disclosure_for_issued_plan(sender, *, plan: Plan, by: User, **kwargs) -> None:
    """Receiver of ``plans.events.plan_issued``: the issued plan is proposed as a
    disclosure to staff (Luật 10/2022 Điều 46 k2), in the transaction that issues it."""
    propose_disclosure_for_plan(plan=plan, by=by)
