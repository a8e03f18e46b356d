"""Read queries of the criteria set pages, each starting from what the person may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.core.models import User
from danvan.evaluation import codec, permissions
from danvan.evaluation.engine.classification import describe
from danvan.evaluation.engine.model import show_points
from danvan.evaluation.engine.sheets import method_parameters
from danvan.evaluation.models import CriteriaNode, CriteriaSet


@dataclass(frozen=True)
class TreeLine:
    node: CriteriaNode
    depth: int
    points: str
    method: str
    parameters: str


def criteria_sets_for_list(person: User) -> QuerySet[CriteriaSet]:
    return (
        permissions.visible_criteria_sets(person)
        .select_related("province")
        .order_by("province__name", "-created_at", "-pk")
    )


def tree_lines(criteria_set: CriteriaSet) -> list[TreeLine]:
    """The set's tree in order, each line with its points and how it is scored, as the annex words it."""
    lines = []
    for node in criteria_set.nodes.order_by("position"):
        method = codec.method_from_json(node.method, node.parameters)
        name, parameters = method_parameters(method) if method is not None else ("", "")
        lines.append(TreeLine(node, node.depth, show_points(node.max_points), name, parameters))
    return lines


@dataclass(frozen=True)
class BandLine:
    name: str
    lower: str
    conditions: list[str]
    forced_by: list[str]
    capped_by: list[str]
    council_vote: bool


def band_lines(criteria_set: CriteriaSet) -> list[BandLine]:
    """The classification bands from the highest, each with its conditions and the events that force or cap it."""
    rules = codec.rules_from_json(criteria_set.rules or {})
    return [
        BandLine(
            name=band.name,
            lower=show_points(band.lower),
            conditions=[describe(condition) for condition in band.conditions],
            forced_by=[rules.event_name(force.event) for force in rules.forces if force.band == band.name],
            capped_by=[rules.event_name(cap.event) for cap in rules.caps if cap.band == band.name],
            council_vote=band.council_vote,
        )
        for band in rules.bands
    ]


def criteria_set_page(person: User, criteria_set: CriteriaSet) -> dict:
    return {
        "criteria_set": criteria_set,
        "lines": tree_lines(criteria_set),
        "bands": band_lines(criteria_set),
        "commendation_from": (criteria_set.rules or {}).get("commendation_from"),
        "can_manage": permissions.can_manage_criteria_set(person, criteria_set),
        "is_draft": criteria_set.status == CriteriaSet.Status.DRAFT,
        "is_archived": criteria_set.status == CriteriaSet.Status.ARCHIVED,
    }
