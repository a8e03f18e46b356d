"""The on-time rate as an indicator of the yearly evaluation and as the value
of a plan target "100% hồ sơ … đúng hạn"."""

from datetime import date
from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse

from danvan.core.indicators import get_indicator
from danvan.core.models import Agency
from danvan.evaluation import services as evaluation
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.onestop import selectors, services
from danvan.onestop.models import LateDossier
from danvan.plans.models import Plan, Target
from danvan.plans.services import bind_target
from tests.evaluation.conftest import import_can_tho
from tests.evaluation.engine.can_tho_2579 import CRITERIA, RULES
from tests.onestop.conftest import FIGURES, import_figures, statistics_csv


def test_the_indicator_counts_the_periods_ending_in_the_year(agency, office_officer, period):
    import_figures(
        agency,
        office_officer,
        statistics_csv(FIGURES[:1]),
        starts_on=date(2026, 12, 1),
        ends_on=date(2027, 1, 31),
    )
    figure = get_indicator("onestop.on_time_rate").measure(agency, 2026)
    assert (figure.numerator, figure.denominator) == (Decimal(55), Decimal(65))
    assert [line.label for line in figure.lines] == ["Kỳ 01/01/2026–31/03/2026"]
    assert figure.lines[0].url == f"/mot-cua/ky/{period.pk}/"


def test_the_indicator_proposes_the_evaluation_leafs_figure(agency, agency_head, period):
    criteria_set = import_can_tho(
        agency.province, agency_head, write_criteria_sheet(CRITERIA, RULES), years=(2026,)
    )
    criteria_set = evaluation.put_in_use(criteria_set=criteria_set, by=agency_head)
    criteria_set.nodes.filter(key="II/3").update(indicator="onestop.on_time_rate")
    assessment = evaluation.open_assessment(agency=agency, year=2026, by=agency_head)
    proposal = assessment.scores.get(node__key="II/3").proposal
    assert (proposal["numerator"], proposal["denominator"]) == ("55", "65")


def test_a_plan_target_bound_to_the_rate_follows_the_imports(agency, agency_head, office_officer):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch cải cách hành chính 2026", period_year=2026, created_by=office_officer
    )
    target = Target.objects.create(
        plan=plan, text="100% hồ sơ TTHC giải quyết đúng hạn và trước hạn", percent=Decimal(100)
    )
    bind_target(target=target, measured_by=selectors.SOURCE_CODE, document=None, by=office_officer)
    target.refresh_from_db()
    assert target.current_value is None  # nothing imported yet
    import_figures(agency, office_officer)
    target.refresh_from_db()
    assert target.current_value == Decimal("84.62") and not target.is_met()
    LateDossier.objects.create(
        agency=agency,
        code="H57-1",
        procedure="Cấp giấy phép tiến hành công việc bức xạ",
        applicant="Lê Văn Chờ",
        due_date=date(2026, 3, 10),
        apology_sent_on=date(2026, 3, 8),
        new_due_date=date(2026, 3, 15),
        created_by=office_officer,
    )
    services.set_apology_rule(agency=agency, apology_clears_late=True, by=agency_head)
    target.refresh_from_db()
    assert target.current_value == Decimal("86.15")  # 56 of 65


def test_the_demo_province_has_one_stop_figures_and_a_bound_target(db):
    call_command("load_demo_province", verbosity=0)
    skhcn = Agency.objects.get(symbol_code="SKHCN")
    rate = selectors.year_rate(skhcn, 2026)
    assert (rate.counted, rate.settled) == (151, 155)
    assert LateDossier.objects.filter(agency=skhcn).count() == 2
    bound = Target.objects.filter(plan__agency=skhcn, measured_by=selectors.SOURCE_CODE)
    assert bound.exists()


def test_the_targets_page_shows_how_the_rate_was_counted(client, agency, office_officer, period):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch CCHC 2026", period_year=2026, created_by=office_officer
    )
    target = Target.objects.create(plan=plan, text="100% hồ sơ TTHC đúng hạn", percent=Decimal(100))
    bind_target(target=target, measured_by=selectors.SOURCE_CODE, document=None, by=office_officer)
    client.force_login(office_officer)
    page = client.get(reverse("plans:target_value", args=[plan.pk, target.pk])).content.decode()
    assert "55 trên 65 hồ sơ thủ tục hành chính đã giải quyết trong năm 2026" in page
    assert reverse("onestop:agency", args=[agency.pk]) in page
