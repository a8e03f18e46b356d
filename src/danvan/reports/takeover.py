"""What a successor takes over from a merged or split agency or unit: the
reports not yet approved (with what was written in them) and the requests it
sent its units that are still being answered; from a merged province, the
requests it sent that are still being answered, in the successor's period of
the same kind (the data window and the due date as they were asked). Approved
reports stay with the predecessor and read with its name."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency, Province, Unit
from danvan.core.organisation import register_takeover
from danvan.reports.models import Report, ReportingPeriod, ReportRequest

STILL_ANSWERED = Q(reports__isnull=True) | ~Q(reports__status=Report.Status.APPROVED)


def _open_reports(**where):
    return Report.objects.filter(**where).exclude(status=Report.Status.APPROVED)


def _open_unit_requests(agency: Agency):
    return (
        ReportRequest.objects.filter(agency=agency, level=ReportRequest.Level.UNITS)
        .filter(STILL_ANSWERED)
        .distinct()
    )


def _count_agency(agency: Agency) -> int:
    return _open_reports(agency=agency).count() + _open_unit_requests(agency).count()


def _agency_items(agency: Agency) -> list:
    """What one successor of a split takes as a whole: each request to the
    units, and each of the agency's own reports to the province."""
    return [
        *_open_unit_requests(agency).order_by("due_date", "pk"),
        *_open_reports(agency=agency, unit__isnull=True).order_by("request__due_date", "pk"),
    ]


def _move_items(items: list, new: Agency) -> int:
    moved = 0
    for item in items:
        if isinstance(item, ReportRequest):
            item.agency = new
            item.save(update_fields=["agency"])
            moved += 1
            continue
        # The successor's own report to the same request is kept; this one
        # stays with the predecessor, with what was written in it.
        clash = Report.objects.filter(request=item.request_id, agency=new, unit=item.unit_id)
        if item.unit_id is None and clash.exists():
            continue
        item.agency = new
        item.save(update_fields=["agency"])
        moved += 1
    return moved


def _move_agency(old: Agency, new: Agency) -> int:
    return _move_items([*_open_unit_requests(old), *_open_reports(agency=old)], new)


def _open_province_requests(province: Province):
    return ReportRequest.objects.filter(province=province).filter(STILL_ANSWERED).distinct()


def _move_province(old: Province, new: Province) -> int:
    moved = 0
    for request in _open_province_requests(old).select_related("period"):
        period = request.period
        into, _made = ReportingPeriod.objects.get_or_create(
            province=new,
            kind=period.kind,
            year=period.year,
            number=period.number,
            defaults={"start": period.start, "end": period.end, "rule": period.rule},
        )
        request.province, request.period = new, into
        fields = ["province", "period"]
        if (into.start, into.end) != (period.start, period.end) and request.data_end is None:
            # The figures still count over the window the request was asked for.
            request.data_start, request.data_end, request.data_rule = period.start, period.end, period.rule
            fields += ["data_start", "data_end", "data_rule"]
        request.save(update_fields=fields)
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
    level="agency",
    label=_("báo cáo, yêu cầu báo cáo chưa xong"),
    count=_count_agency,
    move=_move_agency,
    items=_agency_items,
    move_items=_move_items,
)
register_takeover(
    level="province",
    label=_("yêu cầu báo cáo của tỉnh chưa xong"),
    count=lambda province: _open_province_requests(province).count(),
    move=_move_province,
)
register_takeover(
    level="unit",
    label=_("báo cáo của đơn vị chưa duyệt"),
    count=lambda unit: _open_reports(unit=unit).count(),
    move=_move_unit,
)
