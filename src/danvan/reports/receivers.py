"""What reporting does when something happens in another app. Each receiver
is connected in ReportsConfig.ready()."""

from __future__ import annotations

from danvan.core.models import User
from danvan.plans.models import Plan
from danvan.reports.services import requests_from_plan


def requests_for_issued_plan(sender, *, plan: Plan, by: User, **kwargs) -> None:
    """Receiver of ``plans.events.plan_issued``: the plan's reporting
    deadlines become report requests, in the transaction that issues it."""
    requests_from_plan(plan=plan, by=by)
