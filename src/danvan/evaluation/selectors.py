"""Read queries of the criteria set and assessment pages, each starting from what the person may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.indicators import get_indicator
from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of
from danvan.core.selectors import TodoItem, TodoList, todo_list
from danvan.evaluation import codec, permissions, services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.classification import describe
from danvan.evaluation.engine.model import Rules, show_points
from danvan.evaluation.engine.sheets import method_parameters
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet, Evidence, LeafScore
from danvan.evaluation.services import evidence_url, stored_criteria, submission_window
from danvan.petitions.permissions import visible_petitions
from danvan.plans.permissions import visible_plans, visible_tasks
from danvan.reports.permissions import visible_reports


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
    return str(found.name) if found is not None else code


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


# --- Assessments --------------------------------------------------------------


@dataclass
class LeafLine:
    leaf: LeafScore
    node: CriteriaNode
    depth: int
    entered: engine.LeafInput | None
    points: str  # "" until scored
    reviewed_points: str
    final_points: str
    method: str
    evidence: list[tuple[Evidence, str]]
    proposal: dict | None
    form: object = None  # the scoring or review form, for whoever may use it

    @property
    def changed_by_review(self) -> bool:
        return bool(self.leaf.reviewed_entered)


@dataclass
class GroupLine:
    """A group or criterion above the leaves, with how far its scoring has got."""

    node: CriteriaNode
    depth: int
    max_points: str
    points: str
    scored: int
    leaves: int

    @property
    def percent_scored(self) -> int:
        return round(100 * self.scored / self.leaves) if self.leaves else 100


def assessments_for_list(person: User) -> QuerySet[Assessment]:
    return (
        permissions.visible_assessments(person)
        .select_related("agency", "criteria_set")
        .order_by("-year", "agency__name")
    )


def assessment_lines(assessment: Assessment) -> list[GroupLine | LeafLine]:
    """The set's tree with each leaf's scores and evidence, and each group's progress."""
    nodes = list(assessment.criteria_set.nodes.order_by("position"))
    leaves = {
        leaf.node_id: leaf for leaf in assessment.scores.select_related("node").prefetch_related("evidence")
    }
    children: dict[int | None, list[CriteriaNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)

    def below(node: CriteriaNode) -> list[LeafScore]:
        if node.pk in leaves:
            return [leaves[node.pk]]
        return [leaf for child in children.get(node.pk, []) for leaf in below(child)]

    lines: list[GroupLine | LeafLine] = []
    for node in nodes:
        leaf = leaves.get(node.pk)
        if leaf is None:
            under = below(node)
            scored = [item for item in under if item.points is not None or item.entered]
            points = sum((item.points or Decimal(0) for item in scored), Decimal(0))
            lines.append(
                GroupLine(
                    node,
                    node.depth,
                    show_points(node.max_points),
                    show_points(points),
                    len(scored),
                    len(under),
                )
            )
            continue
        method = codec.method_from_json(node.method, node.parameters)
        lines.append(
            LeafLine(
                leaf=leaf,
                node=node,
                depth=node.depth,
                entered=codec.input_from_json(leaf.entered),
                points=_shown(leaf.points, leaf.entered),
                reviewed_points=_shown(leaf.reviewed_points, leaf.reviewed_entered),
                final_points=_shown(leaf.final_points, leaf.final_points is not None),
                method=method_parameters(method)[0] if method is not None else "",
                evidence=[(item, evidence_url(item)) for item in leaf.evidence.all()],
                proposal=leaf.proposal,
            )
        )
    return lines


def _shown(points: Decimal | None, entered: object) -> str:
    if not entered:
        return ""
    return _("không áp dụng") if points is None else show_points(points)


def evidence_choices(person: User, assessment: Assessment) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the person may link as evidence: the agency's plans, tasks, reports and cases of the year."""
    agency, year = assessment.agency, assessment.year
    plans = visible_plans(person).filter(agency=agency).filter(Q(period_year=year) | Q(issue_date__year=year))
    tasks = visible_tasks(person).filter(plan__in=plans).select_related("plan").order_by("plan_id", "order")
    reports = (
        visible_reports(person)
        .filter(agency=agency, request__due_date__year=year)
        .select_related("request", "unit")
        .order_by("request__due_date")
    )
    petitions = (
        visible_petitions(person).filter(agency=agency, received_on__year=year).order_by("received_on")
    )
    groups = [
        (
            _("Kế hoạch"),
            [(f"plan:{plan.pk}", f"{plan.number or '—'}/{plan.symbol} {plan.title[:120]}") for plan in plans],
        ),
        (_("Nhiệm vụ"), [(f"task:{task.pk}", task.heading[:150]) for task in tasks[:500]]),
        (
            _("Báo cáo"),
            [
                (
                    f"report:{report.pk}",
                    f"{report.request.title[:120]}" + (f" – {report.unit}" if report.unit else ""),
                )
                for report in reports[:500]
            ],
        ),
        # A case shows as its code only: who wrote in never travels with the evidence.
        (_("Hồ sơ đơn thư"), [(f"petition:{petition.pk}", petition.code) for petition in petitions[:500]]),
    ]
    return [(label, items) for label, items in groups if items]


def assessment_page(person: User, assessment: Assessment) -> dict:
    criteria, rules = stored_criteria(assessment.criteria_set)
    opens, closes = submission_window(assessment.criteria_set, assessment.year)
    classification = (
        codec.classification_from_json(assessment.classification) if assessment.classification else None
    )
    return {
        "assessment": assessment,
        "lines": assessment_lines(assessment),
        "criteria": criteria,
        "rules": rules,
        "window": (opens, closes),
        "classification": classification,
        "decided_by_reviewer": (assessment.classification or {}).get("decided_by_reviewer", ""),
        "events": [rules.event_name(event) for event in assessment.events],
        "reviewers": list(assessment.reviewers.select_related("person")),
        "can_score": permissions.can_score(person, assessment),
        "can_submit": permissions.can_submit(person, assessment),
        "can_review": permissions.can_review(person, assessment),
        "can_send_review": permissions.can_send_review(person, assessment),
        "can_answer": permissions.can_answer(person, assessment),
        "can_finalise": permissions.can_finalise(person, assessment),
        "can_manage_council": permissions.can_manage_council(person, assessment),
        "is_final": assessment.status == Assessment.Status.FINAL,
    }


# --- The landing page's evaluation work ---------------------------------------


def _closing_day(row: dict) -> date | None:
    text = row["criteria_set__submit_until"]
    if not text:
        return None
    day, month = (int(part) for part in text.split("/"))
    return date(row["year"], month, day)


def _assessment_item(row: dict, today: date, *, due: date | None, text: str) -> TodoItem:
    return TodoItem.due_on(
        due,
        today=today,
        url=reverse("evaluation:assessment_detail", args=[row["pk"]]),
        text=text,
        detail=row["agency__name"],
    )


ROW_FIELDS = ("pk", "year", "agency__name", "criteria_set__submit_until", "answer_due")


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """The leader's and the office's assessment still to send or to answer; the
    province's assessments waiting for review. One query per list shown."""
    scopes = scopes_of(person)
    lists = []
    if led := scopes.agencies_with(Role.AGENCY_LEADER):
        lists.append(
            todo_list(
                Assessment.objects.filter(agency__in=led, status=Assessment.Status.DRAFT)
                .order_by("year", "pk")
                .values(*ROW_FIELDS),
                lambda row: _assessment_item(
                    row,
                    today,
                    due=_closing_day(row),
                    text=_("Bản tự đánh giá năm %(year)s chờ duyệt, gửi") % {"year": row["year"]},
                ),
                role=Role.AGENCY_LEADER,
                key="tu-danh-gia-cho-gui",
                title=_("Bản tự đánh giá, chấm điểm chờ gửi"),
                empty=_("Không có bản tự đánh giá nào chờ gửi."),
                more_url=reverse("evaluation:assessment_list"),
                more_label=_("Mọi bản tự đánh giá"),
            )
        )
    if offices := scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER):
        lists.append(
            todo_list(
                Assessment.objects.filter(agency__in=offices, status=Assessment.Status.REVIEWED)
                .order_by("answer_due", "pk")
                .values(*ROW_FIELDS),
                lambda row: _assessment_item(
                    row,
                    today,
                    due=row["answer_due"],
                    text=_("Kết quả thẩm định năm %(year)s: phản hồi nếu có ý kiến") % {"year": row["year"]},
                ),
                role=Role.AGENCY_OFFICE if scopes.agencies_with(Role.AGENCY_OFFICE) else Role.AGENCY_LEADER,
                key="tham-dinh-cho-phan-hoi",
                title=_("Kết quả thẩm định chờ phản hồi"),
                empty=_("Không có kết quả thẩm định nào chờ phản hồi."),
                more_url=reverse("evaluation:assessment_list"),
                more_label=_("Mọi bản tự đánh giá"),
            )
        )
    if provinces := scopes.reviewed_provinces:
        lists.append(
            todo_list(
                Assessment.objects.filter(
                    agency__province__in=provinces,
                    status__in=(Assessment.Status.SUBMITTED, Assessment.Status.ANSWERED),
                )
                .order_by("submitted_at", "pk")
                .values(*ROW_FIELDS, "status"),
                lambda row: _assessment_item(
                    row,
                    today,
                    due=None,
                    text=(
                        _("Bản tự đánh giá năm %(year)s chờ thẩm định")
                        if row["status"] == Assessment.Status.SUBMITTED
                        else _("Cơ quan đã phản hồi kết quả thẩm định năm %(year)s")
                    )
                    % {"year": row["year"]},
                ),
                role=Role.PROVINCE_REVIEWER,
                key="tu-danh-gia-cho-tham-dinh",
                title=_("Bản tự đánh giá chờ thẩm định"),
                empty=_("Không có bản tự đánh giá nào chờ thẩm định."),
                more_url=reverse("evaluation:assessment_list"),
                more_label=_("Mọi bản tự đánh giá"),
            )
        )
    return lists


def missing_agencies(province_id: int, year: int) -> QuerySet[Agency]:
    """The agencies a set in use covers for the year that have submitted nothing."""
    kinds = {
        kind
        for criteria_set in CriteriaSet.objects.filter(
            province_id=province_id, status=CriteriaSet.Status.IN_USE
        )
        if year in criteria_set.years
        for kind in criteria_set.agency_kinds
    }
    submitted = (
        Assessment.objects.filter(year=year).exclude(status=Assessment.Status.DRAFT).values("agency_id")
    )
    return (
        Agency.objects.filter(province_id=province_id, kind__in=kinds)
        .exclude(pk__in=submitted)
        .order_by("name")
    )


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
