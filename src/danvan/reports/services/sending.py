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
        figures = selectors.unit_period_data(report.unit, report.request.data_period)  # type: ignore[arg-type]
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
    """Send a report back with comments; it opens for editing again. A unit's
    goes back from the office, an agency's from its leader, or from the
    province once sent to it: the agency's office edits and sends it again,
    through its leader. Every return is kept in the report's versions."""
    if not comment.strip():
        raise DomainError(_("Hãy ghi ý kiến để đơn vị biết cần sửa gì."))
    from_province = report.is_agency_report and report.status == Report.Status.APPROVED
    report = _claim(
        report,
        source=(Report.Status.APPROVED,) if from_province else (Report.Status.SUBMITTED,),
        status=Report.Status.RETURNED,
        return_comment=comment.strip(),
    )
    _record_version(report, ReportVersion.Event.RETURNED, by, comment=comment.strip())
    writers = agency_office(report.agency) if report.is_agency_report else unit_heads(report.unit)
    if from_province:
        writers = [*writers, *agency_leaders(report.agency)]
        text = _("Tỉnh trả lại báo cáo: %(title)s — %(comment)s")
    else:
        text = _("Báo cáo bị trả lại: %(title)s — %(comment)s")
    notify(
        recipients=writers,
        key=f"report-returned:{report.pk}:{report.versions.count()}",
        text=text % {"title": report.request.title[:120], "comment": comment.strip()[:200]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report


def missing_unit_reports(report: Report) -> list[str]:
    """The units asked for the report an agency report is made of (its
    composed request, and its units' requests serving it) that have not sent it."""
    requests = report.request.children.filter(agency=report.agency).values_list("pk", flat=True)
    ids = {*requests, *([report.composed_from_id] if report.composed_from_id else [])}
    missing = (
        Report.objects.filter(request_id__in=ids, unit__isnull=False, first_sent_at__isnull=True)
        .select_related("unit")
        .order_by("unit__sort_key")
    )
    return list(dict.fromkeys(r.unit.name for r in missing))  # type: ignore[union-attr]


@transaction.atomic
def approve_report(
    *, report: Report, by: User, today: date | None = None, despite_missing: bool = False
) -> Report:
    """The leader approves the agency's report: it takes the next number of
    the agency's document series and goes to the province. While unit
    reports are missing, approving is the leader's explicit choice
    (``despite_missing``), and the missing units are recorded on the report."""
    if not report.is_agency_report:
        raise DomainError(_("Chỉ báo cáo của cơ quan mới cần lãnh đạo duyệt."))
    missing = missing_unit_reports(report)
    if missing and not despite_missing:
        raise DomainError(
            _("Còn thiếu báo cáo của: %(units)s. Hãy chờ các đơn vị nộp, hoặc chọn phê duyệt dù còn thiếu.")
            % {"units": ", ".join(missing)}
        )
    today = today or timezone.localdate()
    now = timezone.now()
    fields = {
        "status": Report.Status.APPROVED,
        "approved_by": by,
        "sent_at": now,
        "issue_date": today,
        "approved_missing": missing,
    }
    if report.first_sent_at is None:
        fields["first_sent_at"] = now
    report = _claim(report, source=(Report.Status.SUBMITTED,), **fields)
    report.number = report.number or next_document_number(agency=report.agency, year=today.year)
    report.symbol = report.symbol or f"BC-{report.agency.symbol_code}"
    report.save(update_fields=["number", "symbol"])
    comment = (
        _("Phê duyệt dù còn thiếu báo cáo của: %(units)s") % {"units": ", ".join(missing)} if missing else ""
    )
    _record_version(report, ReportVersion.Event.APPROVED, by, comment=comment)
    times = report.versions.filter(event=ReportVersion.Event.APPROVED).count()
    reviewers = _province_reviewers(report.agency)
    notify(
        recipients=[*reviewers, *agency_office(report.agency)],
        key=f"report-approved:{report.pk}" + (f":{times}" if times > 1 else ""),
        text=_("%(agency)s đã gửi báo cáo: %(title)s")
        % {"agency": report.agency.name, "title": report.request.title[:150]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report
