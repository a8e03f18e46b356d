"""A criteria set and its rules checked as a whole: every error with its row and reason."""

from decimal import Decimal as D

import pytest

from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Deduction,
    Kind,
    MinimumShare,
    PerItem,
    Quota,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    Steps,
)
from danvan.evaluation.engine.validation import Row, build_criteria_set, check_rules

GOOD = [
    Row("I", "Ban hành văn bản", D(10), row=2),
    Row("1", "Kế hoạch", D(4), parent="I", method=AllOrNothing(), row=3),
    Row("2", "Cụ thể hóa", D(6), parent="I", method=Steps((D(0), D(3), D(6))), row=4),
    Row("II", "Tổ chức thực hiện", D(90), row=5),
    Row("1", "Quán triệt", D(90), parent="II", row=6),
    Row("1.1", "Tỷ lệ", D(90), parent="II/1", method=RatioLinear(D(0), D(100)), row=7),
    Row("III", "Điểm thưởng", D(3), kind=Kind.BONUS, row=8),
    Row("1", "Mô hình", D(2), parent="III", method=PerItem(D(1)), row=9),
    Row("2", "Gương", D(2), parent="III", method=PerItem(D(1)), row=10),  # 4 > 3: allowed in a bonus group
]


def errors(rows, **extra):
    with pytest.raises(InvalidCriteriaSet) as refused:
        build_criteria_set("Thử", rows, **extra)
    return refused.value.messages


def test_a_good_set_builds_its_tree():
    criteria = build_criteria_set("Thử", GOOD, declared_max=D(100))
    assert criteria.base_max == D(100)
    assert criteria.bonus_cap == D(3)
    assert [leaf.key for leaf in criteria.leaves()] == ["I/1", "I/2", "II/1/1.1", "III/1", "III/2"]
    assert criteria.node("II/1/1.1").depth == 3
    assert criteria.node("III/2").kind is Kind.BONUS


def test_children_that_do_not_add_up_to_the_parent():
    rows = [*GOOD]
    rows[2] = Row("2", "Cụ thể hóa", D(5), parent="I", method=Steps((D(0), D(5))), row=4)
    assert errors(rows) == ["Dòng 2: Tiêu chí I: tổng điểm các tiêu chí con (9) khác điểm tối đa (10)."]


def test_a_declared_total_that_the_groups_do_not_reach():
    assert errors(GOOD, declared_max=D(95)) == [
        "Tổng điểm các nhóm tiêu chí (100) khác tổng điểm công bố (95)."
    ]


def test_every_error_is_reported_not_only_the_first():
    rows = [
        *GOOD,
        Row("2", "Trùng", D(1), parent="I", method=AllOrNothing(), row=11),
        Row("a", "Mồ côi", D(1), parent="II/7", method=AllOrNothing(), row=12),
        Row("IV", "Không cách chấm", D(0), row=13),
        Row("1", "Lá không cách chấm", D(0), parent="IV", row=14),
        Row("1.2", "Tỷ lệ sai", D(0), parent="II/1", method=RatioBands(()), row=15),
        Row("3", "Bước vượt", D(0), parent="I", method=Steps((D(0), D(2))), row=16),
    ]
    assert errors(rows) == [
        "Dòng 11: Mã 2 bị trùng (đã có ở dòng 4).",
        "Dòng 12: Tiêu chí a: không có tiêu chí cha “II/7”.",
        "Dòng 16: Tiêu chí 3: mức điểm phải từ 0 đến 0.",
        "Dòng 15: Tiêu chí 1.2: chưa khai báo các khoảng tỷ lệ.",
        "Dòng 14: Tiêu chí 1: chưa có cách chấm điểm.",
    ]


def test_a_leaf_without_a_scoring_method():
    rows = [Row("I", "Nhóm", D(5), row=2), Row("1", "Lá", D(5), parent="I", row=3)]
    assert errors(rows) == ["Dòng 3: Tiêu chí 1: chưa có cách chấm điểm."]


def test_a_method_on_a_node_with_children_and_bad_method_parameters():
    rows = [
        Row("I", "Nhóm", D(10), method=AllOrNothing(), row=2),
        Row("1", "a", D(5), parent="I", method=RatioBands((RatioBand(D(50), D(6)),)), row=3),
        Row("2", "b", D(5), parent="I", method=RatioLinear(D(80), D(50)), row=4),
        Row("3", "c", D(0), parent="I", method=PerItem(D(1)), row=5),
    ]
    assert errors(rows) == [
        "Dòng 3: Tiêu chí 1: điểm của mỗi khoảng tỷ lệ phải từ 0 đến 5.",
        "Dòng 4: Tiêu chí 2: tỷ lệ 0 điểm phải nhỏ hơn tỷ lệ đủ điểm, trong khoảng 0–100%.",
        "Dòng 5: Tiêu chí 3: cách chấm theo từng lần chỉ dùng cho nhóm điểm thưởng hoặc điểm trừ.",
        "Dòng 2: Tiêu chí I có tiêu chí con: cách chấm điểm đặt ở tiêu chí con.",
    ]


def test_a_missing_code_and_a_missing_maximum():
    rows = [Row("", "Không mã", D(1), row=2), Row("I", "Nhóm", None, method=AllOrNothing(), row=3)]
    assert errors(rows) == [
        "Dòng 2: Thiếu mã tiêu chí.",
        "Dòng 3: Tiêu chí I: thiếu số điểm tối đa hoặc điểm âm.",
    ]


def test_the_same_code_under_two_groups_is_not_a_duplicate():
    criteria = build_criteria_set("Thử", GOOD)
    assert {criteria.node("I/1").name, criteria.node("III/1").name} == {"Kế hoạch", "Mô hình"}


CRITERIA = build_criteria_set("Thử", GOOD)


def test_good_rules_pass():
    check_rules(CRITERIA, Rules(bands=(Band("Tốt", D(85)), Band("Đạt", D(0))), commendation_from="Tốt"))


def test_rules_that_do_not_hold_together():
    rules = Rules(
        bands=(
            Band("Xuất sắc", D(104)),  # above 100 + 3 bonus
            Band("Tốt", D(85), (MinimumShare(D(50), depth=4),)),
            Band("Tốt", D(90)),
            Band("Đạt", D(-1)),
        ),
        caps=(CapBand("warning", "Trung bình"),),
    )
    with pytest.raises(InvalidCriteriaSet) as refused:
        check_rules(CRITERIA, rules)
    assert refused.value.messages == [
        "Mức xếp loại “Tốt” bị khai báo hai lần.",
        "Mức “Xuất sắc”: ngưỡng 104 điểm cao hơn số điểm tối đa có thể đạt (103).",
        "Mức “Đạt”: ngưỡng điểm không được âm.",
        "Mức “Tốt” phải có ngưỡng thấp hơn mức “Tốt” đứng trên nó.",
        "Mức “Tốt”: bộ tiêu chí không có cấp 4.",
        "Quy định nhắc đến mức “Trung bình” nhưng không có mức xếp loại này.",
    ]


def test_a_threshold_at_the_reachable_maximum_is_accepted():
    check_rules(CRITERIA, Rules(bands=(Band("Xuất sắc", D(103)), Band("Đạt", D(0)))))


def test_a_deduction_in_a_bonus_or_penalty_group_is_refused():
    rows = [
        Row("IV", "Điểm trừ", D(3), kind=Kind.PENALTY, row=2),
        Row("1", "a", D(3), "IV", Deduction(D(1)), row=3),
    ]
    assert errors(rows) == [
        "Dòng 3: Tiêu chí 1: cách trừ điểm theo lần chỉ dùng cho tiêu chí chính; "
        "điểm thưởng, điểm trừ chấm theo từng lần."
    ]


def test_a_quota_counted_against_a_band_above_it_or_beyond_100_percent():
    rules = Rules(
        bands=(Band("Xuất sắc", D(95)), Band("Tốt", D(85)), Band("Đạt", D(0))),
        quotas=(Quota("Tốt", "Xuất sắc", D(20)), Quota("Xuất sắc", "Tốt", D(120))),
    )
    with pytest.raises(InvalidCriteriaSet) as refused:
        check_rules(CRITERIA, rules)
    assert refused.value.messages == [
        "Chỉ tiêu mức “Tốt” phải tính theo một mức thấp hơn nó, không phải “Xuất sắc”.",
        "Chỉ tiêu mức “Xuất sắc”: tỷ lệ phải từ 0 đến 100%.",
    ]
