"""A plan's content items are data: a task joins an item by choosing it, a
new task goes after the last task of its item, the office moves tasks up and
down within an item on the draft's page, and the Word file prints each
item's heading once."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.documents.content_items import by_content_item
from danvan.documents.output.context import plan_context
from danvan.plans.models import Task
from danvan.plans.services import (
    add_task,
    edit_task,
    issue_amendment,
    keep_content_items_together,
    move_task,
    propose_new_task,
    start_amendment,
    submit_amendment,
)
from danvan.plans.services.common import next_plan_number, plan_symbol, register_unit

ITEM_1 = "1. Công tác tuyên truyền"
ITEM_2 = "2. Thực hiện dân chủ ở cơ sở"
ITEM_3 = "3. Tiếp công dân, đối thoại"


@pytest.fixture
def three_items(draft_plan, lead_unit, office_officer):
    """The draft's first task under item 1, then a task of item 2 and one of item 3."""
    draft_plan.tasks.update(section=ITEM_1)
    add_task(
        plan=draft_plan, by=office_officer, section=ITEM_2, heading="Hội nghị cán bộ", lead_unit=lead_unit
    )
    add_task(
        plan=draft_plan,
        by=office_officer,
        section=ITEM_3,
        heading="Tiếp công dân định kỳ",
        lead_unit=lead_unit,
    )
    return draft_plan


def _headings(plan):
    return list(plan.tasks.order_by("order").values_list("heading", flat=True))


def test_items_are_grouped_in_the_order_they_first_appear_and_an_unheaded_item_joins_the_one_above():
    rows = [("A", "x1"), ("B", "y1"), ("", "y2"), ("a ", "x2"), ("", "x3")]
    grouped = by_content_item(rows, lambda row: row[0])
    assert [(title, [name for _s, name in items]) for title, items in grouped] == [
        ("A", ["x1", "x2", "x3"]),
        ("B", ["y1", "y2"]),
    ]


def test_a_task_added_to_the_first_item_goes_after_its_last_task(three_items, lead_unit, office_officer):
    added = add_task(
        plan=three_items, by=office_officer, section=ITEM_1, heading="Quán triệt Quy chế", lead_unit=lead_unit
    )
    assert _headings(three_items) == [
        "Tuyên truyền, quán triệt Chỉ thị 33",
        "Quán triệt Quy chế",
        "Hội nghị cán bộ",
        "Tiếp công dân định kỳ",
    ]
    assert added.order == 1
    assert list(three_items.tasks.order_by("order").values_list("order", flat=True)) == [0, 1, 2, 3]


def test_a_task_put_under_another_item_goes_to_that_items_end(three_items, lead_unit, office_officer):
    first = three_items.tasks.get(order=0)
    edit_task(task=first, by=office_officer, section=ITEM_3, heading=first.heading, lead_unit=lead_unit)
    assert _headings(three_items) == ["Hội nghị cán bộ", "Tiếp công dân định kỳ", first.heading]
    first.refresh_from_db()
    assert first.order == 2 and first.section == ITEM_3


def test_the_word_file_prints_each_items_heading_once_even_when_the_orders_are_interleaved(
    three_items, lead_unit
):
    # Orders as an older version left them: item 1's second task after item 3.
    Task.objects.create(
        plan=three_items, order=9, section=ITEM_1, heading="Quán triệt Quy chế", lead_unit=lead_unit
    )
    tasks = next(part for part in plan_context(three_items)["sections"] if part["tasks"])["tasks"]
    assert [(row["number"], row["group"], row["heading"]) for row in tasks] == [
        (1, "Công tác tuyên truyền", "Tuyên truyền, quán triệt Chỉ thị 33"),
        (2, "", "Quán triệt Quy chế"),
        (3, "Thực hiện dân chủ ở cơ sở", "Hội nghị cán bộ"),
        (4, "Tiếp công dân, đối thoại", "Tiếp công dân định kỳ"),
    ]
    keep_content_items_together(three_items)
    assert _headings(three_items)[:2] == ["Tuyên truyền, quán triệt Chỉ thị 33", "Quán triệt Quy chế"]


def test_a_task_moves_up_and_down_within_its_item_only(three_items, lead_unit, office_officer):
    second = add_task(
        plan=three_items, by=office_officer, section="", heading="Quán triệt Quy chế", lead_unit=lead_unit
    )
    # Typed with no heading after item 3: it belongs to item 3.
    assert _headings(three_items)[-1] == "Quán triệt Quy chế"
    move_task(task=second, up=True, by=office_officer)
    assert _headings(three_items)[-2:] == ["Quán triệt Quy chế", "Tiếp công dân định kỳ"]
    second.refresh_from_db()
    assert second.section == ITEM_3  # it keeps its item wherever it stands in it
    with pytest.raises(DomainError, match="đã ở đầu mục"):
        move_task(task=second, up=True, by=office_officer)
    move_task(task=second, up=False, by=office_officer)
    with pytest.raises(DomainError, match="đã ở cuối mục"):
        move_task(task=second, up=False, by=office_officer)
    assert _headings(three_items)[-1] == "Quán triệt Quy chế"


def test_an_issued_plans_tasks_are_not_moved(issued_plan, office_officer):
    with pytest.raises(DomainError, match="văn bản sửa đổi"):
        move_task(task=issued_plan.tasks.get(), up=False, by=office_officer)


def test_the_office_moves_a_task_with_the_buttons_of_the_plan_page(
    client, three_items, lead_unit, office_officer
):
    second = add_task(
        plan=three_items, by=office_officer, section=ITEM_1, heading="Quán triệt Quy chế", lead_unit=lead_unit
    )
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_detail", args=[three_items.pk])).content.decode()
    assert reverse("plans:task_move_up", args=[second.pk]) in page
    assert reverse("plans:task_move_down", args=[second.pk]) not in page  # last of its item
    first = three_items.tasks.get(order=0)
    assert reverse("plans:task_move_up", args=[first.pk]) not in page  # first of its item
    assert "Chuyển nhiệm vụ 2 lên trong mục" in page

    response = client.post(reverse("plans:task_move_up", args=[second.pk]))
    assert response.status_code == 302
    assert response.url == reverse("plans:plan_detail", args=[three_items.pk]) + "#nhiem-vu"
    assert _headings(three_items)[:2] == ["Quán triệt Quy chế", "Tuyên truyền, quán triệt Chỉ thị 33"]
    refused = client.post(reverse("plans:task_move_up", args=[second.pk]), follow=True)
    assert "đã ở đầu mục" in refused.content.decode()
    assert client.get(reverse("plans:task_move_up", args=[second.pk])).status_code == 405


def test_who_may_not_edit_the_draft_cannot_move_its_tasks(
    client, three_items, unit_head, other_agency_officer
):
    task = three_items.tasks.get(order=1)
    client.force_login(unit_head)
    assert client.post(reverse("plans:task_move_up", args=[task.pk])).status_code == 403
    page = client.get(reverse("plans:plan_detail", args=[three_items.pk])).content.decode()
    assert reverse("plans:task_move_up", args=[task.pk]) not in page
    client.force_login(other_agency_officer)
    assert client.post(reverse("plans:task_move_up", args=[task.pk])).status_code == 404
    assert three_items.tasks.get(pk=task.pk).order == 1


def test_the_task_form_offers_the_plans_items_to_choose(client, three_items, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("plans:task_add", args=[three_items.pk])).content.decode()
    assert 'list="cac-muc-cua-ke-hoach"' in page and '<datalist id="cac-muc-cua-ke-hoach">' in page
    for item in (ITEM_1, ITEM_2, ITEM_3):
        assert f'<option value="{item}">' in page


def test_an_added_task_posted_from_the_form_joins_its_item(client, three_items, lead_unit, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:task_add", args=[three_items.pk]),
        {"section": ITEM_2, "heading": "Lấy ý kiến người lao động", "lead_unit": lead_unit.pk},
    )
    assert response.status_code == 302
    assert _headings(three_items)[1:3] == ["Hội nghị cán bộ", "Lấy ý kiến người lao động"]


def test_a_task_an_amendment_adds_to_an_item_goes_after_its_last_task(
    three_items, lead_unit, office_officer, agency_head
):
    three_items.status = "issued"
    three_items.save(update_fields=["status"])
    amendment = start_amendment(plan=three_items, reason="Bổ sung nhiệm vụ", by=office_officer)
    propose_new_task(
        amendment=amendment,
        by=office_officer,
        section=ITEM_1,
        heading="Quán triệt Quy chế",
        lead_unit=lead_unit,
        due_date=date(2026, 11, 30),
    )
    submit_amendment(amendment=amendment, by=office_officer)
    issue_amendment(amendment=amendment, by=agency_head, issue_date=date(2026, 7, 2))
    assert _headings(three_items)[:2] == ["Tuyên truyền, quán triệt Chỉ thị 33", "Quán triệt Quy chế"]


def test_an_agency_plan_is_numbered_and_symbolled_in_the_agencys_register(draft_plan, agency, lead_unit):
    assert register_unit(lead_unit) is None and register_unit(None) is None
    assert plan_symbol(agency, lead_unit) == f"KH-{agency.symbol_code}"
    assert next_plan_number(draft_plan, year=2026) == "01"
    assert next_plan_number(draft_plan, year=2026) == "02"
