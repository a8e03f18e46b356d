from datetime import date

import pytest

from danvan.core import calendar
from danvan.core.calendar import WorkingCalendar
from danvan.core.models import CalendarDay
from tests.factories import CalendarDayFactory


@pytest.fixture
def cal(db):
    return WorkingCalendar.load()


@pytest.mark.parametrize(
    "tet_day",
    [
        date(2025, 1, 28),
        date(2025, 1, 29),
        date(2025, 1, 31),
        date(2026, 2, 16),
        date(2026, 2, 20),
        date(2027, 2, 8),
    ],
)
def test_lunar_new_year_weekdays_are_not_working_days(cal, tet_day):
    assert not cal.is_working_day(tet_day)


def test_limit_spanning_tet_2026_skips_the_holiday_week(cal):
    # Friday 13/02/2026 + 1 working day: 16–20/02 are Tết, so Monday 23/02.
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_limit_spanning_tet_2025(cal):
    # Received Friday 24/01/2025; 27/01–31/01 are Tết; 5 working days end Friday 07/02.
    assert cal.add_working_days(date(2025, 1, 24), 5) == date(2025, 2, 7)


def test_limit_spanning_tet_2027(cal):
    # 04/02–10/02/2027 are Tết (Thursday to Wednesday): Wednesday 03/02 + 1 is Thursday 11/02.
    assert cal.add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 11)


def test_hung_kings_day_is_a_holiday(cal):
    assert cal.holiday_name(date(2025, 4, 7)) == "Ngày Giỗ Tổ Hùng Vương"
    assert not cal.is_working_day(date(2025, 4, 7))


def test_make_up_saturday_counts_as_a_working_day(db):
    CalendarDayFactory(date=date(2025, 4, 26), kind=CalendarDay.Kind.WORKING_DAY)
    # Friday 25/04 + 1 working day: Saturday 26/04 is worked in exchange for 02/05.
    assert WorkingCalendar.load().add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)


def test_without_the_swap_row_saturday_is_a_rest_day(cal):
    assert cal.add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 28)


def test_announced_day_off_is_not_a_working_day(db):
    CalendarDayFactory(date=date(2026, 3, 10), kind=CalendarDay.Kind.DAY_OFF)
    assert not WorkingCalendar.load().is_working_day(date(2026, 3, 10))


def test_counting_starts_the_day_after_the_event(cal):
    # Monday + 1 working day is Tuesday (BLDS Điều 147 k2).
    assert cal.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)


def test_calendar_day_limit_ending_on_sunday_moves_to_monday(cal):
    # 30 days after Thursday 01/10/2026 is Saturday 31/10; the limit ends Monday 02/11.
    assert cal.add_days(date(2026, 10, 1), 30) == date(2026, 11, 2)


def test_working_days_between_excludes_weekends_and_holidays(cal):
    # 27/04/2026 (observed Giỗ Tổ), 30/04 and 01/05 are off: only 28/04 and 29/04 count.
    assert cal.working_days_between(date(2026, 4, 24), date(2026, 5, 3)) == 2


def test_working_days_between_is_negative_backwards(cal):
    assert cal.working_days_between(date(2026, 3, 6), date(2026, 3, 2)) == -4


def test_module_functions_read_the_administrators_rows(db):
    CalendarDayFactory(date=date(2026, 8, 22), kind=CalendarDay.Kind.WORKING_DAY)
    assert calendar.add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)
    assert calendar.working_days_between(date(2026, 8, 21), date(2026, 8, 24)) == 2


def test_negative_count_is_refused(cal):
    with pytest.raises(ValueError, match="Số ngày"):
        cal.add_working_days(date(2026, 1, 5), -1)
