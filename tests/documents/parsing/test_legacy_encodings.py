"""Text typed in the legacy Vietnamese encodings is refused with the name of
the encoding and how to convert it; it is never read as mojibake."""

import pytest

from danvan.documents.parsing import parse_bytes
from danvan.documents.parsing.encodings import legacy_encoding, mojibake_encoding, vietnamese_share
from danvan.documents.parsing.errors import LegacyEncodingError
from tests import hostile_files

UNICODE = "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nKế hoạch tuyên truyền năm 2026\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (hostile_files.TCVN3, "TCVN3 (ABC)"),
        (hostile_files.VNI, "VNI"),
        (hostile_files.WINDOWS_1258, "Windows-1258"),
    ],
)
def test_a_legacy_encoding_is_named_and_the_way_to_convert_it_given(data, encoding):
    assert legacy_encoding(data) == encoding
    with pytest.raises(LegacyEncodingError) as caught:
        parse_bytes(data, "ke-hoach.txt")
    message = caught.value.message
    assert encoding in message and "Unikey" in message and "Công cụ chuyển mã" in message
    assert "Unicode" in message


def test_tcvn3_text_saved_as_unicode_is_refused_as_mojibake():
    text = hostile_files.TCVN3_SAVED_AS_UTF8.decode()
    assert "KÕ ho¹ch" in text
    assert mojibake_encoding(text) == "TCVN3 (ABC)"
    with pytest.raises(LegacyEncodingError) as caught:
        parse_bytes(hostile_files.TCVN3_SAVED_AS_UTF8, "ke-hoach.txt")
    assert "TCVN3 (ABC)" in caught.value.message and "hiện sai dấu" in caught.value.message


def test_vni_text_saved_as_unicode_is_refused_as_mojibake():
    assert mojibake_encoding(hostile_files.VNI.decode("cp1252")) == "VNI"


def test_bytes_that_read_as_no_vietnamese_are_refused_without_a_name():
    data = bytes(range(0xA0, 0x100)) * 3
    assert legacy_encoding(data) is None
    with pytest.raises(LegacyEncodingError) as caught:
        parse_bytes(data, "ke-hoach.txt")
    assert "UTF-8" in caught.value.message


def test_unicode_vietnamese_is_read_as_it_is():
    assert vietnamese_share(UNICODE) == 1.0
    assert mojibake_encoding(UNICODE) is None
    assert parse_bytes(UNICODE.encode(), "ke-hoach.txt")["format"] == "danvan.plan/1"


def test_unicode_with_a_few_foreign_words_is_not_taken_for_mojibake():
    text = UNICODE + "Hội thảo tại Café Sài Gòn với ông Müller, © 2026.\n"
    assert mojibake_encoding(text) is None
