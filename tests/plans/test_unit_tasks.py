"""A unit's page (core) lists the tasks the unit leads in issued plans: plans
adds the section through core's registry of unit page sections."""

from django.urls import reverse

from danvan.core import selectors as core_selectors
from danvan.plans.models import Plan, Task
from danvan.plans.selectors import unit_tasks


def test_plans_registers_its_section_of_the_unit_page():
    assert unit_tasks in core_selectors._UNIT_SECTIONS


def test_the_unit_page_lists_the_tasks_it_leads_in_issued_plans(
    client, unit_head, task, lead_unit, sibling_unit, agency, office_officer
):
    draft = Plan.objects.create(agency=agency, title="Kế hoạch chưa ban hành", created_by=office_officer)
    Task.objects.create(plan=draft, order=1, heading="Việc của kế hoạch còn dự thảo", lead_unit=lead_unit)
    Task.objects.create(plan=task.plan, order=2, heading="Việc của đơn vị khác", lead_unit=sibling_unit)
    client.force_login(unit_head)
    page = client.get(reverse("core:unit_detail", args=[lead_unit.pk])).content.decode()
    assert "Nhiệm vụ đơn vị chủ trì" in page
    assert task.heading in page
    assert reverse("plans:task_detail", args=[task.pk]) in page
    assert "Việc của kế hoạch còn dự thảo" not in page
    assert "Việc của đơn vị khác" not in page
