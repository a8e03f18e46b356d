"""What the reporting services share: the report's versions, taking a report
to change it, and whom a report is sent to in the province."""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError
from danvan.reports.models import Report, ReportVersion


def _fresh(report: Report) -> Report:
    """The report as stored now, locked for this transaction."""
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("request__period", "agency__province", "unit")
        .get(pk=report.pk)
    )


def _claim(report: Report, *, source: tuple[str, ...], **fields) -> Report:
    """Move the report only if it is still in a source state (two people
    pressing the same button: one wins, the other is told)."""
    changed = Report.objects.filter(pk=report.pk, status__in=source).update(**fields)
    if changed != 1:
        raise DomainError(_("Báo cáo vừa được người khác xử lý. Hãy tải lại trang."))
    report.refresh_from_db()
    return report


def _next_version_number(report: Report) -> int:
    last = report.versions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _record_version(
    report: Report, event: str, by: User, *, sections=None, comment: str = ""
) -> ReportVersion:
    return ReportVersion.objects.create(
        report=report,
        number=_next_version_number(report),
        event=event,
        sections=sections if sections is not None else report.sections(),
        comment=comment,
        created_by=by,
    )


def _province_reviewers(agency: Agency) -> list[User]:
    return holders_of(Role.PROVINCE_REVIEWER, province=agency.province_id)
