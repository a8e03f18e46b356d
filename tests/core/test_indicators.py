"""The registry of figures the apps measure: registering a code again
replaces it, a ratio gives its percent, a ratio over nothing proposes no
score."""

from decimal import Decimal

import pytest

from danvan.core import indicators
from danvan.core.indicators import Figure, Kind, Line


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test; the apps' own registrations come back after it."""
    monkeypatch.setattr(indicators, "_INDICATORS", {})
    return indicators


def test_the_decorator_registers_the_measure_and_returns_it(registry):
    def measure(agency, year):
        return Figure(numerator=Decimal(year))

    returned = registry.indicator(code="test.count", name="Số lần thử", kind=Kind.COUNT)(measure)

    assert returned is measure
    found = registry.get_indicator("test.count")
    assert (found.code, found.name, found.kind, found.measure) == (
        "test.count",
        "Số lần thử",
        Kind.COUNT,
        measure,
    )
    assert found.measure(None, 2026).numerator == Decimal(2026)
    assert registry.get_indicator("test.unknown") is None


def test_registering_a_code_again_replaces_it(registry):
    def first(agency, year):
        return Figure(numerator=Decimal(1))

    def second(agency, year):
        return Figure(numerator=Decimal(2))

    registry.register_indicator(code="test.same", name="Lần đầu", kind=Kind.COUNT, measure=first)
    registry.register_indicator(code="test.same", name="Lần sau", kind=Kind.RATIO, measure=second)

    assert [found.code for found in registry.all_indicators()] == ["test.same"]
    found = registry.get_indicator("test.same")
    assert (found.name, found.kind, found.measure) == ("Lần sau", Kind.RATIO, second)


def test_all_indicators_are_sorted_by_code(registry):
    for code in ("z.last", "a.first", "m.middle"):
        registry.register_indicator(code=code, name=code, kind=Kind.DONE, measure=lambda agency, year: None)

    assert [found.code for found in registry.all_indicators()] == ["a.first", "m.middle", "z.last"]


def test_percent_of_a_ratio():
    assert Figure(numerator=Decimal(45), denominator=Decimal(50)).percent == Decimal(90)
    assert Figure(numerator=Decimal(1), denominator=Decimal(3)).percent == Decimal(100) / Decimal(3)
    assert Figure(numerator=Decimal(0), denominator=Decimal(4)).percent == Decimal(0)


def test_no_percent_without_a_denominator():
    assert Figure(numerator=Decimal(0), denominator=Decimal(0)).percent is None
    assert Figure(numerator=Decimal(3)).percent is None  # a count


def test_a_ratio_over_nothing_is_not_measurable_a_count_or_done_always_is():
    assert not Figure(numerator=Decimal(0), denominator=Decimal(0)).measurable
    assert Figure(numerator=Decimal(0), denominator=Decimal(2)).measurable
    assert Figure(numerator=Decimal(0)).measurable  # a count of nothing is 0
    assert Figure(numerator=Decimal(1), lines=(Line(label="Kế hoạch năm"),)).measurable


def test_a_line_counts_unless_told():
    assert Line(label="Nhiệm vụ").counts
    assert not Line(label="Nhiệm vụ", counts=False).counts
