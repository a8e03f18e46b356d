"""Files sent to the browser to save: one way to name them, whatever the app."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


def download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """``data`` as a file to save under ``filename`` (a Vietnamese name is
    sent the RFC 6266 way, with an ASCII fallback)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
