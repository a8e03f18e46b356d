"""The timing kinds of a task read from the plan's words, and the periods of
recurring tasks across a year boundary (plans.recurrence, no database)."""

from datetime import date

import pytest

from danvan.plans import recurrence
from danvan.plans.recurrence import Period, Timing, describe, parse_timing, period_label, periods_ahead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thường xuyên", Timing("ongoing")),
        ("Thuong xuyen", Timing("ongoing")),
        ("Thường xuyên trong năm", Timing("ongoing")),
        ("Cả năm", Timing("ongoing")),
        ("Hằng tháng", Timing("monthly")),
        ("Hàng tháng", Timing("monthly")),
        ("hang thang", Timing("monthly")),
        ("Định kỳ hằng tháng", Timing("monthly")),
        ("Định kỳ hằng quý", Timing("quarterly")),
        ("Hằng quý", Timing("quarterly")),
        ("hang quy", Timing("quarterly")),
        ("6 tháng một lần", Timing("half_yearly")),
        ("Định kỳ 6 tháng", Timing("half_yearly")),
        ("dinh ky 6 thang", Timing("half_yearly")),
        ("Nửa năm một lần", Timing("half_yearly")),
        ("Hằng năm", Timing("yearly")),
        ("hang nam", Timing("yearly")),
        ("Thường niên", Timing("yearly")),
        ("Trước ngày 20 hằng tháng", Timing("monthly_day", day=20)),
        ("truoc ngay 20 hang thang", Timing("monthly_day", day=20)),
        ("Chậm nhất ngày 25 hàng tháng", Timing("monthly_day", day=25)),
        ("Hằng tháng, trước ngày 15", Timing("monthly_day", day=15)),
        ("05 ngày làm việc sau khi ban hành Kế hoạch", Timing("after_issue", working_days=5)),
        ("10 ngay lam viec ke tu ngay ban hanh", Timing("after_issue", working_days=10)),
        ("Trong 15 ngày làm việc kể từ ngày Kế hoạch được ban hành", Timing("after_issue", working_days=15)),
        ("Trước 30/6/2026", Timing("due_date", due_date=date(2026, 6, 30))),
        ("Trước ngày 30/6", Timing("due_date", due_date=date(2026, 6, 30))),
        ("truoc ngay 15/10/2026", Timing("due_date", due_date=date(2026, 10, 15))),
        ("Trước ngày 06 tháng 3", Timing("due_date", due_date=date(2026, 3, 6))),
        ("ngày 15 tháng 10 năm 2026", Timing("due_date", due_date=date(2026, 10, 15))),
        ("Quý II năm 2028", Timing("due_date", due_date=date(2028, 6, 30))),
        ("Quý I/2027", Timing("due_date", due_date=date(2027, 3, 31))),
        ("Quý IV", Timing("due_date", due_date=date(2026, 12, 31))),
        ("Tháng 6 năm 2027", Timing("due_date", due_date=date(2027, 6, 30))),
        ("6 tháng đầu năm 2026", Timing("due_date", due_date=date(2026, 6, 30))),
        ("Trong năm 2026", Timing("due_date", due_date=date(2026, 12, 31))),
        ("Theo thời gian quy định của cấp trên", Timing("as_set_above")),
        ("Trước khi phê duyệt phương án bồi thường", Timing("ongoing")),
        ("", Timing("ongoing")),
    ],
)
def test_the_plans_words_give_the_timing_kind(text, expected):
    assert parse_timing(text, year=2026) == expected


def test_a_date_without_its_year_and_no_plan_year_is_not_a_date():
    assert parse_timing("Trước ngày 30/6", year=None) == Timing("ongoing")
    # A document's number is not a date.
    assert parse_timing("Theo Nghị định 30/2020/NĐ-CP", year=2026) == Timing("ongoing")


def test_monthly_instances_cross_from_december_to_january():
    periods = periods_ahead(recurrence.MONTHLY, date(2026, 12, 10))
    assert periods == [
        Period(date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 31)),
        Period(date(2027, 1, 1), date(2027, 1, 31), date(2027, 1, 31)),
    ]
    assert [period_label(recurrence.MONTHLY, p) for p in periods] == ["Tháng 12/2026", "Tháng 01/2027"]


def test_quarterly_instances_cross_from_the_fourth_quarter_to_the_first():
    periods = periods_ahead(recurrence.QUARTERLY, date(2026, 11, 2))
    assert periods == [
        Period(date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 31)),
        Period(date(2027, 1, 1), date(2027, 3, 31), date(2027, 3, 31)),
    ]
    assert [period_label(recurrence.QUARTERLY, p) for p in periods] == ["Quý IV/2026", "Quý I/2027"]


def test_half_yearly_instances_cross_into_the_first_half_of_next_year():
    periods = periods_ahead(recurrence.HALF_YEARLY, date(2026, 7, 1))
    assert periods == [
        Period(date(2026, 7, 1), date(2026, 12, 31), date(2026, 12, 31)),
        Period(date(2027, 1, 1), date(2027, 6, 30), date(2027, 6, 30)),
    ]
    assert [period_label(recurrence.HALF_YEARLY, p) for p in periods] == [
        "6 tháng cuối năm 2026",
        "6 tháng đầu năm 2027",
    ]


def test_yearly_instances_are_this_year_and_next():
    periods = periods_ahead(recurrence.YEARLY, date(2026, 12, 31))
    assert periods == [
        Period(date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 31)),
        Period(date(2027, 1, 1), date(2027, 12, 31), date(2027, 12, 31)),
    ]
    assert period_label(recurrence.YEARLY, periods[1]) == "Năm 2027"


def test_the_day_20_rule_is_due_on_the_20th_even_on_a_sunday():
    # 20/12/2026 is a Sunday: "trước ngày 20 hằng tháng" is due on the date as written.
    assert date(2026, 12, 20).weekday() == 6
    periods = periods_ahead(recurrence.MONTHLY_DAY, date(2026, 12, 5), day_of_month=20)
    assert [p.due_date for p in periods] == [date(2026, 12, 20), date(2027, 1, 20)]


def test_the_day_31_rule_is_the_last_day_of_a_shorter_month():
    periods = periods_ahead(recurrence.MONTHLY_DAY, date(2027, 1, 5), day_of_month=31)
    assert [p.due_date for p in periods] == [date(2027, 1, 31), date(2027, 2, 28)]


def test_the_plans_year_bounds_its_instances():
    year_2026 = (date(2026, 1, 1), date(2026, 12, 31))
    # A plan of 2026 seen in December has no January 2027.
    assert [p.start for p in periods_ahead(recurrence.MONTHLY, date(2026, 12, 10), window=year_2026)] == [
        date(2026, 12, 1)
    ]
    # A plan of 2027 seen in December 2026 has its January ready ahead.
    year_2027 = (date(2027, 1, 1), date(2027, 12, 31))
    assert [p.start for p in periods_ahead(recurrence.MONTHLY, date(2026, 12, 10), window=year_2027)] == [
        date(2027, 1, 1)
    ]
    # Seen in October 2026, a plan of 2027 gets its first quarter, not the months between.
    assert [p.start for p in periods_ahead(recurrence.QUARTERLY, date(2026, 10, 1), window=year_2027)] == [
        date(2027, 1, 1)
    ]


@pytest.mark.parametrize(
    ("timing", "words"),
    [
        (Timing("ongoing"), "Thường xuyên"),
        (Timing("monthly"), "Hằng tháng"),
        (Timing("monthly_day", day=20), "Trước ngày 20 hằng tháng"),
        (Timing("quarterly"), "Hằng quý"),
        (Timing("half_yearly"), "6 tháng một lần"),
        (Timing("yearly"), "Hằng năm"),
        (Timing("after_issue", working_days=5), "5 ngày làm việc sau khi ban hành kế hoạch"),
        (Timing("due_date", due_date=date(2026, 6, 30)), "Trước ngày 30/06/2026"),
        (Timing("due_date"), "Theo hạn được giao"),
        (Timing("as_set_above"), "Theo thời gian cấp trên quy định"),
    ],
)
def test_each_kind_is_said_in_vietnamese(timing, words):
    assert describe(timing) == words
