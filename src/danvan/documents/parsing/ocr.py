"""OCR of scanned pages with Tesseract's Vietnamese model, through the `tesseract` binary.

The binary is `tesseract` on PATH, or the one named by the DANVAN_TESSERACT
environment variable. It runs as a child that dies with the process that
started it, and the page images are written in that process's temporary
directory (danvan.core.processes), removed when reading ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence

from danvan.core.processes import job_temp_dir, run_child

from . import errors

RESOLUTION = 300
LANGUAGE = "vie"
PAGE_TIMEOUT_SECONDS = 180


def tesseract_binary() -> str:
    """Path of a usable tesseract with Vietnamese data; raises OcrUnavailableError otherwise."""
    name = os.environ.get("DANVAN_TESSERACT", "tesseract")
    path = shutil.which(name)
    if path is None:
        raise errors.OcrUnavailableError()
    try:
        langs = run_child([path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise errors.OcrUnavailableError() from exc
    if LANGUAGE not in (langs.stdout + langs.stderr).split():
        raise errors.OcrUnavailableError(
            "Tệp PDF không có lớp văn bản và máy chủ chưa có dữ liệu tiếng Việt của Tesseract "
            "(tesseract-ocr-vie) để nhận dạng chữ."
        )
    return path


def ocr_image(binary: str, image_path: str) -> str:
    try:
        done = run_child(
            [binary, image_path, "stdout", "-l", LANGUAGE, "--psm", "4"],
            capture_output=True,
            timeout=PAGE_TIMEOUT_SECONDS,
            check=False,
            # One thread per page: Tesseract's OpenMP threads only fight each other on a small server.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise errors.OcrFailedError() from exc
    if done.returncode != 0:
        raise errors.OcrFailedError()
    return done.stdout.decode("utf-8", errors="replace")


def ocr_pages(pages: Sequence, *, on_progress: Callable[[int, int], None] | None = None) -> list[str]:
    """Text of each pdfplumber page, rendered at 300 dpi and read by Tesseract."""
    binary = tesseract_binary()
    texts = []
    with job_temp_dir(prefix="ocr-") as tmp:
        for i, page in enumerate(pages, start=1):
            image_path = os.path.join(tmp, f"page-{i}.png")
            page.to_image(resolution=RESOLUTION).original.save(image_path)
            texts.append(ocr_image(binary, image_path))
            if on_progress is not None:
                on_progress(i, len(pages))
    return texts
