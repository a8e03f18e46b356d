"""Two people editing the same draft: the second save over a version the
person never saw is refused with both versions shown, and nothing is lost."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from danvan.core.versions import EditConflict, check_not_stale, edit_token
from danvan.plans.models import Plan
from danvan.plans.services import plan_edit_token, task_edit_token, update_plan


def _seen(html: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', html).group(1)


def _plan_data(plan, **changes):
    data = {
        "title": plan.title,
        "kind": plan.kind,
        "period_year": plan.period_year,
        "recipients": "",
    }
    data.update(changes)
    return data


def test_a_stale_plan_form_does_not_overwrite_the_newer_save(client, draft_plan, office_officer):
    url = reverse("plans:plan_edit", args=[draft_plan.pk])
    client.force_login(office_officer)
    first = _seen(client.get(url).content.decode())
    second = _seen(client.get(url).content.decode())
    assert first == second == plan_edit_token(draft_plan)
    # The first person saves a new title.
    saved = client.post(url, {**_plan_data(draft_plan, title="Kế hoạch A"), "seen": first})
    assert saved.status_code == 302
    # The second, on the page opened before, types another title.
    stale = client.post(url, {**_plan_data(draft_plan, title="Kế hoạch B"), "seen": second})
    html = stale.content.decode()
    assert stale.status_code == 422
    assert "Người khác đã lưu kế hoạch này sau khi bạn mở trang" in html
    assert "Kế hoạch A" in html and "Kế hoạch B" in html  # both versions, what was typed kept
    draft_plan.refresh_from_db()
    assert draft_plan.title == "Kế hoạch A"
    # Saving again from the conflict page is a deliberate overwrite of the version shown.
    again = client.post(url, {**_plan_data(draft_plan, title="Kế hoạch B"), "seen": _seen(html)})
    assert again.status_code == 302
    draft_plan.refresh_from_db()
    assert draft_plan.title == "Kế hoạch B"


def test_a_stale_task_form_does_not_overwrite_the_newer_save(client, draft_plan, office_officer, lead_unit):
    task = draft_plan.tasks.get()
    url = reverse("plans:task_edit", args=[task.pk])
    client.force_login(office_officer)
    seen = _seen(client.get(url).content.decode())
    assert seen == task_edit_token(task)
    data = {"heading": "Quán triệt Chỉ thị 33/CT-TTg", "lead_unit": lead_unit.pk, "timing": "Quý I/2026"}
    assert client.post(url, {**data, "seen": seen}).status_code == 302
    stale = client.post(url, {**data, "heading": "Tuyên truyền Luật 10/2022", "seen": seen})
    assert stale.status_code == 422
    assert "Người khác đã lưu nhiệm vụ này" in stale.content.decode()
    task.refresh_from_db()
    assert task.heading == "Quán triệt Chỉ thị 33/CT-TTg"


def test_the_conflict_names_only_the_fields_that_differ(draft_plan, office_officer):
    seen = plan_edit_token(draft_plan)
    Plan.objects.filter(pk=draft_plan.pk).update(title="Bản của người khác")
    current = Plan.objects.get(pk=draft_plan.pk)
    with pytest.raises(EditConflict) as refused:
        check_not_stale(
            current,
            ("title", "period_year"),
            seen=edit_token(draft_plan, ("title", "period_year")),
            typed={"title": "Bản của tôi", "period_year": draft_plan.period_year},
            what="kế hoạch",
        )
    assert [(d.theirs, d.yours) for d in refused.value.differences] == [("Bản của người khác", "Bản của tôi")]
    with pytest.raises(EditConflict):
        update_plan(plan=draft_plan, changes={"title": "Bản của tôi"}, by=office_officer, seen=seen)
    assert Plan.objects.get(pk=draft_plan.pk).title == "Bản của người khác"
