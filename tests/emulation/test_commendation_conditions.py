"""Each commendation condition against what the system knows, with its article."""

from datetime import date

import pytest

from danvan.core.services import DomainError
from danvan.emulation import services
from danvan.emulation.models import Candidate, CommendationTitle, ConditionCheck
from danvan.emulation.selectors_commendation import Subject, check_conditions, draft_achievement
from danvan.evaluation import services as evaluation_services
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.plans.models import Task
from tests.emulation.conftest import title
from tests.evaluation.conftest import assess, import_can_tho
from tests.evaluation.engine.can_tho_2579 import CRITERIA, HT, RULES, TOT

State = ConditionCheck.State


def states(code, subject, proposed=None):
    return {
        o.condition.code: (o.state, o.condition.article)
        for o in check_conditions(title(code), subject, proposed=proposed)
    }


def test_titles_are_seeded_with_articles(db):
    codes = set(CommendationTitle.objects.values_list("code", flat=True))
    assert {"LDTT", "CSTDCS", "TTLDTT", "TTLDXS", "GK", "BKT", "BKT_TT"} <= codes
    for t in CommendationTitle.objects.prefetch_related("conditions"):
        assert t.conditions.exists()
        assert all("Điều" in c.article for c in t.conditions.all())
    assert title("CSTDCS").council_share == 70


def test_tasks_done_met_when_every_task_of_the_year_is_done(agency, unit_officer, done_task):
    result = states("LDTT", Subject(agency=agency, year=2026, person=unit_officer))
    assert result["tasks_done"] == (
        State.MET,
        "Điều 24 khoản 1 điểm a Luật Thi đua, khen thưởng 2022 (06/2022/QH15)",
    )


def test_tasks_done_not_met_with_an_unfinished_task(agency, unit_officer, done_task):
    Task.objects.create(
        plan=done_task.plan, heading="Việc chưa xong", assignee=unit_officer, due_date=date(2026, 9, 30)
    )
    assert (
        states("LDTT", Subject(agency=agency, year=2026, person=unit_officer))["tasks_done"][0]
        == State.NOT_MET
    )


def test_tasks_done_to_confirm_without_tasks(agency, unit_officer):
    assert (
        states("LDTT", Subject(agency=agency, year=2026, person=unit_officer))["tasks_done"][0]
        == State.TO_CONFIRM
    )


def test_discipline_of_the_year_fails(agency, unit_officer, office_officer):
    subject = Subject(agency=agency, year=2026, person=unit_officer)
    assert states("LDTT", subject)["no_discipline"][0] == State.MET
    services.record_discipline(person=unit_officer, year=2026, note="Khiển trách", by=office_officer)
    assert states("LDTT", subject)["no_discipline"] == (
        State.NOT_MET,
        "Điều 24 khoản 1 điểm b Luật Thi đua, khen thưởng 2022 (06/2022/QH15)",
    )
    assert (
        states("LDTT", Subject(agency=agency, year=2025, person=unit_officer))["no_discipline"][0]
        == State.MET
    )


def test_manual_condition_waits_for_confirmation(agency, unit_officer):
    assert (
        states("LDTT", Subject(agency=agency, year=2026, person=unit_officer))["spirit"][0]
        == State.TO_CONFIRM
    )


def test_chien_si_needs_lao_dong_tien_tien_of_the_year(agency, unit_officer, office_officer):
    subject = Subject(agency=agency, year=2026, person=unit_officer)
    assert states("CSTDCS", subject)["ldtt"] == (
        State.NOT_MET,
        "Điều 23 Luật Thi đua, khen thưởng 2022 (06/2022/QH15)",
    )
    assert states("CSTDCS", subject, {"LDTT"})["ldtt"][0] == State.MET


def test_bang_khen_needs_two_previous_years_of_chien_si(agency, unit_officer, office_officer):
    subject = Subject(agency=agency, year=2026, person=unit_officer)
    services.record_title(
        title=title("CSTDCS"),
        year=2025,
        decision_number="5/QĐ-SKHCN",
        decision_date=date(2026, 1, 5),
        person=unit_officer,
        by=office_officer,
    )
    assert states("BKT", subject)["two_years"][0] == State.NOT_MET
    services.record_title(
        title=title("CSTDCS"),
        year=2024,
        decision_number="4/QĐ-SKHCN",
        decision_date=date(2025, 1, 5),
        person=unit_officer,
        by=office_officer,
    )
    assert states("BKT", subject)["two_years"] == (
        State.MET,
        "Điều 74 khoản 1 Luật Thi đua, khen thưởng 2022 (06/2022/QH15)",
    )


def test_recording_a_title_twice_is_refused(unit_officer, office_officer):
    args = dict(
        title=title("LDTT"),
        year=2025,
        decision_number="1/QĐ",
        decision_date=date(2026, 1, 5),
        person=unit_officer,
        by=office_officer,
    )
    services.record_title(**args)
    with pytest.raises(DomainError):
        services.record_title(**args)


def test_agency_band_reads_the_final_evaluation(province, agency, province_officer):
    subject = Subject(agency=agency, year=2025)
    assert states("BKT_TT", subject)["band"][0] == State.NOT_MET
    criteria_set = import_can_tho(province, province_officer, write_criteria_sheet(CRITERIA, RULES))
    evaluation_services.put_in_use(criteria_set=criteria_set, by=province_officer)
    assessment = assess(agency, criteria_set, province_officer, final=90, band=TOT)
    result = states("BKT_TT", subject)
    assert result["band"][0] == State.MET and "Điều 74 khoản 2" in result["band"][1]
    assessment.final_band = HT
    assessment.save(update_fields=["final_band"])
    assert states("BKT_TT", subject)["band"][0] == State.NOT_MET


def test_a_candidate_failing_a_condition_is_refused_naming_it(proposal, unit_officer, office_officer):
    services.record_discipline(person=unit_officer, year=2026, note="Cảnh cáo", by=office_officer)
    with pytest.raises(DomainError) as refused:
        services.add_candidate(proposal=proposal, title=title("LDTT"), person=unit_officer, by=office_officer)
    assert "không bị kỷ luật" in refused.value.message and "Điều 24 khoản 1 điểm b" in refused.value.message
    assert not Candidate.objects.exists()


def test_the_achievement_report_is_drafted_from_done_tasks(candidate):
    assert "Tổ chức đối thoại với doanh nghiệp" in candidate.achievement
    assert "20/06/2026" in candidate.achievement


def test_achievement_report_without_tasks(agency, unit_officer):
    assert "Chưa có nhiệm vụ" in draft_achievement(Subject(agency=agency, year=2026, person=unit_officer))


def test_confirming_needs_a_note(candidate, office_officer):
    check = candidate.checks.get(state=State.TO_CONFIRM)
    with pytest.raises(DomainError):
        services.confirm_condition(check=check, note=" ", by=office_officer)
    services.confirm_condition(check=check, note="Biên bản bình xét của phòng", by=office_officer)
    check.refresh_from_db()
    assert check.state == State.MET and check.confirmed_by == office_officer


def test_a_met_condition_is_not_confirmed_again(candidate, office_officer):
    with pytest.raises(DomainError):
        services.confirm_condition(
            check=candidate.checks.get(condition__code="tasks_done"), note="x", by=office_officer
        )


def test_staff_cannot_propose(proposal, unit_officer, done_task):
    with pytest.raises(DomainError):
        services.add_candidate(proposal=proposal, title=title("LDTT"), person=unit_officer, by=unit_officer)
    assert not Candidate.objects.exists()
