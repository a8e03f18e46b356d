import pytest

from danvan.plans.models import Plan, Task
from tests.signing_ca import agency_bundle, test_ca, unknown_ca  # noqa: F401 — the test CA's fixtures.


@pytest.fixture
def draft_plan(agency, office_officer, lead_unit):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2026",
        period_year=2026,
        symbol="KH-SKHCN",
        created_by=office_officer,
    )
    Task.objects.create(
        plan=plan,
        order=0,
        heading="Tuyên truyền, quán triệt Chỉ thị 33",
        lead_unit=lead_unit,
        timing="Thường xuyên",
    )
    return plan


@pytest.fixture
def issued_plan(draft_plan):
    Plan.objects.filter(pk=draft_plan.pk).update(status=Plan.Status.ISSUED, number="01")
    draft_plan.refresh_from_db()
    return draft_plan


@pytest.fixture
def task(issued_plan):
    return issued_plan.tasks.get()
