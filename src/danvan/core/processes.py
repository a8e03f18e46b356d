"""Child processes and temporary files that do not outlive the process that made them.

A background job that runs a program (``tesseract``, LibreOffice) starts it
with :func:`run_child`: on Linux the child is killed when its parent dies,
even by ``kill -9``, so a killed worker leaves no OCR running. Temporary
files go under :func:`temp_root` in a directory named by the process id
(``<tmp>/danvan-jobs/<pid>/``); a job's own directory is removed when it
ends, and :func:`remove_dead_temp_dirs` removes those of processes that died.

No Django here: ``danvan parse`` uses it without settings. The root is
``DANVAN_JOBS_TMP``, or ``danvan-jobs`` in the system's temporary directory.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# From <linux/prctl.h>: deliver a signal to this process when its parent dies.
PR_SET_PDEATHSIG = 1


def _libc_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _libc_prctl()


def die_with_parent(parent: int) -> Callable[[], None]:
    """A ``preexec_fn`` that has the child killed when ``parent`` dies
    (Linux; elsewhere it does nothing). A parent that died before the child
    asked is noticed too: the child then stops at once."""

    def arrange() -> None:
        if _PRCTL is None:
            return
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    return arrange


def run_child(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run`` for a child that dies with this process."""
    return subprocess.run(args, preexec_fn=die_with_parent(os.getpid()), **kwargs)  # noqa: PLW1509, S603


def start_child(args: list[str], **kwargs) -> subprocess.Popen:
    """``subprocess.Popen`` for a child that dies with this process."""
    return subprocess.Popen(args, preexec_fn=die_with_parent(os.getpid()), **kwargs)  # noqa: PLW1509, S603


def temp_root() -> Path:
    return Path(os.environ.get("DANVAN_JOBS_TMP") or tempfile.gettempdir()) / "danvan-jobs"


def process_temp_dir() -> Path:
    """This process's directory under the root, made when first asked for."""
    path = temp_root() / str(os.getpid())
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def job_temp_dir(prefix: str = "job-") -> Iterator[str]:
    """A temporary directory in this process's directory, removed with its
    files when the block ends (and the process's directory with it when empty)."""
    parent = process_temp_dir()
    try:
        with tempfile.TemporaryDirectory(prefix=prefix, dir=parent) as path:
            yield path
    finally:
        try:
            parent.rmdir()
        except OSError:  # another job of this process still uses it
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_dead_temp_dirs() -> int:
    """Remove the directories of processes that no longer run; how many."""
    root = temp_root()
    if not root.is_dir():
        return 0
    removed = 0
    for path in root.iterdir():
        if path.is_dir() and path.name.isdecimal() and not _alive(int(path.name)):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed
