"""What other apps offer to do with a plan from its page.

An app above plans (the democracy register puts a draft plan out for staff's
comments, Luật 10/2022 Điều 53 k2) registers a ``PlanAction`` from its
``AppConfig.ready()``; plans knows no app, and the plan's page asks the
registry which actions the person may take on that plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from danvan.core.models import User
    from danvan.plans.models import Plan


@dataclass(frozen=True)
class PlanAction:
    code: str
    label: str | Promise  # translated when shown
    url: Callable[[Plan], str]
    offered: Callable[[User, Plan], bool]


@dataclass(frozen=True)
class OfferedAction:
    code: str
    label: str
    url: str


_ACTIONS: dict[str, PlanAction] = {}


def register_plan_action(action: PlanAction) -> PlanAction:
    """Registering a code again replaces it."""
    _ACTIONS[action.code] = action
    return action


def plan_actions(person: User, plan: Plan) -> list[OfferedAction]:
    """The actions offered to the person on the plan's page, by code."""
    return [
        OfferedAction(code=action.code, label=str(action.label), url=action.url(plan))
        for action in sorted(_ACTIONS.values(), key=lambda action: action.code)
        if action.offered(person, plan)
    ]
