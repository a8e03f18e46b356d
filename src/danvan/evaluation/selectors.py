"""Read queries of the criteria set pages, each starting from what the person may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.core.indicators import get_indicator
from danvan.core.models import User
from danvan.evaluation import codec, permissions, services
from danvan.evaluation.engine.classification import describe
from danvan.evaluation.engine.model import Rules, show_points
from danvan.evaluation.engine.sheets import method_parameters
from danvan.evaluation.models import CriteriaNode, CriteriaSet


@dataclass(frozen=True)
class TreeLine:
    node: CriteriaNode
    depth: int
    points: str
    method: str
    parameters: str
    indicator: str = ""  # the name of the figure the system proposes, or its code when unknown
    first: bool = False  # first or last among its siblings: it cannot move up, or down
    last: bool = False


def _indicator_name(code: str) -> str:
    found = get_indicator(code) if code else None
    return found.name if found is not None else code


def criteria_sets_for_list(person: User) -> QuerySet[CriteriaSet]:
    return (
        permissions.visible_criteria_sets(person)
        .select_related("province")
        .order_by("province__name", "-created_at", "-pk")
    )


def tree_lines(criteria_set: CriteriaSet) -> list[TreeLine]:
    """The set's tree in order, each line with its points and how it is scored, as the annex words it."""
    nodes = list(criteria_set.nodes.order_by("position"))
    siblings: dict[int | None, list[int]] = {}
    for node in nodes:
        siblings.setdefault(node.parent_id, []).append(node.pk)
    lines = []
    for node in nodes:
        method = codec.method_from_json(node.method, node.parameters)
        name, parameters = method_parameters(method) if method is not None else ("", "")
        around = siblings[node.parent_id]
        lines.append(
            TreeLine(
                node,
                node.depth,
                show_points(node.max_points),
                name,
                parameters,
                _indicator_name(node.indicator),
                first=around[0] == node.pk,
                last=around[-1] == node.pk,
            )
        )
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


def draft_version_of(criteria_set: CriteriaSet) -> CriteriaSet | None:
    """The draft that will replace a set in use, when one is being prepared."""
    return criteria_set.replaced_by.filter(status=CriteriaSet.Status.DRAFT).order_by("-pk").first()


def criteria_set_page(person: User, criteria_set: CriteriaSet) -> dict:
    can_manage = permissions.can_manage_criteria_set(person, criteria_set)
    is_draft = criteria_set.status == CriteriaSet.Status.DRAFT
    in_use = criteria_set.status == CriteriaSet.Status.IN_USE
    return {
        "criteria_set": criteria_set,
        "lines": tree_lines(criteria_set),
        "bands": band_lines(criteria_set),
        "commendation_from": (criteria_set.rules or {}).get("commendation_from"),
        "can_manage": can_manage,
        "can_edit": can_manage and is_draft,
        "is_draft": is_draft,
        "is_archived": criteria_set.status == CriteriaSet.Status.ARCHIVED,
        "set_problems": services.criteria_problems(criteria_set) if can_manage and is_draft else [],
        "draft_version": draft_version_of(criteria_set) if can_manage and in_use else None,
    }


def rules_of(criteria_set: CriteriaSet) -> Rules:
    return codec.rules_from_json(criteria_set.rules or {})


def replaceable_sets(person: User, criteria_set: CriteriaSet | None = None) -> QuerySet[CriteriaSet]:
    """The sets a new or edited set may replace: the other sets of the provinces the person manages."""
    provinces = permissions.criteria_provinces(person)
    found = CriteriaSet.objects.filter(province__in=provinces).select_related("province")
    if criteria_set is not None:
        found = found.filter(province_id=criteria_set.province_id).exclude(pk=criteria_set.pk)
    return found.order_by("-created_at", "-pk")


def subtree_size(node: CriteriaNode) -> int:
    """How many lines deleting the node removes with it."""
    return (
        1
        + CriteriaNode.objects.filter(
            criteria_set_id=node.criteria_set_id, key__startswith=f"{node.key}/"
        ).count()
    )
