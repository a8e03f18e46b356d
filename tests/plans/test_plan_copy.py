"""Copying a plan to another year: the timing text moves with the due dates,
and a second copy to the same year is made only when asked for."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.plans.models import Plan
from danvan.plans.services import copy_plan
from danvan.plans.timing import shift_years


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("Trước 30/6/2026", "Trước 30/6/2027"),
        ("Trước ngày 15/06/2026", "Trước ngày 15/06/2027"),
        ("Trong năm 2026", "Trong năm 2027"),
        ("Quý II/2026", "Quý II/2027"),
        ("quý 3/2026", "quý 3/2027"),
        ("Tháng 6/2026 và tháng 12/2026", "Tháng 6/2027 và tháng 12/2027"),
        ("6 tháng đầu năm 2026, báo cáo trước 15/11/2026", "6 tháng đầu năm 2027, báo cáo trước 15/11/2027"),
        ("Ngày 30 tháng 6 năm 2026", "Ngày 30 tháng 6 năm 2027"),
        ("Giai đoạn 2026-2030", "Giai đoạn 2027-2031"),
        ("Theo Nghị định 30/2020/NĐ-CP, trước 30/9/2026", "Theo Nghị định 30/2020/NĐ-CP, trước 30/9/2027"),
        ("Thực hiện Luật 10/2022", "Thực hiện Luật 10/2022"),
        ("Thường xuyên", "Thường xuyên"),
        ("", ""),
    ],
)
def test_the_years_of_a_timing_text_move_with_the_plan(written, moved):
    assert shift_years(written, 1) == moved


def test_a_29_february_becomes_the_28th_in_a_common_year():
    assert shift_years("Trước 29/02/2028", 1) == "Trước 28/02/2029"
    assert shift_years("Trước 29/2/2027", 1) == "Trước 29/2/2028"


def test_copying_moves_each_tasks_timing_text_with_its_due_date(issued_plan, office_officer):
    issued_plan.tasks.update(timing="Trước 30/6/2026", due_date=date(2026, 6, 30))
    task = copy_plan(source=issued_plan, period_year=2027, by=office_officer).tasks.get()
    assert task.due_date == date(2027, 6, 30) and task.timing == "Trước 30/6/2027"


def test_a_second_copy_to_the_same_year_is_refused_unless_asked_for(issued_plan, office_officer):
    first = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    with pytest.raises(DomainError, match="đã được sao chép sang năm 2027"):
        copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    assert list(issued_plan.copies.all()) == [first]
    second = copy_plan(source=issued_plan, period_year=2027, by=office_officer, again=True)
    assert set(issued_plan.copies.all()) == {first, second}
    assert copy_plan(source=issued_plan, period_year=2028, by=office_officer).period_year == 2028


def test_the_copy_page_warns_and_links_to_the_copy_already_made(client, issued_plan, office_officer):
    client.force_login(office_officer)
    url = reverse("plans:plan_copy", args=[issued_plan.pk])
    made = client.post(url, {"period_year": "2027"})
    first = Plan.objects.get(copied_from=issued_plan)
    assert made.status_code == 302 and made.url == reverse("plans:plan_detail", args=[first.pk])

    page = client.get(url).content.decode()
    assert reverse("plans:plan_detail", args=[first.pk]) in page and "đã được sao chép" in page

    again = client.post(url, {"period_year": "2027"})
    assert again.status_code == 422
    body = again.content.decode()
    assert "đã được sao chép sang năm 2027" in body
    assert reverse("plans:plan_detail", args=[first.pk]) in body
    assert Plan.objects.filter(copied_from=issued_plan).count() == 1

    confirmed = client.post(url, {"period_year": "2027", "again": "on"})
    assert confirmed.status_code == 302
    assert Plan.objects.filter(copied_from=issued_plan).count() == 2


def test_the_word_file_of_a_copy_prints_the_moved_timing(issued_plan, office_officer):
    from danvan.documents.output.context import plan_context

    issued_plan.tasks.update(timing="Trước 30/6/2026", due_date=date(2026, 6, 30))
    copy = copy_plan(source=issued_plan, period_year=2027, by=office_officer)
    printed = str(plan_context(copy))
    assert "Trước 30/6/2027" in printed and "30/6/2026" not in printed
