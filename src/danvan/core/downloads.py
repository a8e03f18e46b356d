"""Files sent to the browser to save: one way to name them, whatever the app."""

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


def download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """``data`` as a file to save under ``filename`` (a Vietnamese name is
    sent the RFC 6266 way, with an ASCII fallback)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def stored_file(field_file, filename: str, *, personal: bool = False) -> FileResponse:
    """A stored upload streamed to a person whose right to it the caller has
    checked: always saved, never shown in the browser (the content is judged
    by its bytes, not by a type the browser would guess), and kept by no
    shared cache; a citizen's file (``personal``) is kept by no cache at all.

    A file missing from storage is "not found", like a file that never was."""
    if not field_file:
        raise Http404(_("Không tìm thấy tệp."))
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("Không tìm thấy tệp.")) from exc
    response = FileResponse(handle, content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store" if personal else "private"
    return response
