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


class EncryptedPdfError(ParseError):
    default_message = "Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu."


class LegacyEncodingError(ParseError):
    """Text typed in a legacy Vietnamese encoding, which would read as mojibake."""

    default_message = (
        "Tệp văn bản không dùng bảng mã Unicode (UTF-8): hãy mở bằng Word hoặc Notepad "
        "và lưu lại với bảng mã UTF-8 rồi tải lên lại."
    )

    def __init__(self, encoding: str | None = None, *, saved_as_unicode: bool = False) -> None:
        self.encoding = encoding
        if encoding is None:
            super().__init__()
            return
        how = (
            f"Tệp được lưu dạng Unicode nhưng chữ vẫn là chữ gõ bằng bảng mã cũ {encoding} nên hiện sai dấu"
            if saved_as_unicode
            else f"Tệp văn bản dùng bảng mã cũ {encoding}, không phải Unicode"
        )
        super().__init__(
            f"{how}. Hãy chuyển sang Unicode rồi tải lên lại: trong Unikey mở «Công cụ chuyển mã» "
            f"(Ctrl+Shift+F6), chọn nguồn {encoding}, đích Unicode, chuyển mã rồi lưu tệp với bảng mã UTF-8."
        )


class OcrUnavailableError(ParseError):
    default_message = (
        "Tệp PDF không có lớp văn bản và máy chủ chưa cài Tesseract "
        "(tesseract-ocr, tesseract-ocr-vie) để nhận dạng chữ."
    )


class OcrFailedError(ParseError):
    default_message = "Nhận dạng chữ (OCR) tệp PDF không thành công."
