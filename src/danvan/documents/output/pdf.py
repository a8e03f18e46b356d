"""Word to PDF with LibreOffice headless, when the server has it.

The documents are set in Times New Roman (NĐ 30/2020, Phụ lục I). A server
without it prints them in Tinos (Debian's ``fonts-croscore``), which has the
same metrics and every Vietnamese letter; LibreOffice's own choice, Liberation
Serif 1.x, lacks the letters of Latin Extended Additional (Ặ, Ẫ, Ỷ, Ữ …) and
would borrow them from DejaVu.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 120
# The font printed for a document font the server lacks, through
# LibreOffice's replacement table (written only when the font is missing).
FONT_REPLACEMENTS = {"Times New Roman": "Tinos"}
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution">\
<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
{pairs}
</oor:items>
"""
PAIR = """<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">\
<node oor:name="_{index}" oor:op="replace">\
<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>\
<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>\
<prop oor:name="ReplaceFont" oor:op="fuse"><value>{font}</value></prop>\
<prop oor:name="SubstituteFont" oor:op="fuse"><value>{replacement}</value></prop>\
</node></item>"""


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
        _write_profile(folder / "profile")
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


def missing_font_replacements() -> dict[str, str]:
    """The replacements for the fonts this server does not have, to fonts it
    has (fc-list names installed families only, not fontconfig's aliases)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return dict(FONT_REPLACEMENTS)

    def installed(family: str) -> bool:
        listed = subprocess.run([fc_list, family, "family"], capture_output=True, text=True, timeout=30)
        return bool(listed.stdout.strip())

    return {
        font: replacement
        for font, replacement in FONT_REPLACEMENTS.items()
        if not installed(font) and installed(replacement)
    }


def _write_profile(profile: Path) -> None:
    """A scratch LibreOffice profile holding the font replacement table."""
    user = profile / "user"
    user.mkdir(parents=True)
    pairs = "\n".join(
        PAIR.format(index=index, font=font, replacement=replacement)
        for index, (font, replacement) in enumerate(missing_font_replacements().items())
    )
    (user / "registrymodifications.xcu").write_text(REGISTRY.format(pairs=pairs), encoding="utf-8")


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
