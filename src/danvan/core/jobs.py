"""The daily steps that ``danvan scan_deadlines`` runs, the background tasks
that services queue by name, and core's own daily step.

Each app's ``jobs.py`` registers its steps with ``@daily_step(order, name,
describe)`` and is imported from the app's ``AppConfig.ready()``; core knows
no app. A step is ``step(today) -> int`` (how many things it did) and must be
idempotent: a second run on the same day does nothing new. Steps run in
their ``order``, lowest first; the digest e-mail comes last so that it
carries what the other steps noticed that day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django_tasks import task
from django_tasks.base import Task

from danvan.core.services import send_daily_digests

StepFunction = Callable[[date], int]


@dataclass(frozen=True)
class DailyStep:
    order: int
    name: str
    # What the step did, for the command's one-line summary: "{count} lời nhắc".
    describe: str
    run: StepFunction

    def summary(self, count: int) -> str:
        return self.describe.format(count=count)


@dataclass(frozen=True)
class StepResult:
    step: DailyStep
    count: int

    def __str__(self) -> str:
        return self.step.summary(self.count)


_STEPS: dict[str, DailyStep] = {}


def register_daily_step(*, order: int, name: str, describe: str, run: StepFunction) -> DailyStep:
    """Add ``run`` to the daily scan; registering a name again replaces it,
    so re-importing a jobs module never runs a step twice."""
    step = DailyStep(order=order, name=name, describe=describe, run=run)
    _STEPS[name] = step
    return step


def daily_step(*, order: int, name: str, describe: str) -> Callable[[StepFunction], StepFunction]:
    """``@daily_step(order=20, name="plans.mark_overdue", describe="{count} nhiệm vụ quá hạn")``."""

    def register(run: StepFunction) -> StepFunction:
        register_daily_step(order=order, name=name, describe=describe, run=run)
        return run

    return register


def daily_steps() -> list[DailyStep]:
    """The registered steps in the order they run."""
    return sorted(_STEPS.values(), key=lambda step: (step.order, step.name))


def run_daily_steps(today: date) -> list[StepResult]:
    """Run every step for ``today``, in order; what each one did."""
    return [StepResult(step=step, count=step.run(today)) for step in daily_steps()]


# --- Background tasks -----------------------------------------------------------------

_TASKS: dict[str, Task] = {}


def background_task(name: str) -> Callable[[Callable], Task]:
    """``@background_task("plans.read_plan_import")`` on a function of an app's
    ``jobs.py``: a task of the tasks API that services queue with
    ``enqueue(name, ...)``, so that a service never imports the jobs module
    that imports it."""

    def register(function: Callable) -> Task:
        made = task()(function)
        _TASKS[name] = made
        return made

    return register


def enqueue(name: str, *args, **kwargs):
    """Queue the background task registered as ``name`` (call it on commit)."""
    return _TASKS[name].enqueue(*args, **kwargs)


# --- Core's own step ------------------------------------------------------------------


@daily_step(order=900, name="core.daily_digests", describe="{count} thư tổng hợp")
def daily_digests(today: date) -> int:
    """One e-mail per digest reader with the day's notifications not yet sent."""
    return send_daily_digests()
