"""Text of a .pdf: the text layer page by page, or OCR when the file is a scan.

The text layer is read with pypdfium2, the PDFium binding that pdfplumber
itself is built on: it reads a page about a hundred times faster than
pdfplumber's layout analysis, and keeps the cells of a header table apart.
PDFium gives the characters of a line in the order they were drawn: where a
font lacks a letter and the printer borrows it from a fallback font (LibreOffice
setting Vietnamese in Liberation Serif 1.x), the borrowed letters come at the end
of the line ("T NH ... Ỉ"); such a line is put back in the order of the page.
Scans are rendered by pdfplumber and read by Tesseract (see ocr.py).
"""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2

from . import errors
from .ocr import ocr_pages

# Fewer characters per page than this means the page is an image, not text.
_MIN_CHARS_PER_PAGE = 20
# A character starting this far (in points) left of the end of the one before it is out of order.
_BACKWARDS = 1.0
# Characters whose baselines differ by less than this share of the line's height stand on one row.
_SAME_ROW = 0.6
# A gap between two characters wider than this share of the line's height is a space.
_SPACE_GAP = 0.15


def text_layer(data: bytes) -> list[str]:
    """The text of each page, with Unix line ends."""
    document = _open(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(_page_text(textpage))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _page_text(textpage: pypdfium2.PdfTextPage) -> str:
    """The page's text, each line in the order its characters stand on the page."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the Basic Multilingual Plane: keep PDFium's text
        return text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    start = 0
    for index in [i for i, ch in enumerate(text) if ch == "\n"] + [count]:
        end = index - 1 if index > start and text[index - 1] == "\r" else index
        lines.append(_line_in_page_order(textpage, text, start, end))
        start = index + 1
    return "\n".join(lines)


def _line_in_page_order(textpage: pypdfium2.PdfTextPage, text: str, start: int, end: int) -> str:
    """text[start:end] as PDFium gives it, or rebuilt left to right when some letters were drawn late."""
    boxes = [
        (text[i], textpage.get_charbox(i, loose=True)) for i in range(start, end) if not text[i].isspace()
    ]
    in_order = all(
        box[0] >= before[2] - _BACKWARDS for (_, before), (_, box) in zip(boxes, boxes[1:], strict=False)
    )
    if in_order:
        return text[start:end]
    height = max(box[3] - box[1] for _, box in boxes)
    # Characters standing on different baselines are different lines of the page, top first.
    rows: list[list[tuple[str, tuple[float, float, float, float]]]] = []
    for item in sorted(boxes, key=lambda item: -item[1][1]):
        if rows and rows[-1][0][1][1] - item[1][1] <= _SAME_ROW * height:
            rows[-1].append(item)
        else:
            rows.append([item])
    return "\n".join(_row_text(row, height) for row in rows)


def _row_text(row: list[tuple[str, tuple[float, float, float, float]]], height: float) -> str:
    row = sorted(row, key=lambda item: item[1][0])
    out = row[0][0]
    for (_, before), (ch, box) in zip(row, row[1:], strict=False):
        out += (" " if box[0] - before[2] > _SPACE_GAP * height else "") + ch
    return out


def _open(data: bytes) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise errors.EncryptedPdfError() from exc
        raise errors.InvalidPdfError() from exc
    except Exception as exc:  # files broken in unusual ways
        raise errors.InvalidPdfError() from exc


def check_pdf(data: bytes) -> None:
    """The PDF opens without a password and has pages (reads only its directory)."""
    document = _open(data)
    try:
        if len(document) == 0:
            raise errors.InvalidPdfError("Tệp PDF không có trang nào.")
    finally:
        document.close()


def read_pdf(data: bytes, *, on_progress=None) -> str:
    """Pages separated by form feeds (so running headers can be told from text).

    Pages without a text layer are read by OCR. When OCR is not installed, a
    file that is mostly text is returned as it is; a scan raises OcrUnavailableError.
    """
    try:
        texts = text_layer(data)
    except errors.ParseError:
        raise
    except Exception as exc:  # PdfiumError, and others on files broken in unusual ways
        raise errors.InvalidPdfError() from exc
    if not texts:
        raise errors.InvalidPdfError("Tệp PDF không có trang nào.")
    scanned = [i for i, text in enumerate(texts) if len(text.strip()) < _MIN_CHARS_PER_PAGE]
    if not scanned:
        return "\f".join(texts)
    try:
        ocr_texts = _ocr(data, scanned, on_progress)
    except errors.OcrUnavailableError:
        if sum(len(t.strip()) for t in texts) >= _MIN_CHARS_PER_PAGE * len(texts):
            return "\f".join(texts)
        raise
    for i, text in zip(scanned, ocr_texts, strict=True):
        texts[i] = text
    return "\f".join(texts)


def _ocr(data: bytes, page_numbers: list[int], on_progress) -> list[str]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return ocr_pages([pdf.pages[i] for i in page_numbers], on_progress=on_progress)
    except errors.ParseError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        raise errors.InvalidPdfError() from exc
