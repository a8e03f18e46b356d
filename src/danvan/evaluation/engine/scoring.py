"""Scores of one agency against a criteria set.

Each leaf is scored by its method from what the assessor entered, kept to 2
decimals (halves up); a node is the sum of its children, capped at its
maximum when the set says so; the total is the criteria proper plus the
bonus (within its cap) minus the penalty (within its cap), never below 0
when the set floors it.
"""

from __future__ import annotations

from decimal import Decimal

from danvan.evaluation.engine.errors import InvalidScoring, Issue
from danvan.evaluation.engine.model import (
    HUNDRED,
    AllOrNothing,
    CriteriaSet,
    Deduction,
    Done,
    Kind,
    LeafInput,
    Node,
    NodeScore,
    NotApplicable,
    Occurrences,
    PerItem,
    Ratio,
    RatioBands,
    RatioLinear,
    Scorecard,
    StepChoice,
    Steps,
    WhenNotApplicable,
    show_points,
    to_points,
)

ZERO = Decimal(0)

_EXPECTED = {
    AllOrNothing: (Done, "đã thực hiện hay chưa"),
    Steps: (StepChoice, "mức điểm chọn"),
    RatioBands: (Ratio, "tỷ lệ (tử số và mẫu số)"),
    RatioLinear: (Ratio, "tỷ lệ (tử số và mẫu số)"),
    Deduction: (Occurrences, "số lần vi phạm"),
    PerItem: (Occurrences, "số lượng"),
}


def expected_input(method: object) -> type:
    """The kind of input a leaf of this method takes (Ratio for a ratio method…)."""
    return _EXPECTED[type(method)][0]


def percent_of(ratio: Ratio, code: str) -> Decimal:
    if ratio.denominator <= 0 or ratio.numerator < 0:
        raise InvalidScoring(
            [Issue(f"Tiêu chí {code}: tỷ lệ phải có mẫu số lớn hơn 0 và tử số không âm.", code)]
        )
    if ratio.numerator > ratio.denominator:
        raise InvalidScoring(
            [Issue(f"Tiêu chí {code}: tử số ({show_points(ratio.numerator)}) lớn hơn mẫu số.", code)]
        )
    return ratio.numerator * HUNDRED / ratio.denominator


def score_leaf(node: Node, entered: LeafInput | None) -> Decimal | None:
    """The leaf's points, or None when it is excluded as not applicable."""
    code = node.code
    if entered is None:
        raise InvalidScoring([Issue(f"Tiêu chí {code} chưa được chấm điểm.", code, node.row)])
    if isinstance(entered, NotApplicable):
        if node.when_not_applicable is WhenNotApplicable.FULL_POINTS:
            return node.max_points
        if node.when_not_applicable is WhenNotApplicable.EXCLUDED:
            return None
        raise InvalidScoring([Issue(f"Tiêu chí {code} không được chấm là “không áp dụng”.", code, node.row)])
    method = node.method
    if method is None:
        raise InvalidScoring([Issue(f"Tiêu chí {code} chưa có cách chấm điểm.", code, node.row)])
    kind, wanted = _EXPECTED[type(method)]
    if not isinstance(entered, kind):
        raise InvalidScoring([Issue(f"Tiêu chí {code}: cần nhập {wanted}.", code, node.row)])
    if isinstance(method, AllOrNothing) and isinstance(entered, Done):
        return node.max_points if entered.done else ZERO
    if isinstance(method, Steps) and isinstance(entered, StepChoice):
        if entered.points not in method.steps:
            allowed = "; ".join(show_points(step) for step in method.steps)
            raise InvalidScoring(
                [
                    Issue(
                        f"Tiêu chí {code}: {show_points(entered.points)} điểm không phải một mức cho phép ({allowed}).",
                        code,
                    )
                ]
            )
        if method.note_required and not entered.note.strip():
            raise InvalidScoring([Issue(f"Tiêu chí {code}: cần ghi rõ lý do của mức điểm đã chọn.", code)])
        return to_points(entered.points)
    if isinstance(method, RatioBands) and isinstance(entered, Ratio):
        share = percent_of(entered, code)
        points = ZERO
        for band in sorted(method.bands, key=lambda band: band.from_percent):
            if share >= band.from_percent:
                points = band.points
        return to_points(points)
    if isinstance(method, RatioLinear) and isinstance(entered, Ratio):
        share = percent_of(entered, code)
        if share <= method.zero_at:
            return ZERO
        if share >= method.full_at:
            return node.max_points
        return to_points(node.max_points * (share - method.zero_at) / (method.full_at - method.zero_at))
    if isinstance(entered, Occurrences) and entered.count < 0:
        raise InvalidScoring([Issue(f"Tiêu chí {code}: số lần không được âm.", code)])
    if isinstance(method, Deduction) and isinstance(entered, Occurrences):
        each = node.max_points * method.amount / HUNDRED if method.as_percent else method.amount
        points = node.max_points - each * entered.count
        return to_points(max(points, ZERO) if method.floor_at_zero else points)
    if isinstance(method, PerItem) and isinstance(entered, Occurrences):
        return to_points(min(method.points * entered.count, node.max_points))
    raise AssertionError(f"unknown method {method!r}")  # pragma: no cover


def score(criteria: CriteriaSet, entered: dict[str, LeafInput]) -> Scorecard:
    """The agency's scorecard; every leaf that cannot be scored is reported at once."""
    issues: list[Issue] = []
    known = {node.key for node in criteria.nodes()}
    for key in sorted(set(entered) - known):
        issues.append(Issue(f"Không có tiêu chí {key} trong bộ tiêu chí.", key))
    leaves = {node.key for node in criteria.leaves()}
    for key in sorted((set(entered) & known) - leaves):
        issues.append(Issue(f"Tiêu chí {key} có tiêu chí con: chấm điểm ở tiêu chí con.", key))
    scores: dict[str, NodeScore] = {}

    def visit(node: Node) -> Decimal | None:
        if node.is_leaf:
            try:
                points = score_leaf(node, entered.get(node.key))
            except InvalidScoring as error:
                issues.extend(error.issues)
                points = ZERO
            scores[node.key] = NodeScore(
                node.key,
                node.code,
                node.kind,
                node.depth,
                node.max_points,
                points,
                is_leaf=True,
                applicable_max=ZERO if points is None else None,
            )
            return points
        parts = [visit(child) for child in node.children]
        counted = [part for part in parts if part is not None]
        if not counted:
            scores[node.key] = NodeScore(
                node.key,
                node.code,
                node.kind,
                node.depth,
                node.max_points,
                None,
                is_leaf=False,
                applicable_max=ZERO,
            )
            return None
        points = sum(counted, ZERO)
        reachable = sum((scores[child.key].reachable for child in node.children), ZERO)
        if node.cap_at_max or node.kind is not Kind.BASE:
            reachable = min(reachable, node.max_points)
        # A bonus or penalty group never gives more than its maximum, whatever the set says.
        capped = (node.cap_at_max or node.kind is not Kind.BASE) and points > node.max_points
        if capped:
            points = node.max_points
        scores[node.key] = NodeScore(
            node.key,
            node.code,
            node.kind,
            node.depth,
            node.max_points,
            points,
            is_leaf=False,
            capped=capped,
            applicable_max=None if reachable == node.max_points else reachable,
        )
        return points

    sums = {kind: ZERO for kind in Kind}
    for root in criteria.roots:
        points = visit(root)
        if points is None:
            continue
        sums[root.kind] += points
    if issues:
        raise InvalidScoring(issues)

    excluded = sum(
        (
            node.max_points
            for node in criteria.leaves()
            if node.kind is Kind.BASE and scores[node.key].points is None
        ),
        ZERO,
    )
    applicable_max = criteria.base_max - excluded
    base = sums[Kind.BASE]
    if criteria.rescale_when_excluded and excluded and applicable_max > 0:
        base = to_points(base * criteria.base_max / applicable_max)
    bonus = min(sums[Kind.BONUS], criteria.bonus_cap)
    penalty = min(sums[Kind.PENALTY], criteria.penalty_cap)
    total = base + bonus - penalty
    if criteria.floor_total_at_zero:
        total = max(total, ZERO)
    return Scorecard(
        nodes=scores,
        base=base,
        bonus=bonus,
        penalty=penalty,
        total=to_points(total),
        base_max=criteria.base_max,
        applicable_max=applicable_max,
    )
