"""The on-time rate on a hand-computed sheet, and the agency's setting for a
late dossier apologised for in time."""

from datetime import date
from decimal import Decimal

from danvan.onestop import selectors, services
from danvan.onestop.models import LateDossier
from tests.onestop.conftest import FIGURES, import_figures, statistics_csv


def test_the_rate_is_early_and_on_time_over_settled(period):
    # FIGURES: early 10+2+0, on time 20+8+15, late 5+0+5: 55 of 65 settled.
    total = selectors.period_figures(period, clears=False).total
    assert (total.counted, total.settled, total.late) == (55, 65, 10)
    assert total.percent == Decimal("84.62")


def test_the_rate_is_given_per_procedure_and_per_unit(period):
    figures = selectors.period_figures(period, clears=False)
    by_unit = {rate.label: rate.percent for rate in figures.by_unit}
    assert by_unit == {
        "Chi cục Tiêu chuẩn Đo lường Chất lượng": Decimal("88.89"),
        "Văn phòng Sở": Decimal("75.00"),
    }
    by_procedure = {rate.label: rate.percent for rate in figures.by_procedure}
    assert by_procedure["Thủ tục kiểm tra nhà nước về đo lường"] == Decimal("100.00")


def _apologised(agency, by, **overrides):
    values = {
        "agency": agency,
        "code": "H57-0001",
        "procedure": "Cấp giấy phép tiến hành công việc bức xạ",
        "unit_name": "Văn phòng Sở",
        "applicant": "Lê Văn Chờ",
        "due_date": date(2026, 3, 10),
        "returned_on": date(2026, 3, 14),
        "apology_sent_on": date(2026, 3, 9),
        "new_due_date": date(2026, 3, 15),
        "created_by": by,
    }
    return LateDossier.objects.create(**{**values, **overrides})


def test_by_default_an_apologised_dossier_still_counts_late(agency, office_officer, period):
    _apologised(agency, office_officer)
    assert (
        selectors.period_figures(period, clears=selectors.setting_of(agency).apology_clears_late).total.late
        == 10
    )
    assert selectors.year_rate(agency, 2026).percent == Decimal("84.62")


def test_with_the_setting_an_apology_sent_in_time_counts_as_not_late(
    agency, agency_head, office_officer, period
):
    _apologised(agency, office_officer)
    services.set_apology_rule(agency=agency, apology_clears_late=True, by=agency_head)
    total = selectors.year_rate(agency, 2026)
    assert (total.counted, total.settled, total.counted_late) == (56, 65, 9)
    procedure = selectors.period_figures(period, clears=True).by_procedure
    assert next(rate for rate in procedure if rate.label.startswith("Cấp giấy phép")).cleared == 1


def test_an_apology_sent_on_the_due_date_or_a_new_date_missed_still_counts_late(
    agency, office_officer, period
):
    _apologised(agency, office_officer, apology_sent_on=date(2026, 3, 10))
    _apologised(agency, office_officer, code="H57-0002", returned_on=date(2026, 3, 20))
    assert selectors.period_figures(period, clears=True).total.cleared == 0


def test_the_trend_lists_the_periods_in_order(agency, office_officer, period):
    import_figures(
        agency,
        office_officer,
        statistics_csv(FIGURES[:1]),
        starts_on=date(2026, 4, 1),
        ends_on=date(2026, 6, 30),
    )
    chart = selectors.chart_data(selectors.trend(agency, clears=False))
    assert chart["labels"] == ["01/01/2026–31/03/2026", "01/04/2026–30/06/2026"]
    assert chart["rates"] == [84.62, 85.71]
