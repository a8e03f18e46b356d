"""Long lists page: "Có N mục", "Trang x/y", previous and next links that keep
every filter of the list."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.models import Notification
from danvan.core.paging import page_of, thousands
from danvan.plans.models import Plan


def test_thousands_are_written_the_vietnamese_way():
    assert thousands(1234) == "1.234"
    assert thousands(1234567) == "1.234.567"
    assert thousands(12) == "12"


def _page(rows, **query):
    with CaptureQueriesContext(connection) as queries:
        page = page_of(rows, RequestFactory().get("/", query), per_page=3)
        shown = list(page.object_list)
        count, pages = page.paginator.count, page.paginator.num_pages
    return page, shown, count, pages, [q["sql"] for q in queries.captured_queries]


def test_a_first_page_that_holds_the_whole_list_is_read_in_one_query(office_officer):
    notes = [Notification.objects.create(recipient=office_officer, key=f"k{n}", text="t") for n in range(3)]
    rows = Notification.objects.filter(recipient=office_officer).order_by("pk")
    page, shown, count, pages, sql = _page(rows)
    assert shown == notes and (count, pages) == (3, 1) and not page.has_next()
    assert len(sql) == 1 and "COUNT(" not in sql[0].upper()


def test_a_first_page_of_a_longer_list_counts_it_and_shows_only_its_rows(office_officer):
    notes = [Notification.objects.create(recipient=office_officer, key=f"k{n}", text="t") for n in range(4)]
    rows = Notification.objects.filter(recipient=office_officer).order_by("pk")
    for query in ({}, {"trang": "1"}):
        page, shown, count, pages, sql = _page(rows, **query)
        assert shown == notes[:3] and (count, pages) == (4, 2) and page.has_next()
        assert len(sql) == 2 and sum("COUNT(" in s.upper() for s in sql) == 1
    page, shown, count, pages, sql = _page(rows, trang="2")
    assert shown == notes[3:] and page.number == 2 and page.has_previous()
    assert _page(rows, trang="9")[0].number == 2 and _page(rows, trang="x")[0].number == 1


def test_an_empty_list_has_one_empty_page(office_officer):
    page, shown, count, pages, sql = _page(Notification.objects.none())
    assert shown == [] and (count, pages, page.number) == (0, 1, 1)


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
