"""Word to PDF with LibreOffice headless, when the server has it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 120


class ConversionError(Exception):
    """The PDF could not be made; the message is for the person who asked."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, *, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """Convert in a scratch directory with a scratch LibreOffice profile: two
    conversions at once would otherwise fight over the user's profile lock."""
    soffice = soffice_path()
    if soffice is None:
        raise ConversionError(
            _("Không tạo được bản PDF: máy chủ chưa cài LibreOffice. Vui lòng tải bản Word (.docx).")
        )
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as work:
        folder = Path(work)
        source = folder / "van-ban.docx"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        _run(command, timeout)
        produced = folder / "van-ban.pdf"
        if not produced.exists():
            raise ConversionError(_("LibreOffice không chuyển được văn bản sang PDF."))
        return produced.read_bytes()


def _run(command: list[str], timeout: int) -> None:
    # soffice is a wrapper that starts soffice.bin: on timeout, end the
    # whole process group, not only the wrapper.
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ConversionError(
            _("LibreOffice không chuyển xong văn bản sang PDF trong %(seconds)s giây.") % {"seconds": timeout}
        ) from exc
