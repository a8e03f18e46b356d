"""``danvan worker`` outlives the database going away: a real worker process
on the test's database, a SQLite write lock held past the lock timeout, or
PostgreSQL refusing every connection for a while; afterwards the same worker
process runs the job that waited."""

import sqlite3
import time

import psycopg
import pytest
from django.db import connection

from danvan.plans import services
from danvan.plans.models import PlanImport
from tests.worker_process import WorkerDatabase, wait_until

TEXT = (
    "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021;\n".encode()
)


@pytest.fixture
def worker_db(transactional_db, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    database = WorkerDatabase(tmp_path, settings.MEDIA_ROOT)
    yield database
    database.stop_all()


def import_status(worker_db, pk):
    return worker_db.query("SELECT status FROM plans_planimport WHERE id = %s", pk)[0][0]


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_the_worker_waits_out_a_sqlite_write_lock_held_past_its_timeout(worker_db, agency, office_officer):
    record = services.upload_plan_file(agency=agency, data=TEXT, filename="kh.txt", by=office_officer)
    worker_db.share()
    lock = sqlite3.connect(worker_db.path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    worker = worker_db.start_worker(DANVAN_SQLITE_TIMEOUT="1")
    wait_until(lambda: worker_db.log(worker).count("CSDL") >= 2 or worker.poll() is not None, what="lock met")
    time.sleep(1.5)  # the lock outlasts several of the worker's timeouts
    assert worker.poll() is None, worker_db.log(worker)
    assert import_status(worker_db, record.pk) == "processing"
    lock.execute("ROLLBACK")
    lock.close()
    wait_until(lambda: import_status(worker_db, record.pk) != "processing", what="the job after the lock")
    assert import_status(worker_db, record.pk) == "ready"
    assert worker.poll() is None


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_worker_reconnects_after_postgresql_refused_it(worker_db, agency, office_officer):
    worker = worker_db.start_worker(DANVAN_DB_CONN_MAX_AGE="600")
    wait_until(lambda: "bắt đầu" in worker_db.log(worker), what="the worker started")
    settings = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (mine,) = cursor.fetchone()
    # Like a server stopped: the worker's connections cut, and no new one accepted.
    admin = psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    name = settings["NAME"]
    admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    try:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            [name, mine],
        )
        wait_until(lambda: "Mất kết nối CSDL" in worker_db.log(worker), what="the worker losing the database")
        time.sleep(2)
        assert worker.poll() is None, worker_db.log(worker)
    finally:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        admin.close()
    record = services.upload_plan_file(agency=agency, data=TEXT, filename="kh.txt", by=office_officer)
    wait_until(
        lambda: import_status(worker_db, record.pk) != "processing", timeout=40, what="the job afterwards"
    )
    assert PlanImport.objects.get(pk=record.pk).status == PlanImport.Status.READY
    assert worker.poll() is None
