"""Asking for reports: the province asks its agencies, an agency office asks
its units, and an issued plan's reporting deadlines become requests."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import search
from danvan.core.models import Agency, Province, Role, User
from danvan.core.selectors import agency_office, holders_by
from danvan.core.services import DomainError, notify
from danvan.plans.matching import match_named_units
from danvan.plans.models import Plan, PlanDeadline
from danvan.plans.services import follow_deadline
from danvan.reports import plan_deadlines
from danvan.reports.models import Report, ReportingPeriod, ReportRequest
from danvan.reports.periods import cut_off_before, period_due_by, shortened_rule
from danvan.reports.services.periods import _cut_off, get_or_create_period


def _check_due(due_date: date, period: ReportingPeriod) -> None:
    if due_date < period.start:
        raise DomainError(_("Hạn nộp báo cáo không được trước ngày bắt đầu của kỳ báo cáo."))


def _window(province: Province, period: ReportingPeriod, due_date: date) -> dict:
    """The request's own data window when the period's cut-off is after its
    due date: the figures end at the last cut-off by the due date."""
    if period.end <= due_date:
        return {}
    cut_off_day, _source = _cut_off(province, period.kind)
    end = cut_off_before(due_date, cut_off_day=cut_off_day)
    if end < period.start:
        raise DomainError(
            _("Hạn nộp %(day)s quá sớm: chưa có ngày chốt số liệu nào của kỳ %(period)s trước hạn này.")
            % {"day": f"{due_date:%d/%m/%Y}", "period": period.label}
        )
    return {
        "data_start": period.start,
        "data_end": end,
        "data_rule": shortened_rule(due_date, end, period.end)[:255],
    }


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
        **_window(province, period, due_date),
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
        **_window(agency.province, period, due_date),
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


def _deadline_period(plan: Plan, deadline: PlanDeadline) -> ReportingPeriod:
    """The period of the kind the deadline's words name (Nghị định 09/2019:
    tháng, quý, 6 tháng, 9 tháng, năm) that closes before its due date."""
    province = plan.agency.province
    kind = plan_deadlines.period_kind(deadline.action)
    cut_off_day, _source = _cut_off(province, kind)
    year, number = period_due_by(kind, deadline.due_date, year=plan.period_year, cut_off_day=cut_off_day)
    return get_or_create_period(province=province, kind=kind, year=year, number=number)


def _deadline_title(deadline: PlanDeadline, period: ReportingPeriod) -> str:
    return _("Báo cáo %(what)s — %(period)s") % {
        "what": plan_deadlines.without_report_word(deadline.action),
        "period": period.label,
    }


def units_named_by(deadline: PlanDeadline) -> list:
    """The agency's units the deadline names (its ``units`` text matched by
    name or abbreviation, accents aside); units not named are not asked."""
    units = list(deadline.plan.agency.units.filter(is_active=True))
    return match_named_units([str(text) for text in deadline.units or []], units).units


def asks_units(deadline: PlanDeadline) -> bool:
    """A report deadline whose reports come in from the agency's units."""
    return plan_deadlines.asks_for_report(deadline.action) and not plan_deadlines.is_upward(deadline)


@transaction.atomic
def requests_from_plan(*, plan: Plan, by: User) -> list[ReportRequest]:
    """When a plan is issued, its reporting deadlines to a higher body become
    the agency's report requests at once; those its units answer wait for the
    office to confirm which units are asked (``request_reports_for_deadline``),
    and the office is told. Deadlines that are not about reports stay the
    plan's dated items."""
    made: list[ReportRequest] = []
    waiting = 0
    for deadline in plan.deadlines.order_by("due_date", "order"):
        if not plan_deadlines.asks_for_report(deadline.action):
            continue
        if ReportRequest.objects.filter(source_deadline=deadline).exists():
            continue
        if not plan_deadlines.is_upward(deadline):
            waiting += 1
            continue
        period = _deadline_period(plan, deadline)
        request = request_agency_reports(
            province=plan.agency.province,
            period=period,
            title=_deadline_title(deadline, period),
            due_date=max(deadline.due_date, period.start),
            agencies=[plan.agency],
            recipient=deadline.recipient,
            kind=plan_deadlines.request_kind(deadline.action),
            by=by,
        )
        ReportRequest.objects.filter(pk=request.pk).update(source_deadline=deadline)
        follow_deadline(deadline=deadline, label=request.title)
        made.append(request)
    if waiting:
        notify(
            recipients=agency_office(plan.agency),
            key=f"plan-report-units:{plan.pk}",
            text=_(
                "Kế hoạch %(plan)s có %(count)s hạn báo cáo của các đơn vị: hãy xác nhận đơn vị phải báo cáo."
            )
            % {"plan": plan.title[:120], "count": waiting},
            url=reverse("reports:plan_requests", args=[plan.pk]),
        )
    return made


@transaction.atomic
def request_reports_for_deadline(*, deadline: PlanDeadline, units, by: User) -> ReportRequest:
    """The office sends the report request of a plan deadline to the units it
    confirmed (those the plan names, as proposed, or as corrected): of the
    period the deadline's words name, its figures ending before the due date,
    serving the agency's own report upward of the same period when there is one."""
    plan = deadline.plan
    if plan.status != Plan.Status.ISSUED:
        raise DomainError(_("Chỉ gửi yêu cầu báo cáo theo kế hoạch đã ban hành."))
    if not asks_units(deadline):
        raise DomainError(_("Hạn này không phải báo cáo của các đơn vị."))
    if ReportRequest.objects.filter(source_deadline=deadline).exists():
        raise DomainError(_("Yêu cầu báo cáo của hạn này đã được gửi."))
    units = list(units)
    period = _deadline_period(plan, deadline)
    parent = (
        ReportRequest.objects.filter(
            level=ReportRequest.Level.AGENCIES,
            period=period,
            reports__agency=plan.agency,
            due_date__gte=deadline.due_date,
        )
        .order_by("due_date")
        .first()
    )
    request = request_unit_reports(
        agency=plan.agency,
        period=period,
        title=_deadline_title(deadline, period),
        due_date=max(deadline.due_date, period.start),
        units=units,
        parent=parent,
        source_deadline=deadline,
        kind=plan_deadlines.request_kind(deadline.action),
        by=by,
    )
    follow_deadline(deadline=deadline, label=request.title)
    return request
