"""Reporting reacts to plans being issued through the plans.events signal."""

from datetime import date

from danvan.core.models import Notification
from danvan.plans.events import plan_issued
from danvan.plans.models import Plan, PlanDeadline
from danvan.reports import receivers
from danvan.reports.models import ReportRequest


def test_reports_listens_for_issued_plans():
    connected = [receiver() for _key, receiver, *_rest in plan_issued.receivers]
    assert receivers.requests_for_issued_plan in connected


def test_an_issued_plan_signal_turns_its_reporting_deadlines_into_requests(
    agency, office_officer, agency_head, lead_unit
):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch năm 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    deadline = PlanDeadline.objects.create(
        plan=plan, due_date=date(2026, 10, 20), action="Báo cáo kết quả năm", units=["Các đơn vị"]
    )
    plan_issued.send(sender=Plan, plan=plan, by=agency_head)
    # The units' report waits for the office to confirm whom it asks; the
    # deadline is already a dated item of the units it names.
    assert not ReportRequest.objects.filter(source_deadline=deadline).exists()
    assert list(deadline.duties.values_list("unit", flat=True)) == [lead_unit.pk]
    assert Notification.objects.filter(recipient=office_officer, key=f"plan-report-units:{plan.pk}").exists()
