"""What a successor takes over from a merged or split agency or unit: the
reports not yet approved (with what was written in them) and the requests it
sent its units that are still being answered. Approved reports stay with the
predecessor and read with its name."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency, Unit
from danvan.core.organisation import register_takeover
from danvan.reports.models import Report, ReportRequest


def _open_reports(**where):
    return Report.objects.filter(**where).exclude(status=Report.Status.APPROVED)


def _open_unit_requests(agency: Agency):
    return (
        ReportRequest.objects.filter(agency=agency, level=ReportRequest.Level.UNITS)
        .filter(Q(reports__isnull=True) | ~Q(reports__status=Report.Status.APPROVED))
        .distinct()
    )


def _count_agency(agency: Agency) -> int:
    return _open_reports(agency=agency).count() + _open_unit_requests(agency).count()


def _move_agency(old: Agency, new: Agency) -> int:
    moved = 0
    for request in _open_unit_requests(old):
        request.agency = new
        request.save(update_fields=["agency"])
        moved += 1
    for report in _open_reports(agency=old):
        # The successor's own report to the same request is kept; this one
        # stays with the predecessor, with what was written in it.
        clash = Report.objects.filter(request=report.request_id, agency=new, unit=report.unit_id)
        if report.unit_id is None and clash.exists():
            continue
        report.agency = new
        report.save(update_fields=["agency"])
        moved += 1
    return moved


def _move_unit(old: Unit, new: Unit) -> int:
    moved = 0
    for report in _open_reports(unit=old):
        if Report.objects.filter(request=report.request_id, unit=new).exists():
            continue
        report.unit, report.agency = new, new.agency
        report.save(update_fields=["unit", "agency"])
        moved += 1
    return moved


register_takeover(
    level="agency", label=_("báo cáo, yêu cầu báo cáo chưa xong"), count=_count_agency, move=_move_agency
)
register_takeover(
    level="unit",
    label=_("báo cáo của đơn vị chưa duyệt"),
    count=lambda unit: _open_reports(unit=unit).count(),
    move=_move_unit,
)
