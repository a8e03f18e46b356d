"""The daily steps that ``danvan scan_deadlines`` runs, the background tasks
that services queue by name, the leases that take up a job whose worker
died, and core's own daily steps.

Each app's ``jobs.py`` registers its steps with ``@daily_step(order, name,
describe)`` and is imported from the app's ``AppConfig.ready()``; core knows
no app. A step is ``step(today) -> int`` (how many things it did) and must be
idempotent: a second run on the same day does nothing new. Steps run in
their ``order``, lowest first; the digest e-mail comes last so that it
carries what the other steps noticed that day. Each step runs on its own: one
that fails is recorded (``DailyStepRun``) and the others still run, and the
next scan runs the days it missed, so a reminder of a missed day is sent late
and says so.

A background job that may be killed half way (an OCR import) works on a
record that is a ``core.models.LeasedJobRecord``, and its app registers it
with ``register_leased_job``. Each attempt begins with ``start_attempt`` and
reports progress with ``heartbeat``; ``recover_jobs`` (run by ``danvan
worker`` when it starts and every ``JOB_RECOVERY_SECONDS``, and by the daily
scan) queues again a record whose heartbeat is older than the lease, or
gives up on it after ``JOB_ATTEMPTS`` attempts. An attempt that finds its
record cancelled or taken up by a newer attempt stops with ``JobStopped``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from danvan.core import outbox, processes, ratelimit
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


# --- Leases ---------------------------------------------------------------------------


class JobStopped(Exception):
    """The record is no longer this attempt's: it was cancelled, given up on,
    or taken up again by a newer attempt."""


GiveUp = Callable[[models.QuerySet, int], int]


@dataclass(frozen=True)
class LeasedJob:
    # The background task, called with the record's primary key.
    task: str
    model: type[models.Model]
    # Which of the model's records a job is working on.
    running: Q
    # Mark the given records failed after that many attempts; how many it marked.
    give_up: GiveUp

    def records(self) -> models.QuerySet:
        return self.model._default_manager.filter(self.running)


_LEASED: dict[str, LeasedJob] = {}


def register_leased_job(*, task: str, model: type[models.Model], running: Q, give_up: GiveUp) -> LeasedJob:
    """Have ``recover_jobs`` watch the records ``running`` selects of ``model``."""
    job = LeasedJob(task=task, model=model, running=running, give_up=give_up)
    _LEASED[task] = job
    return job


def lease() -> timedelta:
    return timedelta(seconds=settings.JOB_LEASE_SECONDS)


def start_attempt(records: models.QuerySet, pk: int) -> int:
    """Begin an attempt on the record ``pk`` among ``records`` (those being
    worked on): count it and take the lease. Its number; JobStopped when the
    record is no longer being worked on."""
    with transaction.atomic():
        if not records.filter(pk=pk).update(attempts=F("attempts") + 1, heartbeat_at=timezone.now()):
            raise JobStopped
        return records.filter(pk=pk).values_list("attempts", flat=True).get()


def heartbeat(records: models.QuerySet, pk: int, attempt: int, **fields) -> None:
    """Renew the lease of attempt ``attempt`` (writing ``fields`` with it);
    JobStopped when the record is no longer this attempt's."""
    if not records.filter(pk=pk, attempts=attempt).update(heartbeat_at=timezone.now(), **fields):
        raise JobStopped


def _fail_task_results(job: LeasedJob, pk: int, message: str) -> None:
    """The task results that a dead worker left running for the record."""
    path = _TASKS[job.task].module_path
    for result in DBTaskResult.objects.running().filter(task_path=path):
        if result.args_kwargs.get("args") == [pk]:
            DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.WorkerLost",
                traceback=message,
                return_value=None,
            )


def _claimed_long_ago(job: LeasedJob, before) -> list[int]:
    """The records whose task a worker claimed before ``before``: one that
    has no heartbeat yet died between claiming the task and beginning it."""
    path = _TASKS[job.task].module_path
    claimed = DBTaskResult.objects.running().filter(task_path=path, started_at__lt=before)
    return [args[0] for args in (result.args_kwargs.get("args") for result in claimed) if args]


def recover_orphaned_jobs() -> int:
    """Take up again the jobs whose heartbeat is older than the lease, or give
    up on those that used all their attempts; how many records it touched."""
    touched = 0
    for job in _LEASED.values():
        before = timezone.now() - lease()
        stale = job.records().filter(
            Q(heartbeat_at__lt=before) | Q(heartbeat_at__isnull=True, pk__in=_claimed_long_ago(job, before))
        )
        for pk, attempts in list(stale.values_list("pk", "attempts")):
            this = stale.filter(pk=pk, attempts=attempts)
            with transaction.atomic():
                if attempts >= settings.JOB_ATTEMPTS:
                    done = job.give_up(this, attempts)
                else:
                    # Back in the queue: no heartbeat until a worker begins again.
                    done = this.update(heartbeat_at=None)
                    if done:
                        transaction.on_commit(lambda job=job, pk=pk: enqueue(job.task, pk))
                if done:
                    _fail_task_results(job, pk, f"Worker lost during attempt {attempts}")
                    logger.warning("Việc nền %s #%s bị gián đoạn ở lần thử %s", job.task, pk, attempts)
                    touched += done
    return touched


def recover_jobs() -> int:
    """Take up or give up on the jobs of dead workers (how many), and remove
    the temporary directories those workers left."""
    recovered = recover_orphaned_jobs()
    if removed := processes.remove_dead_temp_dirs():
        logger.info("Đã xóa %s thư mục tạm của tiến trình đã dừng", removed)
    return recovered


# --- Core's own steps -----------------------------------------------------------------


@daily_step(order=5, name="core.recover_jobs", describe="{count} việc nền bị gián đoạn đã xử lý")
def recover_interrupted_jobs(today: date) -> int:
    """A backstop for the worker's own recovery: it also runs when no worker does."""
    return recover_jobs()


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
