"""Plan-document parsing: a Vietnamese plan or report (.txt, .docx, .pdf) to "danvan.plan/1".

Pure Python, no Django import, so that the command line starts fast.
"""

from __future__ import annotations

import os

from .errors import ParseError
from .pipeline import parse_text
from .readers import ProgressCallback, check_size, read_bytes

__all__ = ["ParseError", "parse_bytes", "parse_file", "parse_text"]


def parse_bytes(data: bytes, filename: str = "", *, on_progress: ProgressCallback | None = None) -> dict:
    """The plan in a file's content; `filename` only helps the error messages."""
    return parse_text(read_bytes(data, filename, on_progress=on_progress))


def parse_file(path: str | os.PathLike, *, on_progress: ProgressCallback | None = None) -> dict:
    """The plan in the file at `path`; on_progress(i, n) is called per page during OCR."""
    try:
        check_size(os.path.getsize(path))
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ParseError(f"Không mở được tệp: {exc.strerror or exc}.") from exc
    return parse_bytes(data, os.fspath(path), on_progress=on_progress)
