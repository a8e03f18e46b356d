"""Files the parser refuses, each with a message in Vietnamese."""

import io
import struct
import zipfile

import pytest

from danvan.documents.parsing import ParseError, parse_bytes, parse_file, readers
from danvan.documents.parsing.errors import (
    EmptyFileError,
    FileTooLargeError,
    InvalidDocxError,
    OcrUnavailableError,
    UnsupportedFileTypeError,
    ZipBombError,
)

VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý")


def assert_vietnamese(error: ParseError):
    assert VIETNAMESE_LETTERS & set(error.message.lower()), error.message


def test_empty_file(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError) as caught:
        parse_file(path)
    assert_vietnamese(caught.value)


def test_executable_renamed_docx_is_refused_by_content():
    with pytest.raises(ParseError) as caught:
        parse_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200), "ke-hoach.docx")
    assert isinstance(caught.value, InvalidDocxError | UnsupportedFileTypeError)
    assert_vietnamese(caught.value)


def test_executable_with_no_name_is_an_unknown_type():
    with pytest.raises(UnsupportedFileTypeError) as caught:
        parse_bytes(b"MZ\x90\x00" + bytes(200))
    assert_vietnamese(caught.value)


def test_zip_that_is_not_word():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(InvalidDocxError) as caught:
        parse_bytes(buffer.getvalue(), "a.docx")
    assert_vietnamese(caught.value)


def test_corrupt_zip_docx():
    with pytest.raises(InvalidDocxError):
        parse_bytes(b"PK\x03\x04" + b"\x00" * 100, "a.docx")


def _docx_bytes(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_zip_bomb_over_the_unzipped_limit():
    data = _docx_bytes(b"<w:document>" + b" " * 2_000_000 + b"</w:document>")
    with pytest.raises(ZipBombError) as caught:
        readers.read_bytes(data, "bom.docx", max_unzipped=1_000_000)
    assert_vietnamese(caught.value)


def test_zip_bomb_by_compression_ratio():
    data = _docx_bytes(b"<w:document>" + b"A" * 5_000_000 + b"</w:document>")
    with pytest.raises(ZipBombError):
        parse_bytes(data, "bom.docx")


def test_zip_declaring_a_huge_size_in_its_central_directory():
    data = bytearray(_docx_bytes(b"<w:document/>"))
    central = data.rfind(b"PK\x01\x02")
    while central != -1:
        struct.pack_into("<I", data, central + 24, 3_000_000_000)  # uncompressed size
        central = data.rfind(b"PK\x01\x02", 0, central)
    with pytest.raises(ZipBombError):
        parse_bytes(bytes(data), "bom.docx")


def test_pdf_without_text_and_without_tesseract(monkeypatch, tmp_path):
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("L", (400, 400), color=255).save(path)
    monkeypatch.setenv("DANVAN_TESSERACT", "/nonexistent/tesseract")
    with pytest.raises(OcrUnavailableError) as caught:
        parse_file(path)
    assert "Tesseract" in caught.value.message
    assert_vietnamese(caught.value)


def test_file_over_twenty_megabytes(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"a" * (21 * 1024 * 1024))
    with pytest.raises(FileTooLargeError) as caught:
        parse_file(path)
    assert_vietnamese(caught.value)


def test_legacy_word_file_is_refused_with_advice():
    with pytest.raises(UnsupportedFileTypeError) as caught:
        parse_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "cu.doc")
    assert ".docx" in caught.value.message


def test_text_in_windows_1258_is_refused_not_guessed():
    from danvan.documents.parsing.diacritics import strip_tone
    from danvan.documents.parsing.errors import LegacyEncodingError

    # Windows-1258 writes tone marks as separate characters after the (hatted) letter.
    text = "".join("".join(strip_tone(ch)) for ch in "KẾ HOẠCH\nCông tác năm 2024\n")
    with pytest.raises(LegacyEncodingError) as caught:
        parse_bytes(text.encode("cp1258"), "a.txt")
    assert "Windows-1258" in caught.value.message


def test_text_in_utf16_is_decoded():
    assert parse_bytes("KẾ HOẠCH\nCông tác năm 2024\n".encode("utf-16"))["title"] == "Công tác năm 2024"


def test_broken_pdf():
    from danvan.documents.parsing.errors import InvalidPdfError

    with pytest.raises(InvalidPdfError) as caught:
        parse_bytes(b"%PDF-1.4 not really a pdf", "hong.pdf")
    assert_vietnamese(caught.value)
