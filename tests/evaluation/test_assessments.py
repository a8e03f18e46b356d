"""An agency's assessment from opening to the final band, through the services.

The set is Cần Thơ 2579 as imported from its workbook (tests/evaluation/conftest.py):
leaves I/1 (done or not, 4), I/2 (steps 0-2-4-6), II/1/1.1 (ratio bands, 15),
II/1/1.2 (−5 a late report, 15), II/2 (steps of 10, 30), II/3 (linear 50→100 %, 30),
bonus III/1 (1 a model, ≤2), III/2 (0,5 an exemplar, ≤2), penalty IV/1 (1 each, ≤3).
"""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from danvan.core import indicators
from danvan.core.services import DomainError
from danvan.evaluation import permissions, services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.models import Assessment, Evidence, LeafScore
from danvan.plans.models import Plan
from tests.factories import AgencyFactory, UserFactory

FULL = {
    "I/1": engine.Done(True),
    "I/2": engine.StepChoice(D(6), "Đã ban hành đủ văn bản"),
    "II/1/1.1": engine.Ratio(D(50), D(50)),
    "II/1/1.2": engine.Occurrences(0),
    "II/2": engine.StepChoice(D(30), "Tiếp công dân đủ các kỳ"),
    "II/3": engine.Ratio(D(100), D(100)),
    "III/1": engine.Occurrences(0),
    "III/2": engine.Occurrences(0),
    "IV/1": engine.Occurrences(0),
}


def leaf(assessment: Assessment, key: str) -> LeafScore:
    return assessment.scores.select_related("node", "assessment").get(node__key=key)


def score_all(assessment, by, values=None):
    for key, entered in (values or FULL).items():
        services.score_leaf_of(leaf=leaf(assessment, key), entered=entered, explanation="", by=by)


@pytest.fixture
def assessment(set_in_use, agency, office_officer):
    return services.open_assessment(agency=agency, year=2025, by=office_officer)


@pytest.fixture
def late_reports_indicator(set_in_use):
    """A figure bound to II/1/1.2: how many of the agency's reports were late."""
    measured = {}

    def measure(agency, year):
        measured["call"] = (agency.pk, year)
        return indicators.Figure(
            D(1), lines=(indicators.Line("Báo cáo quý I", "/bao-cao/1/", "Hạn 15/03/2025 – gửi 20/03/2025"),)
        )

    indicators.register_indicator(
        code="test.late_reports", name="Báo cáo chậm", kind=indicators.Kind.COUNT, measure=measure
    )
    set_in_use.nodes.filter(key="II/1/1.2").update(indicator="test.late_reports")
    yield measured
    indicators._INDICATORS.pop("test.late_reports", None)


def test_opening_makes_one_line_per_leaf(assessment, set_in_use):
    assert assessment.criteria_set == set_in_use
    keys = sorted(assessment.scores.values_list("node__key", flat=True))
    assert keys == sorted(FULL)
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.self_total is None


def test_opening_twice_or_without_a_set_is_refused(assessment, agency, office_officer, province):
    with pytest.raises(DomainError, match="đã có bản tự đánh giá năm 2025"):
        services.open_assessment(agency=agency, year=2025, by=office_officer)
    with pytest.raises(DomainError, match="Chưa có bộ tiêu chí"):
        services.open_assessment(agency=agency, year=2031, by=office_officer)
    commune = AgencyFactory(province=province, kind="commune_committee")
    with pytest.raises(DomainError, match="Chưa có bộ tiêu chí"):
        services.open_assessment(agency=commune, year=2025, by=office_officer)
    assert Assessment.objects.count() == 1


def test_a_bound_leaf_gets_the_systems_figure_as_a_proposal(late_reports_indicator, agency, office_officer):
    opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
    assert late_reports_indicator["call"] == (agency.pk, 2025)
    bound = leaf(opened, "II/1/1.2")
    assert bound.proposal["points"] == "10.00"  # 15 − 5 for the one late report
    assert bound.proposal["lines"][0]["label"] == "Báo cáo quý I"
    assert leaf(opened, "I/1").proposal is None
    services.accept_proposal(leaf=bound, by=office_officer)
    bound.refresh_from_db()
    assert (bound.points, bound.proposal_accepted) == (D(10), True)


def test_departing_from_the_proposal_needs_a_reason(late_reports_indicator, agency, office_officer):
    opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
    bound = leaf(opened, "II/1/1.2")
    with pytest.raises(DomainError, match="ghi lý do"):
        services.score_leaf_of(leaf=bound, entered=engine.Occurrences(0), explanation="", by=office_officer)
    bound.refresh_from_db()
    assert bound.entered is None
    services.score_leaf_of(
        leaf=bound,
        entered=engine.Occurrences(0),
        explanation="",
        override_reason="Báo cáo quý I gửi đúng hạn qua đường văn thư",
        by=office_officer,
    )
    bound.refresh_from_db()
    assert (bound.points, bound.proposal_accepted) == (D(15), False)
    assert bound.override_reason.startswith("Báo cáo quý I")


def test_a_score_the_method_refuses_changes_nothing(assessment, office_officer):
    steps = leaf(assessment, "I/2")
    with pytest.raises(DomainError, match="không phải một mức cho phép"):
        services.score_leaf_of(
            leaf=steps, entered=engine.StepChoice(D(5), "?"), explanation="", by=office_officer
        )
    with pytest.raises(DomainError, match="lý do"):
        services.score_leaf_of(leaf=steps, entered=engine.StepChoice(D(4)), explanation="", by=office_officer)
    steps.refresh_from_db()
    assert steps.entered is None and steps.points is None


def test_submitting_needs_every_leaf(assessment, office_officer, agency_head):
    services.score_leaf_of(
        leaf=leaf(assessment, "I/1"), entered=engine.Done(True), explanation="", by=office_officer
    )
    with pytest.raises(DomainError, match="Còn 8 tiêu chí chưa chấm điểm"):
        services.submit_assessment(assessment=assessment, by=agency_head)
    score_all(assessment, office_officer)
    submitted = services.submit_assessment(assessment=assessment, by=agency_head, today=date(2025, 12, 12))
    assert (submitted.status, submitted.self_total, submitted.self_band) == (
        "submitted",
        D(100),
        "Hoàn thành xuất sắc",
    )
    assert not submitted.submitted_late
    with pytest.raises(DomainError, match="không sửa điểm tự chấm"):
        services.score_leaf_of(
            leaf=leaf(assessment, "I/1"), entered=engine.Done(False), explanation="", by=office_officer
        )


def test_after_the_window_a_submission_is_marked_late(assessment, set_in_use, office_officer, agency_head):
    set_in_use.submit_from, set_in_use.submit_until = "10/12", "15/12"
    set_in_use.save()
    score_all(assessment, office_officer)
    submitted = services.submit_assessment(assessment=assessment, by=agency_head, today=date(2025, 12, 16))
    assert submitted.submitted_late
    assert services.submission_window(set_in_use, 2025) == (date(2025, 12, 10), date(2025, 12, 15))


@pytest.fixture
def submitted(assessment, office_officer, agency_head):
    score_all(assessment, office_officer)
    return services.submit_assessment(assessment=assessment, by=agency_head, today=date(2025, 12, 12))


def test_the_review_keeps_self_and_reviewed_scores_apart(submitted, province_officer):
    ratio = leaf(submitted, "II/3")
    with pytest.raises(DomainError, match="lý do thay đổi"):
        services.review_leaf(leaf=ratio, entered=engine.Ratio(D(90), D(100)), reason="", by=province_officer)
    services.review_leaf(
        leaf=ratio, entered=engine.Ratio(D(90), D(100)), reason="Có 10 hồ sơ trễ hạn", by=province_officer
    )
    ratio.refresh_from_db()
    assert (ratio.points, ratio.reviewed_points) == (D(30), D(24))  # 30 × (90 − 50) / 50
    reviewed = services.send_review(assessment=submitted, by=province_officer, today=date(2025, 12, 20))
    assert (reviewed.self_total, reviewed.reviewed_total) == (D(100), D(94))
    assert reviewed.answer_due == date(2025, 12, 25)


def test_the_agency_answers_once_and_in_time(submitted, province_officer, agency_head):
    services.send_review(assessment=submitted, by=province_officer, today=date(2025, 12, 20))
    with pytest.raises(DomainError, match="quá hạn phản hồi"):
        services.answer_review(
            assessment=submitted, text="Xin xem lại", by=agency_head, today=date(2025, 12, 26)
        )
    services.answer_review(
        assessment=submitted, text="Xin xem lại tiêu chí 3", by=agency_head, today=date(2025, 12, 25)
    )
    with pytest.raises(DomainError, match="một lần"):
        services.answer_review(assessment=submitted, text="Lần nữa", by=agency_head, today=date(2025, 12, 25))
    submitted.refresh_from_db()
    assert (submitted.status, submitted.answer) == ("answered", "Xin xem lại tiêu chí 3")


def test_finalising_applies_the_events_of_the_rules(submitted, province_officer):
    with pytest.raises(DomainError, match="sau khi đã gửi kết quả thẩm định"):
        services.finalise_assessment(assessment=submitted, events=[], by=province_officer)
    services.send_review(assessment=submitted, by=province_officer, today=date(2025, 12, 20))
    with pytest.raises(DomainError, match="không có trong quy định"):
        services.finalise_assessment(assessment=submitted, events=["invented"], by=province_officer)
    final = services.finalise_assessment(
        assessment=submitted, events=["leader_reprimanded"], by=province_officer
    )
    assert (final.final_total, final.final_band, final.status) == (D(100), "Hoàn thành tốt", "final")
    assert final.classification["score_band"] == "Hoàn thành xuất sắc"
    assert leaf(final, "II/3").final_points == D(30)


def test_an_agency_that_sent_nothing_is_recorded_with_the_rule_for_it(
    submitted, set_in_use, province, province_officer, other_agency
):
    set_in_use.submit_until = "15/12"
    set_in_use.save()
    assert (
        services.record_missing_assessments(
            province=province, year=2025, by=province_officer, today=date(2025, 12, 15)
        )
        == 0
    )
    recorded = services.record_missing_assessments(
        province=province, year=2025, by=province_officer, today=date(2025, 12, 16)
    )
    assert recorded == 1  # the agency that submitted is left alone
    missing = Assessment.objects.get(agency=other_agency)
    assert (missing.status, missing.final_band, missing.events) == (
        "final",
        "Không hoàn thành",
        ["no_self_assessment"],
    )
    assert "không gửi báo cáo tự đánh giá" in missing.classification["reason"]


def test_a_total_in_no_band_is_left_to_the_reviewer(submitted, set_in_use, province_officer):
    rules = dict(set_in_use.rules)
    rules["bands"] = [band for band in rules["bands"] if band["name"] != "Không hoàn thành"]
    set_in_use.rules = rules
    set_in_use.save()
    low = leaf(submitted, "II/3")
    services.review_leaf(
        leaf=low, entered=engine.Ratio(D(50), D(100)), reason="Trễ nhiều", by=province_officer
    )
    services.review_leaf(
        leaf=leaf(submitted, "II/2"),
        entered=engine.StepChoice(D(0), "Không tổ chức"),
        reason="Không tổ chức",
        by=province_officer,
    )
    services.send_review(assessment=submitted, by=province_officer)
    final = services.finalise_assessment(assessment=submitted, events=[], by=province_officer)
    assert final.final_total == D(40)
    assert final.final_band == "" and final.classification["needs_review"]
    assert "không thuộc mức xếp loại nào" in final.classification["reason"]
    with pytest.raises(DomainError, match="căn cứ"):
        services.decide_band(assessment=final, band="Hoàn thành", reason="", by=province_officer)
    decided = services.decide_band(
        assessment=final, band="Hoàn thành", reason="Hội đồng họp ngày 20/12", by=province_officer
    )
    assert decided.final_band == "Hoàn thành"
    assert not decided.classification["needs_review"]


def test_quotas_are_applied_among_the_provinces_finalised_agencies(
    set_in_use, province, province_officer, office_officer
):
    rules = dict(set_in_use.rules)
    rules["quotas"] = [{"band": "Hoàn thành xuất sắc", "relative_to": "Hoàn thành tốt", "percent": "50"}]
    set_in_use.rules = rules
    set_in_use.save()
    finals = []
    for ratio in (D(100), D(99), D(88), D(90)):
        agency = AgencyFactory(province=province)
        opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
        score_all(opened, office_officer, {**FULL, "II/3": engine.Ratio(ratio, D(100))})
        services.submit_assessment(assessment=opened, by=office_officer)
        services.send_review(assessment=opened, by=province_officer)
        finals.append(services.finalise_assessment(assessment=opened, events=[], by=province_officer))
    bands = [Assessment.objects.get(pk=final.pk).final_band for final in finals]
    # Two "tốt" (92,8 and 94) allow one "xuất sắc": the higher of 100 and 99,4 keeps it.
    assert bands == ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành tốt", "Hoàn thành tốt"]
    assert Assessment.objects.get(pk=finals[1].pk).classification["needs_review"]


def test_evidence_links_only_what_the_agency_has(assessment, office_officer, other_agency):
    own = Plan.objects.create(
        agency=assessment.agency,
        title="Kế hoạch công tác dân vận năm 2025",
        period_year=2025,
        created_by=office_officer,
    )
    theirs = Plan.objects.create(
        agency=other_agency, title="Kế hoạch của Sở Tài chính", period_year=2025, created_by=office_officer
    )
    target = leaf(assessment, "I/1")
    with pytest.raises(DomainError, match="Không tìm thấy"):
        services.add_evidence_link(leaf=target, kind="plan", object_id=theirs.pk, by=office_officer)
    with pytest.raises(DomainError, match="không hợp lệ"):
        services.add_evidence_link(leaf=target, kind="user", object_id=1, by=office_officer)
    evidence = services.add_evidence_link(leaf=target, kind="plan", object_id=own.pk, by=office_officer)
    assert "Kế hoạch công tác dân vận năm 2025" in evidence.title
    assert services.evidence_url(evidence) == f"/ke-hoach/{own.pk}/"
    with pytest.raises(DomainError, match="đã có"):
        services.add_evidence_link(leaf=target, kind="plan", object_id=own.pk, by=office_officer)
    assert Evidence.objects.count() == 1


def test_a_refused_evidence_file_leaves_nothing_stored(assessment, office_officer, settings):
    target = leaf(assessment, "I/1")
    with pytest.raises(DomainError, match="bị hỏng"):
        services.add_evidence_file(
            leaf=target,
            data=b"PK\x03\x04 not a real archive",
            filename="bien-ban.docx",
            title="",
            by=office_officer,
        )
    with pytest.raises(DomainError, match="Tệp quá lớn"):
        services.add_evidence_file(
            leaf=target,
            data=b"x" * (services.assessments.EVIDENCE_LIMIT_BYTES + 1),
            filename="lon.txt",
            title="",
            by=office_officer,
        )
    assert Evidence.objects.count() == 0
    stored = list(Path(settings.MEDIA_ROOT).rglob("*")) if Path(settings.MEDIA_ROOT).exists() else []
    assert [path for path in stored if path.is_file()] == []
    kept = services.add_evidence_file(
        leaf=target,
        data=b"Bien ban hoi nghi",
        filename="Biên bản.txt",
        title="Biên bản hội nghị",
        by=office_officer,
    )
    assert kept.file.read() == b"Bien ban hoi nghi"
    services.remove_evidence(evidence=kept, by=office_officer)
    assert Evidence.objects.count() == 0


def test_covering_set_is_the_set_in_use_for_the_kind_and_year(set_in_use, agency, province, province_officer):
    assert services.covering_set(agency, 2025) == set_in_use
    assert services.covering_set(agency, 2026) is None
    assert services.covering_set(AgencyFactory(province=province, kind="commune_committee"), 2025) is None
    replacement = services.new_draft_version(criteria_set=set_in_use, by=province_officer)
    assert services.covering_set(agency, 2025) == set_in_use  # a draft covers nobody
    services.put_in_use(criteria_set=replacement, by=province_officer)
    assert services.covering_set(agency, 2025) == replacement


def test_refreshing_moves_an_accepted_proposal_with_its_figure(
    late_reports_indicator, agency, office_officer
):
    opened = services.open_assessment(agency=agency, year=2025, by=office_officer)
    services.accept_proposal(leaf=leaf(opened, "II/1/1.2"), by=office_officer)
    indicators.register_indicator(
        code="test.late_reports",
        name="Báo cáo chậm",
        kind=indicators.Kind.COUNT,
        measure=lambda agency, year: indicators.Figure(D(2)),
    )
    assert services.refresh_proposals(assessment=opened) == 1
    bound = leaf(opened, "II/1/1.2")
    assert (bound.proposal["numerator"], bound.points) == ("2", D(5))


def test_scorecard_is_none_until_every_leaf_is_scored(
    assessment, office_officer, province_officer, agency_head
):
    assert services.scorecard(assessment) is None
    score_all(assessment, office_officer)
    assert services.scorecard(assessment).total == D(100)
    services.submit_assessment(assessment=assessment, by=agency_head)
    services.review_leaf(
        leaf=leaf(assessment, "I/1"),
        entered=engine.Done(False),
        reason="Chưa ban hành kế hoạch",
        by=province_officer,
    )
    assert services.scorecard(assessment, "reviewed_entered").total == D(96)
    assert services.scorecard(assessment).total == D(100)  # the self score is kept apart


def test_a_council_member_is_named_and_removed(assessment, province_officer, other_agency):
    member = UserFactory(agency=other_agency, full_name="Phan Văn Hội Đồng")
    reviewer = services.assign_reviewer(
        assessment=assessment, person=member, position="Ủy viên", by=province_officer
    )
    assert list(permissions.visible_assessments(member)) == [assessment]
    again = services.assign_reviewer(
        assessment=assessment, person=member, position="Phó Chủ tịch", by=province_officer
    )
    assert again.pk == reviewer.pk and again.position == "Phó Chủ tịch"
    services.remove_reviewer(reviewer=again, by=province_officer)
    assert list(permissions.visible_assessments(member)) == []


def test_window_days_and_who_has_submitted_nothing(
    assessment, office_officer, agency_head, agency, other_agency
):
    assert services.window_day("15/12", 2025) == date(2025, 12, 15)
    assert services.window_day("", 2025) is None
    kinds = [agency.kind]
    assert list(services.unsubmitted_agencies(agency.province_id, kinds, 2025)) == sorted(
        [agency, other_agency], key=lambda found: found.name
    )  # a draft counts as nothing
    score_all(assessment, office_officer)
    services.submit_assessment(assessment=assessment, by=agency_head)
    assert list(services.unsubmitted_agencies(agency.province_id, kinds, 2025)) == [other_agency]
