from django.urls import reverse

from danvan.core.selectors import unit_page
from danvan.plans.models import Plan


def test_a_units_page_lists_the_tasks_it_leads_in_issued_plans(client, task, unit_officer):
    client.force_login(unit_officer)
    response = client.get(reverse("core:unit_detail", args=[task.lead_unit_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nhiệm vụ đơn vị chủ trì" in html
    assert reverse("plans:task_detail", args=[task.pk]) in html
    assert "Có 1 mục" in html


def test_a_draft_plans_tasks_are_not_on_the_units_page(task):
    Plan.objects.filter(pk=task.plan_id).update(status=Plan.Status.DRAFT)
    (section,) = unit_page(task.lead_unit)["sections"]
    assert list(section.rows) == []
