"""What the reports area measures for the yearly evaluation (``core.indicators``):
the agency's own reports to the province (a request of the province, the
agency's report, not its units'), sent by their due date, and sent with
every section of the report written.

A report counts in the year of its due date. A report is sent when the
agency's leader approves it and it goes to the province (its first
sending, ``first_sent_at``, read as a day in the project's time zone). A
report not sent whose due date has not come is left out. One query each.
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
from danvan.reports.models import Report, ReportRequest


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _agency_reports(agency: Agency, year: int) -> QuerySet[Report]:
    """The agency's reports to the province due in ``year``."""
    return Report.objects.filter(
        agency=agency,
        unit__isnull=True,
        request__level=ReportRequest.Level.AGENCIES,
        request__due_date__range=(date(year, 1, 1), date(year, 12, 31)),
    ).order_by("request__due_date", "pk")


def _sent_on(row: Mapping[str, Any]) -> date | None:
    sent = row["first_sent_at"]
    return timezone.localtime(sent).date() if sent else None


def _report_line(row: Mapping[str, Any], *, detail: str, counts: bool) -> Line:
    return Line(
        label=row["request__title"],
        url=reverse("reports:report_detail", args=[row["pk"]]),
        detail=detail,
        counts=counts,
    )


@indicator(code="reports.on_time", name=gettext_lazy("Tỷ lệ báo cáo gửi đúng hạn"), kind=Kind.RATIO)
def reports_on_time(agency: Agency, year: int) -> Figure:
    today = timezone.localdate()
    rows = (
        _agency_reports(agency, year)
        .filter(Q(first_sent_at__isnull=False) | Q(request__due_date__lt=today))
        .values("pk", "request__title", "request__due_date", "first_sent_at")
    )
    lines = []
    for row in rows:
        due, sent = row["request__due_date"], _sent_on(row)
        if sent is None:
            detail = _("Hạn %(due)s – chưa gửi") % {"due": _day(due)}
        else:
            detail = _("Hạn %(due)s – gửi %(sent)s") % {"due": _day(due), "sent": _day(sent)}
        lines.append(_report_line(row, detail=detail, counts=sent is not None and sent <= due))
    return Figure(
        numerator=Decimal(sum(line.counts for line in lines)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Báo cáo của cơ quan gửi tỉnh theo yêu cầu có hạn nộp trong năm %(year)s, trừ báo cáo chưa "
            "gửi mà chưa đến hạn; đúng hạn là ngày lãnh đạo duyệt gửi lần đầu không sau hạn nộp."
        )
        % {"year": year},
    )


@indicator(code="reports.complete", name=gettext_lazy("Tỷ lệ báo cáo đủ nội dung"), kind=Kind.RATIO)
def reports_complete(agency: Agency, year: int) -> Figure:
    """A sent report is complete when none of its sections (``Report.SECTIONS``:
    results, shortcomings, lessons, next tasks, proposals) is left blank: the
    model has no other notion of a required part."""
    rows = (
        _agency_reports(agency, year)
        .filter(first_sent_at__isnull=False)
        .values("pk", "request__title", "request__due_date", "first_sent_at", *Report.SECTIONS)
    )
    labels = {
        name: str(getattr(Report._meta.get_field(name), "verbose_name", name)) for name in Report.SECTIONS
    }
    lines = []
    for row in rows:
        missing = [labels[name] for name in Report.SECTIONS if not (row[name] or "").strip()]
        sent = _day(timezone.localtime(row["first_sent_at"]).date())
        if missing:
            detail = _("Gửi %(sent)s – còn trống: %(missing)s") % {
                "sent": sent,
                "missing": "; ".join(missing),
            }
        else:
            detail = _("Gửi %(sent)s – đủ %(count)s phần") % {"sent": sent, "count": len(Report.SECTIONS)}
        lines.append(_report_line(row, detail=detail, counts=not missing))
    return Figure(
        numerator=Decimal(sum(line.counts for line in lines)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Báo cáo của cơ quan đã gửi tỉnh có hạn nộp trong năm %(year)s; đủ nội dung là không để trống "
            "phần nào trong năm phần của báo cáo (kết quả, hạn chế, bài học, phương hướng, kiến nghị)."
        )
        % {"year": year},
    )
