"""The checks every upload passes before it is stored, whatever the form:
its type by content, and for the types that hide more inside, what costs
little to read: a ZIP archive's directory (entries, unzipped size,
compression ratio) and whether a PDF opens without a password.

Each check returns the Vietnamese reason for refusing, or None."""

from __future__ import annotations

import zipfile

from django.utils.translation import gettext as _

ZIP_SIGNATURE = b"PK\x03\x04"
PDF_SIGNATURE = b"%PDF-"

MAX_ZIP_ENTRIES = 5000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Below this size a part's compression ratio is not worth refusing (small, repetitive XML).
_RATIO_FLOOR_BYTES = 1024 * 1024


def zip_refusal(upload) -> str | None:
    """Why an archive (Word, Excel) is refused, read from its central
    directory only: nothing is unzipped."""
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return _("Tệp Word hoặc Excel bị hỏng hoặc không đúng định dạng.")
    finally:
        upload.seek(0)
    if len(infos) > MAX_ZIP_ENTRIES:
        return _("Tệp nén có quá nhiều phần (%(count)s; tối đa %(limit)s); từ chối để bảo vệ máy chủ.") % {
            "count": len(infos),
            "limit": MAX_ZIP_ENTRIES,
        }
    unzipped = sum(info.file_size for info in infos)
    packed = max(sum(info.compress_size for info in infos), 1)
    bomb = unzipped > MAX_UNZIPPED_BYTES or (
        unzipped > _RATIO_FLOOR_BYTES and unzipped / packed > MAX_COMPRESSION_RATIO
    )
    if bomb or any(
        info.file_size > _RATIO_FLOOR_BYTES
        and info.file_size / max(info.compress_size, 1) > MAX_COMPRESSION_RATIO
        for info in infos
    ):
        return _("Tệp giải nén ra quá lớn so với kích thước tệp; từ chối để bảo vệ máy chủ.")
    return None


def pdf_refusal(upload) -> str | None:
    """Why a PDF is refused: locked by a password, which nobody who opens it
    later could read. Only its directory is read, not its pages. (A PDF
    that is damaged in other ways is kept as sent: viewers often open what
    PDFium does not.)"""
    import pypdfium2

    data = upload.read()
    upload.seek(0)
    try:
        pypdfium2.PdfDocument(data).close()
    except pypdfium2.PdfiumError as error:
        if error.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
            return _("Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu.")
    return None


def content_refusal(upload) -> str | None:
    """The deeper check for the upload's type, by its first bytes."""
    head = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if head.startswith(ZIP_SIGNATURE):
        return zip_refusal(upload)
    if head.startswith(PDF_SIGNATURE):
        return pdf_refusal(upload)
    return None
