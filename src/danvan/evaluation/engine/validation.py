"""A criteria set read from rows (the screen or a sheet), checked as a whole.

Every problem is collected with its row and code, then raised together:
nothing is built unless the whole set holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from danvan.evaluation.engine.errors import InvalidCriteriaSet, Issue
from danvan.evaluation.engine.model import (
    CriteriaSet,
    Deduction,
    Kind,
    Method,
    Node,
    PerItem,
    RatioBands,
    RatioLinear,
    Rules,
    Steps,
    WhenNotApplicable,
    show_points,
)

ZERO = Decimal(0)


@dataclass(frozen=True)
class Row:
    """One line of an annex. `parent` is the parent's key ("II/3"), empty for a group."""

    code: str
    name: str
    max_points: Decimal | None
    parent: str = ""
    method: Method | None = None
    kind: Kind = Kind.BASE  # read on groups; children take their group's kind
    cap_at_max: bool = False
    when_not_applicable: WhenNotApplicable = WhenNotApplicable.REFUSED
    row: int | None = None
    evidence: str = ""
    note: str = ""
    indicator: str = ""  # a figure's code; the registry of codes is checked outside the engine

    @property
    def key(self) -> str:
        return f"{self.parent}/{self.code}" if self.parent else self.code


def _method_issues(row: Row, kind: Kind) -> list[str]:
    method, top = row.method, row.max_points or ZERO
    if method is None:
        return ["chưa có cách chấm điểm"]
    if isinstance(method, Steps):
        if not method.steps:
            return ["chưa khai báo các mức điểm"]
        if any(step < 0 or step > top for step in method.steps):
            return [f"mức điểm phải từ 0 đến {show_points(top)}"]
    if isinstance(method, RatioBands):
        if not method.bands:
            return ["chưa khai báo các khoảng tỷ lệ"]
        starts = [band.from_percent for band in method.bands]
        if len(set(starts)) != len(starts):
            return ["hai khoảng tỷ lệ có cùng ngưỡng"]
        if any(band.points < 0 or band.points > top for band in method.bands):
            return [f"điểm của mỗi khoảng tỷ lệ phải từ 0 đến {show_points(top)}"]
        if any(start < 0 or start > 100 for start in starts):
            return ["ngưỡng tỷ lệ phải từ 0 đến 100%"]
    if isinstance(method, RatioLinear) and not 0 <= method.zero_at < method.full_at <= 100:
        return ["tỷ lệ 0 điểm phải nhỏ hơn tỷ lệ đủ điểm, trong khoảng 0–100%"]
    if isinstance(method, Deduction):
        if method.amount <= 0:
            return ["mức trừ mỗi lần phải lớn hơn 0"]
        if kind is not Kind.BASE:
            return [
                "cách trừ điểm theo lần chỉ dùng cho tiêu chí chính; điểm thưởng, điểm trừ chấm theo từng lần"
            ]
    if isinstance(method, PerItem):
        if method.points <= 0:
            return ["điểm mỗi lần phải lớn hơn 0"]
        if kind is Kind.BASE:
            return ["cách chấm theo từng lần chỉ dùng cho nhóm điểm thưởng hoặc điểm trừ"]
    return []


def method_problems(method: Method, max_points: Decimal, kind: Kind) -> list[str]:
    """What is wrong with a leaf's scoring method for its maximum and its group's kind, in words."""
    return _method_issues(Row("", "", max_points, method=method), kind)


def build_criteria_set(
    name: str,
    rows: list[Row],
    declared_max: Decimal | None = None,
    floor_total_at_zero: bool = True,
    rescale_when_excluded: bool = False,
) -> CriteriaSet:
    """The set's tree, or InvalidCriteriaSet listing every problem found."""
    issues: list[Issue] = []
    by_key: dict[str, Row] = {}
    for row in rows:
        if not row.code.strip():
            issues.append(Issue("Thiếu mã tiêu chí.", "", row.row))
            continue
        if row.key in by_key:
            first = by_key[row.key].row
            issues.append(
                Issue(f"Mã {row.code} bị trùng (đã có ở dòng {first}).", row.code, row.row)
                if first is not None
                else Issue(f"Mã {row.code} bị trùng.", row.code, row.row)
            )
            continue
        by_key[row.key] = row
        if row.max_points is None or row.max_points < 0:
            issues.append(
                Issue(f"Tiêu chí {row.code}: thiếu số điểm tối đa hoặc điểm âm.", row.code, row.row)
            )
    children: dict[str, list[Row]] = {key: [] for key in by_key}
    roots: list[Row] = []
    for row in by_key.values():
        if not row.parent:
            roots.append(row)
        elif row.parent in by_key:
            children[row.parent].append(row)
        else:
            issues.append(
                Issue(f"Tiêu chí {row.code}: không có tiêu chí cha “{row.parent}”.", row.code, row.row)
            )
    if not roots:
        issues.append(Issue("Bộ tiêu chí chưa có nhóm tiêu chí nào."))

    def build(row: Row, depth: int, kind: Kind) -> Node:
        kids = [build(child, depth + 1, kind) for child in children[row.key]]
        top = row.max_points if row.max_points is not None else ZERO
        if kids:
            if row.method is not None:
                issues.append(
                    Issue(
                        f"Tiêu chí {row.code} có tiêu chí con: cách chấm điểm đặt ở tiêu chí con.",
                        row.code,
                        row.row,
                    )
                )
            if row.indicator:
                issues.append(
                    Issue(
                        f"Tiêu chí {row.code} có tiêu chí con: số liệu từ hệ thống đặt ở tiêu chí con.",
                        row.code,
                        row.row,
                    )
                )
            added = sum((kid.max_points for kid in kids), ZERO)
            # A group capped at its maximum may hold more than it gives ("tối đa 10 điểm").
            if kind is Kind.BASE and added != top and not (row.cap_at_max and added > top):
                issues.append(
                    Issue(
                        f"Tiêu chí {row.code}: tổng điểm các tiêu chí con ({show_points(added)}) khác điểm tối đa ({show_points(top)}).",
                        row.code,
                        row.row,
                    )
                )
        else:
            issues.extend(
                Issue(f"Tiêu chí {row.code}: {problem}.", row.code, row.row)
                for problem in _method_issues(row, kind)
            )
        return Node(
            key=row.key,
            code=row.code,
            name=row.name,
            max_points=top,
            kind=kind,
            depth=depth,
            children=tuple(kids),
            method=None if kids else row.method,
            cap_at_max=row.cap_at_max,
            when_not_applicable=row.when_not_applicable,
            row=row.row,
            evidence=row.evidence,
            note=row.note,
            indicator=row.indicator,
        )

    tree = tuple(build(row, 1, row.kind) for row in roots)
    criteria = CriteriaSet(
        name=name,
        roots=tree,
        floor_total_at_zero=floor_total_at_zero,
        rescale_when_excluded=rescale_when_excluded,
    )
    if declared_max is not None and roots and criteria.base_max != declared_max:
        issues.append(
            Issue(
                f"Tổng điểm các nhóm tiêu chí ({show_points(criteria.base_max)}) khác tổng điểm công bố ({show_points(declared_max)})."
            )
        )
    if issues:
        raise InvalidCriteriaSet(issues)
    return criteria


def check_rules(criteria: CriteriaSet, rules: Rules) -> None:
    """InvalidCriteriaSet listing every problem of the classification rules."""
    issues: list[Issue] = []
    reachable = criteria.base_max + criteria.bonus_cap
    names = [band.name for band in rules.bands]
    if not rules.bands:
        issues.append(Issue("Chưa có mức xếp loại nào."))
    for name in sorted({name for name in names if names.count(name) > 1}):
        issues.append(Issue(f"Mức xếp loại “{name}” bị khai báo hai lần.", name))
    for band in rules.bands:
        if band.lower > reachable:
            issues.append(
                Issue(
                    f"Mức “{band.name}”: ngưỡng {show_points(band.lower)} điểm cao hơn số điểm tối đa có thể đạt ({show_points(reachable)}).",
                    band.name,
                )
            )
        if band.lower < 0:
            issues.append(Issue(f"Mức “{band.name}”: ngưỡng điểm không được âm.", band.name))
    for higher, lower in zip(rules.bands, rules.bands[1:], strict=False):
        if lower.lower >= higher.lower:
            issues.append(
                Issue(
                    f"Mức “{lower.name}” phải có ngưỡng thấp hơn mức “{higher.name}” đứng trên nó.",
                    lower.name,
                )
            )
    for quota in rules.quotas:
        if not 0 <= quota.percent <= 100:
            issues.append(Issue(f"Chỉ tiêu mức “{quota.band}”: tỷ lệ phải từ 0 đến 100%.", quota.band))
        if (
            quota.band in names
            and quota.relative_to in names
            and names.index(quota.band) >= names.index(quota.relative_to)
        ):
            issues.append(
                Issue(
                    f"Chỉ tiêu mức “{quota.band}” phải tính theo một mức thấp hơn nó, không phải “{quota.relative_to}”.",
                    quota.band,
                )
            )
    depths = {node.depth for node in criteria.nodes() if node.kind is Kind.BASE}
    for band in rules.bands:
        for condition in band.conditions:
            depth = getattr(condition, "depth", None)
            if depth is not None and depth not in depths:
                issues.append(Issue(f"Mức “{band.name}”: bộ tiêu chí không có cấp {depth}.", band.name))
    referred = [(force.band, force.event) for force in rules.forces] + [
        (cap.band, cap.event) for cap in rules.caps
    ]
    referred += [(quota.band, "") for quota in rules.quotas] + [
        (quota.relative_to, "") for quota in rules.quotas
    ]
    if rules.commendation_from is not None:
        referred.append((rules.commendation_from, ""))
    for name, _event in referred:
        if name not in names:
            issues.append(Issue(f"Quy định nhắc đến mức “{name}” nhưng không có mức xếp loại này.", name))
    if issues:
        raise InvalidCriteriaSet(issues)
