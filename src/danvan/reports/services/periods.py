"""Reporting periods: a province's periods with their data cut-off windows,
its own cut-off rules, and a period corrected by hand."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Province, User
from danvan.core.services import DomainError
from danvan.reports.models import CutOffRule, PeriodKind, ReportingPeriod
from danvan.reports.periods import NATIONAL_CUT_OFF_DAY, PeriodError, cut_off_window, window_rule


def _cut_off(province: Province, kind: str) -> tuple[int, str]:
    rule = CutOffRule.objects.filter(province=province, kind=kind).first()
    if rule is None:
        return NATIONAL_CUT_OFF_DAY, ""
    return rule.cut_off_day, rule.source


def get_or_create_period(*, province: Province, kind: str, year: int, number: int = 0) -> ReportingPeriod:
    """The province's period, its window computed by its cut-off rule the
    first time it is asked for (and stored, so a later rule change does not
    move a period that reports were already made for)."""
    if kind not in PeriodKind.values:
        raise DomainError(_("Loại kỳ báo cáo không hợp lệ."))
    if not 2000 <= year <= 2100:
        raise DomainError(_("Năm của kỳ báo cáo không hợp lệ."))
    try:
        cut_off_day, source = _cut_off(province, kind)
        start, end = cut_off_window(kind, year, number, cut_off_day=cut_off_day)
    except PeriodError as error:
        raise DomainError(str(error)) from error
    number = number if kind in (PeriodKind.MONTH, PeriodKind.QUARTER) else 0
    period, _made = ReportingPeriod.objects.get_or_create(
        province=province,
        kind=kind,
        year=year,
        number=number,
        defaults={"start": start, "end": end, "rule": window_rule(cut_off_day, source)[:255]},
    )
    return period


@transaction.atomic
def set_cut_off_rule(*, province: Province, kind: str, cut_off_day: int, source: str, by: User) -> CutOffRule:
    """The province's own cut-off day. Periods nobody has reported on yet
    follow it at once; periods with requests keep the window they were asked for."""
    if not 0 <= cut_off_day <= 28:
        raise DomainError(_("Ngày chốt số liệu phải từ 0 (hết tháng) đến 28."))
    if not source.strip():
        raise DomainError(_("Hãy ghi căn cứ (văn bản quy định ngày chốt số liệu)."))
    rule, _made = CutOffRule.objects.update_or_create(
        province=province, kind=kind, defaults={"cut_off_day": cut_off_day, "source": source.strip()[:255]}
    )
    for period in ReportingPeriod.objects.filter(province=province, kind=kind, requests__isnull=True):
        period.start, period.end = cut_off_window(kind, period.year, period.number, cut_off_day=cut_off_day)
        period.rule = window_rule(cut_off_day, rule.source)[:255]
        period.save(update_fields=["start", "end", "rule"])
    return rule


@transaction.atomic
def correct_period(
    *, period: ReportingPeriod, start: date, end: date, reason: str, by: User
) -> ReportingPeriod:
    """Set a period's window by hand (a province decision for one period)."""
    if end < start:
        raise DomainError(_("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."))
    if (end - start).days > 400:
        raise DomainError(_("Một kỳ báo cáo không dài quá một năm."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi căn cứ điều chỉnh kỳ báo cáo."))
    period.start, period.end = start, end
    period.rule = (_("Điều chỉnh: %(reason)s") % {"reason": reason.strip()})[:255]
    period.save(update_fields=["start", "end", "rule"])
    return period
