"""Read queries of the criteria set pages, each starting from what the person may see."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from danvan.core.models import User
from danvan.evaluation import codec, permissions
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


def criteria_set_page(person: User, criteria_set: CriteriaSet) -> dict:
    rules = criteria_set.rules or {}
    return {
        "criteria_set": criteria_set,
        "lines": tree_lines(criteria_set),
        "bands": [
            {"name": band["name"], "lower": show_points(Decimal(band["lower"]))}
            for band in rules.get("bands", [])
        ],
        "can_manage": permissions.can_manage_criteria_set(person, criteria_set),
        "is_draft": criteria_set.status == CriteriaSet.Status.DRAFT,
        "is_archived": criteria_set.status == CriteriaSet.Status.ARCHIVED,
    }
