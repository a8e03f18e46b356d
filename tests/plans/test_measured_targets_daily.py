"""The daily scan counts every bound target of a plan in force again, so that its
figure follows the staff who joined or left since the last briefing."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.plans.measures import _SOURCES, Reading, TargetSource, register_target_source
from danvan.plans.models import Plan, Target
from danvan.plans.services import refresh_all_measured_targets

COUNTED = {"value": Decimal(90)}


@pytest.fixture
def source():
    register_target_source(
        TargetSource(
            code="test.counted",
            label="Đếm thử",
            read=lambda target: Reading(value=COUNTED["value"], counted=9, total=10),
            needs_document=False,
        )
    )
    yield
    _SOURCES.pop("test.counted", None)


def plan_with_target(agency, by, status):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch dân vận 2026", period_year=2026, status=status, created_by=by
    )
    return Target.objects.create(
        plan=plan, order=0, text="100% công chức được quán triệt", measured_by="test.counted"
    )


def test_the_daily_step_counts_bound_targets_of_plans_in_force_again(source, agency, office_officer):
    issued = plan_with_target(agency, office_officer, Plan.Status.ISSUED)
    draft = plan_with_target(agency, office_officer, Plan.Status.DRAFT)
    assert refresh_all_measured_targets(today=date(2026, 5, 4)) == 1
    issued.refresh_from_db()
    draft.refresh_from_db()
    assert (issued.current_value, issued.measured_on) == (Decimal(90), date(2026, 5, 4))
    assert draft.current_value is None
    assert refresh_all_measured_targets(today=date(2026, 5, 5)) == 0  # nothing changed, nothing written
    COUNTED["value"] = Decimal(100)
    assert refresh_all_measured_targets(today=date(2026, 5, 6)) == 1
    issued.refresh_from_db()
    assert (issued.current_value, issued.measured_on) == (Decimal(100), date(2026, 5, 6))
