"""Children that die with their parent, and temporary directories that do not
outlive their process (danvan.core.processes), with real processes."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from danvan.core import processes
from tests.worker_process import process_alive, wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")


def test_a_child_started_with_start_child_dies_when_its_parent_is_killed():
    parent_script = textwrap.dedent(
        """
        import subprocess, sys, time
        from danvan.core.processes import start_child
        child = start_child(["sleep", "60"])
        print(child.pid, flush=True)
        time.sleep(60)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_script], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert process_alive(child)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    parent.stdout.close()
    wait_until(lambda: not process_alive(child), timeout=5, what="the child dying with its parent")


def test_run_child_runs_a_program_to_the_end():
    done = processes.run_child(["echo", "xin chào"], capture_output=True, text=True, check=True)
    assert done.stdout == "xin chào\n"


def test_a_job_directory_is_removed_when_the_job_ends(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_JOBS_TMP", str(tmp_path))
    with processes.job_temp_dir(prefix="ocr-") as folder:
        assert (tmp_path / "danvan-jobs" / str(os.getpid())).is_dir()
        open(os.path.join(folder, "page-1.png"), "wb").close()
    assert not (tmp_path / "danvan-jobs" / str(os.getpid())).exists()


def test_only_the_directories_of_dead_processes_are_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_JOBS_TMP", str(tmp_path))
    gone = subprocess.Popen(["true"])
    gone.wait()
    root = tmp_path / "danvan-jobs"
    (root / str(gone.pid) / "ocr-x").mkdir(parents=True)
    (root / str(gone.pid) / "ocr-x" / "page-1.png").write_bytes(b"png")
    mine = processes.process_temp_dir()
    assert processes.remove_dead_temp_dirs() == 1
    assert not (root / str(gone.pid)).exists() and mine.is_dir()
