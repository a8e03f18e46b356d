"""The agency's register of outgoing documents (sổ đăng ký văn bản đi).

Nghị định 30/2020/NĐ-CP, Điều 15: the documents a body issues are numbered in
one series per year, restarting at 01 on 1 January. Plans, reports, letters to
petitioners and every other kind of outgoing document take their number from
the same series, so no number is given twice in a year.
"""

from __future__ import annotations

from django.db.models import F

from danvan.core.models import Agency, Unit
from danvan.documents.models import NumberSeries


def next_document_number(*, agency: Agency, year: int, unit: Unit | None = None) -> str:
    """The next number of the agency's series for the year: "01", "02", ...
    A unit with a register of its own (a chi cục, a centre with its seal)
    numbers its documents in its own series.

    Numbers below 10 are written with a leading zero. Two people issuing at
    once get two numbers: the series goes up in one conditional update.
    """
    series, _created = NumberSeries.objects.get_or_create(agency=agency, unit=unit, year=year)
    NumberSeries.objects.filter(pk=series.pk).update(last_number=F("last_number") + 1)
    series.refresh_from_db(fields=["last_number"])
    return f"{series.last_number:02d}"


def hold_document_number(*, agency: Agency, year: int, number: str) -> None:
    """Record that the agency issued document ``number`` in ``year`` outside
    an approval here (a plan or report loaded already numbered): the series
    goes up to it, so the next number follows it and none is given twice."""
    if not str(number).isdecimal():
        return
    series, _created = NumberSeries.objects.get_or_create(agency=agency, unit=None, year=year)
    NumberSeries.objects.filter(pk=series.pk, last_number__lt=int(number)).update(last_number=int(number))
