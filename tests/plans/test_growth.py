"""A page's cost follows what it shows, not the province's size.

An office sees its own agency's few tasks. Each of its key pages is measured
with the province almost empty, then again after other agencies of the same
province have many plans, units and tasks the office does not see: the number
of queries, the SQL sent and the page itself stay the same size. The province
reviewer, who sees every agency, gets pages of a bounded size however many
plans and units the province holds: every list is paged and the filters offer
a first few choices, the rest found by typing.

The time of the same pages at demo and at province size is measured by
bench/bench_province.py (growth table).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Unit
from danvan.plans import selectors
from danvan.plans.models import Plan, Task
from tests.factories import AgencyFactory

OTHER_AGENCIES = 4
PLANS_EACH = 15
TASKS_EACH = 20


def fill_the_province(province, created_by, round_=0):
    """Other agencies with units, plans and tasks: bulk rows, as the province's
    data set holds them."""
    today = timezone.localdate()
    for number in range(round_ * OTHER_AGENCIES, (round_ + 1) * OTHER_AGENCIES):
        agency = AgencyFactory(province=province, name=f"Sở số {number}", symbol_code=f"S{number}")
        units = Unit.objects.bulk_create(
            Unit(
                agency=agency,
                code=f"P{n}",
                name=f"Phòng nghiệp vụ {n} của sở số {number}",
                sort_key=f"phong {n}",
            )
            for n in range(12)
        )
        plans = Plan.objects.bulk_create(
            Plan(
                agency=agency,
                title=f"Kế hoạch dân vận chính quyền số {n} của sở số {number}",
                search_text=f"ke hoach dan van chinh quyen so {n} cua so so {number}",
                period_year=2020 + n % 7,
                status=Plan.Status.ISSUED,
                created_by=created_by,
            )
            for n in range(PLANS_EACH)
        )
        Task.objects.bulk_create(
            Task(
                plan=plan,
                order=n,
                heading=f"Tuyên truyền, quán triệt chỉ thị {n}",
                search_text=f"tuyen truyen quan triet chi thi {n}",
                lead_unit=units[n % len(units)],
                status=Task.Status.IN_PROGRESS,
                due_date=today + timedelta(days=n),
            )
            for plan in plans
            for n in range(TASKS_EACH)
        )


def measure(client, url) -> tuple[int, int, int]:
    """Queries, characters of SQL and of parameters, bytes of the page."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return (
        len(context.captured_queries),
        sum(len(query["sql"]) for query in context.captured_queries),
        len(response.content),
    )


def office_pages(plan):
    task_list = reverse("plans:task_list")
    return [
        reverse("core:home"),
        task_list,
        f"{task_list}?nam=&status=",  # all years, every status
        f"{task_list}?nam=&status=&trang=999",  # past the last page
        f"{task_list}?q=tuyen+truyen",
        reverse("plans:my_tasks"),
        reverse("plans:index"),
        reverse("plans:dashboard", args=[plan.agency_id]),
        reverse("plans:plan_detail", args=[plan.pk]),
    ]


def test_an_offices_pages_do_not_grow_with_other_agencies_rows(client, office_officer, issued_plan, task):
    client.force_login(office_officer)
    small = {url: measure(client, url) for url in office_pages(issued_plan)}

    fill_the_province(issued_plan.agency.province, office_officer)

    assert Task.objects.count() > OTHER_AGENCIES * PLANS_EACH * TASKS_EACH
    for url, (queries, sql, page) in small.items():
        now_queries, now_sql, now_page = measure(client, url)
        assert now_queries == queries, url
        # The SQL names the office's own plans and units, never the others'.
        assert now_sql == sql, url
        # The same rows and the same filter choices (one token differs in length at most).
        assert abs(now_page - page) <= 8, url


def test_the_reviewers_pages_stay_bounded_as_the_province_grows(
    client, province_officer, office_officer, issued_plan, task
):
    client.force_login(province_officer)
    task_list = reverse("plans:task_list")
    fill_the_province(issued_plan.agency.province, office_officer)
    queries, _sql, page = measure(client, task_list)

    fill_the_province(issued_plan.agency.province, office_officer, round_=1)

    assert Plan.objects.count() > 2 * OTHER_AGENCIES * PLANS_EACH
    now_queries, _sql, now_page = measure(client, task_list)
    assert now_queries == queries
    # Fifty rows and the first choices of each filter, whatever the province holds.
    assert now_page < page * 1.1
    content = client.get(task_list).content.decode()
    assert content.count("<option") <= 2 * (selectors.FILTER_CHOICES + 1) + 40  # + statuses
    plans_index = client.get(reverse("plans:index")).content.decode()
    assert plans_index.count("<tr") <= 51


def test_the_filters_find_the_plans_and_units_they_do_not_list(client, office_officer, issued_plan, task):
    fill_the_province(issued_plan.agency.province, office_officer)
    client.force_login(office_officer)
    Plan.objects.create(
        agency=issued_plan.agency,
        title="Kế hoạch đối thoại với doanh nghiệp năm 2019",
        period_year=2019,
        created_by=office_officer,
    )
    for year in range(2020, 2020 + selectors.FILTER_CHOICES + 5):
        Plan.objects.create(
            agency=issued_plan.agency,
            title=f"Kế hoạch năm {year}",
            period_year=year,
            created_by=office_officer,
        )

    listed = client.get(reverse("plans:task_list")).content.decode()
    assert "đối thoại với doanh nghiệp" not in listed  # the oldest plan is not among the first choices

    found = client.get(reverse("plans:task_filter_options", args=["ke-hoach"]), {"goi_y": "doi thoai doanh"})
    assert found.status_code == 200
    text = found.content.decode()
    assert "Kế hoạch đối thoại với doanh nghiệp năm 2019" in text
    assert "sở số" not in text  # another agency's plans are never offered

    units = client.get(reverse("plans:task_filter_options", args=["don-vi"]), {"goi_y": "chi cuc tieu chuan"})
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng" in units.content.decode()
    assert (
        "Phòng nghiệp vụ"
        not in client.get(
            reverse("plans:task_filter_options", args=["don-vi"]), {"goi_y": "phong"}
        ).content.decode()
    )

    # A plan found by typing filters the board, as one listed would.
    old = Plan.objects.get(title__startswith="Kế hoạch đối thoại")
    chosen = client.get(reverse("plans:task_list"), {"plan": old.pk}).content.decode()
    assert f'<option value="{old.pk}" selected' in chosen


def test_a_filter_never_accepts_another_agencys_plan(client, office_officer, issued_plan, task):
    fill_the_province(issued_plan.agency.province, office_officer)
    client.force_login(office_officer)
    others = Plan.objects.exclude(agency=issued_plan.agency).first()
    response = client.get(reverse("plans:task_list"), {"plan": others.pk})
    assert response.status_code == 200
    assert "Tuyên truyền, quán triệt chỉ thị 1" not in response.content.decode()
    content = response.content.decode()
    assert 'aria-invalid="true"' in content
    assert "Không tìm thấy kế hoạch này trong những kế hoạch bạn được xem." in content


@pytest.mark.parametrize("field", ["khac", "../"])
def test_an_unknown_filter_is_not_found(client, office_officer, field):
    client.force_login(office_officer)
    url = reverse("plans:task_filter_options", args=["ke-hoach"]).replace("ke-hoach", field)
    assert client.get(url).status_code == 404


def test_an_empty_task_list_is_read_without_counting_it(office_officer, issued_plan, task):
    """A list with nothing to show needs neither a count nor a second read."""
    tasks = Task.objects.filter(pk=task.pk, status=Task.Status.CANCELLED).order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        page, rows = selectors.task_list_page(tasks, None)
    assert rows == [] and page.number == 1 and page.paginator.count == 0
    assert len(queries.captured_queries) == 1
    assert "COUNT(*)" not in queries.captured_queries[0]["sql"].upper()
    with CaptureQueriesContext(connection) as queries:
        page, rows = selectors.task_list_page(Task.objects.filter(pk=task.pk).order_by("pk"), "1")
    assert [row["pk"] for row in rows] == [task.pk] and page.paginator.count == 1
    assert len(queries.captured_queries) == 2
