"""Figures the system computes from its own data for one agency and year,
proposed as the score of the evaluation's leaves that measure them.

Each app's ``indicators.py`` registers what it can measure with
``@indicator(code, name, kind)`` and is imported from the app's
``AppConfig.ready()``; core knows no app, and the evaluation reads the
registry without knowing which app measured what. A measure is
``measure(agency, year) -> Figure``: the figure and the list behind it
(which tasks, which reports, which cases), each line linked to its page.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise

from danvan.core.models import Agency


class Kind(enum.Enum):
    RATIO = "ratio"  # numerator of denominator: "45 of 50 tasks on time"
    COUNT = "count"  # how many times: "2 cases past their legal limit"
    DONE = "done"  # done or not: "the implementing plan issued by the deadline"


@dataclass(frozen=True)
class Line:
    """One thing the figure counts, with whether it counts for or against the agency."""

    label: str
    url: str = ""
    detail: str = ""
    counts: bool = True  # in the numerator (ratio), an occurrence (count), what makes it done


@dataclass(frozen=True)
class Figure:
    numerator: Decimal  # the count for COUNT; 1 or 0 for DONE
    denominator: Decimal | None = None  # RATIO only; 0 when there is nothing to measure
    lines: tuple[Line, ...] = ()
    note: str = ""  # how it was counted, in words

    @property
    def percent(self) -> Decimal | None:
        if not self.denominator:
            return None
        return self.numerator * 100 / self.denominator

    @property
    def measurable(self) -> bool:
        """A ratio over nothing proposes no score: the assessor says what applies."""
        return self.denominator is None or self.denominator > 0


Measure = Callable[[Agency, int], Figure]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str | Promise  # translated when shown
    kind: Kind
    measure: Measure


_INDICATORS: dict[str, Indicator] = {}


def register_indicator(*, code: str, name: str | Promise, kind: Kind, measure: Measure) -> Indicator:
    """Registering a code again replaces it, so re-importing a module counts nothing twice."""
    found = Indicator(code=code, name=name, kind=kind, measure=measure)
    _INDICATORS[code] = found
    return found


def indicator(*, code: str, name: str | Promise, kind: Kind) -> Callable[[Measure], Measure]:
    """``@indicator(code="plans.tasks_on_time", name="Tỷ lệ nhiệm vụ hoàn thành đúng hạn", kind=Kind.RATIO)``."""

    def register(measure: Measure) -> Measure:
        register_indicator(code=code, name=name, kind=kind, measure=measure)
        return measure

    return register


def get_indicator(code: str) -> Indicator | None:
    return _INDICATORS.get(code)


def all_indicators() -> list[Indicator]:
    return sorted(_INDICATORS.values(), key=lambda found: found.code)
