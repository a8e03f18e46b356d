"""Asking for reports: the province asks its agencies, an agency office asks
its units, and an issued plan's reporting deadlines become requests."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import search
from danvan.core.models import Agency, Province, Role, Unit, User
from danvan.core.selectors import holders_by
from danvan.core.services import DomainError, notify
from danvan.plans.models import Plan, PlanDeadline
from danvan.reports import plan_deadlines
from danvan.reports.models import PeriodKind, Report, ReportingPeriod, ReportRequest
from danvan.reports.services.periods import get_or_create_period


def _check_due(due_date: date, period: ReportingPeriod) -> None:
    if due_date < period.start:
        raise DomainError(_("Hạn nộp báo cáo không được trước ngày bắt đầu của kỳ báo cáo."))


@transaction.atomic
def request_agency_reports(
    *,
    province: Province,
    period: ReportingPeriod,
    title: str,
    due_date: date,
    agencies,
    by: User,
    kind: str = ReportRequest.Kind.PERIODIC,
    note: str = "",
    recipient: str = "",
) -> ReportRequest:
    """The province asks agencies for their report of the period."""
    agencies = list(agencies)
    if period.province_id != province.pk or any(a.province_id != province.pk for a in agencies):
        raise DomainError(_("Chỉ yêu cầu báo cáo các cơ quan thuộc tỉnh của mình."))
    if not agencies:
        raise DomainError(_("Hãy chọn ít nhất một cơ quan phải báo cáo."))
    _check_due(due_date, period)
    request = ReportRequest.objects.create(
        province=province,
        level=ReportRequest.Level.AGENCIES,
        kind=kind,
        period=period,
        title=title.strip()[:300],
        note=note.strip(),
        due_date=due_date,
        recipient=recipient.strip()[:255],
        created_by=by,
    )
    Report.objects.bulk_create([Report(request=request, agency=agency) for agency in agencies])
    search.index_all("report", request.reports.select_related("request", "agency", "unit"))
    offices = holders_by(Role.AGENCY_OFFICE, field="agency", ids=[agency.pk for agency in agencies])
    for report in request.reports.all():
        notify(
            recipients=offices.get(report.agency_id, []),
            key=f"report-requested:{report.pk}",
            text=_("Yêu cầu báo cáo: %(title)s — hạn nộp %(day)s")
            % {"title": request.title[:150], "day": f"{due_date:%d/%m/%Y}"},
            url=reverse("reports:request_detail", args=[request.pk]),
        )
    return request


@transaction.atomic
def request_unit_reports(
    *,
    agency: Agency,
    period: ReportingPeriod,
    title: str,
    due_date: date,
    units,
    by: User,
    kind: str = ReportRequest.Kind.PERIODIC,
    note: str = "",
    parent: ReportRequest | None = None,
    source_deadline: PlanDeadline | None = None,
) -> ReportRequest:
    """The agency office asks its units for their report, due before the
    agency's own report is due upward."""
    units = list(units)
    if any(unit.agency_id != agency.pk for unit in units):
        raise DomainError(_("Chỉ yêu cầu báo cáo các đơn vị thuộc cơ quan của mình."))
    if not units:
        raise DomainError(_("Hãy chọn ít nhất một đơn vị phải báo cáo."))
    if period.province_id != agency.province_id:
        raise DomainError(_("Kỳ báo cáo không thuộc tỉnh của cơ quan."))
    _check_due(due_date, period)
    if parent is not None:
        if parent.level != ReportRequest.Level.AGENCIES or not parent.reports.filter(agency=agency).exists():
            raise DomainError(_("Yêu cầu cấp trên được chọn không gửi đến cơ quan này."))
        if due_date > parent.due_date:
            raise DomainError(
                _("Hạn nộp của các đơn vị phải trước hạn cơ quan báo cáo cấp trên (%(day)s).")
                % {"day": f"{parent.due_date:%d/%m/%Y}"}
            )
    request = ReportRequest.objects.create(
        province_id=agency.province_id,
        agency=agency,
        level=ReportRequest.Level.UNITS,
        kind=kind,
        period=period,
        title=title.strip()[:300],
        note=note.strip(),
        due_date=due_date,
        recipient=_("Văn phòng %(agency)s") % {"agency": agency.short_name or agency.name},
        parent=parent,
        source_deadline=source_deadline,
        created_by=by,
    )
    Report.objects.bulk_create([Report(request=request, agency=agency, unit=unit) for unit in units])
    search.index_all("report", request.reports.select_related("request", "agency", "unit"))
    heads = holders_by(Role.UNIT_HEAD, field="unit", ids=[unit.pk for unit in units])
    for report in request.reports.all():
        notify(
            recipients=heads.get(report.unit_id or 0, []),
            key=f"report-requested:{report.pk}",
            text=_("Đơn vị cần nộp báo cáo: %(title)s — hạn %(day)s")
            % {"title": request.title[:150], "day": f"{due_date:%d/%m/%Y}"},
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    return request


def requests_from_plan(*, plan: Plan, by: User) -> list[ReportRequest]:
    """When a plan is issued, its reporting deadlines become requests: the
    units' reports to the office, and the agency's own report upward (which the
    units' requests of the same period then serve). Deadlines that are not
    about reports ("báo cáo") are left to the plan."""
    agency = plan.agency
    made: list[ReportRequest] = []
    deadlines = [
        d for d in plan.deadlines.order_by("due_date", "order") if plan_deadlines.asks_for_report(d.action)
    ]
    upward: dict[int, ReportRequest] = {}
    units = list(
        agency.units.filter(is_active=True).exclude(kind__in=[Unit.Kind.LEADERSHIP, Unit.Kind.OFFICE])
    )
    for deadline in sorted(deadlines, key=lambda d: not plan_deadlines.is_upward(d)):
        if ReportRequest.objects.filter(source_deadline=deadline).exists():
            continue
        kind = plan_deadlines.period_kind(deadline.action)
        number = (
            ((deadline.due_date.month - 1) // 3 + 1)
            if kind == PeriodKind.QUARTER
            else deadline.due_date.month
        )
        period = get_or_create_period(
            province=agency.province,
            kind=kind,
            year=plan.period_year or deadline.due_date.year,
            number=number,
        )
        title = _("Báo cáo %(what)s — %(period)s") % {
            "what": plan_deadlines.without_report_word(deadline.action),
            "period": period.label,
        }
        if plan_deadlines.is_upward(deadline):
            request = request_agency_reports(
                province=agency.province,
                period=period,
                title=title,
                due_date=max(deadline.due_date, period.start),
                agencies=[agency],
                recipient=deadline.recipient,
                by=by,
            )
            ReportRequest.objects.filter(pk=request.pk).update(source_deadline=deadline)
            upward[period.pk] = request
        elif units:
            parent = upward.get(period.pk)
            if parent is not None and deadline.due_date > parent.due_date:
                parent = None
            request = request_unit_reports(
                agency=agency,
                period=period,
                title=title,
                due_date=max(deadline.due_date, period.start),
                units=units,
                parent=parent,
                source_deadline=deadline,
                by=by,
            )
        else:
            continue
        made.append(request)
    return made
