"""Read queries of the one-stop pages and the on-time rate.

The rate of a period is (trước hạn + đúng hạn) / đã giải quyết, where đã
giải quyết = trước hạn + đúng hạn + quá hạn (spec/domain.md §5.3). When the
agency's setting says so, a late dossier of the register whose apology letter
(Mẫu 04) went out no later than one day before the due date, with a new date
that was kept, counts as not late; it is matched to the figures by the due
date falling in the period and by the procedure's name, and never moves more
dossiers than the figures call late."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.models import Agency, User
from danvan.core.text import search_key
from danvan.onestop import permissions
from danvan.onestop.models import LateDossier, OnestopSetting, StatisticsPeriod, StatisticsRow
from danvan.plans.measures import Reading, TargetSource
from danvan.plans.models import Target

LIST_LIMIT = 200
SOURCE_CODE = "onestop.on_time_rate"

# The five groups of QĐ 766/QĐ-TTg (23/06/2022) and their points out of 100
# (spec/domain.md §5.3). Only the on-time rate of "Tiến độ, kết quả giải quyết"
# is computed here; the official scores come from the national portal.
INDEX_GROUPS = [
    (gettext_lazy("Công khai, minh bạch"), 18, False),
    (gettext_lazy("Tiến độ, kết quả giải quyết"), 20, True),
    (gettext_lazy("Số hóa hồ sơ"), 22, False),
    (gettext_lazy("Cung cấp dịch vụ trực tuyến"), 22, False),
    (gettext_lazy("Mức độ hài lòng"), 18, False),
]


@dataclass(frozen=True)
class Rate:
    label: str
    received: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    withdrawn: int = 0
    cleared: int = 0  # late dossiers counted as not late (the apology setting)

    @property
    def settled(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def counted(self) -> int:
        return self.early + self.on_time + self.cleared

    @property
    def counted_late(self) -> int:
        return self.late - self.cleared

    @property
    def percent(self) -> Decimal | None:
        if not self.settled:
            return None
        return (Decimal(self.counted) * 100 / self.settled).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def setting_of(agency: Agency) -> OnestopSetting:
    found = OnestopSetting.objects.filter(agency=agency).first()
    return found if found is not None else OnestopSetting(agency=agency)


def _sum(label: str, rows: list[StatisticsRow], cleared: int) -> Rate:
    late = sum(row.late for row in rows)
    return Rate(
        label=label,
        received=sum(row.received for row in rows),
        early=sum(row.early for row in rows),
        on_time=sum(row.on_time for row in rows),
        late=late,
        in_progress=sum(row.in_progress for row in rows),
        withdrawn=sum(row.withdrawn for row in rows),
        cleared=min(cleared, late),
    )


def _kept(period: StatisticsPeriod) -> list[LateDossier]:
    dossiers = LateDossier.objects.filter(
        agency_id=period.agency_id, due_date__range=(period.starts_on, period.ends_on)
    )
    return [dossier for dossier in dossiers if dossier.kept_new_date()]


@dataclass(frozen=True)
class PeriodFigures:
    period: StatisticsPeriod
    total: Rate
    by_procedure: list[Rate]
    by_unit: list[Rate]


def period_figures(
    period: StatisticsPeriod, *, clears: bool, rows: list[StatisticsRow] | None = None
) -> PeriodFigures:
    rows = list(period.rows.all()) if rows is None else rows
    kept = _kept(period) if clears else []
    by_procedure: dict[str, list[StatisticsRow]] = defaultdict(list)
    by_unit: dict[str, list[StatisticsRow]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in rows:
        by_procedure[search_key(row.procedure)].append(row)
        names.setdefault(search_key(row.procedure), row.procedure)
        by_unit[row.unit_name].append(row)
    kept_by_procedure: dict[str, int] = defaultdict(int)
    kept_by_unit: dict[str, int] = defaultdict(int)
    for dossier in kept:
        kept_by_procedure[search_key(dossier.procedure)] += 1
        kept_by_unit[dossier.unit_name] += 1
    total = _sum(str(period), rows, len(kept))
    procedures = [_sum(names[key], found, kept_by_procedure[key]) for key, found in by_procedure.items()]
    units = [_sum(unit or "—", found, kept_by_unit[unit]) for unit, found in by_unit.items()]
    procedures.sort(key=lambda rate: (-rate.late, rate.label))
    units.sort(key=lambda rate: rate.label)
    return PeriodFigures(period=period, total=total, by_procedure=procedures, by_unit=units)


def trend(agency: Agency, *, clears: bool) -> list[PeriodFigures]:
    periods = StatisticsPeriod.objects.filter(agency=agency).prefetch_related("rows").order_by("starts_on")
    return [period_figures(period, clears=clears, rows=list(period.rows.all())) for period in periods]


def year_figures(agency: Agency, year: int) -> list[PeriodFigures]:
    """The periods that end in the year, with the agency's apology setting."""
    clears = setting_of(agency).apology_clears_late
    periods = (
        StatisticsPeriod.objects.filter(agency=agency, ends_on__year=year)
        .prefetch_related("rows")
        .order_by("starts_on")
    )
    return [period_figures(period, clears=clears, rows=list(period.rows.all())) for period in periods]


def year_rate(agency: Agency, year: int) -> Rate:
    found = year_figures(agency, year)
    return Rate(
        label=str(year),
        received=sum(f.total.received for f in found),
        early=sum(f.total.early for f in found),
        on_time=sum(f.total.on_time for f in found),
        late=sum(f.total.late for f in found),
        cleared=sum(f.total.cleared for f in found),
    )


def chart_data(figures: list[PeriodFigures]) -> dict:
    return {
        "labels": [str(found.period) for found in figures],
        "rates": [
            float(found.total.percent) if found.total.percent is not None else None for found in figures
        ],
        "late": [found.total.counted_late for found in figures],
    }


# --- Plan targets ------------------------------------------------------------------


def _target_year(target: Target) -> int:
    plan = target.plan
    if plan.period_year:
        return plan.period_year
    return plan.issue_date.year if plan.issue_date else timezone.localdate().year


def read_on_time_target(target: Target) -> Reading:
    """The plans.measures reading of "100% hồ sơ TTHC … đúng hạn": the rate of
    the plan's agency over the periods ending in the plan's year."""
    agency = target.plan.agency
    year = _target_year(target)
    rate = year_rate(agency, year)
    return Reading(
        value=rate.percent,
        counted=rate.counted,
        total=rate.settled,
        note=_(
            "%(counted)s trên %(settled)s hồ sơ thủ tục hành chính đã giải quyết trong năm %(year)s "
            "được trả trước hạn hoặc đúng hạn (số liệu nhập từ hệ thống một cửa)."
        )
        % {"counted": rate.counted, "settled": rate.settled, "year": year},
        url=reverse("onestop:agency", args=[agency.pk]),
    )


ON_TIME_SOURCE = TargetSource(
    code=SOURCE_CODE,
    label=gettext_lazy("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn, đúng hạn (số liệu một cửa)"),
    read=read_on_time_target,
    needs_document=False,
)


# --- Pages -------------------------------------------------------------------------


def index_page(person: User) -> dict:
    agencies = list(permissions.figure_agencies(person).order_by("name")[:LIST_LIMIT])
    latest: dict[int, StatisticsPeriod] = {}
    for period in (
        StatisticsPeriod.objects.filter(agency__in=agencies).prefetch_related("rows").order_by("starts_on")
    ):
        latest[period.agency_id] = period
    settings = {
        found.agency_id: found.apology_clears_late
        for found in OnestopSetting.objects.filter(agency__in=agencies)
    }
    rows = []
    for agency in agencies:
        newest = latest.get(agency.pk)
        figures = period_figures(newest, clears=settings.get(agency.pk, False)) if newest else None
        rows.append({"agency": agency, "figures": figures})
    return {"rows": rows}


def agency_page(person: User, agency: Agency) -> dict:
    setting = setting_of(agency)
    figures = trend(agency, clears=setting.apology_clears_late)
    return {
        "agency": agency,
        "setting": setting,
        "figures": list(reversed(figures)),
        "chart": chart_data(figures),
        "index_groups": INDEX_GROUPS,
        "can_import": permissions.can_import_onestop(person, agency),
        "can_read_late": permissions.can_read_late_dossiers(person, agency),
    }


def period_page(person: User, period: StatisticsPeriod) -> dict:
    setting = setting_of(period.agency)
    return {
        "period": period,
        "figures": period_figures(period, clears=setting.apology_clears_late),
        "setting": setting,
        "can_import": permissions.can_import_onestop(person, period.agency),
    }


def late_dossiers(person: User, agency: Agency) -> QuerySet[LateDossier]:
    return permissions.visible_late_dossiers(person).filter(agency=agency).order_by("-due_date", "code")


def late_dossier_page(person: User, dossier: LateDossier, *, today: date) -> dict:
    return {
        "dossier": dossier,
        "can_manage": permissions.can_manage_late_dossier(person, dossier),
        "apology_deadline": dossier.apology_deadline,
    }
