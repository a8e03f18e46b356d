"""What the emulation register measures for the yearly evaluation (``core.indicators``).

``emulation.recognised_models``: the agency's «Dân vận khéo» models
recognised by a decision signed in the year (a replication of a recognised
model counts only once it is recognised itself).
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.emulation.models import GoodPractice


@indicator(
    code="emulation.recognised_models",
    name=gettext_lazy("Số mô hình «Dân vận khéo» được công nhận trong năm"),
    kind=Kind.COUNT,
)
def recognised_models(agency: Agency, year: int) -> Figure:
    practices = (
        GoodPractice.objects.filter(
            agency=agency,
            status__in=(GoodPractice.Status.RECOGNISED, GoodPractice.Status.REPLICATED),
            recognition__signed_on__year=year,
        )
        .select_related("recognition", "unit")
        .order_by("recognition__signed_on", "name", "pk")
    )
    lines = tuple(
        Line(
            label=practice.name,
            url=reverse("emulation:dvk_practice", args=[practice.pk]),
            detail=_("Quyết định số %(number)s ngày %(day)s")
            % {"number": practice.recognition.number, "day": f"{practice.recognition.signed_on:%d/%m/%Y}"},
        )
        for practice in practices
    )
    return Figure(
        numerator=Decimal(len(lines)),
        lines=lines,
        note=_("Các mô hình của cơ quan được công nhận bằng quyết định ký trong năm."),
    )
