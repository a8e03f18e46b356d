from datetime import date
from types import SimpleNamespace

from danvan.core.models import Agency
from danvan.documents.output.context import (
    agency_lines,
    date_phrase,
    document_number,
    place_date_line,
    recipient_lines,
)


def test_day_below_ten_and_march_are_written_as_the_decree_shows():
    assert place_date_line("Tây Ninh", date(2026, 3, 5)) == "Tây Ninh, ngày 05 tháng 3 năm 2026"


def test_january_and_february_take_a_leading_zero():
    # Phụ lục I, II.4: "ngày 05 tháng 01 năm 2020", so "tháng 1" is never read as "tháng 10-12".
    assert date_phrase(date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert date_phrase(date(2026, 2, 14)) == "ngày 14 tháng 02 năm 2026"


def test_later_months_and_two_digit_days_are_not_padded():
    assert date_phrase(date(2019, 6, 29)) == "ngày 29 tháng 6 năm 2019"
    assert date_phrase(date(2026, 12, 31)) == "ngày 31 tháng 12 năm 2026"


def test_a_draft_without_date_keeps_blanks_and_the_year():
    assert date_phrase(None, year=2026).replace("\u00a0", " ").split() == ["ngày", "tháng", "năm", "2026"]


def test_document_number_below_ten_takes_a_leading_zero():
    assert (document_number("5"), document_number("12"), document_number("")) == ("05", "12", "\u00a0" * 6)


def test_recipients_end_with_the_archive_line():
    lines = recipient_lines(["Sở Nội vụ", "- Lưu: VT", "UBND tỉnh;"], "VP")
    assert lines == ["- Sở Nội vụ;", "- UBND tỉnh;", "- Lưu: VT."]


def test_recipients_without_archive_line_get_one_with_the_office():
    assert recipient_lines(["Sở Nội vụ"], "VP") == ["- Sở Nội vụ;", "- Lưu: VT, VP."]


def test_a_peoples_committee_prints_its_own_name_without_a_governing_body():
    committee = SimpleNamespace(
        kind=Agency.Kind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân xã Hòa Thành",
        province=SimpleNamespace(name="Tây Ninh"),
    )
    assert agency_lines(committee) == ("", "ỦY BAN NHÂN DÂN XÃ HÒA THÀNH")


def test_a_department_sits_under_the_provincial_committee():
    department = SimpleNamespace(
        kind=Agency.Kind.DEPARTMENT, name="Sở Nội vụ", province=SimpleNamespace(name="Tây Ninh")
    )
    assert agency_lines(department) == ("UBND TỈNH TÂY NINH", "SỞ NỘI VỤ")
