"""Reminders of reports due and overdue, sent by the daily scan."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.selectors import agency_office, unit_heads
from danvan.core.services import notify
from danvan.reports.models import Report
from danvan.reports.services.common import _province_reviewers


def send_report_reminders(*, today: date) -> int:
    """Remind the writers of each unsent report N days before it is due (the
    agency's reminder days) and on the day; once overdue, tell the requester
    too. Keys make a second run send nothing new."""
    sent = 0
    waiting = Report.objects.filter(
        first_sent_at__isnull=True, status__in=[Report.Status.PENDING, Report.Status.RETURNED]
    ).select_related("request", "agency", "unit")
    for report in waiting:
        due = report.request.due_date
        days = (due - today).days
        if days > 0 and days not in (report.agency.reminder_days or []):
            continue  # nothing to say today: no one to look up
        writers = unit_heads(report.unit) if report.unit_id else agency_office(report.agency)
        url = reverse("reports:report_detail", args=[report.pk])
        if days < 0:
            askers = agency_office(report.agency) if report.unit_id else _province_reviewers(report.agency)
            sent += len(
                notify(
                    recipients=[*writers, *askers],
                    key=f"report-overdue:{report.pk}:{due:%Y%m%d}",
                    text=_("Quá hạn nộp báo cáo (hạn %(day)s): %(who)s — %(title)s")
                    % {
                        "day": f"{due:%d/%m/%Y}",
                        "who": report.respondent,
                        "title": report.request.title[:120],
                    },
                    url=url,
                )
            )
            continue
        text = (
            _("Hôm nay là hạn nộp báo cáo: %(title)s") % {"title": report.request.title[:150]}
            if days == 0
            else _("Còn %(days)s ngày đến hạn nộp báo cáo (%(day)s): %(title)s")
            % {"days": days, "day": f"{due:%d/%m/%Y}", "title": report.request.title[:150]}
        )
        sent += len(
            notify(
                recipients=writers, key=f"report-reminder:{report.pk}:{due:%Y%m%d}:{days}", text=text, url=url
            )
        )
    return sent
