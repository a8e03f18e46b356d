"""The register of outgoing documents: one number series per agency and year
(NĐ 30/2020, Điều 15), shared by every kind of document the agency issues."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from danvan.documents.models import NumberSeries
from danvan.documents.register import hold_document_number, next_document_number
from danvan.petitions import services as petitions
from danvan.plans.models import Plan, Task
from danvan.plans.services import approve_plan, submit_plan
from danvan.reports import services as reports
from danvan.reports.models import PeriodKind
from tests.petitions.factories import classified


def test_number_series_restarts_each_year(agency):
    assert [next_document_number(agency=agency, year=2026) for _ in range(2)] == ["01", "02"]
    assert next_document_number(agency=agency, year=2027) == "01"


def test_numbers_past_nine_have_no_leading_zero(agency):
    numbers = [next_document_number(agency=agency, year=2026) for _ in range(10)]
    assert numbers[-1] == "10"


def test_a_number_issued_elsewhere_holds_the_series(agency):
    hold_document_number(agency=agency, year=2026, number="05")
    hold_document_number(agency=agency, year=2026, number="03")  # never goes back
    hold_document_number(agency=agency, year=2026, number="")  # nothing to hold
    assert next_document_number(agency=agency, year=2026) == "06"
    assert next_document_number(agency=agency, year=2027) == "01"


def test_each_agency_has_its_own_series(agency, other_agency):
    assert next_document_number(agency=agency, year=2026) == "01"
    assert next_document_number(agency=other_agency, year=2026) == "01"


def test_plans_reports_and_letters_share_the_agency_series(
    agency, other_agency, lead_unit, office_officer, agency_head, inspector, province_officer
):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch công tác dân vận năm 2026", period_year=2026, created_by=office_officer
    )
    Task.objects.create(plan=plan, order=0, heading="Tuyên truyền Chỉ thị 33", lead_unit=lead_unit)
    submit_plan(plan=plan, by=office_officer)
    plan = approve_plan(plan=plan, by=agency_head, issue_date=date(2026, 3, 2))

    letter = petitions.answer_petition(
        petition=classified(agency, by=inspector, kind="feedback"),
        note="Đã xem xét",
        public_answer="Ủy ban đã chỉ đạo sửa chữa tuyến đường.",
        on=date(2026, 3, 6),
        by=inspector,
    )

    period = reports.get_or_create_period(province=agency.province, kind=PeriodKind.HALF, year=2026)
    request = reports.request_agency_reports(
        province=agency.province,
        period=period,
        title="Báo cáo công tác dân vận 6 tháng đầu năm 2026",
        due_date=date(2026, 6, 20),
        agencies=[agency, other_agency],
        by=province_officer,
    )
    report = request.reports.get(agency=agency)
    reports.save_report(
        report=report, sections={"results": "Đã tổ chức 02 hội nghị."}, base_revision=0, by=office_officer
    )
    report = reports.submit_report(report=report, by=office_officer, today=date(2026, 6, 15))
    report = reports.approve_report(report=report, by=agency_head, today=date(2026, 6, 15))

    assert (plan.number, letter.letter_number, report.number) == ("01", "02", "03")
    assert next_document_number(agency=agency, year=2026) == "04"
    assert next_document_number(agency=other_agency, year=2026) == "01"


@pytest.mark.django_db(transaction=True)
def test_moving_the_series_to_the_register_keeps_every_number(agency, other_agency):
    """Series numbered before the register lived in documents go on from the
    number they had reached."""
    before = [("plans", "0009_vietnamese_field_labels"), ("documents", "0004_vietnamese_field_labels")]
    after = [("plans", "0010_move_number_series_to_documents")]
    numbers = sorted([(agency.pk, 2025, 41), (agency.pk, 2026, 7), (other_agency.pk, 2026, 3)])
    try:
        old = MigrationExecutor(connection).migrate(before).apps.get_model("plans", "NumberSeries")
        old.objects.bulk_create(old(agency_id=a, year=y, last_number=n) for a, y, n in numbers)
        moved = MigrationExecutor(connection).migrate(after).apps.get_model("documents", "NumberSeries")
        assert sorted(moved.objects.values_list("agency_id", "year", "last_number")) == numbers
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert next_document_number(agency=agency, year=2026) == "08"
    assert NumberSeries.objects.get(agency=other_agency, year=2026).last_number == 3
