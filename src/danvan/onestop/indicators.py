"""What the one-stop figures measure for the yearly evaluation (``core.indicators``).

``onestop.on_time_rate``: over the periods imported from the one-stop system
that end in the year, the dossiers settled early or on time out of those
settled (early + on time + late); with the agency's apology setting on, a
late dossier apologised for in time whose new date was kept counts as on
time (onestop.selectors)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.onestop.selectors import SOURCE_CODE, setting_of, year_figures


@indicator(
    code=SOURCE_CODE,
    name=gettext_lazy("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn, đúng hạn"),
    kind=Kind.RATIO,
)
def on_time_rate(agency: Agency, year: int) -> Figure:
    found = year_figures(agency, year)
    lines = tuple(
        Line(
            label=_("Kỳ %(period)s") % {"period": figures.period},
            url=reverse("onestop:period", args=[figures.period.pk]),
            detail=_("%(counted)s/%(settled)s hồ sơ trước hạn, đúng hạn; %(late)s hồ sơ quá hạn")
            % {
                "counted": figures.total.counted,
                "settled": figures.total.settled,
                "late": figures.total.counted_late,
            },
            counts=figures.total.counted_late == 0,
        )
        for figures in found
    )
    note = _(
        "Hồ sơ đã giải quyết trong các kỳ kết thúc trong năm (số liệu nhập từ hệ thống một cửa); "
        "tính khi trả trước hạn hoặc đúng hạn."
    )
    if setting_of(agency).apology_clears_late:
        note += " " + _(
            "Hồ sơ trễ hạn đã gửi phiếu xin lỗi đúng hạn và trả đúng ngày hẹn mới được tính là không trễ."
        )
    return Figure(
        numerator=Decimal(sum(figures.total.counted for figures in found)),
        denominator=Decimal(sum(figures.total.settled for figures in found)),
        lines=lines,
        note=note,
    )
