"""Properties of the engine on generated criteria sets and inputs."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.evaluation.engine.classification import apply_quotas, classify
from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    Classification,
    Deduction,
    Done,
    Kind,
    Occurrences,
    PerItem,
    Quota,
    Ratio,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    StepChoice,
    Steps,
    show_points,
)
from danvan.evaluation.engine.scoring import score
from danvan.evaluation.engine.validation import Row, build_criteria_set
from tests.evaluation.engine.can_tho_2579 import CRITERIA, RULES

POINTS = st.integers(min_value=0, max_value=4000).map(lambda cents: D(cents) / 100)
COUNTS = st.integers(min_value=0, max_value=50)


@st.composite
def ratios(draw):
    denominator = draw(st.integers(min_value=1, max_value=1000))
    return Ratio(D(draw(st.integers(min_value=0, max_value=denominator))), D(denominator))


@st.composite
def leaves(draw, unfloored=False):
    """A leaf's maximum, its method and a valid input for it."""
    top = draw(POINTS)
    kinds = ["all", "steps", "bands", "linear", "deduction", "percent"] + (["unfloored"] if unfloored else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "unfloored":
        return (
            top,
            Deduction(draw(POINTS.filter(lambda p: p > 0)), floor_at_zero=False),
            Occurrences(draw(COUNTS)),
        )
    if kind == "all":
        return top, AllOrNothing(), Done(draw(st.booleans()))
    if kind == "steps":
        steps = tuple(sorted(set(draw(st.lists(POINTS.filter(lambda p: p <= top), min_size=1, max_size=5)))))
        return top, Steps(steps, note_required=False), StepChoice(draw(st.sampled_from(steps)))
    if kind == "bands":
        starts = draw(st.lists(st.integers(0, 100), min_size=1, max_size=4, unique=True))
        bands = tuple(RatioBand(D(start), draw(POINTS.filter(lambda p: p <= top))) for start in starts)
        return top, RatioBands(bands), draw(ratios())
    if kind == "linear":
        low = draw(st.integers(0, 99))
        high = draw(st.integers(low + 1, 100))
        return top, RatioLinear(D(low), D(high)), draw(ratios())
    if kind == "deduction":
        return top, Deduction(draw(POINTS.filter(lambda p: p > 0))), Occurrences(draw(COUNTS))
    return top, Deduction(D(draw(st.integers(1, 100))), as_percent=True), Occurrences(draw(COUNTS))


@st.composite
def agencies(draw, unfloored=False):
    """A generated criteria set (base groups, a bonus and a penalty group) and one agency's inputs."""
    rows, entered = [], {}
    for group in range(draw(st.integers(1, 3))):
        items = draw(st.lists(leaves(unfloored), min_size=1, max_size=4))
        code = f"G{group}"
        rows.append(Row(code, "Nhóm", sum((top for top, _m, _i in items), D(0))))
        for number, (top, method, given_input) in enumerate(items, start=1):
            rows.append(Row(str(number), "Tiêu chí", top, code, method))
            entered[f"{code}/{number}"] = given_input
    for code, kind in (("T", Kind.BONUS), ("P", Kind.PENALTY)):
        rows.append(Row(code, "Thưởng/trừ", draw(POINTS), kind=kind))
        for number in range(1, draw(st.integers(1, 3)) + 1):
            rows.append(
                Row(str(number), "Mục", draw(POINTS), code, PerItem(draw(POINTS.filter(lambda p: p > 0))))
            )
            entered[f"{code}/{number}"] = Occurrences(draw(COUNTS))
    return build_criteria_set("Sinh ngẫu nhiên", rows), entered


@settings(max_examples=150, deadline=None)
@given(agencies())
def test_the_total_stays_between_zero_and_the_maximum_plus_the_bonus_cap(generated):
    criteria, entered = generated
    card = score(criteria, entered)
    assert D(0) <= card.total <= criteria.base_max + criteria.bonus_cap
    assert D(0) <= card.bonus <= criteria.bonus_cap
    assert D(0) <= card.penalty <= criteria.penalty_cap
    for node in card.nodes.values():
        assert node.points is not None
        assert D(0) <= node.points <= node.max_points, node.key
        assert node.points == node.points.quantize(D("0.01"))


@settings(max_examples=100, deadline=None)
@given(agencies(unfloored=True))
def test_the_total_is_floored_at_zero_even_when_leaves_go_below(generated):
    criteria, entered = generated
    card = score(criteria, entered)
    assert D(0) <= card.total <= criteria.base_max + criteria.bonus_cap


@given(st.decimals(min_value=-1000, max_value=1000, places=2))
def test_points_are_written_with_a_decimal_comma_and_read_back(value):
    text = show_points(value)
    assert "." not in text
    assert D(text.replace(",", ".")) == value


EVENTS = st.sets(st.sampled_from(sorted(RULES.events)), max_size=3)


@st.composite
def can_tho_inputs(draw):
    return {
        "I/1": Done(draw(st.booleans())),
        "I/2": StepChoice(draw(st.sampled_from([D(0), D(2), D(4), D(6)])), "Ghi chú"),
        "II/1/1.1": draw(ratios()),
        "II/1/1.2": Occurrences(draw(COUNTS)),
        "II/2": StepChoice(draw(st.sampled_from([D(0), D(10), D(20), D(30)])), "Ghi chú"),
        "II/3": draw(ratios()),
        "III/1": Occurrences(draw(COUNTS)),
        "III/2": Occurrences(draw(COUNTS)),
        "IV/1": Occurrences(draw(COUNTS)),
    }


@settings(max_examples=200, deadline=None)
@given(can_tho_inputs(), EVENTS)
def test_can_tho_always_decides_and_never_above_what_the_points_give(entered, events):
    card = score(CRITERIA, entered)
    assert D(0) <= card.total <= D(103)
    result = classify(RULES, card, events)
    assert result.decided  # its bands start at 0 and its forces all point to one band
    assert RULES.rank(result.band) >= RULES.rank(result.score_band or result.band)
    assert RULES.band(result.band).lower <= card.total or events
    if events & {"corruption", "disunity", "leader_dismissed", "staff_prosecuted", "no_self_assessment"}:
        assert result.band == "Không hoàn thành"


XS, TOT = "Hoàn thành xuất sắc", "Hoàn thành tốt"
QUOTA = Rules(
    bands=(Band(XS, D(95)), Band(TOT, D(85)), Band("Hoàn thành", D(0))), quotas=(Quota(XS, TOT, D(20)),)
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(9500, 9600).map(lambda cents: D(cents) / 100), max_size=12),
    st.integers(0, 30),
)
def test_a_quota_is_never_exceeded_and_keeps_the_best_scores(excellent, good):
    results = [(f"x{n}", Classification(XS, "", total)) for n, total in enumerate(excellent)]
    results += [(f"t{n}", Classification(TOT, "", D(90))) for n in range(good)]
    after = apply_quotas(QUOTA, results)
    assert [agency for agency, _ in after] == [agency for agency, _ in results]
    kept = [result.total for _, result in after if result.band == XS]
    assert len(kept) <= good * 20 // 100
    moved = [result.total for agency, result in after if agency.startswith("x") and result.band != XS]
    assert all(low < high for low in moved for high in kept)
    undecided = [result for _, result in after if result.band is None]
    assert all(result.needs_review for result in undecided)
