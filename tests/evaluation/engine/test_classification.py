"""Each classification rule: bands, conditions, forces, caps, quotas, the council's vote."""

from decimal import Decimal as D

import pytest

from danvan.evaluation.engine.classification import apply_quotas, classify, may_be_proposed
from danvan.evaluation.engine.errors import InvalidScoring
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Classification,
    Deduction,
    Done,
    ForceBand,
    MinimumShare,
    NoLeafAtZero,
    NoNodeAtZero,
    NotApplicable,
    Occurrences,
    Quota,
    Rules,
    StepChoice,
    Steps,
    WhenNotApplicable,
)
from danvan.evaluation.engine.scoring import score
from danvan.evaluation.engine.validation import Row, build_criteria_set

STEPS = Steps(tuple(D(step) for step in range(0, 51)), note_required=False)
# I (50) = 1 (25) + 2 (25); II (50) = 1 (50): any whole number of points per leaf.
CRITERIA = build_criteria_set(
    "Thử",
    [
        Row("I", "Nhóm I", D(50)),
        Row(
            "1",
            "a",
            D(25),
            parent="I",
            method=STEPS if False else Steps(tuple(D(s) for s in range(26)), False),
        ),
        Row("2", "b", D(25), parent="I", method=Steps(tuple(D(s) for s in range(26)), False)),
        Row("II", "Nhóm II", D(50)),
        Row("1", "c", D(50), parent="II", method=STEPS),
    ],
)

XS, TOT, HT, KHT = "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"
RULES = Rules(
    bands=(
        Band(XS, D(95), (NoLeafAtZero(),)),
        Band(TOT, D(85), (MinimumShare(D(60), depth=1),)),
        Band(HT, D(75)),
        Band(KHT, D(0)),
    ),
    forces=(ForceBand("corruption", KHT), ForceBand("no_self_assessment", KHT)),
    caps=(CapBand("reprimand", TOT), CapBand("warning", HT)),
    events={
        "corruption": "để xảy ra tham nhũng",
        "reprimand": "lãnh đạo bị khiển trách",
        "warning": "cảnh cáo",
    },
    commendation_from=TOT,
)


def card(a, b, c):
    return score(CRITERIA, {"I/1": StepChoice(D(a)), "I/2": StepChoice(D(b)), "II/1": StepChoice(D(c))})


@pytest.mark.parametrize(
    ("points", "band"),
    [
        ((25, 25, 45), XS),  # exactly 95
        ((25, 24, 45), TOT),  # 94
        ((25, 10, 50), TOT),  # exactly 85
        ((25, 9, 50), HT),  # 84
        ((25, 5, 45), HT),  # exactly 75
        ((24, 5, 45), KHT),  # 74
        ((0, 0, 0), KHT),
    ],
)
def test_bands_have_inclusive_lower_thresholds(points, band):
    result = classify(RULES, card(*points))
    assert result.band == band
    assert result.decided


def test_a_leaf_at_zero_keeps_the_agency_out_of_a_band_with_that_condition():
    # 95 with no leaf at 0 → XS; the same rules with I/2 at 0 cannot reach 95 here, see below.
    assert classify(RULES, card(25, 25, 45)).band == XS
    assert classify(RULES, card(0, 25, 50)).band == HT  # 75


def test_a_failed_condition_moves_down_past_every_band_it_fails():
    rules = Rules(
        bands=(Band(XS, D(95), (NoLeafAtZero(),)), Band(TOT, D(85), (NoLeafAtZero(),)), Band(HT, D(0)))
    )
    criteria = build_criteria_set(
        "Thử",
        [
            Row("I", "Nhóm", D(100)),
            Row("1", "a", D(2), parent="I", method=AllOrNothing()),
            Row("2", "b", D(98), parent="I", method=AllOrNothing()),
        ],
    )
    result = classify(rules, score(criteria, {"I/1": Done(False), "I/2": Done(True)}))
    assert result.band == HT
    assert result.score_band == XS
    assert result.notes == (
        "Không xếp “Hoàn thành xuất sắc”: chưa đạt điều kiện “không có tiêu chí nào bị 0 điểm” (I/1).",
        "Không xếp “Hoàn thành tốt”: chưa đạt điều kiện “không có tiêu chí nào bị 0 điểm” (I/1).",
    )


def test_every_criterion_at_least_a_share_of_its_maximum():
    # 88 points: TOT needs each group at ≥ 60 % (30 of 50); group I has 38, group II 50 → TOT.
    assert classify(RULES, card(25, 13, 50)).band == TOT
    # Group II at 29 of 50 (58 %): 79 points, HT whatever the share.
    result = classify(RULES, card(25, 25, 29))
    assert result.total == D(79)
    assert result.band == HT
    rules = Rules(bands=(Band(TOT, D(50), (MinimumShare(D(60), depth=1),)), Band(HT, D(0))))
    assert classify(rules, card(25, 25, 30)).band == TOT  # exactly 60 %
    assert classify(rules, card(25, 25, 29)).band == HT


def test_no_criterion_at_zero_at_one_level():
    rules = Rules(bands=(Band(XS, D(50), (NoNodeAtZero(depth=1),)), Band(HT, D(0))))
    assert classify(rules, card(0, 25, 50)).band == XS  # a leaf at 0, its group is not
    assert classify(rules, card(25, 25, 0)).band == HT  # group II at 0


def test_an_event_forces_the_band_whatever_the_score():
    result = classify(RULES, card(25, 25, 50), events={"corruption"})
    assert result.band == KHT
    assert result.reason == "Xếp “Không hoàn thành” do: để xảy ra tham nhũng."


def test_no_self_assessment_forces_the_band_without_a_score():
    assert classify(RULES, None, events={"no_self_assessment"}).band == KHT


def test_no_score_and_no_event_is_undecided():
    result = classify(RULES, None)
    assert result.band is None
    assert result.needs_review


def test_a_cap_keeps_the_band_at_most_where_it_says():
    assert classify(RULES, card(25, 25, 50), events={"reprimand"}).band == TOT
    assert classify(RULES, card(25, 25, 50), events={"warning"}).band == HT
    assert classify(RULES, card(25, 25, 50), events={"reprimand", "warning"}).band == HT  # the lower cap
    # A cap above the score's band changes nothing.
    assert classify(RULES, card(25, 5, 45), events={"reprimand"}).band == HT


def test_a_cap_and_a_force_on_the_same_agency():
    result = classify(RULES, card(25, 25, 50), events={"reprimand", "corruption"})
    assert result.band == KHT  # the force is below the cap: both hold


def test_a_force_above_a_cap_is_undecided():
    rules = Rules(
        bands=RULES.bands,
        forces=(ForceBand("hero", TOT),),
        caps=(CapBand("warning", HT),),
    )
    result = classify(rules, card(10, 10, 10), events={"hero", "warning"})
    assert result.band is None
    assert result.needs_review
    assert "quy định không xác định mức nào áp dụng" in result.reason


def test_conflicting_forces_are_undecided():
    rules = Rules(bands=RULES.bands, forces=(ForceBand("a", TOT), ForceBand("b", KHT)))
    result = classify(rules, card(25, 25, 50), events={"a", "b"})
    assert result.band is None
    assert result.reason.startswith("Các sự kiện buộc những mức xếp loại khác nhau")


def test_a_total_that_fits_no_band_is_undecided():
    rules = Rules(bands=(Band(XS, D(90)), Band(TOT, D(70)), Band(HT, D(50))))
    result = classify(rules, card(10, 10, 20))
    assert result.band is None
    assert result.needs_review
    assert result.reason == "Tổng điểm 40 không thuộc mức xếp loại nào của quy định."


def test_conditions_no_band_meets_are_undecided():
    rules = Rules(bands=(Band(XS, D(0), (NoLeafAtZero(),)),))
    result = classify(rules, card(0, 25, 50))
    assert result.band is None
    assert result.reason == "Tổng điểm 75 không đáp ứng điều kiện của mức xếp loại nào."


def test_a_band_that_only_makes_the_agency_eligible_for_a_council_vote():
    rules = Rules(
        bands=(Band("Đề nghị Hội đồng xét", D(98), council_vote=True), Band(XS, D(95)), Band(HT, D(0)))
    )
    result = classify(rules, card(25, 25, 48))
    assert result.band == "Đề nghị Hội đồng xét"
    assert result.council_vote
    assert result.needs_review
    assert not classify(rules, card(25, 25, 45)).council_vote


def placed(band, total):
    return Classification(band=band, reason="", total=D(total))


QUOTA = Rules(bands=RULES.bands, quotas=(Quota(XS, TOT, D(20)),))


def test_a_quota_within_its_limit_changes_nothing():
    results = [("a", placed(XS, 99))] + [(f"t{n}", placed(TOT, 90)) for n in range(5)]
    assert apply_quotas(QUOTA, results) == results


def test_a_quota_keeps_the_best_scores_and_moves_the_rest_down_flagged():
    # 10 in TOT → at most 2 in XS; three reached it.
    results = [("a", placed(XS, 97)), ("b", placed(XS, 99)), ("c", placed(XS, "95.5"))]
    results += [(f"t{n}", placed(TOT, 90)) for n in range(10)]
    after = dict(apply_quotas(QUOTA, results))
    assert after["b"].band == XS
    assert after["a"].band == XS
    assert after["c"].band == TOT
    assert after["c"].needs_review
    assert (
        after["c"].reason
        == "Xếp “Hoàn thành tốt” do chỉ tiêu “Hoàn thành xuất sắc” (tối đa 20% số “Hoàn thành tốt” (10), tức 2)."
    )
    assert [agency for agency, _ in apply_quotas(QUOTA, results)] == [agency for agency, _ in results]


def test_a_quota_tie_at_the_cut_is_left_to_the_reviewer():
    results = [("a", placed(XS, 99)), ("b", placed(XS, 96)), ("c", placed(XS, 96)), ("d", placed(XS, 95))]
    results += [(f"t{n}", placed(TOT, 90)) for n in range(10)]
    after = dict(apply_quotas(QUOTA, results))
    assert after["a"].band == XS
    assert after["b"].band is None and after["c"].band is None
    assert after["b"].needs_review
    assert "bằng điểm (96)" in after["b"].reason
    assert after["d"].band == TOT


def test_a_quota_of_zero_moves_every_one_down():
    results = [("a", placed(XS, 99))] + [(f"t{n}", placed(TOT, 90)) for n in range(4)]  # 20 % of 4 = 0.8 → 0
    assert dict(apply_quotas(QUOTA, results))["a"].band == TOT


def test_only_bands_at_or_above_the_rule_may_be_proposed_for_commendation():
    assert may_be_proposed(RULES, placed(XS, 99))
    assert may_be_proposed(RULES, placed(TOT, 85))
    assert not may_be_proposed(RULES, placed(HT, 80))
    assert not may_be_proposed(RULES, placed(None, 80))


def test_a_leaf_below_zero_counts_as_a_leaf_at_zero():
    criteria = build_criteria_set(
        "Thử",
        [
            Row("I", "Nhóm", D(100)),
            Row("1", "a", D(5), parent="I", method=Deduction(D(3), floor_at_zero=False)),
            Row("2", "b", D(95), parent="I", method=AllOrNothing()),
        ],
    )
    card = score(criteria, {"I/1": Occurrences(2), "I/2": Done(True)})  # 5 − 6 = −1, + 95
    assert card.total == D(94)
    rules = Rules(bands=(Band(TOT, D(85), (NoLeafAtZero(),)), Band(HT, D(0))))
    assert classify(rules, card).band == HT


def test_a_share_is_taken_of_what_was_applicable():
    # Group I: 1 (10) excluded, 2 (10) gives 6 of the 10 that applied: 60 %, not 30 %.
    criteria = build_criteria_set(
        "Thử",
        [
            Row("I", "Nhóm", D(20)),
            Row("1", "a", D(10), "I", AllOrNothing(), when_not_applicable=WhenNotApplicable.EXCLUDED),
            Row("2", "b", D(10), "I", Steps((D(0), D(6), D(10)), note_required=False)),
        ],
    )
    card = score(criteria, {"I/1": NotApplicable("Không phát sinh"), "I/2": StepChoice(D(6))})
    assert card.nodes["I"].reachable == D(10)
    rules = Rules(bands=(Band(TOT, D(5), (MinimumShare(D(60), depth=1),)), Band(HT, D(0))))
    assert classify(rules, card).band == TOT
    card = score(criteria, {"I/1": Done(False), "I/2": StepChoice(D(6))})
    assert classify(rules, card).band == HT  # 6 of 20


def test_an_event_the_rules_do_not_know_is_refused():
    with pytest.raises(InvalidScoring) as refused:
        classify(RULES, card(25, 25, 50), events={"corruptoin"})
    assert refused.value.messages == ["Sự kiện “corruptoin” không có trong quy định xếp loại."]
