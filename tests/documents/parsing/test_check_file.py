"""The checks that cost little, run before an uploaded file is stored."""

import pytest

from danvan.documents.parsing import parse_bytes
from danvan.documents.parsing.errors import (
    EncryptedPdfError,
    InvalidDocxError,
    UnsupportedFileTypeError,
    ZipBombError,
)
from danvan.documents.parsing.readers import check_file
from tests import hostile_files


def test_a_password_protected_pdf_has_its_own_message():
    with pytest.raises(EncryptedPdfError) as caught:
        check_file(hostile_files.encrypted_pdf(), "ke-hoach.pdf")
    assert caught.value.message == "Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu."
    with pytest.raises(EncryptedPdfError):
        parse_bytes(hostile_files.encrypted_pdf(), "ke-hoach.pdf")


def test_a_program_renamed_docx_is_refused():
    with pytest.raises(InvalidDocxError):
        check_file(hostile_files.ELF, "ke-hoach.docx")
    with pytest.raises(UnsupportedFileTypeError):
        check_file(hostile_files.ELF, "ke-hoach.txt")


def test_a_zip_bomb_is_refused_by_its_directory():
    with pytest.raises(ZipBombError):
        check_file(hostile_files.zip_bomb(), "ke-hoach.docx")


def test_an_archive_of_countless_entries_is_refused():
    with pytest.raises(ZipBombError) as caught:
        check_file(hostile_files.many_entries(), "ke-hoach.docx")
    assert "quá nhiều phần" in caught.value.message


def test_good_files_pass_with_their_kind():
    assert check_file(hostile_files.text_pdf(), "a.pdf") == "pdf"
    assert check_file("Kế hoạch".encode(), "a.txt") == "txt"
