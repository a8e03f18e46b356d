from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from danvan.core.models import Agency, Role, Unit, User
from danvan.demo.province import DEMO_PASSWORD, PEOPLE
from danvan.documents.models import LegalDocument, ValidityStatus
from danvan.evaluation.models import Assessment, CriteriaSet


def load():
    out = StringIO()
    call_command("load_demo_province", stdout=out)
    return out.getvalue()


def test_demo_prints_one_login_per_role(db):
    output = load()
    assert DEMO_PASSWORD in output
    for role in Role:
        assert str(role.label) in output


def test_loading_twice_changes_nothing(db):
    load()
    counts = (Agency.objects.count(), Unit.objects.count(), User.objects.count())
    assert "tạo mới 0 bản ghi" in load()
    assert (Agency.objects.count(), Unit.objects.count(), User.objects.count()) == counts


def test_demo_units_are_named_as_the_plans_name_them(db):
    load()
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"Văn phòng Sở", "Thanh tra Sở", "Chi cục Tiêu chuẩn Đo lường Chất lượng"} <= names
    assert "Phòng Tổng hợp, Quy hoạch, Kế hoạch" in names


def test_every_demo_login_works(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    load()
    for person in PEOPLE:
        response = client.post(reverse("login"), {"username": person.username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, person.username
        client.post(reverse("logout"))


def _issued_numbers(agency, year) -> list[int]:
    from django.db.models import Q

    from danvan.plans.models import Plan
    from danvan.reports.models import Report

    plans = (
        Plan.objects.filter(agency=agency, issue_date__year=year)
        .filter(Q(symbol="") | Q(symbol__endswith=agency.symbol_code))
        .values_list("number", flat=True)
    )
    reports = Report.objects.filter(agency=agency, issue_date__year=year).values_list("number", flat=True)
    return [int(number) for number in [*plans, *reports] if number and number.isdigit()]


def test_numbers_issued_after_the_demo_go_on_from_every_number_it_issued(db):
    """Plans and reports share an agency's series for the year: what is issued
    after the demo is numbered above everything the demo issued."""
    from danvan.documents.register import next_document_number
    from danvan.plans.models import Plan, Task
    from danvan.plans.services import approve_plan, submit_plan
    from danvan.reports.models import Report

    load()
    # A plan a successor took over in the 2025 merger keeps the number of its
    # issuer's register (12/KH-SKHĐT), not of the successor's.
    issued = {
        (agency_id, day.year)
        for model in (Plan, Report)
        for agency_id, day, symbol, code in model.objects.exclude(issue_date=None)
        .exclude(number="")
        .values_list("agency_id", "issue_date", "symbol", "agency__symbol_code")
        if not symbol or symbol.endswith(code)
    }
    assert len(issued) >= 3  # the province's plan, the agency's plans of two years, its report
    for agency_id, year in issued:
        agency = Agency.objects.get(pk=agency_id)
        before = _issued_numbers(agency, year)
        assert int(next_document_number(agency=agency, year=year)) > max(before)

    # Through the plan's own approval, in the demo's year, after its report.
    agency = Agency.objects.get(plans__number="05")
    before = _issued_numbers(agency, 2026)
    assert Report.objects.filter(agency=agency, issue_date__year=2026).exclude(number="").exists()
    office = User.objects.get(username="skhcn.vanphong")
    plan = Plan.objects.create(agency=agency, title="Kế hoạch mới", period_year=2026, created_by=office)
    Task.objects.create(plan=plan, heading="Việc", lead_unit=agency.units.first())
    submit_plan(plan=plan, by=office)
    approve_plan(plan=plan, by=User.objects.get(username="skhcn.lanhdao"), issue_date=date(2026, 7, 1))
    plan.refresh_from_db()
    assert int(plan.number) > max(before) and plan.number not in {f"{n:02d}" for n in before}


def test_the_demo_has_a_criteria_set_in_use_and_a_finished_2025_round(db):
    call_command("load_demo_province", verbosity=0)
    criteria_set = CriteriaSet.objects.get(status=CriteriaSet.Status.IN_USE)
    assert criteria_set.years == [2025, 2026] and criteria_set.submit_until == "15/12"
    finals = {
        a.agency.symbol_code: (a.final_total, a.final_band) for a in Assessment.objects.filter(year=2025)
    }
    # 4 + 6 + 15 (98 %) + 12,5 (11/12) + 30 + 30 + 1 model; 4 + 4 + 10 + 10 + 30 + 22,94 + 0,5 − 1.
    assert finals["SNV"] == (Decimal("98.50"), "Hoàn thành xuất sắc")
    assert finals["STC"] == (Decimal("80.44"), "Hoàn thành")
    assert not Assessment.objects.filter(year=2026).exists()


def test_the_demo_sets_leaves_are_bound_to_the_systems_figures(db):
    call_command("load_demo_province", verbosity=0)
    bound = dict(CriteriaSet.objects.get().nodes.exclude(indicator="").values_list("key", "indicator"))
    assert bound == {
        "I/1": "plans.implementing_plan_on_time",
        "II/1/1.1": "plans.tasks_on_time",
        "II/1/1.2": "reports.on_time",
        "II/3": "petitions.within_limit",
        "III/1": "emulation.recognised_models",
        "IV/1": "petitions.past_limit",
    }


def test_the_demo_marks_the_well_known_replaced_documents_after_a_flush(db):
    LegalDocument.objects.all().delete()
    load()
    decree = LegalDocument.objects.get(number_key="04/2015/NĐ-CP")
    assert decree.validity_status == ValidityStatus.REPLACED
    assert {d.number for d in decree.replaced_by.all()} == {"10/2022/QH15", "59/2023/NĐ-CP"}
    # The demo plans cite the law by number: the seeded entry, not a second one.
    assert LegalDocument.objects.filter(number_key="10/2022/QH15").count() == 1
