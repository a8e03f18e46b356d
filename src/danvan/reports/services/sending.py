"""Sending a report on: a unit's to its office, an agency's to its leader;
returning it with comments; the leader approving the agency's report, which
takes the next number of the agency's document series."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.selectors import agency_leaders, agency_office, unit_heads
from danvan.core.services import DomainError, notify
from danvan.documents.register import next_document_number
from danvan.reports import selectors
from danvan.reports.models import Report, ReportVersion
from danvan.reports.services.common import _claim, _fresh, _province_reviewers, _record_version


@transaction.atomic
def submit_report(*, report: Report, by: User, today: date | None = None) -> Report:
    """Send the report: a unit's to its office, an agency's to its leader.
    The period's figures are kept with it as they were when sent."""
    today = today or timezone.localdate()
    report = _fresh(report)
    if report.is_agency_report:
        figures = selectors.agency_report_figures(report, today=today)
    else:
        figures = selectors.unit_period_data(report.unit, report.request.period)  # type: ignore[arg-type]
    if not any(text.strip() for text in report.sections().values()):
        raise DomainError(_("Báo cáo chưa có nội dung. Hãy viết ít nhất phần kết quả đạt được."))
    now = timezone.now()
    fields = {"status": Report.Status.SUBMITTED, "figures": figures, "submitted_by": by, "return_comment": ""}
    if not report.is_agency_report:
        fields["sent_at"] = now
        if report.first_sent_at is None:
            fields["first_sent_at"] = now
    report = _claim(report, source=(Report.Status.PENDING, Report.Status.RETURNED), **fields)
    _record_version(report, ReportVersion.Event.SUBMITTED, by)
    if report.is_agency_report:
        notify(
            recipients=agency_leaders(report.agency),
            key=f"report-submitted:{report.pk}:{report.versions.count()}",
            text=_("Văn phòng trình duyệt báo cáo: %(title)s") % {"title": report.request.title[:150]},
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    else:
        late = report.days_late(today)
        text = (
            _("%(unit)s đã nộp báo cáo: %(title)s")
            % {
                "unit": report.unit.name,  # type: ignore[union-attr]
                "title": report.request.title[:150],
            }
        )
        if late:
            text += " " + _("(muộn %(days)s ngày)") % {"days": late}
        notify(
            recipients=agency_office(report.agency),
            key=f"report-submitted:{report.pk}:{report.versions.count()}",
            text=text,
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    return report


@transaction.atomic
def return_report(*, report: Report, comment: str, by: User) -> Report:
    """Send a report back with comments; it opens for editing again."""
    if not comment.strip():
        raise DomainError(_("Hãy ghi ý kiến để đơn vị biết cần sửa gì."))
    report = _claim(
        report,
        source=(Report.Status.SUBMITTED,),
        status=Report.Status.RETURNED,
        return_comment=comment.strip(),
    )
    _record_version(report, ReportVersion.Event.RETURNED, by, comment=comment.strip())
    writers = agency_office(report.agency) if report.is_agency_report else unit_heads(report.unit)
    notify(
        recipients=writers,
        key=f"report-returned:{report.pk}:{report.versions.count()}",
        text=_("Báo cáo bị trả lại: %(title)s — %(comment)s")
        % {"title": report.request.title[:120], "comment": comment.strip()[:200]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report


@transaction.atomic
def approve_report(*, report: Report, by: User, today: date | None = None) -> Report:
    """The leader approves the agency's report: it takes the next number of
    the agency's document series and goes to the province."""
    if not report.is_agency_report:
        raise DomainError(_("Chỉ báo cáo của cơ quan mới cần lãnh đạo duyệt."))
    today = today or timezone.localdate()
    now = timezone.now()
    fields = {"status": Report.Status.APPROVED, "approved_by": by, "sent_at": now, "issue_date": today}
    if report.first_sent_at is None:
        fields["first_sent_at"] = now
    report = _claim(report, source=(Report.Status.SUBMITTED,), **fields)
    report.number = next_document_number(agency=report.agency, year=today.year)
    report.symbol = report.symbol or f"BC-{report.agency.symbol_code}"
    report.save(update_fields=["number", "symbol"])
    _record_version(report, ReportVersion.Event.APPROVED, by)
    reviewers = _province_reviewers(report.agency)
    notify(
        recipients=[*reviewers, *agency_office(report.agency)],
        key=f"report-approved:{report.pk}",
        text=_("%(agency)s đã gửi báo cáo: %(title)s")
        % {"agency": report.agency.name, "title": report.request.title[:150]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report
