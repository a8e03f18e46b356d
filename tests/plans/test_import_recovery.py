"""A worker killed with SIGKILL in the middle of an OCR import: its Tesseract
dies with it, and the next worker reads the file again (or, when the attempts
are used up, fails the import with a message), removing the page images the
dead worker left. Real worker processes on the test's database (SQLite file,
or PostgreSQL under scripts/with-postgres.sh); Tesseract is a stand-in
script that records its process id and sleeps as long as the test says."""

import os
import signal
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from danvan.core.jobs import (
    JobStopped,
    heartbeat,
    recover_interrupted_jobs,
    recover_orphaned_jobs,
    start_attempt,
)
from danvan.plans import services
from danvan.plans.jobs import read_plan_import_job
from danvan.plans.models import PlanImport
from tests import hostile_files
from tests.worker_process import WorkerDatabase, process_alive, wait_until

OCR_TEXT = "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021;\n"

FAKE_TESSERACT = """#!{python}
import os, pathlib, sys, time
if "--list-langs" in sys.argv:
    print("List of available languages (1):")
    print("vie")
    sys.exit(0)
with open(os.environ["FAKE_OCR_PIDS"], "a") as pids:
    pids.write(f"{{os.getpid()}}\\n")
time.sleep(float(pathlib.Path(os.environ["FAKE_OCR_DELAY"]).read_text()))
sys.stdout.write({text!r})
"""


@pytest.fixture
def worker_db(transactional_db, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    database = WorkerDatabase(tmp_path, settings.MEDIA_ROOT)
    yield database
    database.stop_all()


@pytest.fixture
def ocr(tmp_path):
    """The stand-in Tesseract and the files through which the test drives it."""
    binary = tmp_path / "tesseract"
    binary.write_text(FAKE_TESSERACT.format(python=sys.executable, text=OCR_TEXT))
    binary.chmod(0o755)
    delay = tmp_path / "ocr-delay"
    pids = tmp_path / "ocr-pids"
    pids.touch()
    env = {
        "DANVAN_TESSERACT": str(binary),
        "FAKE_OCR_DELAY": str(delay),
        "FAKE_OCR_PIDS": str(pids),
        "DANVAN_JOB_LEASE_SECONDS": "2",
        "DANVAN_JOB_RECOVERY_SECONDS": "1",
    }
    return {"env": env, "delay": delay, "pids": pids}


def import_row(worker_db, pk):
    return worker_db.query("SELECT status, attempts, error FROM plans_planimport WHERE id = %s", pk)[0]


def task_statuses(worker_db):
    rows = worker_db.query("SELECT status FROM django_tasks_database_dbtaskresult ORDER BY enqueued_at")
    return [status for (status,) in rows]


@pytest.mark.parametrize(
    ("attempts", "outcome"), [("3", PlanImport.Status.READY), ("1", PlanImport.Status.FAILED)]
)
def test_an_import_whose_worker_was_killed_is_read_again_or_failed(
    worker_db, ocr, agency, office_officer, attempts, outcome, tmp_path
):
    record = services.upload_plan_file(
        agency=agency, data=hostile_files.blank_pdf(), filename="Kế hoạch scan.pdf", by=office_officer
    )
    worker_db.share()
    ocr["delay"].write_text("60")
    env = {**ocr["env"], "DANVAN_JOB_ATTEMPTS": attempts}
    first = worker_db.start_worker(**env)
    wait_until(lambda: ocr["pids"].read_text().strip(), what="Tesseract started by the first worker")
    tesseract = int(ocr["pids"].read_text().split()[0])
    left_behind = tmp_path / "tmp" / "danvan-jobs" / str(first.pid)
    assert list(left_behind.glob("ocr-*/page-1.png")), "the page image is in the worker's own directory"

    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    wait_until(lambda: not process_alive(tesseract), timeout=5, what="Tesseract dying with its worker")
    assert import_row(worker_db, record.pk)[:2] == ("processing", 1)
    assert task_statuses(worker_db) == ["RUNNING"]
    assert left_behind.exists()

    ocr["delay"].write_text("0")
    second = worker_db.start_worker(**env)
    wait_until(lambda: import_row(worker_db, record.pk)[0] != "processing", timeout=25, what="the import")
    wait_until(lambda: not left_behind.exists(), timeout=5, what="the dead worker's directory removed")
    assert second.poll() is None

    worker_db.collect()
    record.refresh_from_db()
    assert record.status == outcome
    if outcome == PlanImport.Status.READY:
        assert record.attempts == 2
        assert record.extraction["citations"][0]["number"] == "33/CT-TTg"
        assert task_statuses(worker_db) == ["FAILED", "SUCCESSFUL"]
    else:
        assert record.error.startswith("Việc đọc tệp bị gián đoạn") and "đã thử 1 lần" in record.error
        assert record.file and Path(record.file.path).exists(), "the file is kept to be read again"
        assert task_statuses(worker_db) == ["FAILED"]
    assert not list((tmp_path / "tmp" / "danvan-jobs").glob("*/ocr-*"))


# --- The lease, in the test's own process -----------------------------------------------

TEXT = "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021;\n"


@pytest.fixture
def reading(agency, office_officer):
    """An import a worker began reading 10 minutes ago, then went silent."""
    record = services.upload_plan_file(
        agency=agency, data=TEXT.encode(), filename="kh.txt", by=office_officer
    )
    PlanImport.objects.filter(pk=record.pk).update(
        attempts=1, heartbeat_at=timezone.now() - timedelta(minutes=10), progress=44
    )
    return record


def running_result(record):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [record.pk], "kwargs": {}},
        task_path=read_plan_import_job.module_path,
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() - timedelta(minutes=10),
        worker_ids=["dead"],
    )


def test_recovery_reads_again_an_import_whose_heartbeat_ran_out(reading, django_capture_on_commit_callbacks):
    result = running_result(reading)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_orphaned_jobs() == 1
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.READY and reading.attempts == 2
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED and result.finished_at


def test_recovery_reads_again_an_import_whose_worker_died_before_beginning(
    reading, django_capture_on_commit_callbacks
):
    PlanImport.objects.filter(pk=reading.pk).update(heartbeat_at=None, attempts=0)
    result = running_result(reading)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_orphaned_jobs() == 1
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.READY and reading.attempts == 1
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED


def test_recovery_gives_up_after_the_last_attempt_and_says_so(reading, settings):
    settings.JOB_ATTEMPTS = 3
    PlanImport.objects.filter(pk=reading.pk).update(attempts=3)
    result = running_result(reading)
    assert recover_orphaned_jobs() == 1
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.FAILED
    assert reading.error.startswith("Việc đọc tệp bị gián đoạn") and "đã thử 3 lần" in reading.error
    assert reading.file, "the file is kept to be read again"
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED


def test_recovery_leaves_alone_an_import_alive_or_still_queued(reading, settings):
    settings.JOB_LEASE_SECONDS = 3600
    assert recover_orphaned_jobs() == 0
    PlanImport.objects.filter(pk=reading.pk).update(heartbeat_at=None)
    settings.JOB_LEASE_SECONDS = 1
    assert recover_orphaned_jobs() == 0
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.PROCESSING and reading.progress == 44


def test_an_attempt_stops_once_cancelled_or_taken_up_by_a_newer_one(reading, office_officer):
    records = PlanImport.objects.filter(status=PlanImport.Status.PROCESSING)
    first = start_attempt(records, reading.pk)
    newer = start_attempt(records, reading.pk)
    assert newer == first + 1
    with pytest.raises(JobStopped):
        heartbeat(records, reading.pk, first, progress=50)
    heartbeat(records, reading.pk, newer, progress=50)
    services.cancel_plan_import(record=reading, by=office_officer)
    with pytest.raises(JobStopped):
        heartbeat(records, reading.pk, newer, progress=60)
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.CANCELLED and reading.progress == 50
    # A reading begun after the cancel leaves the import as it is.
    assert services.read_plan_import(import_id=reading.pk).status == PlanImport.Status.CANCELLED


def test_give_up_plan_imports_keeps_the_file(reading):
    assert services.give_up_plan_imports(PlanImport.objects.filter(pk=reading.pk), 2) == 1
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.FAILED and "đã thử 2 lần" in reading.error and reading.file


def test_the_daily_scan_runs_the_recovery(reading, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_interrupted_jobs(timezone.localdate()) == 1
    reading.refresh_from_db()
    assert reading.status == PlanImport.Status.READY
