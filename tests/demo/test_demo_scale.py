from datetime import date

from django.urls import reverse

from danvan.core.models import Agency, Role, RoleAssignment, Unit, User
from danvan.core.text import search_key
from danvan.demo.province import DEMO_PASSWORD
from danvan.demo.scale import ScaleSize, generate_province
from danvan.documents.models import NumberSeries
from danvan.plans.models import Plan, PlanDeadline, Target, Task, TaskUpdate

# Two agencies (one sở, one UBND xã/phường), 4 units and 8 people each, two
# years of 2 plans and 25 tasks: 50 tasks in all.
SMALL = ScaleSize(
    agencies=2,
    units_per_agency=4,
    people_per_agency=8,
    years=(2025, 2026),
    plans_per_year=2,
    tasks_per_year=25,
)
TODAY = date(2026, 11, 20)


def generate():
    return generate_province(SMALL, today=TODAY)


def test_generates_the_requested_size_on_top_of_the_small_demo(db):
    result = generate()

    generated = Agency.objects.filter(symbol_code__in=["STP", "UBND-PTNI"])
    assert result.created
    assert sorted(generated.values_list("kind", flat=True)) == ["commune_committee", "department"]
    assert Agency.objects.filter(symbol_code="SKHCN").exists()  # the small demo is there too
    assert Unit.objects.filter(agency__in=generated).count() == 8
    assert User.objects.filter(agency__in=generated).count() == 16
    assert Plan.objects.filter(agency__in=generated).count() == 4
    assert Task.objects.filter(plan__agency__in=generated).count() == 50
    assert Target.objects.filter(plan__agency__in=generated).count() >= 4 * 3
    assert PlanDeadline.objects.filter(plan__agency__in=generated).count() >= 4 * 2
    assert TaskUpdate.objects.filter(task__plan__agency__in=generated).exists()


def test_every_agency_has_a_leader_an_office_unit_heads_and_staff(db):
    generate()

    for agency in Agency.objects.filter(symbol_code__in=["STP", "UBND-PTNI"]):
        roles = list(RoleAssignment.objects.filter(agency=agency).values_list("role", flat=True))
        assert roles.count(Role.AGENCY_LEADER) == 1
        assert roles.count(Role.AGENCY_OFFICE) == 1
        assert roles.count(Role.UNIT_HEAD) == 2
        assert roles.count(Role.STAFF) == 4


def test_past_years_are_closed_and_this_year_is_issued_with_numbers_reserved(db):
    generate()

    assert set(Plan.objects.filter(period_year=2025).values_list("status", flat=True)) == {"closed"}
    assert set(Plan.objects.filter(period_year=2026).values_list("status", flat=True)) == {"issued"}
    stp = Agency.objects.get(symbol_code="STP")
    assert NumberSeries.objects.get(agency=stp, year=2026).last_number == 1
    assert Plan.objects.get(agency=stp, period_year=2026).reference == "01/KH-STP"


def test_keys_that_save_would_fill_are_filled(db):
    generate()

    unit = Unit.objects.get(agency__symbol_code="STP", code="VP")
    assert unit.sort_key == search_key("Văn phòng Sở")
    task = Task.objects.filter(plan__agency__symbol_code="STP").first()
    assert task.search_text == search_key(task.heading) != ""
    person = User.objects.get(username="stp.vanphong")
    assert person.sort_key == search_key(person.full_name)


def test_statuses_are_spread_and_done_tasks_have_a_date(db):
    generate()

    tasks = Task.objects.filter(plan__agency__symbol_code__in=["STP", "UBND-PTNI"])
    assert {"done", "overdue"} <= set(tasks.values_list("status", flat=True))
    assert not tasks.filter(status="done", completed_on__isnull=True).exists()
    assert not tasks.filter(status="done").exclude(percent=100).exists()


def test_a_second_run_changes_nothing(db):
    generate()
    counts = [model.objects.count() for model in (Agency, Unit, User, Plan, Task, TaskUpdate, Target)]

    result = generate()

    assert not result.created
    assert [model.objects.count() for model in (Agency, Unit, User, Plan, Task, TaskUpdate, Target)] == counts


def test_a_generated_person_signs_in_with_the_demo_password(client, db):
    generate()

    response = client.post(reverse("login"), {"username": "stp.vanphong", "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("plans:task_list")).status_code == 200
