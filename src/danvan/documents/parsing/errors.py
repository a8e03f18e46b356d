"""Errors raised while reading a document, each with a message in Vietnamese."""

from __future__ import annotations


class ParseError(Exception):
    """A document that cannot be read; `message` is shown to the official."""

    default_message = "Không đọc được tệp văn bản."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class EmptyFileError(ParseError):
    default_message = "Tệp rỗng: không có nội dung để đọc."


class FileTooLargeError(ParseError):
    default_message = "Tệp quá lớn để xử lý."


class UnsupportedFileTypeError(ParseError):
    default_message = "Loại tệp không được hỗ trợ: chỉ nhận tệp .txt, .docx hoặc .pdf."


class InvalidDocxError(ParseError):
    default_message = "Tệp Word (.docx) bị hỏng hoặc không đúng định dạng."


class ZipBombError(InvalidDocxError):
    default_message = "Tệp Word (.docx) giải nén ra quá lớn so với kích thước tệp; từ chối để bảo vệ máy chủ."


class InvalidPdfError(ParseError):
    default_message = "Tệp PDF bị hỏng hoặc không đọc được."


class OcrUnavailableError(ParseError):
    default_message = (
        "Tệp PDF không có lớp văn bản và máy chủ chưa cài Tesseract "
        "(tesseract-ocr, tesseract-ocr-vie) để nhận dạng chữ."
    )


class OcrFailedError(ParseError):
    default_message = "Nhận dạng chữ (OCR) tệp PDF không thành công."
