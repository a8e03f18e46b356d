"""The figures the engagement area measures for the yearly evaluation:
dialogues held, and held of those put on the calendar."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.indicators import Kind, all_indicators
from danvan.core.models import Role
from danvan.engagement import indicators, services
from danvan.engagement.models import Dialogue
from tests.factories import person_with_role


@pytest.fixture
def hold(agency_head, office_officer):
    """A dialogue put on the calendar for ``day``, and held when ``minutes_on`` is given."""

    def held(day, subject, *, minutes_on=None, kind=Dialogue.Kind.CITIZENS, leader=None):
        leader = leader or agency_head
        dialogue = services.plan_dialogue(
            agency=leader.agency,
            kind=kind,
            held_on=day,
            place="Hội trường UBND xã Tân Hòa",
            leader=leader,
            subject=subject,
            participants="Đại diện các hộ dân ấp Bàu Sen.",
            by=office_officer,
        )
        if minutes_on:
            dialogue = services.record_dialogue_minutes(
                dialogue=dialogue,
                minutes_on=minutes_on,
                opinions="Các hộ dân đề nghị sớm chi trả.",
                result="Thống nhất lịch chi trả.",
                all_signed=True,
                by=office_officer,
            )
        return dialogue

    return held


@pytest.fixture
def year_dialogues(hold, other_agency):
    other_leader = person_with_role(Role.AGENCY_LEADER, agency=other_agency)
    made = {
        "first_day": hold(date(2025, 1, 1), "Đối thoại đầu năm", minutes_on=date(2025, 1, 2)),
        "businesses": hold(
            date(2025, 4, 15),
            "Tháo gỡ khó khăn cho doanh nghiệp",
            minutes_on=date(2025, 4, 16),
            kind=Dialogue.Kind.BUSINESSES,
        ),
        "not_held": hold(date(2025, 6, 10), "Bồi thường giải phóng mặt bằng"),
        "last_day": hold(date(2025, 12, 31), "Đối thoại cuối năm", minutes_on=date(2026, 1, 2)),
    }
    hold(date(2024, 12, 31), "Đối thoại năm 2024", minutes_on=date(2024, 12, 31))
    hold(date(2026, 1, 1), "Đối thoại năm 2026", minutes_on=date(2026, 1, 1))
    hold(date(2025, 5, 5), "Đối thoại của Sở Tài chính", minutes_on=date(2025, 5, 5), leader=other_leader)
    return made


def test_every_engagement_indicator_is_registered_once_django_is_set_up():
    codes = {found.code: found.kind for found in all_indicators()}
    assert codes["engagement.dialogues_held"] == Kind.COUNT
    assert codes["engagement.dialogues_as_planned"] == Kind.RATIO


def test_dialogues_held_counts_the_agencys_dialogues_of_the_year_with_minutes(
    agency, year_dialogues, django_assert_num_queries
):
    with django_assert_num_queries(1):
        figure = indicators.dialogues_held(agency, 2025)

    # Counted by the day of the dialogue (31/12/2025, minutes written in 2026, is 2025's).
    assert figure.numerator == Decimal(3)
    assert figure.denominator is None
    assert [(line.label, line.detail) for line in figure.lines] == [
        ("Đối thoại đầu năm", "Ngày 01/01/2025 – Đối thoại với công dân – biên bản ngày 02/01/2025"),
        (
            "Tháo gỡ khó khăn cho doanh nghiệp",
            "Ngày 15/04/2025 – Đối thoại với doanh nghiệp – biên bản ngày 16/04/2025",
        ),
        ("Đối thoại cuối năm", "Ngày 31/12/2025 – Đối thoại với công dân – biên bản ngày 02/01/2026"),
    ]
    assert figure.lines[0].url == reverse("engagement:dialogue_detail", args=[year_dialogues["first_day"].pk])
    assert "2025" in figure.note


def test_dialogues_as_planned_are_those_held_of_those_on_the_calendar(
    agency, year_dialogues, django_assert_num_queries
):
    with django_assert_num_queries(1):
        figure = indicators.dialogues_as_planned(agency, 2025)

    assert (figure.numerator, figure.denominator) == (Decimal(3), Decimal(4))
    assert figure.percent == Decimal(75)
    not_held = figure.lines[2]
    assert (not_held.label, not_held.detail, not_held.counts) == (
        "Bồi thường giải phóng mặt bằng",
        "Ngày 10/06/2025 – Đối thoại với công dân – chưa có biên bản",
        False,
    )
    assert not_held.url == reverse("engagement:dialogue_detail", args=[year_dialogues["not_held"].pk])


def test_a_dialogue_whose_day_has_not_come_is_left_out(monkeypatch, agency, hold):
    monkeypatch.setattr(indicators.timezone, "localdate", lambda *args: date(2026, 6, 30))
    hold(date(2026, 6, 29), "Đối thoại chưa có biên bản")
    hold(date(2026, 6, 30), "Đối thoại hôm nay")
    hold(date(2026, 7, 15), "Đối thoại tháng 7")

    figure = indicators.dialogues_as_planned(agency, 2026)

    assert (figure.numerator, figure.denominator) == (Decimal(0), Decimal(1))
    assert figure.lines[0].label == "Đối thoại chưa có biên bản"
    assert indicators.dialogues_held(agency, 2026).numerator == Decimal(0)


def test_an_agency_without_dialogues(agency):
    assert indicators.dialogues_held(agency, 2025).numerator == Decimal(0)
    assert not indicators.dialogues_as_planned(agency, 2025).measurable
