"""Reading a plan's deadlines as reports, from the plan's own words."""

import pytest

from danvan.plans.models import PlanDeadline
from danvan.reports import plan_deadlines
from danvan.reports.models import PeriodKind


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("Báo cáo kết quả 9 tháng", PeriodKind.NINE_MONTHS),
        ("Báo cáo sơ kết 6 tháng đầu năm", PeriodKind.HALF),
        ("Báo cáo kết quả thực hiện hằng quý", PeriodKind.QUARTER),
        ("Báo cáo tình hình hằng tháng", PeriodKind.MONTH),
        ("Báo cáo trước ngày 15 tháng 11", PeriodKind.YEAR),  # a date, not a monthly report
        ("Báo cáo tổng kết năm", PeriodKind.YEAR),
        # Wordings of plans as issued (seed 004-like): "06 tháng", "12 tháng", "hằng năm".
        ("Báo cáo kết quả thực hiện 06 tháng đầu năm 2027", PeriodKind.HALF),
        ("Báo cáo sáu tháng", PeriodKind.HALF),
        ("Báo cáo kết quả thực hiện 12 tháng", PeriodKind.YEAR),
        ("Báo cáo kết quả thực hiện hằng năm trước ngày 10 tháng 10", PeriodKind.YEAR),
        ("Báo cáo kết quả 09 tháng", PeriodKind.NINE_MONTHS),
        ("Báo cáo quý", PeriodKind.QUARTER),
        ("Báo cáo định kỳ hằng tháng trong năm 2027", PeriodKind.MONTH),
        ("Báo cáo chuyên đề về dân vận khéo", PeriodKind.YEAR),
    ],
)
def test_the_period_a_deadline_reports_on(action, kind):
    assert plan_deadlines.period_kind(action) == kind


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("Báo cáo đột xuất khi có yêu cầu", "ad_hoc"),
        ("Báo cáo chuyên đề về mô hình Dân vận khéo", "thematic"),
        ("Báo cáo kết quả 6 tháng", "periodic"),
    ],
)
def test_the_kind_of_report_a_deadline_asks_for(action, kind):
    assert plan_deadlines.request_kind(action) == kind


def test_only_deadlines_about_reports_ask_for_one():
    assert plan_deadlines.asks_for_report("Gửi BÁO CÁO kết quả năm")
    assert not plan_deadlines.asks_for_report("Đăng ký mô hình Dân vận khéo")


@pytest.mark.parametrize(
    ("action", "units", "recipient", "upward"),
    [
        ("Báo cáo kết quả năm", [], "Sở Nội vụ", True),
        ("Báo cáo kết quả năm về UBND tỉnh", [], "", True),
        ("Báo cáo kết quả năm về UBND tỉnh", ["Các phòng, đơn vị"], "", False),
        ("Báo cáo kết quả 6 tháng", ["Các phòng, đơn vị"], "Văn phòng Sở", False),
    ],
)
def test_a_report_goes_up_or_comes_in_from_the_units(action, units, recipient, upward):
    deadline = PlanDeadline(action=action, units=units, recipient=recipient)
    assert plan_deadlines.is_upward(deadline) is upward


def test_a_reports_title_drops_the_word_report():
    assert plan_deadlines.without_report_word("Gửi báo cáo kết quả năm.") == "kết quả năm"
    assert plan_deadlines.without_report_word("Báo cáo Sơ kết 6 tháng") == "sơ kết 6 tháng"
