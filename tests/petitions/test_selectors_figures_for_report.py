from datetime import date

import pytest

from danvan.petitions import selectors, services
from danvan.petitions.models import Petition
from tests.petitions.factories import classified, petition_for

MARCH = {"start": date(2026, 3, 1), "end": date(2026, 3, 31), "today": date(2026, 4, 10)}


@pytest.fixture
def march(agency, other_agency, inspector, unit_officer):
    """A complaint accepted and resolved on time by the lead unit's officer,
    a feedback and a denunciation left unprocessed past their limits, and a
    petition of another agency."""
    complaint = classified(agency, by=inspector, handler=unit_officer)
    case = services.accept_petition(
        petition=complaint, accepted_on=date(2026, 3, 5), handler=unit_officer, by=inspector
    )
    services.terminate_case(case=case, on=date(2026, 3, 20), reason="Người khiếu nại rút đơn", by=inspector)
    petition_for(agency, kind=Petition.Kind.FEEDBACK, sender_name="Lý Văn Phản")
    petition_for(agency, kind=Petition.Kind.DENUNCIATION, sender_name="Hoàng Thị Mật")
    petition_for(other_agency, sender_name="Phạm Văn Khác", identity_number="")


def test_figures_for_report_counts_the_period(agency, march):
    figures = selectors.figures_for_report(agency, **MARCH)
    counts = {
        key: figures[key]
        for key in ("received", "processed_on_time", "resolved_on_time", "resolved", "overdue")
    }
    assert counts == {
        "received": 3,
        "processed_on_time": 1,
        "resolved_on_time": 1,
        "resolved": 1,
        "overdue": 2,
    }
    assert figures["on_time_rate"] == 100.0


def test_figures_for_report_splits_by_kind(agency, march):
    rows = {row["kind"]: row for row in selectors.figures_for_report(agency, **MARCH)["by_kind"]}
    assert (rows["Khiếu nại"]["received"], rows["Khiếu nại"]["resolved"]) == (1, 1)
    assert (rows["Tố cáo"]["received"], rows["Tố cáo"]["overdue"]) == (1, 1)
    assert rows["Nhiều nội dung"]["received"] == 0


def test_figures_for_report_splits_by_the_handling_unit(agency, lead_unit, march):
    rows = {row["unit"]: row for row in selectors.figures_for_report(agency, **MARCH)["by_unit"]}
    assert rows[lead_unit.name]["received"] == 1 and rows[lead_unit.name]["resolved_on_time"] == 1
    assert rows["Chưa phân công đơn vị xử lý"]["overdue"] == 2


def test_figures_for_report_outside_the_period_are_empty(agency, march):
    figures = selectors.figures_for_report(
        agency, start=date(2026, 1, 1), end=date(2026, 1, 31), today=date(2026, 4, 10)
    )
    assert figures["received"] == 0 and figures["resolved"] == 0 and figures["on_time_rate"] is None


def test_figures_for_report_counts_a_late_resolution(agency, inspector, unit_officer):
    complaint = classified(agency, by=inspector, handler=unit_officer)
    case = services.accept_petition(
        petition=complaint, accepted_on=date(2026, 3, 5), handler=unit_officer, by=inspector
    )
    # Luật Khiếu nại Điều 28: 30 days from acceptance, so 04/04 (a Saturday → 06/04).
    services.terminate_case(case=case, on=date(2026, 4, 20), reason="Rút đơn", by=inspector)
    figures = selectors.figures_for_report(
        agency, start=date(2026, 4, 1), end=date(2026, 4, 30), today=date(2026, 5, 5)
    )
    assert (figures["resolved"], figures["resolved_on_time"], figures["overdue"]) == (1, 0, 1)
    assert figures["on_time_rate"] == 0.0


def test_figures_for_report_takes_two_queries(agency, march, django_assert_num_queries):
    # 1 received by kind and unit; 1 deadlines counted by kind and unit.
    with django_assert_num_queries(2):
        selectors.figures_for_report(agency, **MARCH)
