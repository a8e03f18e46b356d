"""A chi cục or a centre issues its own plan implementing the agency's,
numbered in its own register when it keeps one; the agency follows its
units as the province follows agencies."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Role, Unit
from danvan.core.services import DomainError
from danvan.documents.models import NumberSeries
from danvan.documents.output.docx import render_plan_docx
from danvan.documents.register import next_document_number
from danvan.plans.models import Plan, Task
from danvan.plans.services import (
    approve_plan,
    create_new_plan,
    issue_amendment,
    propose_new_task,
    propose_plan_change,
    start_amendment,
    submit_amendment,
    submit_plan,
)
from tests.documents.output.conftest import open_docx
from tests.factories import UnitFactory, person_with_role


@pytest.fixture
def centre(agency):
    return UnitFactory(
        agency=agency,
        code="TTKHCN",
        short_name="TTKHCN",
        name="Trung tâm Khoa học và Công nghệ",
        kind=Unit.Kind.CENTER,
        own_register=True,
    )


@pytest.fixture
def centre_head(centre):
    return person_with_role(Role.UNIT_HEAD, unit=centre, position="Giám đốc Trung tâm")


@pytest.fixture
def agency_plan(agency, office_officer):
    return Plan.objects.create(
        agency=agency,
        title="Thực hiện công tác dân vận chính quyền năm 2026",
        status=Plan.Status.ISSUED,
        number="05",
        symbol="KH-SKHCN",
        period_year=2026,
        implementation_due=date(2026, 3, 31),
        created_by=office_officer,
    )


def _unit_plan(centre, agency_plan, by):
    plan = create_new_plan(
        agency=centre.agency,
        unit=centre,
        fields={
            "title": "Thực hiện Kế hoạch của Sở năm 2026",
            "kind": "yearly",
            "period_year": 2026,
            "implements": agency_plan,
        },
        by=by,
    )
    Task.objects.create(plan=plan, heading="Quán triệt đến viên chức Trung tâm", lead_unit=centre)
    return plan


def test_the_centres_head_writes_issues_and_numbers_it_in_the_centres_register(
    centre, centre_head, agency_plan, agency
):
    next_document_number(agency=agency, year=timezone.localdate().year)  # the Sở's own series moves on
    plan = _unit_plan(centre, agency_plan, centre_head)
    assert plan.unit == centre and plan.symbol == "KH-TTKHCN"
    submit_plan(plan=plan, by=centre_head)
    approve_plan(plan=plan, by=centre_head)
    plan.refresh_from_db()
    assert plan.number == "01" and plan.reference == "01/KH-TTKHCN"
    assert NumberSeries.objects.get(unit=centre).last_number == 1
    assert NumberSeries.objects.get(agency=agency, unit=None).last_number == 1


def test_the_centres_amendment_is_numbered_in_the_centres_register_as_its_plan_was(
    centre, centre_head, agency_plan, agency
):
    next_document_number(agency=agency, year=2026)  # the Sở's own series is at 01
    plan = _unit_plan(centre, agency_plan, centre_head)
    submit_plan(plan=plan, by=centre_head)
    approve_plan(plan=plan, by=centre_head, issue_date=date(2026, 2, 10))
    amendment = start_amendment(plan=plan, reason="Bổ sung nhiệm vụ khảo sát", by=centre_head)
    propose_new_task(
        amendment=amendment,
        by=centre_head,
        heading="Khảo sát sự hài lòng của người dân",
        lead_unit=centre,
        due_date=date(2026, 11, 30),
    )
    submit_amendment(amendment=amendment, by=centre_head)
    issued = issue_amendment(amendment=amendment, by=centre_head, issue_date=date(2026, 7, 2))
    assert issued.reference == "02/KH-TTKHCN"
    assert NumberSeries.objects.get(unit=centre, year=2026).last_number == 2
    # The Sở's register did not move for the centre's documents.
    assert NumberSeries.objects.get(agency=agency, unit=None, year=2026).last_number == 1


def test_an_agency_plans_amendment_takes_the_agencys_next_number(agency, issued_plan, office_officer):
    next_document_number(agency=agency, year=2026)  # 01: the plan itself
    amendment = start_amendment(plan=issued_plan, reason="Đổi đơn vị chủ trì", by=office_officer)
    propose_plan_change(amendment=amendment, changes={"title": "Kế hoạch đã sửa đổi"}, by=office_officer)
    submit_amendment(amendment=amendment, by=office_officer)
    issued = issue_amendment(
        amendment=amendment,
        by=person_with_role(Role.AGENCY_LEADER, agency=agency),
        issue_date=date(2026, 7, 2),
    )
    assert issued.reference == "02/KH-SKHCN"
    assert not NumberSeries.objects.filter(unit__isnull=False).exists()


def test_a_unit_without_its_own_register_takes_the_agencys_number(agency, agency_plan, office_officer):
    chi_cuc = UnitFactory(agency=agency, code="CCTDC", name="Chi cục TĐC", kind=Unit.Kind.SUB_DEPARTMENT)
    plan = _unit_plan(chi_cuc, agency_plan, office_officer)
    submit_plan(plan=plan, by=office_officer)
    approve_plan(plan=plan, by=person_with_role(Role.AGENCY_LEADER, agency=agency))
    plan.refresh_from_db()
    assert plan.symbol == "KH-SKHCN" and not NumberSeries.objects.filter(unit=chi_cuc).exists()


def test_a_division_does_not_issue_plans_and_a_unit_plan_implements_the_agencys(
    agency, lead_unit, centre, agency_plan, office_officer, other_agency
):
    Unit.objects.filter(pk=lead_unit.pk).update(kind=Unit.Kind.DIVISION)
    lead_unit.refresh_from_db()
    with pytest.raises(DomainError, match="chi cục, trung tâm"):
        create_new_plan(
            agency=agency, unit=lead_unit, fields={"title": "X", "implements": agency_plan}, by=office_officer
        )
    other = Plan.objects.create(
        agency=other_agency, title="Của Sở khác", status=Plan.Status.ISSUED, created_by=office_officer
    )
    for higher in (None, other):
        with pytest.raises(DomainError, match="kế hoạch đã ban hành của cơ quan"):
            create_new_plan(
                agency=agency, unit=centre, fields={"title": "X", "implements": higher}, by=office_officer
            )
    assert not Plan.objects.filter(unit__isnull=False).exists()


def test_the_head_writes_only_their_own_units_plan(client, centre, centre_head, agency_plan, unit_head):
    client.force_login(centre_head)
    body = client.get(reverse("plans:index")).content.decode()
    assert reverse("plans:unit_plan_new", args=[centre.pk]) in body
    response = client.post(
        reverse("plans:unit_plan_new", args=[centre.pk]),
        {
            "title": "Kế hoạch của Trung tâm năm 2026",
            "kind": "yearly",
            "period_year": "2026",
            "implements": agency_plan.pk,
        },
    )
    plan = Plan.objects.get(unit=centre)
    assert response.status_code == 302 and plan.implements == agency_plan
    assert client.get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 200
    # Another unit's head neither writes it nor starts a plan for the centre.
    client.force_login(unit_head)
    assert client.get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 403
    assert client.get(reverse("plans:unit_plan_new", args=[centre.pk])).status_code == 404


def test_a_unit_plan_must_name_the_agencys_plan_on_the_form(client, centre, centre_head, agency_plan):
    client.force_login(centre_head)
    response = client.post(
        reverse("plans:unit_plan_new", args=[centre.pk]),
        {"title": "Kế hoạch của Trung tâm đã gõ", "kind": "yearly", "period_year": "2026"},
    )
    assert response.status_code == 422 and "Kế hoạch của Trung tâm đã gõ" in response.content.decode()
    assert not Plan.objects.filter(unit=centre).exists()


def test_the_word_file_names_the_agency_above_the_unit(centre, centre_head, agency_plan):
    plan = _unit_plan(centre, agency_plan, centre_head)
    text = "\n".join(
        cell.text
        for table in open_docx(render_plan_docx(plan)).tables
        for row in table.rows
        for cell in row.cells
    )
    paragraphs = "\n".join(p.text for p in open_docx(render_plan_docx(plan)).paragraphs)
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text and "TRUNG TÂM KHOA HỌC VÀ CÔNG NGHỆ" in text
    assert (
        "Thực hiện Kế hoạch số 05/KH-SKHCN của Sở Khoa học và Công nghệ, Trung tâm Khoa học và Công nghệ ban hành"
        in paragraphs
    )


def test_the_agency_follows_which_units_issued_their_plan(
    client, centre, centre_head, agency_plan, agency, agency_head
):
    late_centre = UnitFactory(agency=agency, code="TTUD", name="Trung tâm Ứng dụng", kind=Unit.Kind.CENTER)
    plan = _unit_plan(centre, agency_plan, centre_head)
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ISSUED, issue_date=date(2026, 3, 20))
    client.force_login(agency_head)
    body = client.get(reverse("plans:plan_implementation", args=[agency_plan.pk])).content.decode()
    assert "Trung tâm Khoa học và Công nghệ" in body and "Đã ban hành đúng hạn" in body
    assert late_centre.name in body
    assert "Chưa ban hành, đã quá hạn" in body  # its due date, 31/03/2026, has passed
