"""The daily steps that ``danvan scan_deadlines`` runs, the background tasks
that services queue by name, and core's own daily step.

Each app's ``jobs.py`` registers its steps with ``@daily_step(order, name,
describe)`` and is imported from the app's ``AppConfig.ready()``; core knows
no app. A step is ``step(today) -> int`` (how many things it did) and must be
idempotent: a second run on the same day does nothing new. Steps run in
their ``order``, lowest first; the digest e-mail comes last so that it
carries what the other steps noticed that day. Each step runs on its own: one
that fails is recorded (``DailyStepRun``) and the others still run, and the
next scan runs the days it missed, so a reminder of a missed day is sent late
and says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from danvan.core import outbox, ratelimit
from danvan.core.models import DailyStepRun
from danvan.core.services import catching_up, send_daily_digests
from danvan.core.storage import remove_abandoned_parts

logger = logging.getLogger(__name__)

# How far back a scan runs the days a step missed.
CATCH_UP_DAYS = 14

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
    day: date
    error: str = ""
    late: bool = False

    @property
    def ok(self) -> bool:
        return not self.error

    def __str__(self) -> str:
        if self.error:
            said = f"{self.step.name} lỗi: {self.error}"
        else:
            said = self.step.summary(self.count)
        return f"{said} (chạy bù ngày {self.day:%d/%m/%Y})" if self.late else said


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


def _days_missed(step: DailyStep, today: date) -> list[date]:
    """The days before ``today`` that the step has not yet done, since the
    last day it did (at most CATCH_UP_DAYS); none before its first run."""
    last = (
        DailyStepRun.objects.filter(step=step.name, ok=True, day__lt=today)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    )
    if last is None:
        return []
    first = max(last + timedelta(days=1), today - timedelta(days=CATCH_UP_DAYS))
    done = set(
        DailyStepRun.objects.filter(step=step.name, ok=True, day__gte=first, day__lt=today).values_list(
            "day", flat=True
        )
    )
    return [
        first + timedelta(days=n)
        for n in range((today - first).days)
        if first + timedelta(days=n) not in done
    ]


def _run_one(step: DailyStep, day: date, *, late: bool) -> StepResult:
    """Run the step for ``day`` on its own: a failure is recorded, logged and
    reported, and the other steps still run."""
    try:
        if late:
            with catching_up(day):
                count = step.run(day)
        else:
            count = step.run(day)
    except Exception as error:  # noqa: BLE001 - one step's failure must not stop the scan
        logger.exception("Bước quét hằng ngày %s lỗi cho ngày %s", step.name, day)
        text = f"{type(error).__name__}: {error}"[:2000]
        DailyStepRun.objects.update_or_create(
            step=step.name, day=day, defaults={"ok": False, "count": 0, "error": text, "late": late}
        )
        return StepResult(step=step, count=0, day=day, error=text, late=late)
    DailyStepRun.objects.update_or_create(
        step=step.name, day=day, defaults={"ok": True, "count": count, "error": "", "late": late}
    )
    return StepResult(step=step, count=count, day=day, late=late)


def run_daily_steps(today: date) -> list[StepResult]:
    """Run every step for ``today``, in order, each on its own; a step that
    missed days (the scan did not run, or the step failed) first runs those
    days, and what it sends then says it is late. What each run did."""
    results = []
    for step in daily_steps():
        for day in _days_missed(step, today):
            results.append(_run_one(step, day, late=True))
        results.append(_run_one(step, today, late=False))
    return results


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


@daily_step(order=950, name="core.outbox", describe="{count} thư điện tử đã gửi")
def send_outbox(today: date) -> int:
    """Send what the outbox holds (the digests just queued, and any e-mail the
    worker could not send yet); the scan's summary says what still waits."""
    return outbox.send_due_mail().sent


@daily_step(order=960, name="core.forget_rate_counts", describe="{count} lượt đếm cũ đã xóa")
def forget_rate_counts(today: date) -> int:
    """The public pages' counts of windows that ended more than a day ago."""
    return ratelimit.forget_old_counts(before=timezone.now() - timedelta(days=1))


@daily_step(order=970, name="core.remove_abandoned_files", describe="{count} tệp dở dang đã xóa")
def remove_abandoned_files(today: date) -> int:
    """Files written for a row that never committed, a day on."""
    root = Path(settings.MEDIA_ROOT)
    return remove_abandoned_parts(root) if root.exists() else 0
