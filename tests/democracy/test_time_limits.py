"""The time limits of disclosure (Luật 10/2022/QH15 Điều 47 k2, Điều 48 k1–k2),
counted on a 2026 calendar with Tết (16–20/02), an extra day off (Monday 23/02)
and a make-up Saturday (28/02)."""

from datetime import date

import pytest

from danvan.core.calendar import WorkingCalendar
from danvan.core.services import DomainError
from danvan.democracy import services
from danvan.democracy.models import Disclosure

# decision date, due date (5 working days after).
DUE = [
    (date(2026, 2, 6), date(2026, 2, 13)),  # Friday, an ordinary week
    (date(2026, 2, 13), date(2026, 2, 28)),  # Friday before Tết: 24, 25, 26, 27/02 and make-up Saturday 28/02
    (date(2026, 2, 12), date(2026, 2, 27)),  # Thursday: 13/02, then 24–27/02
    (date(2026, 2, 28), date(2026, 3, 6)),  # the make-up Saturday itself: counting starts on Sunday
    (date(2025, 12, 31), date(2026, 1, 8)),  # over Tết Dương lịch (01/01)
]

# posting start, the last day it must still be posted (20 days, BLDS Điều 147–148).
POSTING = [
    (date(2026, 2, 13), date(2026, 3, 5)),  # day 20 is a Thursday
    (date(2026, 2, 8), date(2026, 2, 28)),  # day 20 is the make-up Saturday, a working day
    (date(2026, 2, 9), date(2026, 3, 2)),  # day 20 is Sunday 01/03: the next working day
    (date(2026, 1, 31), date(2026, 2, 24)),  # day 20 is in Tết: after Tết, the weekend and 23/02
]


@pytest.mark.parametrize(("decision", "due"), DUE)
def test_disclosure_is_due_five_working_days_after_the_decision(calendar_2026, decision, due):
    counted, explanation = services.count_disclosure_due(decision, WorkingCalendar.load())
    assert counted == due
    assert f"{decision:%d/%m/%Y}" in explanation and f"{due:%d/%m/%Y}" in explanation
    assert "Điều 47 khoản 2" in explanation


@pytest.mark.parametrize(("start", "end"), POSTING)
def test_posting_lasts_twenty_consecutive_days(calendar_2026, start, end):
    counted, explanation = services.count_posting_end(start, WorkingCalendar.load())
    assert counted == end
    assert f"{end:%d/%m/%Y}" in explanation


def test_a_weekend_end_says_why_it_moved(calendar_2026):
    _end, explanation = services.count_posting_end(date(2026, 2, 9), WorkingCalendar.load())
    assert "01/03/2026" in explanation and "Điều 148 khoản 5" in explanation


def test_without_the_make_up_saturday_the_limit_moves_to_monday(db):
    # Only the statutory table: Tết 16–20/02, no extra day off, no make-up Saturday.
    due, _text = services.count_disclosure_due(date(2026, 2, 13), WorkingCalendar.load())
    assert due == date(2026, 2, 27)


def _register(agency, by, **changes):
    values = {
        "agency": agency,
        "kind": "budget",
        "subject": "Quyết định giao dự toán ngân sách năm 2026",
        "decision_date": date(2026, 2, 13),
        "forms": ["posting"],
        "disclosed_on": date(2026, 2, 27),
        "posted_from": date(2026, 2, 27),
        "today": date(2026, 3, 30),
        "by": by,
    }
    return services.register_disclosure(**{**values, **changes})


def test_a_disclosure_stores_its_due_date_and_how_it_was_counted(agency, office_officer, calendar_2026):
    disclosure = _register(agency, office_officer, posted_until=date(2026, 3, 20))
    assert disclosure.due_date == date(2026, 2, 28)
    assert "13/02/2026" in disclosure.due_explanation
    assert disclosure.posting_end == date(2026, 3, 19)
    assert "Điều 48" in disclosure.posting_explanation
    assert not disclosure.is_late() and not disclosure.is_short()


def test_a_disclosure_after_the_due_date_is_late(agency, office_officer, calendar_2026):
    disclosure = _register(
        agency, office_officer, disclosed_on=date(2026, 3, 2), posted_from=date(2026, 3, 2)
    )
    assert disclosure.is_late()


def test_a_disclosure_on_the_make_up_saturday_is_on_time(agency, office_officer, calendar_2026):
    disclosure = _register(
        agency, office_officer, disclosed_on=date(2026, 2, 28), posted_from=date(2026, 2, 28)
    )
    assert not disclosure.is_late()


def test_a_posting_taken_down_a_day_early_is_short(agency, office_officer, calendar_2026):
    disclosure = _register(agency, office_officer, posted_until=date(2026, 3, 18))
    assert disclosure.posting_end == date(2026, 3, 19)
    assert disclosure.is_short()


def test_a_written_notice_to_all_staff_needs_no_twenty_days(agency, office_officer, calendar_2026):
    disclosure = _register(
        agency, office_officer, forms=["posting", "written_notice"], posted_until=date(2026, 3, 1)
    )
    assert disclosure.posting_end is None and not disclosure.is_short()


def test_a_proposed_disclosure_not_made_by_its_due_date_is_late(agency, office_officer, calendar_2026):
    disclosure = _register(agency, office_officer)
    Disclosure.objects.filter(pk=disclosure.pk).update(status=Disclosure.Status.PROPOSED, disclosed_on=None)
    disclosure.refresh_from_db()
    assert not disclosure.is_late(date(2026, 2, 28))
    assert disclosure.is_late(date(2026, 3, 2))


BAD = [
    ({"disclosed_on": date(2026, 2, 12)}, "trước ngày của quyết định"),
    ({"forms": []}, "ít nhất một hình thức"),
    ({"forms": ["posting"], "posted_from": None}, "ngày bắt đầu niêm yết"),
    ({"posted_until": date(2026, 2, 26)}, "trước ngày bắt đầu"),
    ({"disclosed_on": date(2026, 4, 1), "posted_from": date(2026, 4, 1)}, "chưa đến"),
    ({"kind": "secret"}, "Điều 46"),
    ({"subject": "  "}, "quyết định, văn bản"),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_bad_disclosures_are_refused_and_nothing_is_written(
    agency, office_officer, calendar_2026, changes, message
):
    with pytest.raises(DomainError, match=message):
        _register(agency, office_officer, **changes)
    assert not Disclosure.objects.exists()
