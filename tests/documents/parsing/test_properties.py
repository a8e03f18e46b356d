"""Properties of parse_text on arbitrary input."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.documents.parsing import parse_text

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạếềểễệốồổỗộ"
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
PIECES = st.sampled_from(
    [
        "KẾ HOẠCH",
        "BÁO CÁO",
        "Số:",
        "/KH-",
        "ngày",
        "tháng",
        "năm",
        "Nơi nhận:",
        "KT.",
        "II.",
        "1.",
        "- ",
        "+ ",
        "Quyết định số",
        "Luật",
        "của",
        "và",
        "trước ngày",
        "%",
        "Thời gian thực hiện:",
        "Đơn vị thực hiện:",
        "chủ trì",
        "\n",
        "\f",
        "|",
        "./.",
    ]
)
TEXT = st.lists(
    st.one_of(
        PIECES,
        st.text(alphabet=VIETNAMESE + MARKS + "0123456789/-.,;: \n", max_size=30),
        st.text(max_size=10),
    ),
    max_size=40,
).map("".join)

STRING_FIELDS = ("kind", "title", "issuer", "province", "number", "symbol", "place", "date")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_parse_text_never_raises_and_keeps_the_shape(text):
    plan = parse_text(text)
    assert plan["format"] == "danvan.plan/1"
    assert plan["kind"] in ("ke_hoach", "bao_cao", "other")
    for field in STRING_FIELDS:
        assert plan[field] is None or isinstance(plan[field], str)
    assert set(plan["period"]) == {"year", "quarter", "half"}
    assert all(
        isinstance(plan[key], list) for key in ("citations", "tasks", "targets", "deadlines", "recipients")
    )
    assert set(plan["signer"]) == {"authority", "title", "name"}
    assert all(set(c) == {"type", "number", "name", "date", "issuer"} for c in plan["citations"])
    assert all(set(t) == {"heading", "lead", "timing"} for t in plan["tasks"])
    assert all(set(d) == {"date", "action", "units", "recipient"} for d in plan["deadlines"])


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_every_string_is_nfc(text):
    for value in strings(parse_text(text)):
        assert unicodedata.is_normalized("NFC", value)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_unicode_text_is_accepted(text):
    assert parse_text(text)["format"] == "danvan.plan/1"


PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"MZ"]
)


@settings(max_examples=150, deadline=None)
@given(PREFIXES, st.binary(max_size=2000))
def test_parse_bytes_returns_a_plan_or_raises_parse_error(prefix, data):
    from danvan.documents.parsing import ParseError, parse_bytes

    try:
        plan = parse_bytes(prefix + data, "tep")
    except ParseError as error:
        assert error.message
    else:
        assert plan["format"] == "danvan.plan/1"
