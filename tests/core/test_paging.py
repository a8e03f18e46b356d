"""Long lists page: "Có N mục", "Trang x/y", previous and next links that keep
every filter of the list."""

from django.urls import reverse

from danvan.core.models import Notification
from danvan.core.paging import thousands
from danvan.plans.models import Plan


def test_thousands_are_written_the_vietnamese_way():
    assert thousands(1234) == "1.234"
    assert thousands(1234567) == "1.234.567"
    assert thousands(12) == "12"


def test_the_plan_list_pages_and_keeps_its_search(client, agency, office_officer):
    Plan.objects.bulk_create(
        [
            Plan(agency=agency, title=f"Kế hoạch đối thoại số {n}", created_by=office_officer)
            for n in range(55)
        ]
        + [Plan(agency=agency, title="Kế hoạch khác", created_by=office_officer)]
    )
    for plan in Plan.objects.all():
        plan.save()  # the stored search key
    client.force_login(office_officer)
    first = client.get(reverse("plans:index"), {"q": "doi thoai"})
    text = first.content.decode()
    assert "Có 55 mục" in text and "Trang 1/2" in text
    assert "?q=doi+thoai&amp;trang=2" in text
    second = client.get(reverse("plans:index"), {"q": "doi thoai", "trang": "2"})
    assert len(second.context["page"].object_list) == 5
    assert "Trang trước" in second.content.decode()
    past_the_end = client.get(reverse("plans:index"), {"q": "doi thoai", "trang": "99"})
    assert past_the_end.context["page"].number == 2


def test_the_plan_list_finds_words_in_any_order_without_accents(client, agency, office_officer):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch đối thoại với doanh nghiệp", created_by=office_officer
    )
    client.force_login(office_officer)
    response = client.get(reverse("plans:index"), {"q": "doanh nghiep doi thoai"})
    assert list(response.context["page"].object_list) == [plan]


def test_notifications_page_past_the_first_two_hundred(client, office_officer):
    Notification.objects.bulk_create(
        [Notification(recipient=office_officer, key=f"k{n}", text=f"Thông báo {n}") for n in range(230)]
    )
    client.force_login(office_officer)
    text = client.get(reverse("core:notifications")).content.decode()
    assert "Có 230 mục" in text and "Trang 1/5" in text


def test_the_dashboard_says_how_many_overdue_tasks_it_leaves_out(client, agency, office_officer, lead_unit):
    from datetime import timedelta

    from django.utils import timezone

    from danvan.plans.models import Task

    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch năm", status=Plan.Status.ISSUED, created_by=office_officer
    )
    today = timezone.localdate()
    for number in range(25):
        Task.objects.create(
            plan=plan,
            order=number,
            heading=f"Việc quá hạn {number}",
            lead_unit=lead_unit,
            status=Task.Status.OVERDUE,
            due_date=today - timedelta(days=number + 1),
        )
    client.force_login(office_officer)
    text = client.get(reverse("plans:dashboard", args=[agency.pk])).content.decode()
    assert "Đang hiện 20 trong 25 nhiệm vụ quá hạn." in text
    assert "?status=overdue&amp;year=" in text
