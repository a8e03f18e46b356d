from datetime import date

import pytest

from danvan.core.models import CalendarDay
from tests.factories import CalendarDayFactory


@pytest.fixture
def calendar_2026(db):
    """Tết 2026 (16–20/02, from the statutory table), one extra day off
    after it (Monday 23/02) and a make-up Saturday (28/02)."""
    CalendarDayFactory(date=date(2026, 2, 23), kind=CalendarDay.Kind.DAY_OFF, note="Nghỉ bù Tết")
    CalendarDayFactory(date=date(2026, 2, 28), kind=CalendarDay.Kind.WORKING_DAY)
