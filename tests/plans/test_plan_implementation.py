"""The organisation of implementation written on screen, paragraph by
paragraph: each paragraph is read for the unit it names and the dates it
sets; the office makes it a task of that unit and its dates the plan's dated
obligations, and the Word file still prints each paragraph once, in part IV."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.documents.output.docx import render_plan_docx
from danvan.documents.parsing.docx_reader import read_docx
from danvan.plans import implementation, services
from danvan.plans.models import DeadlineDuty, Plan, PlanDeadline, Task

OFFICE = "1. Văn phòng Sở: chủ trì, theo dõi, đôn đốc việc thực hiện kế hoạch; tổng hợp, báo cáo kết quả trước ngày 10/12/2026."
CHI_CUC = (
    "2. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì rà soát thủ tục hành chính, báo cáo kết quả hằng quý."
)
ALL_UNITS = "3. Các phòng, đơn vị thuộc Sở: căn cứ kế hoạch, triển khai thực hiện trước ngày 15/3/2026."


@pytest.fixture
def plan(draft_plan, office_unit, lead_unit, sibling_unit):
    Plan.objects.filter(pk=draft_plan.pk).update(implementation="\n".join([OFFICE, "", CHI_CUC, ALL_UNITS]))
    draft_plan.refresh_from_db()
    return draft_plan


def _duties(plan):
    return implementation.duties(plan, list(plan.agency.units.filter(is_active=True)))


def test_each_paragraph_names_its_unit_and_its_dates(plan, office_unit, lead_unit):
    office, chi_cuc, every_unit = _duties(plan)
    assert office.unit == office_unit and office.work.startswith("chủ trì, theo dõi")
    assert [found["date"] for found in office.dates] == [date(2026, 12, 10)]
    assert chi_cuc.unit == lead_unit and chi_cuc.work.startswith("chủ trì rà soát")
    assert chi_cuc.dates == []
    assert every_unit.unit is None  # several units: the office chooses the lead
    assert [found["date"] for found in every_unit.dates] == [date(2026, 3, 15)]


def test_a_paragraph_becomes_a_task_of_its_unit_with_the_timing_it_states(
    client, plan, office_officer, lead_unit
):
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_parts", args=[plan.pk])).content.decode()
    assert "Giao thành nhiệm vụ" in page and "Chi cục Tiêu chuẩn Đo lường Chất lượng" in page
    response = client.post(reverse("plans:part_duty_task", args=[plan.pk]), {"doan": "1"}, follow=True)
    task = plan.tasks.get(section=implementation.IMPLEMENTATION_SECTION)
    assert task.lead_unit == lead_unit
    assert task.heading.startswith("Chủ trì rà soát thủ tục hành chính")
    assert task.timing_kind == Task.TimingKind.QUARTERLY and task.due_date is None
    assert "Đã giao thành nhiệm vụ của Chi cục" in response.content.decode()

    again = client.post(reverse("plans:part_duty_task", args=[plan.pk]), {"doan": "1"}, follow=True)
    assert "Đoạn này đã là một nhiệm vụ" in again.content.decode()
    assert plan.tasks.filter(section=implementation.IMPLEMENTATION_SECTION).count() == 1


def test_a_dated_paragraph_becomes_a_task_due_on_its_date(plan, office_officer, office_unit):
    task = services.make_duty_task(plan=plan, index=0, unit=None, by=office_officer)
    assert task.lead_unit == office_unit
    assert task.timing_kind == Task.TimingKind.DUE_DATE and task.due_date == date(2026, 12, 10)


def test_a_paragraph_of_several_units_takes_the_lead_the_office_chooses(
    client, plan, office_officer, sibling_unit
):
    client.force_login(office_officer)
    url = reverse("plans:part_duty_task", args=[plan.pk])
    refused = client.post(url, {"doan": "2"}, follow=True)
    assert "Hãy chọn đơn vị chủ trì" in refused.content.decode()
    client.post(url, {"doan": "2", "don_vi": str(sibling_unit.pk)})
    task = plan.tasks.get(section=implementation.IMPLEMENTATION_SECTION)
    assert task.lead_unit == sibling_unit and task.due_date == date(2026, 3, 15)


def test_a_unit_of_another_agency_or_a_forged_paragraph_changes_nothing(
    client, plan, office_officer, other_unit
):
    client.force_login(office_officer)
    url = reverse("plans:part_duty_task", args=[plan.pk])
    response = client.post(url, {"doan": "2", "don_vi": str(other_unit.pk)}, follow=True)
    assert "không thuộc cơ quan ban hành kế hoạch" in response.content.decode()
    gone = client.post(url, {"doan": "9"}, follow=True)
    assert "Không còn đoạn này" in gone.content.decode()
    assert client.post(url, {"doan": "x"}).status_code == 404
    assert not plan.tasks.filter(section=implementation.IMPLEMENTATION_SECTION).exists()


def test_the_dates_of_a_paragraph_become_the_plans_dated_obligations_reminded_once_issued(
    client, plan, office_officer, agency_head, office_unit
):
    client.force_login(office_officer)
    client.post(reverse("plans:part_duty_dates", args=[plan.pk]), {"doan": "0"})
    [deadline] = PlanDeadline.objects.filter(plan=plan)
    assert deadline.due_date == date(2026, 12, 10)
    assert "Văn phòng Sở" in deadline.units
    [office] = _duties(plan)[:1]
    assert office.dates_to_enter == []
    again = client.post(reverse("plans:part_duty_dates", args=[plan.pk]), {"doan": "0"}, follow=True)
    assert "không còn hạn nào chưa ghi" in again.content.decode()
    assert PlanDeadline.objects.filter(plan=plan).count() == 1

    services.submit_plan(plan=plan, by=office_officer)
    services.approve_plan(plan=plan, by=agency_head, issue_date=date(2026, 1, 20))
    assert DeadlineDuty.objects.filter(deadline=deadline).exists()


def test_the_word_file_prints_each_paragraph_once_in_part_iv(plan, office_officer):
    services.make_duty_task(plan=plan, index=1, unit=None, by=office_officer)
    services.enter_duty_dates(plan=plan, index=0, by=office_officer)
    text = read_docx(render_plan_docx(plan))
    assert text.count("rà soát thủ tục hành chính") == 1
    assert text.index("TỔ CHỨC THỰC HIỆN") < text.index("rà soát thủ tục hành chính")
    assert text.count("10/12/2026") == 1
    assert "Tuyên truyền, quán triệt Chỉ thị 33" in text  # the plan's own task, among the tasks


def test_only_the_office_writes_it_and_only_on_a_draft(
    client, plan, unit_officer, office_officer, agency_head
):
    client.force_login(unit_officer)
    assert client.post(reverse("plans:part_duty_task", args=[plan.pk]), {"doan": "1"}).status_code in (
        403,
        404,
    )
    services.submit_plan(plan=plan, by=office_officer)
    services.approve_plan(plan=plan, by=agency_head)
    client.force_login(office_officer)
    assert client.post(reverse("plans:part_duty_task", args=[plan.pk]), {"doan": "1"}).status_code == 403
    assert not plan.tasks.filter(section=implementation.IMPLEMENTATION_SECTION).exists()


def test_a_long_heading_is_named_in_the_plans_history_within_its_length(plan, office_officer, lead_unit):
    heading = "Tổ chức tuyên truyền, phổ biến, quán triệt " * 5
    services.add_task(
        plan=plan, by=office_officer, heading=heading, lead_unit=lead_unit, timing="Thường xuyên"
    )
    reason = plan.history.latest().history_change_reason
    assert (
        len(reason) <= 100
        and reason.startswith("Thêm nhiệm vụ: Tổ chức tuyên truyền")
        and reason.endswith("…")
    )
