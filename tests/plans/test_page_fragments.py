"""Pages of many rows: the shown rows change when the data changes, and never
carry one person's view to another."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from danvan.core.models import Agency, Role
from danvan.plans.models import Plan, Task
from tests.factories import AgencyFactory, UnitFactory, person_with_role


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_url_for_id_gives_the_same_url_as_the_url_tag():
    page = Template(
        "{% load danvan %}{% url_for_id 'plans:task_detail' a %} {% url_for_id 'plans:plan_edit' b %}"
    )
    for a, b in [(1, 2), (12345, 7), (987654321, 40)]:
        expected = f"{reverse('plans:task_detail', args=[a])} {reverse('plans:plan_edit', args=[b])}"
        assert page.render(Context({"a": a, "b": b})) == expected


@pytest.mark.parametrize(
    ("status", "css", "label"),
    [
        ("done", "text-bg-success", "Hoàn thành"),
        ("overdue", "text-bg-danger", "Quá hạn"),
        ("in_progress", "text-bg-primary", "Đang thực hiện"),
        ("cancelled", "text-bg-dark", "Đã hủy"),
        ("not_started", "text-bg-secondary", "Chưa thực hiện"),
    ],
)
def test_status_badge(status, css, label):
    with translation.override("vi"):
        html = Template("{% load plans %}{{ status|task_status_badge }}").render(Context({"status": status}))
    assert html == f'<span class="badge {css}">{label}</span>'


def test_plan_page_shows_a_changed_task_at_once(client, office_officer, issued_plan, task):
    client.force_login(office_officer)
    url = reverse("plans:plan_detail", args=[issued_plan.pk])
    assert task.heading in client.get(url).content.decode()
    # A change that bypasses models and signals still shows: the key is the rows themselves.
    Task.objects.filter(pk=task.pk).update(heading="Tổ chức đối thoại với Nhân dân", status="done")
    page = client.get(url).content.decode()
    assert "Tổ chức đối thoại với Nhân dân" in page
    assert task.heading not in page
    assert '<span class="badge text-bg-success">Hoàn thành</span>' in page


def test_plan_page_rows_are_not_shared_between_people(client, office_officer, draft_plan, lead_unit):
    task = draft_plan.tasks.get()
    edit = reverse("plans:task_edit", args=[task.pk])
    url = reverse("plans:plan_detail", args=[draft_plan.pk])
    client.force_login(office_officer)  # may edit the draft: each row has an edit link
    assert edit in client.get(url).content.decode()
    staff = person_with_role(Role.STAFF, unit=lead_unit)  # may read it, not edit it
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert task.heading in response.content.decode()
    assert edit not in response.content.decode()


def test_plan_page_rows_follow_the_language(client, office_officer, issued_plan, task):
    client.force_login(office_officer)
    url = reverse("plans:plan_detail", args=[issued_plan.pk])
    assert "Chưa thực hiện" in client.get(url).content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Not started" in english
    assert "Chưa thực hiện" not in english


def test_dashboard_shows_a_changed_task_at_once(client, office_officer, issued_plan, task):
    client.force_login(office_officer)
    url = reverse("plans:dashboard", args=[issued_plan.agency_id])
    yesterday = timezone.localdate() - timedelta(days=1)
    Task.objects.filter(pk=task.pk).update(status="overdue", due_date=yesterday)
    assert task.heading in client.get(url).content.decode()
    Task.objects.filter(pk=task.pk).update(heading="Tổ chức đối thoại với Nhân dân")
    page = client.get(url).content.decode()
    assert "Tổ chức đối thoại với Nhân dân" in page
    assert task.heading not in page


def test_dashboard_is_not_shared_between_agencies(client, office_officer, issued_plan, task, other_agency):
    Task.objects.filter(pk=task.pk).update(
        status="overdue", due_date=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(office_officer)
    assert (
        task.heading in client.get(reverse("plans:dashboard", args=[issued_plan.agency_id])).content.decode()
    )
    other_office = person_with_role(Role.AGENCY_OFFICE, agency=other_agency)
    client.force_login(other_office)
    page = client.get(reverse("plans:dashboard", args=[other_agency.pk])).content.decode()
    assert task.heading not in page
    assert other_agency.name in page


def test_task_list_shows_a_changed_task_at_once(client, office_officer, task):
    client.force_login(office_officer)
    url = reverse("plans:task_list") + "?year="
    assert task.heading in client.get(url).content.decode()
    Task.objects.filter(pk=task.pk).update(heading="Tổ chức đối thoại với Nhân dân", percent=40)
    page = client.get(url).content.decode()
    assert "Tổ chức đối thoại với Nhân dân" in page
    assert "40%" in page


def test_task_list_rows_are_the_persons_own(client, office_officer, task, other_agency):
    client.force_login(office_officer)
    url = reverse("plans:task_list") + "?year="
    assert task.heading in client.get(url).content.decode()
    client.force_login(person_with_role(Role.AGENCY_OFFICE, agency=other_agency))
    assert task.heading not in client.get(url).content.decode()


def test_task_list_filter_follows_the_request_and_the_units(client, office_officer, task, lead_unit):
    client.force_login(office_officer)
    url = reverse("plans:task_list")
    page = client.get(url, {"unit": lead_unit.pk}).content.decode()
    assert f'<option value="{lead_unit.pk}" selected>{lead_unit.name}</option>' in page
    page = client.get(url).content.decode()
    assert f'<option value="{lead_unit.pk}">{lead_unit.name}</option>' in page
    assert "is-invalid" not in page
    assert "is-invalid" in client.get(url, {"year": "hai nghìn"}).content.decode()
    new_unit = UnitFactory(agency=lead_unit.agency, name="Phòng Công tác thanh niên")
    assert (
        f'<option value="{new_unit.pk}">Phòng Công tác thanh niên</option>'
        in client.get(url).content.decode()
    )


def test_plan_page_names_the_plan_it_implements(client, office_officer, issued_plan, province):
    ubnd = AgencyFactory(province=province, name="UBND tỉnh Tây Ninh", kind=Agency.Kind.PROVINCIAL_COMMITTEE)
    provincial = Plan.objects.create(
        agency=ubnd,
        title="Kế hoạch DVCQ năm 2026",
        status=Plan.Status.ISSUED,
        number="12",
        symbol="KH-UBND",
        created_by=office_officer,
    )
    Plan.objects.filter(pk=issued_plan.pk).update(implements=provincial)
    client.force_login(office_officer)
    page = client.get(reverse("plans:plan_detail", args=[issued_plan.pk])).content.decode()
    assert reverse("plans:plan_detail", args=[provincial.pk]) in page
    assert "UBND tỉnh Tây Ninh" in page


@pytest.mark.parametrize(
    ("asked", "shown", "first_row"),
    [
        ("1", "Trang 1/2 — 60 nhiệm vụ", 0),
        ("2", "Trang 2/2 — 60 nhiệm vụ", 50),
        ("9", "Trang 2/2", 50),
        ("x", "Trang 1/2", 0),
    ],
)
def test_task_list_pages_count_every_matching_task(
    client, issued_plan, office_officer, lead_unit, asked, shown, first_row
):
    due = timezone.localdate()
    for n in range(60):
        Task.objects.create(
            plan=issued_plan, order=n + 1, heading=f"Việc số {n:02d}", lead_unit=lead_unit, due_date=due
        )
    client.force_login(office_officer)
    page = client.get(
        reverse("plans:task_list"), {"q": "viec so", "year": "", "trang": asked}
    ).content.decode()
    assert shown in page
    assert f"Việc số {first_row:02d}" in page
    assert page.count("Việc số ") == (50 if first_row == 0 else 10)


def test_task_list_with_nothing_to_show(client, office_officer, task):
    client.force_login(office_officer)
    page = client.get(reverse("plans:task_list"), {"q": "không có việc này", "trang": "3"}).content.decode()
    assert "Không có nhiệm vụ nào." in page
