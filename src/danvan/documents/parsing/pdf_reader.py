"""Text of a .pdf: the text layer page by page, or OCR when the file is a scan."""

from __future__ import annotations

import io

import pdfplumber

from . import errors
from .ocr import ocr_pages

# Fewer characters per page than this means the page is an image, not text.
_MIN_CHARS_PER_PAGE = 20


def _page_text(page) -> str:
    return page.extract_text(x_tolerance=1.5, y_tolerance=3) or ""


def read_pdf(data: bytes, *, on_progress=None) -> str:
    """Pages separated by form feeds (so running headers can be told from text)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            texts = [_page_text(page) for page in pdf.pages]
            if not texts:
                raise errors.InvalidPdfError("Tệp PDF không có trang nào.")
            if sum(len(t.strip()) for t in texts) >= _MIN_CHARS_PER_PAGE * len(texts):
                return "\f".join(texts)
            return "\f".join(ocr_pages(pdf.pages, on_progress=on_progress))
    except errors.ParseError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        raise errors.InvalidPdfError() from exc
