"""The band of one agency from its scorecard, the events of its year and the rules.

Order: an event that forces a band decides whatever the score; otherwise the
points give the highest band whose lower threshold (inclusive) they reach,
and an agency that fails that band's conditions falls to the next band whose
conditions it meets; an event that caps the band keeps it at that band or
below. Quotas relative to other agencies are applied afterwards over the
whole list (`apply_quotas`). Whatever the rules as entered do not decide is
returned undecided with the reason, for the reviewer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from danvan.evaluation.engine.errors import InvalidScoring, Issue
from danvan.evaluation.engine.model import (
    HUNDRED,
    Band,
    Classification,
    Condition,
    Kind,
    MinimumShare,
    NoLeafAtZero,
    NoNodeAtZero,
    Rules,
    Scorecard,
    show_points,
)

ZERO = Decimal(0)


def unmet(condition: Condition, card: Scorecard) -> list[str]:
    """The codes of the criteria proper that fail the condition (empty: met)."""
    base = [node for node in card.nodes.values() if node.kind is Kind.BASE and node.points is not None]
    if isinstance(condition, NoLeafAtZero):
        return [node.key for node in base if node.is_leaf and node.points is not None and node.points <= ZERO]
    if isinstance(condition, NoNodeAtZero):
        return [
            node.key
            for node in base
            if node.depth == condition.depth and node.points is not None and node.points <= ZERO
        ]
    if isinstance(condition, MinimumShare):
        return [
            node.key
            for node in base
            if node.depth == condition.depth
            and node.points is not None
            and node.points * HUNDRED < condition.percent * node.reachable
        ]
    raise AssertionError(f"unknown condition {condition!r}")  # pragma: no cover


def describe(condition: Condition) -> str:
    if isinstance(condition, NoLeafAtZero):
        return "không có tiêu chí nào bị 0 điểm"
    if isinstance(condition, NoNodeAtZero):
        return f"không có tiêu chí cấp {condition.depth} nào bị 0 điểm"
    return f"mọi tiêu chí cấp {condition.depth} đạt từ {show_points(condition.percent)}% số điểm tối đa"


def failures(band: Band, card: Scorecard) -> list[str]:
    found = []
    for condition in band.conditions:
        codes = unmet(condition, card)
        if codes:
            found.append(f"chưa đạt điều kiện “{describe(condition)}” ({', '.join(codes)})")
    return found


def _decided(
    rules: Rules,
    band: str,
    reason: str,
    total: Decimal,
    score_band: str | None = None,
    notes: tuple[str, ...] = (),
) -> Classification:
    council = rules.band(band).council_vote
    if council:
        reason += f" Mức “{band}” chỉ là đủ điều kiện để Hội đồng xét."
    return Classification(
        band=band,
        reason=reason,
        total=total,
        score_band=score_band,
        notes=notes,
        council_vote=council,
        needs_review=council,
    )


def classify(rules: Rules, card: Scorecard | None, events: Iterable[str] = ()) -> Classification:
    """The agency's band; `card` is None when it has no score (e.g. nothing submitted)."""
    happened = set(events)
    known = set(rules.events) | {force.event for force in rules.forces} | {cap.event for cap in rules.caps}
    unknown = sorted(happened - known)
    if unknown:
        raise InvalidScoring(
            [Issue(f"Sự kiện “{event}” không có trong quy định xếp loại.", event) for event in unknown]
        )
    total = card.total if card is not None else ZERO
    forced = sorted({force.band for force in rules.forces if force.event in happened}, key=rules.rank)
    forcing = [rules.event_name(force.event) for force in rules.forces if force.event in happened]
    caps = [cap for cap in rules.caps if cap.event in happened]
    cap = max(caps, key=lambda cap: rules.rank(cap.band)) if caps else None

    if len(forced) > 1:
        return Classification(
            band=None,
            total=total,
            needs_review=True,
            reason="Các sự kiện buộc những mức xếp loại khác nhau ("
            + ", ".join(forced)
            + "): quy định không xác định mức nào áp dụng.",
        )
    if forced:
        forced_band = forced[0]
        if cap is not None and rules.rank(forced_band) < rules.rank(cap.band):
            return Classification(
                band=None,
                total=total,
                needs_review=True,
                reason=f"Sự kiện buộc xếp “{forced_band}” nhưng “{rules.event_name(cap.event)}” "
                f"giới hạn tối đa “{cap.band}”: quy định không xác định mức nào áp dụng.",
            )
        return _decided(rules, forced_band, f"Xếp “{forced_band}” do: {', '.join(forcing)}.", total)

    if card is None:
        return Classification(band=None, total=total, needs_review=True, reason="Chưa có điểm để xếp loại.")
    reached = [index for index, band in enumerate(rules.bands) if total >= band.lower]
    if not reached:
        return Classification(
            band=None,
            total=total,
            needs_review=True,
            reason=f"Tổng điểm {show_points(total)} không thuộc mức xếp loại nào của quy định.",
        )
    start = reached[0]
    score_band = rules.bands[start].name
    notes: list[str] = []
    top = start
    if cap is not None and rules.rank(cap.band) > top:
        notes.append(f"Do “{rules.event_name(cap.event)}”, tối đa xếp “{cap.band}”.")
        top = rules.rank(cap.band)
    for band in rules.bands[top:]:
        failed = failures(band, card)
        if not failed:
            reason = (
                f"Tổng điểm {show_points(total)}, từ {show_points(band.lower)} điểm trở lên: “{band.name}”."
            )
            return _decided(rules, band.name, reason, total, score_band=score_band, notes=tuple(notes))
        notes.append(f"Không xếp “{band.name}”: " + "; ".join(failed) + ".")
    return Classification(
        band=None,
        total=total,
        score_band=score_band,
        notes=tuple(notes),
        needs_review=True,
        reason=f"Tổng điểm {show_points(total)} không đáp ứng điều kiện của mức xếp loại nào.",
    )


def apply_quotas(
    rules: Rules, results: Sequence[tuple[str, Classification]]
) -> list[tuple[str, Classification]]:
    """The same list with each quota applied: the agencies beyond it, ranked by score,
    fall to the band it is counted against; those tied with the last one within it
    are left undecided for the reviewer. The quota counts the bands before it applies."""
    current = dict(results)
    for quota in rules.quotas:
        counted = sum(1 for result in current.values() if result.band == quota.relative_to)
        allowed = int((Decimal(counted) * quota.percent / HUNDRED).to_integral_value(rounding=ROUND_DOWN))
        within = sorted(
            (agency for agency, result in current.items() if result.band == quota.band),
            key=lambda agency: current[agency].total,
            reverse=True,
        )
        if len(within) <= allowed:
            continue
        limit = f"tối đa {show_points(quota.percent)}% số “{quota.relative_to}” ({counted}), tức {allowed}"
        cut = current[within[allowed - 1]].total if allowed else None
        below = current[within[allowed]].total
        for position, agency in enumerate(within):
            result = current[agency]
            if cut is not None and result.total == cut == below:
                current[agency] = replace(
                    result,
                    band=None,
                    needs_review=True,
                    reason=f"Số “{quota.band}” vượt chỉ tiêu ({limit}) và có đơn vị bằng điểm "
                    f"({show_points(result.total)}) ở ngưỡng: người thẩm định quyết định.",
                )
            elif position >= allowed:
                current[agency] = replace(
                    result,
                    band=quota.relative_to,
                    needs_review=True,
                    notes=(*result.notes, f"Đạt “{quota.band}” theo điểm nhưng vượt chỉ tiêu ({limit})."),
                    reason=f"Xếp “{quota.relative_to}” do chỉ tiêu “{quota.band}” ({limit}).",
                )
    return [(agency, current[agency]) for agency, _ in results]


def may_be_proposed(rules: Rules, result: Classification) -> bool:
    """Whether the agency may be proposed for commendation under the rules."""
    if rules.commendation_from is None or result.band is None:
        return False
    return rules.rank(result.band) <= rules.rank(rules.commendation_from)
