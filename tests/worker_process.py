"""A real ``danvan worker`` process on the test's database.

On PostgreSQL the worker connects to the test database itself (tests using
it run with committed data: ``transactional_db``). SQLite's test database
lives in memory, so it is copied to a file for the worker (``share``) and the
worker's file copied back after it (``collect``); ``query`` reads the
worker's copy while it runs.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection


class WorkerDatabase:
    def __init__(self, folder: Path, media_root: Path):
        self.folder = folder
        self.sqlite = connection.vendor == "sqlite"
        self.path = folder / "worker.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "danvan.settings",
            "DANVAN_DATABASE_URL": self._url(),
            "DANVAN_MEDIA_ROOT": str(media_root),
            "DANVAN_JOBS_TMP": str(folder / "tmp"),
            "DANVAN_DEBUG": "False",
        }
        self.processes: list[subprocess.Popen] = []

    def _url(self) -> str:
        if self.sqlite:
            return f"sqlite:///{self.path}"
        db = connection.settings_dict
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    def share(self) -> None:
        """Hand what the test wrote to the worker's database."""
        if self.sqlite:
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def collect(self) -> None:
        """Bring what the worker wrote back to the test's database."""
        if self.sqlite:
            source = sqlite3.connect(self.path)
            connection.ensure_connection()
            source.backup(connection.connection)
            source.close()

    def query(self, sql: str, *params) -> list[tuple]:
        """Rows of ``sql`` (placeholders ``%s``) as the worker sees them now."""
        if self.sqlite:
            with sqlite3.connect(self.path, timeout=30) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def start_worker(self, *arguments: str, **env: str) -> subprocess.Popen:
        command = [
            sys.executable,
            "-m",
            "danvan.cli",
            "worker",
            "--no-reload",
            "--interval",
            "0.2",
            *arguments,
        ]
        process = subprocess.Popen(  # noqa: S603
            command,
            env={**self.env, **env},
            stdout=(self.folder / f"worker-{len(self.processes)}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def log(self, process: subprocess.Popen) -> str:
        return (self.folder / f"worker-{self.processes.index(process)}.log").read_text()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until(condition, *, timeout: float = 20, what: str = "") -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout} s: {what}")
        time.sleep(0.1)


def process_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status
