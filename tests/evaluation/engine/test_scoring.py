"""Each scoring method of a leaf, its boundaries, and how nodes add up."""

from decimal import Decimal as D

import pytest

from danvan.evaluation.engine.errors import InvalidScoring
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Deduction,
    Done,
    Kind,
    NotApplicable,
    Occurrences,
    PerItem,
    Ratio,
    RatioBand,
    RatioBands,
    RatioLinear,
    StepChoice,
    Steps,
    WhenNotApplicable,
)
from danvan.evaluation.engine.scoring import score
from danvan.evaluation.engine.validation import Row, build_criteria_set


def one_leaf(method, max_points="10", **extra):
    """A set of one group "I" (10 points) holding one leaf "I/1"."""
    rows = [
        Row("I", "Nhóm", D(max_points)),
        Row("1", "Tiêu chí", D(max_points), parent="I", method=method, **extra),
    ]
    return build_criteria_set("Thử", rows)


def leaf_points(method, entered, max_points="10", **extra):
    card = score(one_leaf(method, max_points, **extra), {"I/1": entered})
    return card.nodes["I/1"].points


def test_all_or_nothing():
    assert leaf_points(AllOrNothing(), Done(True)) == D(10)
    assert leaf_points(AllOrNothing(), Done(False)) == D(0)


def test_steps_accept_only_an_allowed_step_with_a_note():
    method = Steps((D(0), D(5), D("7.5"), D(10)))
    assert leaf_points(method, StepChoice(D("7.5"), "Thực hiện chưa đầy đủ")) == D("7.50")
    with pytest.raises(InvalidScoring) as refused:
        leaf_points(method, StepChoice(D(6), "Gần đủ"))
    assert refused.value.messages == ["Tiêu chí 1: 6 điểm không phải một mức cho phép (0; 5; 7,5; 10)."]
    with pytest.raises(InvalidScoring) as no_note:
        leaf_points(method, StepChoice(D(5), "  "))
    assert no_note.value.messages == ["Tiêu chí 1: cần ghi rõ lý do của mức điểm đã chọn."]


def test_steps_without_a_required_note():
    assert leaf_points(Steps((D(0), D(10)), note_required=False), StepChoice(D(10))) == D(10)


BANDS = RatioBands((RatioBand(D(95), D(10)), RatioBand(D(80), D(6)), RatioBand(D(50), D(2))))


@pytest.mark.parametrize(
    ("numerator", "denominator", "points"),
    [
        (95, 100, "10"),  # exactly at the top threshold
        (949, 1000, "6"),  # just under it
        (80, 100, "6"),
        (50, 100, "2"),
        (49, 100, "0"),  # below the lowest band
        (0, 7, "0"),
    ],
)
def test_ratio_bands_have_inclusive_lower_thresholds(numerator, denominator, points):
    assert leaf_points(BANDS, Ratio(D(numerator), D(denominator))) == D(points)


@pytest.mark.parametrize(
    ("numerator", "denominator", "points"),
    [
        (50, 100, "0.00"),  # at the lower bound
        (40, 100, "0.00"),
        (100, 100, "10"),  # at the upper bound
        (90, 100, "10"),  # above the upper bound (full_at 90)
        (70, 100, "5.00"),  # half-way
        (2, 3, "4.17"),  # 66.67 %: 10 × 16.67 / 40 = 4.1666… → 4.17
    ],
)
def test_ratio_linear_between_bounds_rounded_to_two_decimals(numerator, denominator, points):
    assert leaf_points(RatioLinear(D(50), D(90)), Ratio(D(numerator), D(denominator))) == D(points)


def test_a_ratio_needs_a_positive_denominator_and_a_numerator_within_it():
    with pytest.raises(InvalidScoring, match="mẫu số lớn hơn 0"):
        leaf_points(BANDS, Ratio(D(1), D(0)))
    with pytest.raises(InvalidScoring, match="tử số .* lớn hơn mẫu số"):
        leaf_points(BANDS, Ratio(D(11), D(10)))


def test_deduction_in_points_per_occurrence():
    assert leaf_points(Deduction(D(2)), Occurrences(0)) == D(10)
    assert leaf_points(Deduction(D(2)), Occurrences(3)) == D(4)
    assert leaf_points(Deduction(D(2)), Occurrences(5)) == D(0)  # exactly the leaf


def test_a_deduction_larger_than_the_leaf_stops_at_zero_when_floored():
    assert leaf_points(Deduction(D(4)), Occurrences(3)) == D(0)


def test_a_deduction_larger_than_the_leaf_goes_below_zero_without_a_floor():
    assert leaf_points(Deduction(D(4), floor_at_zero=False), Occurrences(3)) == D(-2)


def test_deduction_as_a_percent_of_the_leaf():
    # 25 % of 6 points = 1.5 per occurrence.
    assert leaf_points(Deduction(D(25), as_percent=True), Occurrences(1), max_points="6") == D("4.50")
    assert leaf_points(Deduction(D(25), as_percent=True), Occurrences(5), max_points="6") == D(0)


def test_occurrences_are_never_negative():
    with pytest.raises(InvalidScoring, match="không được âm"):
        leaf_points(Deduction(D(1)), Occurrences(-1))


def test_not_applicable_gives_full_points_where_the_rules_say_so():
    full = WhenNotApplicable.FULL_POINTS
    assert leaf_points(AllOrNothing(), NotApplicable("Không phát sinh"), when_not_applicable=full) == D(10)


def test_not_applicable_is_refused_where_the_rules_do_not_allow_it():
    with pytest.raises(InvalidScoring) as refused:
        leaf_points(AllOrNothing(), NotApplicable())
    assert refused.value.messages == ["Tiêu chí 1 không được chấm là “không áp dụng”."]


def test_the_wrong_kind_of_input_names_what_is_expected():
    with pytest.raises(InvalidScoring) as refused:
        leaf_points(AllOrNothing(), Occurrences(1))
    assert refused.value.messages == ["Tiêu chí 1: cần nhập đã thực hiện hay chưa."]


def two_groups(cap_at_max=False, rescale=False):
    """I (10) = 1 (6, deduction without floor) + 2 (4, may be excluded);
    III bonus (3) = 1 (2 per item, ≤ 2) + 2 (1 per item, ≤ 2); IV penalty (3) = 1 (1 per item, ≤ 5)."""
    rows = [
        Row("I", "Nhóm I", D(10), cap_at_max=cap_at_max, row=2),
        Row("1", "Trừ theo lần", D(6), parent="I", method=Deduction(D(4), floor_at_zero=False), row=3),
        Row(
            "2",
            "Có thể không áp dụng",
            D(4),
            parent="I",
            method=AllOrNothing(),
            when_not_applicable=WhenNotApplicable.EXCLUDED,
            row=4,
        ),
        Row("III", "Điểm thưởng", D(3), kind=Kind.BONUS, row=5),
        Row("1", "Mô hình", D(2), parent="III", method=PerItem(D(2)), row=6),
        Row("2", "Gương", D(2), parent="III", method=PerItem(D(1)), row=7),
        Row("IV", "Điểm trừ", D(3), kind=Kind.PENALTY, row=8),
        Row("1", "Vi phạm", D(5), parent="IV", method=PerItem(D(1)), row=9),
    ]
    return build_criteria_set("Thử", rows, rescale_when_excluded=rescale)


def entries(deductions=0, done=True, models=0, exemplars=0, penalties=0):
    return {
        "I/1": Occurrences(deductions),
        "I/2": Done(done) if done is not None else NotApplicable(),
        "III/1": Occurrences(models),
        "III/2": Occurrences(exemplars),
        "IV/1": Occurrences(penalties),
    }


def test_bonus_over_its_item_cap_and_over_the_cap_for_all_bonus():
    card = score(two_groups(), entries(models=3, exemplars=5))
    # Models: 3 × 2 = 6, capped at the item's 2; exemplars: 5 × 1 = 5, capped at 2; all bonus 4 → 3.
    assert card.nodes["III/1"].points == D(2)
    assert card.nodes["III/2"].points == D(2)
    assert card.nodes["III"].points == D(3)
    assert card.nodes["III"].capped
    assert card.bonus == D(3)
    assert card.total == D(13)


def test_penalty_within_its_cap():
    # 5 × 1 = 5, the item allows 5 but the penalty group 3.
    card = score(two_groups(), entries(penalties=5))
    assert card.penalty == D(3)
    assert card.total == D(7)


def test_a_group_total_can_go_down_through_an_unfloored_deduction():
    card = score(two_groups(), entries(deductions=2))  # 6 − 8 = −2, + 4
    assert card.nodes["I/1"].points == D(-2)
    assert card.nodes["I"].points == D(2)


def test_the_total_is_floored_at_zero():
    card = score(two_groups(), entries(deductions=5, done=False, penalties=3))  # 6 − 20 + 0 − 3
    assert card.base == D(-14)
    assert card.total == D(0)


def test_an_excluded_leaf_leaves_the_maximum_and_may_be_rescaled():
    card = score(two_groups(), entries(deductions=1, done=None))
    assert card.nodes["I/2"].points is None
    assert card.applicable_max == D(6)
    assert card.total == D(2)
    rescaled = score(two_groups(rescale=True), entries(deductions=1, done=None))
    assert rescaled.total == D("3.33")  # 2 × 10 / 6 = 3.333…


def test_a_group_capped_at_its_maximum():
    # "Tối đa 10 điểm": three items of 4 points each, the group never above 10.
    rows = [Row("I", "Nhóm", D(10), cap_at_max=True)] + [
        Row(code, "Mục", D(4), parent="I", method=AllOrNothing()) for code in "abc"
    ]
    criteria = build_criteria_set("Thử", rows)
    card = score(criteria, {"I/a": Done(True), "I/b": Done(True), "I/c": Done(True)})
    assert card.nodes["I"].points == D(10)
    assert card.nodes["I"].capped
    assert card.total == D(10)
    card = score(criteria, {"I/a": Done(True), "I/b": Done(True), "I/c": Done(False)})
    assert card.nodes["I"].points == D(8)
    assert not card.nodes["I"].capped


def test_every_leaf_that_cannot_be_scored_is_reported_at_once():
    with pytest.raises(InvalidScoring) as refused:
        score(two_groups(), {"I/1": Done(True), "I/9": Done(True), "I": Done(True)})
    assert [issue.code for issue in refused.value.issues] == ["I/9", "I", "1", "2", "1", "2", "1"]
    assert "Tiêu chí 2 chưa được chấm điểm." in refused.value.messages[3]
