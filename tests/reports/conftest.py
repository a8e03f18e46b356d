from datetime import date

import pytest

from danvan.core.models import Role
from danvan.plans.models import Plan, Task, TaskUpdate
from danvan.reports import services
from danvan.reports.models import PeriodKind
from tests.factories import person_with_role
from tests.signing_ca import agency_bundle, test_ca  # noqa: F401 — the test CA's fixtures.


@pytest.fixture
def sibling_head(sibling_unit):
    return person_with_role(Role.UNIT_HEAD, unit=sibling_unit)


@pytest.fixture
def year_period(province):
    return services.get_or_create_period(province=province, kind=PeriodKind.YEAR, year=2026)


@pytest.fixture
def unit_tasks(agency, office_officer, lead_unit, sibling_unit):
    """An issued 2026 plan: two tasks of the lead unit (one done with
    progress written in the period), one of the sibling unit."""
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2026",
        period_year=2026,
        symbol="KH-SKHCN",
        number="03",
        status=Plan.Status.ISSUED,
        issue_date=date(2026, 1, 10),
        created_by=office_officer,
    )
    done = Task.objects.create(
        plan=plan,
        order=0,
        heading="Quán triệt Chỉ thị 33/CT-TTg",
        lead_unit=lead_unit,
        status="done",
        percent=100,
    )
    Task.objects.create(
        plan=plan,
        order=1,
        heading="Xây dựng mô hình Dân vận khéo",
        lead_unit=lead_unit,
        status="overdue",
        percent=40,
    )
    Task.objects.create(plan=plan, order=2, heading="Đối thoại với doanh nghiệp", lead_unit=sibling_unit)
    TaskUpdate.objects.create(
        task=done,
        status="done",
        percent=100,
        note="Tổ chức 02 hội nghị quán triệt cho 120 công chức",
        reported_on=date(2026, 3, 2),
        created_by=office_officer,
    )
    return plan


@pytest.fixture
def agency_request(province, agency, other_agency, year_period, province_officer):
    return services.request_agency_reports(
        province=province,
        period=year_period,
        title="Báo cáo kết quả công tác dân vận chính quyền năm 2026",
        due_date=date(2026, 10, 25),
        agencies=[agency, other_agency],
        recipient="Sở Nội vụ",
        by=province_officer,
    )


@pytest.fixture
def unit_request(agency, year_period, lead_unit, sibling_unit, office_officer, agency_request):
    return services.request_unit_reports(
        agency=agency,
        period=year_period,
        title="Báo cáo kết quả công tác dân vận chính quyền năm 2026",
        due_date=date(2026, 10, 20),
        units=[lead_unit, sibling_unit],
        parent=agency_request,
        by=office_officer,
    )


@pytest.fixture
def lead_report(unit_request, lead_unit):
    return unit_request.reports.get(unit=lead_unit)


@pytest.fixture
def sibling_report(unit_request, sibling_unit):
    return unit_request.reports.get(unit=sibling_unit)


@pytest.fixture
def submitted_report(
    unit_request,
    lead_report,
    sibling_report,
    unit_head,
    sibling_head,
    office_officer,
    agency_head,
    unit_tasks,
):
    """The agency's yearly report, composed from two units (one late) and
    submitted to the leader (who signs it: the office names them on composing)."""
    from danvan.reports.models import Report

    for report, person, text in (
        (lead_report, unit_head, "Tổ chức 02 hội nghị quán triệt"),
        (sibling_report, sibling_head, "Tổ chức 01 buổi đối thoại"),
    ):
        services.save_report(report=report, sections={"results": text}, base_revision=0, by=person)
        services.submit_report(report=report, by=person)
    Report.objects.filter(pk=lead_report.pk).update(first_sent_at="2026-10-19T09:00:00+07:00")
    Report.objects.filter(pk=sibling_report.pk).update(first_sent_at="2026-10-22T09:00:00+07:00")
    report = services.compose_agency_report(unit_request=unit_request, by=office_officer)
    services.save_report(
        report=report,
        sections={
            **report.sections(),
            "shortcomings": "Một số đơn vị nộp báo cáo chậm.",
            "proposals": "Đề nghị tập huấn",
        },
        base_revision=report.revision,
        by=office_officer,
    )
    return services.submit_report(report=report, by=office_officer, today=date(2026, 10, 24))


@pytest.fixture
def approved_report(submitted_report, agency_head):
    """The same report, approved and sent to the province."""
    return services.approve_report(report=submitted_report, by=agency_head, today=date(2026, 10, 24))
