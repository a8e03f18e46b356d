"""Complete the Vietnamese catalogue after ``makemessages``.

The interface is written in Vietnamese, so a Vietnamese entry translates to
itself; the exceptions are Django's own English messages that its Vietnamese
catalogue gets wrong (core/django_messages.py), translated here.
Run by ``make messages``.
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "danvan" / "locale"

DJANGO_OVERRIDES = {
    "Enter a whole number.": "Vui lòng nhập số nguyên.",
    "Enter a number.": "Vui lòng nhập một số.",
    "Enter a valid date.": "Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.",
    "Enter a valid time.": "Giờ không hợp lệ; hãy nhập theo dạng giờ:phút, ví dụ 14:30.",
    "Enter a valid date/time.": "Ngày giờ không hợp lệ; hãy nhập theo dạng ngày/tháng/năm giờ:phút.",
    "Enter a valid email address.": "Địa chỉ email không hợp lệ.",
    "Ensure this value is less than or equal to %(limit_value)s.": "Giá trị phải nhỏ hơn hoặc bằng %(limit_value)s.",
    "Ensure this value is greater than or equal to %(limit_value)s.": "Giá trị phải lớn hơn hoặc bằng %(limit_value)s.",
    "Select a valid choice. %(value)s is not one of the available choices.": "Lựa chọn «%(value)s» không có trong danh sách.",
    "The submitted file is empty.": "Tệp tải lên trống.",
    "No file was submitted. Check the encoding type on the form.": "Chưa có tệp nào được gửi lên.",
    "Select a valid choice. That choice is not one of the available choices.": "Lựa chọn không có trong danh sách.",
    "Null characters are not allowed.": "Nội dung có ký tự rỗng (NUL) không lưu được; hãy xóa ký tự ấy rồi gửi lại.",
}


def complete_vietnamese() -> int:
    catalogue = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    for entry in catalogue:
        if entry.msgid in DJANGO_OVERRIDES:
            entry.msgstr = DJANGO_OVERRIDES[entry.msgid]
        elif entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid}
        else:
            # A fuzzy match would carry a neighbour's text (and placeholders).
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
    catalogue.metadata_is_fuzzy = False
    catalogue.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    catalogue.metadata["Language"] = "vi"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalogue.save()
    return len(catalogue)


if __name__ == "__main__":
    print(f"vi: {complete_vietnamese()} mục")
    sys.exit(0)
