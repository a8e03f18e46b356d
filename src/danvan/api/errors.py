"""The API's errors in the person's language (Vietnamese by default), like the
pages: REST framework's own messages are English, and Django's 404 names the
model ("No Report matches the given query.")."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rest_framework import exceptions
from rest_framework.exceptions import ErrorDetail
from rest_framework.views import exception_handler as rest_exception_handler

from danvan.core.throttle import wait_in_words

# REST framework's field messages (their English text, as its fields write
# them) and what the API says instead. Placeholders keep their names.
FIELD_MESSAGES = {
    "This field is required.": gettext_noop("Trường này là bắt buộc."),
    "This field may not be null.": gettext_noop("Trường này không được để trống (null)."),
    "This field may not be blank.": gettext_noop("Trường này không được bỏ trống."),
    "Not a valid string.": gettext_noop("Giá trị phải là một chuỗi ký tự."),
    "Must be a valid boolean.": gettext_noop("Giá trị phải là đúng hoặc sai (true/false)."),
    "A valid integer is required.": gettext_noop("Giá trị phải là một số nguyên."),
    "A valid number is required.": gettext_noop("Giá trị phải là một số."),
    "Enter a valid email address.": gettext_noop("Địa chỉ thư điện tử không hợp lệ."),
    "Enter a valid URL.": gettext_noop("Địa chỉ URL không hợp lệ."),
    "Ensure this field has no more than {max_length} characters.": gettext_noop(
        "Không được dài quá {max_length} ký tự."
    ),
    "Ensure this field has at least {min_length} characters.": gettext_noop(
        "Cần ít nhất {min_length} ký tự."
    ),
    "Ensure this value is less than or equal to {max_value}.": gettext_noop(
        "Giá trị phải nhỏ hơn hoặc bằng {max_value}."
    ),
    "Ensure this value is greater than or equal to {min_value}.": gettext_noop(
        "Giá trị phải lớn hơn hoặc bằng {min_value}."
    ),
    "Date has wrong format. Use one of these formats instead: {format}.": gettext_noop(
        "Ngày sai định dạng. Dùng một trong các định dạng: {format}."
    ),
    "Datetime has wrong format. Use one of these formats instead: {format}.": gettext_noop(
        "Thời điểm sai định dạng. Dùng một trong các định dạng: {format}."
    ),
    '"{input}" is not a valid choice.': gettext_noop("«{input}» không phải là một lựa chọn hợp lệ."),
    'Expected a list of items but got type "{input_type}".': gettext_noop(
        "Cần một danh sách, nhận được kiểu «{input_type}»."
    ),
    "This list may not be empty.": gettext_noop("Danh sách này không được rỗng."),
    "No file was submitted.": gettext_noop("Chưa gửi tệp nào."),
    "The submitted data was not a file. Check the encoding type on the form.": gettext_noop(
        "Dữ liệu gửi lên không phải là tệp. Hãy gửi dưới dạng multipart/form-data."
    ),
    "The submitted file is empty.": gettext_noop("Tệp gửi lên rỗng."),
    "Value must be valid JSON.": gettext_noop("Giá trị phải là JSON hợp lệ."),
    'Invalid pk "{pk_value}" - object does not exist.': gettext_noop(
        "Không có đối tượng mang mã «{pk_value}»."
    ),
    "Incorrect type. Expected pk value, received {data_type}.": gettext_noop(
        "Sai kiểu: cần mã số của đối tượng, nhận được {data_type}."
    ),
    "Invalid data. Expected a dictionary, but got {datatype}.": gettext_noop(
        "Dữ liệu không hợp lệ: cần một đối tượng JSON, nhận được {datatype}."
    ),
}


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)" for index, part in enumerate(parts)
    )
    return re.compile(regex)


_FIELD_PATTERNS = [(_pattern(english), ours) for english, ours in FIELD_MESSAGES.items()]


def field_message(message: str) -> str:
    """The API's wording of one REST framework field message; any other
    message (the project's own) is returned as it is."""
    for pattern, ours in _FIELD_PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            return _(ours).format(**match.groupdict())
    return message


def _translate_errors(data):
    if isinstance(data, dict):
        return {key: _translate_errors(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_translate_errors(item) for item in data]
    if isinstance(data, ErrorDetail):
        return ErrorDetail(field_message(str(data)), code=data.code)
    return data


def _detail(exc: exceptions.APIException, request) -> str | None:
    """The API's own message for one of REST framework's refusals, or None to
    keep a message the project wrote."""
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Phương thức %(method)s không dùng được ở địa chỉ này.") % {"method": request.method}
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _("Kiểu dữ liệu «%(media_type)s» không được nhận.") % {"media_type": request.content_type}
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return _("Quá nhiều yêu cầu. Vui lòng thử lại sau.")
        return _("Quá nhiều yêu cầu. Vui lòng thử lại sau %(wait)s.") % {"wait": wait_in_words(exc.wait)}
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        return _("Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): hãy tải lại trang rồi thử lại.")
    if str(exc.detail) != str(type(exc).default_detail):
        return None
    messages = {
        exceptions.NotAuthenticated: _("Chưa đăng nhập: hãy đăng nhập hoặc gửi kèm thông tin xác thực."),
        exceptions.AuthenticationFailed: _("Thông tin xác thực không đúng."),
        exceptions.PermissionDenied: _("Bạn không có quyền thực hiện thao tác này."),
        exceptions.NotFound: _("Không tìm thấy."),
        exceptions.NotAcceptable: _("Không trả được dữ liệu theo định dạng mà tiêu đề Accept yêu cầu."),
        exceptions.ParseError: _("Dữ liệu gửi lên sai cú pháp, không đọc được."),
        exceptions.APIException: _("Máy chủ gặp lỗi khi xử lý yêu cầu."),
    }
    return messages.get(type(exc))


# The stable machine code of each refusal, beside its message ("detail"):
# callers branch on "ma", people read "detail".
CODES = {
    exceptions.NotAuthenticated: "chua_xac_thuc",
    exceptions.AuthenticationFailed: "ma_truy_cap_khong_hop_le",
    exceptions.PermissionDenied: "khong_co_quyen",
    exceptions.NotFound: "khong_tim_thay",
    exceptions.MethodNotAllowed: "phuong_thuc_khong_dung",
    exceptions.NotAcceptable: "dinh_dang_khong_tra_duoc",
    exceptions.UnsupportedMediaType: "kieu_du_lieu_khong_nhan",
    exceptions.ParseError: "sai_cu_phap",
    exceptions.Throttled: "qua_nhieu_yeu_cau",
    exceptions.ValidationError: "du_lieu_khong_hop_le",
}
# Codes a refusal of the project may name instead of its class's (missing scope, a
# service's refusal, a page the list does not have).
OWN_CODES = frozenset({"thieu_pham_vi", "bi_tu_choi", "trang_khong_co"})


def error_code(exc: exceptions.APIException) -> str:
    code = exc.get_codes()
    if isinstance(code, str) and code in OWN_CODES:
        return code
    for kind in type(exc).__mro__:
        if kind in CODES:
            return CODES[kind]
    return "loi_may_chu"


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        # Never the model's name: what is out of reach is simply not found.
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*([str(exc)] if str(exc) else []))
    response = rest_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        data = _translate_errors(response.data)
        if not isinstance(data, dict):
            data = {"detail": data}
        response.data = {**data, "ma": error_code(exc)}
        return response
    detail = _detail(exc, context["request"])
    if detail is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data["detail"] = ErrorDetail(detail, code=exc.get_codes())
    if isinstance(response.data, dict):
        response.data["ma"] = error_code(exc)
    return response
