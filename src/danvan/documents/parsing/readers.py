"""Reading a file's bytes into text: type by content, limits against hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from . import errors
from .encodings import legacy_encoding, mojibake_encoding

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# A Word file has tens of parts; thousands are a way to make the reader work.
MAX_ZIP_ENTRIES = 5000
# Below this size a member's compression ratio is not worth refusing (tiny, repetitive XML parts).
_RATIO_FLOOR_BYTES = 1024 * 1024

ProgressCallback = Callable[[int, int], None]

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, old Excel
_BINARY_MAGICS = (
    b"MZ",
    b"\x7fELF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)


def detect_type(data: bytes, filename: str = "") -> str:
    """ "pdf", "docx" or "txt", judged by content; raises ParseError for anything else."""
    if not data:
        raise errors.EmptyFileError()
    if data.startswith(_PDF_MAGIC) or data[:1024].lstrip().startswith(_PDF_MAGIC):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        raise errors.UnsupportedFileTypeError(
            "Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx."
        )
    if filename.lower().endswith(".docx"):
        raise errors.InvalidDocxError(
            "Tệp có đuôi .docx nhưng không phải tệp Word hợp lệ (không phải tệp nén ZIP)."
        )
    if data.startswith(_BINARY_MAGICS) or _looks_binary(data):
        raise errors.UnsupportedFileTypeError()
    return "txt"


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls > len(sample) // 20


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM. Text in a legacy
    Vietnamese encoding (TCVN3, VNI, Windows-1258), or typed in one and
    saved as Unicode without converting, is refused: it would read as mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise errors.LegacyEncodingError(legacy_encoding(data)) from None
    typed_in = mojibake_encoding(text)
    if typed_in:
        raise errors.LegacyEncodingError(typed_in, saved_as_unicode=True)
    return text


def check_zip(
    data: bytes,
    *,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_ratio: int = MAX_COMPRESSION_RATIO,
) -> zipfile.ZipFile:
    """The open archive of a .docx after checks against broken files and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise errors.InvalidDocxError() from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise errors.ZipBombError(
            f"Tệp nén có quá nhiều phần ({len(infos)}; tối đa {MAX_ZIP_ENTRIES}); từ chối để bảo vệ máy chủ."
        )
    total = sum(info.file_size for info in infos)
    if total > max_unzipped:
        raise errors.ZipBombError()
    if total > _RATIO_FLOOR_BYTES and total / max(sum(i.compress_size for i in infos), 1) > max_ratio:
        raise errors.ZipBombError()
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR_BYTES and ratio > max_ratio:
            raise errors.ZipBombError()
    if "word/document.xml" not in archive.namelist():
        raise errors.InvalidDocxError("Tệp nén không phải văn bản Word (.docx): thiếu word/document.xml.")
    return archive


def check_size(size: int, max_bytes: int = MAX_FILE_BYTES) -> None:
    if size > max_bytes:
        raise errors.FileTooLargeError(
            f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB); giới hạn là {max_bytes // 1024 // 1024} MB."
        )


def check_file(
    data: bytes,
    filename: str = "",
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
) -> str:
    """The file's kind ("txt", "docx" or "pdf") after the checks that cost
    little: size, type by content, a Word file's ZIP directory (entries,
    unzipped size, compression ratio), a PDF that opens without a password,
    a text's encoding. Raises ParseError with the reason; a file that
    passes may still hold nothing to read."""
    check_size(len(data), max_bytes)
    kind = detect_type(data, filename)
    if kind == "docx":
        check_zip(data, max_unzipped=max_unzipped).close()
    elif kind == "pdf":
        from .pdf_reader import check_pdf

        check_pdf(data)
    else:
        decode_text(data)
    return kind


def read_bytes(
    data: bytes,
    filename: str = "",
    *,
    on_progress: ProgressCallback | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
) -> str:
    """The text of a .txt, .docx or .pdf file given as bytes."""
    check_size(len(data), max_bytes)
    kind = detect_type(data, filename)
    if kind == "txt":
        text = decode_text(data)
    elif kind == "docx":
        from .docx_reader import read_docx

        check_zip(data, max_unzipped=max_unzipped)
        text = read_docx(data)
    else:
        from .pdf_reader import read_pdf

        text = read_pdf(data, on_progress=on_progress)
    if not text.strip():
        raise errors.EmptyFileError("Tệp không có chữ nào để đọc.")
    return text
