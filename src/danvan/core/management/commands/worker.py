"""``danvan worker``: django_tasks_db's worker loop, made to outlive the database.

When the database goes away (PostgreSQL stopped, SQLite locked past its
timeout) the worker closes its connections, waits (1, 2, 4 … at most 30
seconds) and carries on, where ``db_worker`` would exit. It takes up the jobs
of workers that died (core.jobs.recover_jobs) when it starts and every
JOB_RECOVERY_SECONDS. A task interrupted by the outage is left to that
recovery: its record's lease runs out and it is queued again.
"""

from __future__ import annotations

import logging
import os
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from danvan.core.jobs import recover_jobs

logger = logging.getLogger("danvan.worker")

DATABASE_ERRORS = (OperationalError, InterfaceError)
FIRST_WAIT_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0


class Worker(db_worker.Worker):
    def __init__(self, *, recover_every: float, **options):
        super().__init__(**options)
        self.recover_every = recover_every
        self.next_recovery = 0.0
        self.wait = FIRST_WAIT_SECONDS

    def run(self) -> None:
        logger.info("Tiến trình nền %s bắt đầu, hàng đợi: %s", self.worker_id, ",".join(self.queue_names))
        while self.running:
            try:
                self.recover_when_due()
                ran = self.run_next()
            except DATABASE_ERRORS as error:
                self.wait_for_database(error)
                continue
            self.wait = FIRST_WAIT_SECONDS
            if self.batch and not ran:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            if self.running and not ran:
                time.sleep(self.interval)

    def recover_when_due(self) -> None:
        if time.monotonic() < self.next_recovery:
            return
        recovered = recover_jobs()
        if recovered:
            logger.warning("Đã xử lý %s việc nền bị gián đoạn", recovered)
        self.next_recovery = time.monotonic() + self.recover_every

    def run_next(self) -> bool:
        """Claim and run the next task that is due; whether there was one."""
        close_old_connections()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            logger.info("CSDL đang bị khóa; thử lại sau")
            return False
        if task_result is None:
            return False
        self.run_task(task_result)
        return True

    def wait_for_database(self, error: Exception) -> None:
        logger.warning("Mất kết nối CSDL (%s); thử lại sau %.0f giây", error, self.wait)
        for connection in connections.all():
            try:
                connection.close()
            except DATABASE_ERRORS:
                pass
        time.sleep(self.wait)
        self.wait = min(self.wait * 2, LONGEST_WAIT_SECONDS)


class Command(db_worker.Command):
    help = (
        "Chạy tiến trình nền (đọc tệp kế hoạch, gửi thư): chờ và kết nối lại khi mất CSDL, "
        "làm lại việc của tiến trình đã chết."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=settings.JOB_RECOVERY_SECONDS,
            help="Số giây giữa hai lần tìm việc nền bị gián đoạn (mặc định: %(default)s).",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, recover_every, **options):
        self.configure_logging(verbosity)
        logger.setLevel(logging.INFO if verbosity else logging.CRITICAL)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stdout))
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=False,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            recover_every=recover_every,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
