"""What the engagement area measures for the yearly evaluation (``core.indicators``):
the dialogues the agency's leader held with citizens and businesses, and
those held of those put on the calendar.

A dialogue counts in the year of its date (``held_on``, the day it was put
on the calendar for); it is held once its minutes are written. One query each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.engagement.models import Dialogue

KINDS = dict(Dialogue.Kind.choices)
FIELDS = ("pk", "subject", "kind", "status", "held_on", "minutes_on")


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _year(agency: Agency, year: int) -> QuerySet[Dialogue]:
    return Dialogue.objects.filter(
        agency=agency, held_on__range=(date(year, 1, 1), date(year, 12, 31))
    ).order_by("held_on", "pk")


def _line(row: Mapping[str, Any]) -> Line:
    held = row["status"] == Dialogue.Status.HELD
    if held and row["minutes_on"]:
        minutes = _("biên bản ngày %(day)s") % {"day": _day(row["minutes_on"])}
    elif held:
        minutes = _("đã có biên bản")
    else:
        minutes = _("chưa có biên bản")
    return Line(
        label=row["subject"],
        url=reverse("engagement:dialogue_detail", args=[row["pk"]]),
        detail=_("Ngày %(day)s – %(kind)s – %(minutes)s")
        % {"day": _day(row["held_on"]), "kind": KINDS.get(row["kind"], row["kind"]), "minutes": minutes},
        counts=held,
    )


@indicator(
    code="engagement.dialogues_held",
    name=gettext_lazy("Số buổi đối thoại đã tổ chức"),
    kind=Kind.COUNT,
)
def dialogues_held(agency: Agency, year: int) -> Figure:
    lines = tuple(
        _line(row) for row in _year(agency, year).filter(status=Dialogue.Status.HELD).values(*FIELDS)
    )
    return Figure(
        numerator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Buổi đối thoại của lãnh đạo cơ quan với công dân hoặc doanh nghiệp có ngày trong năm %(year)s "
            "và đã có biên bản."
        )
        % {"year": year},
    )


@indicator(
    code="engagement.dialogues_as_planned",
    name=gettext_lazy("Tỷ lệ buổi đối thoại tổ chức theo lịch"),
    kind=Kind.RATIO,
)
def dialogues_as_planned(agency: Agency, year: int) -> Figure:
    today = timezone.localdate()
    rows = _year(agency, year).filter(Q(status=Dialogue.Status.HELD) | Q(held_on__lt=today)).values(*FIELDS)
    lines = tuple(_line(row) for row in rows)
    return Figure(
        numerator=Decimal(sum(line.counts for line in lines)),
        denominator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Buổi đối thoại đã lên lịch có ngày trong năm %(year)s, trừ buổi chưa đến ngày; tổ chức theo "
            "lịch là buổi đã có biên bản."
        )
        % {"year": year},
    )
