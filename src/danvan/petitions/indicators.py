"""What the petitions area measures for the yearly evaluation (``core.indicators``):
the legal time limits of the agency's petitions and cases met, the limits
missed, and the hot spots (group petitions, petitions that skip a level).

The limits are those the agency's report counts (``selectors.figures_for_report``):
processing a petition (notifying the sender, a denunciation's initial check
or forwarding) and resolving a case (decision, conclusion or termination).
A limit counts in the year of its due date; one still pending whose due
date has not come is left out.

A line names a petition by its code, kind and dates only, never by whom it
came from nor by its subject: a denunciation's sender is never read here,
and a subject may name people. One query each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.petitions.models import GROUP_SIZE, Deadline, Petition
from danvan.petitions.selectors import PROCESSING_CODES, RESOLVE_CODES

KINDS = dict(Petition.Kind.choices)


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _petition_label(code: str, kind: str) -> str:
    return f"{code} – {KINDS.get(kind, kind)}"


def _judged_limits(agency: Agency, year: int) -> list[Mapping[str, Any]]:
    """The processing and resolution limits of the agency's petitions due in
    ``year``, met or already past. A petition split into parts is left out:
    each part carries the clock (``services.split_petition``)."""
    today = timezone.localdate()
    return list(
        Deadline.objects.filter(
            petition__agency=agency,
            code__in=PROCESSING_CODES + RESOLVE_CODES,
            due_date__range=(date(year, 1, 1), date(year, 12, 31)),
        )
        .exclude(petition__status=Petition.Status.SPLIT)
        .filter(Q(met_on__isnull=False) | Q(due_date__lt=today))
        .order_by("due_date", "petition_id", "pk")
        .values("petition_id", "petition__code", "petition__kind", "rule__name", "due_date", "met_on")
    )


def _within(row: Mapping[str, Any]) -> bool:
    return row["met_on"] is not None and row["met_on"] <= row["due_date"]


def _limit_line(row: Mapping[str, Any], *, counts: bool) -> Line:
    due = _day(row["due_date"])
    if row["met_on"] is None:
        when = _("hạn %(due)s – chưa xong") % {"due": due}
    else:
        when = _("hạn %(due)s – xong %(met)s") % {"due": due, "met": _day(row["met_on"])}
    return Line(
        label=_petition_label(row["petition__code"], row["petition__kind"]),
        url=reverse("petitions:petition_detail", args=[row["petition_id"]]),
        detail=f"{row['rule__name']}: {when}",
        counts=counts,
    )


@indicator(
    code="petitions.within_limit",
    name=gettext_lazy("Tỷ lệ đơn thư, vụ việc xử lý, giải quyết trong thời hạn"),
    kind=Kind.RATIO,
)
def within_limit(agency: Agency, year: int) -> Figure:
    lines = tuple(_limit_line(row, counts=_within(row)) for row in _judged_limits(agency, year))
    return Figure(
        numerator=Decimal(sum(line.counts for line in lines)),
        denominator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Mỗi thời hạn xử lý đơn và giải quyết vụ việc (khiếu nại, tố cáo, kiến nghị, phản ánh) có hạn "
            "trong năm %(year)s là một lần tính, trừ thời hạn chưa xong mà chưa đến hạn; trong hạn là "
            "ngày xong không sau hạn luật định."
        )
        % {"year": year},
    )


@indicator(
    code="petitions.past_limit",
    name=gettext_lazy("Số lần xử lý, giải quyết đơn thư quá thời hạn"),
    kind=Kind.COUNT,
)
def past_limit(agency: Agency, year: int) -> Figure:
    lines = tuple(_limit_line(row, counts=True) for row in _judged_limits(agency, year) if not _within(row))
    return Figure(
        numerator=Decimal(len(lines)),
        lines=lines,
        note=_(
            "Thời hạn xử lý đơn và giải quyết vụ việc có hạn trong năm %(year)s đã xong sau hạn, hoặc đã "
            "quá hạn mà chưa xong."
        )
        % {"year": year},
    )


@indicator(
    code="petitions.hot_spots",
    name=gettext_lazy("Số vụ việc đông người, vượt cấp (điểm nóng)"),
    kind=Kind.COUNT,
)
def hot_spots(agency: Agency, year: int) -> Figure:
    """The petitions received in ``year`` that the petitions dashboard calls
    hot spots: signed by a group (``GROUP_SIZE`` or more) or skipping a
    level. A split petition counts once, as the petition that came in, not
    as its parts."""
    rows = (
        Petition.objects.filter(
            agency=agency,
            received_on__range=(date(year, 1, 1), date(year, 12, 31)),
            parent__isnull=True,
        )
        .filter(Q(signer_count__gte=GROUP_SIZE) | Q(skips_level=True))
        .order_by("received_on", "pk")
        .values("pk", "code", "kind", "received_on", "signer_count", "skips_level")
    )
    lines = []
    for row in rows:
        why = []
        if row["signer_count"] >= GROUP_SIZE:
            why.append(_("đông người (%(count)s người ký)") % {"count": row["signer_count"]})
        if row["skips_level"]:
            why.append(_("vượt cấp"))
        lines.append(
            Line(
                label=_petition_label(row["code"], row["kind"]),
                url=reverse("petitions:petition_detail", args=[row["pk"]]),
                detail=_("Nhận %(day)s – %(why)s") % {"day": _day(row["received_on"]), "why": ", ".join(why)},
            )
        )
    return Figure(
        numerator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Đơn nhận trong năm %(year)s có từ %(size)s người ký trở lên hoặc gửi vượt cấp (đơn đã tách "
            "tính một lần)."
        )
        % {"year": year, "size": GROUP_SIZE},
    )
