"""Reports in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.reports import permissions
from danvan.reports.models import Report, ReportRequest


def report_document(report: Report) -> search.Document:
    request = report.request
    sender = report.unit.name if report.unit_id else report.agency.name
    reference = f"{report.number}/{report.symbol}" if report.number or report.symbol else ""
    return search.Document(
        title=f"{request.title} — {sender}",
        summary=report.results,
        extra=" ".join(
            (
                reference,
                report.shortcomings,
                report.lessons,
                report.next_tasks,
                report.proposals,
                request.note,
            )
        ),
        agency_id=report.agency_id,
    )


search.register(
    search.Kind(
        name="report",
        label=_("Báo cáo"),
        model=Report,
        document=report_document,
        visible=permissions.visible_reports,
        url_name="reports:report_detail",
        records=lambda: Report.objects.select_related("request", "agency", "unit"),
        depends={ReportRequest: lambda request: request.reports.select_related("request", "agency", "unit")},
    )
)
