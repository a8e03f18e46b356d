"""Figures of an agency's period that other areas add to its periodic report.

The reports area knows plans, petitions and dialogues; an area above it (the
democracy register, «Dân vận khéo» and commendation) registers a reader here
from its ``AppConfig.ready()``. A reader takes the agency and the period's
first and last day and returns rows (label, value) as text, which the report
page shows and the Word report prints in its table of main figures; the rows
are kept with the report when it is sent, like the other figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from danvan.core.models import Agency

Reader = Callable[[Agency, date, date], list[tuple[str, str]]]


@dataclass(frozen=True)
class PeriodFigures:
    code: str
    order: int
    read: Reader


_READERS: dict[str, PeriodFigures] = {}


def register_period_figures(*, code: str, order: int, read: Reader) -> PeriodFigures:
    """Registering a code again replaces it."""
    figures = PeriodFigures(code=code, order=order, read=read)
    _READERS[code] = figures
    return figures


def other_figures(agency: Agency, start: date, end: date) -> list[list[str]]:
    """Every registered area's rows for the period, in their order."""
    rows: list[list[str]] = []
    for figures in sorted(_READERS.values(), key=lambda f: (f.order, f.code)):
        rows.extend([str(label), str(value)] for label, value in figures.read(agency, start, end))
    return rows
