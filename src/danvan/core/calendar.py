"""The working-day calendar that legal time limits are counted on.

State agencies work Monday to Friday (QĐ 188/1999/QĐ-TTg). The public
holidays of Bộ luật Lao động 2019 Điều 112, lunar Tết and Giỗ Tổ Hùng Vương
included, come from the ``holidays`` package. The government's yearly swaps
(a Friday off made up on a Saturday) are ``CalendarDay`` rows that an
administrator enters; a row always wins over the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays as holiday_tables

from danvan.core.models import CalendarDay

# A limit longer than this many years is a typing error, not a legal limit.
_MAX_SPAN_DAYS = 366 * 20


@dataclass
class WorkingCalendar:
    """Working days from the statutory holidays plus the administrator's rows."""

    overrides: dict[date, str] = field(default_factory=dict)
    _holidays: holiday_tables.HolidayBase = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._holidays = holiday_tables.country_holidays("VN", language="vi")

    @classmethod
    def load(cls) -> WorkingCalendar:
        return cls(overrides=dict(CalendarDay.objects.values_list("date", "kind")))

    def holiday_name(self, day: date) -> str | None:
        if self.overrides.get(day) == CalendarDay.Kind.DAY_OFF:
            return str(CalendarDay.Kind.DAY_OFF.label)
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == CalendarDay.Kind.WORKING_DAY
        return day.weekday() < 5 and day not in self._holidays

    def next_working_day(self, day: date) -> date:
        """The first working day on or after ``day``."""
        for _ in range(_MAX_SPAN_DAYS):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError("Không tìm thấy ngày làm việc trong khoảng thời gian hợp lý.")

    def add_working_days(self, start: date, count: int) -> date:
        """The day on which a limit of ``count`` working days ends.

        Counting starts the day after ``start`` (Bộ luật Dân sự 2015 Điều 147 k2):
        a petition received on Friday with a limit of 1 working day is due Monday.
        """
        _check_count(count)
        day, counted = start, 0
        while counted < count:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def add_days(self, start: date, count: int) -> date:
        """The day on which a limit of ``count`` calendar days ends.

        Day 1 is the day after ``start`` (BLDS Điều 147 k2); when the last day is
        a weekend or holiday the limit ends on the next working day (Điều 148 k5).
        """
        _check_count(count)
        return self.next_working_day(start + timedelta(days=count))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative
        when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        if (end - start).days > _MAX_SPAN_DAYS:
            raise ValueError("Khoảng thời gian quá dài.")
        return sum(
            1 for offset in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(offset))
        )

    def days_off_in_year(self, year: int) -> list[tuple[date, str]]:
        """Every weekday off and every make-up working day of ``year``, for display."""
        days = []
        day = date(year, 1, 1)
        while day.year == year:
            name = self.holiday_name(day)
            if self.overrides.get(day) == CalendarDay.Kind.WORKING_DAY:
                days.append((day, str(CalendarDay.Kind.WORKING_DAY.label)))
            elif name:
                days.append((day, name))
            day += timedelta(days=1)
        return days


def _check_count(count: int) -> None:
    if count < 0 or count > _MAX_SPAN_DAYS:
        raise ValueError("Số ngày phải từ 0 đến 7.320.")


def add_working_days(start: date, count: int) -> date:
    return WorkingCalendar.load().add_working_days(start, count)


def add_days(start: date, count: int) -> date:
    return WorkingCalendar.load().add_days(start, count)


def working_days_between(start: date, end: date) -> int:
    return WorkingCalendar.load().working_days_between(start, end)
