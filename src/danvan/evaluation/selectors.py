"""Read queries of the criteria set and assessment pages, each starting from what the person may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.indicators import get_indicator
from danvan.core.models import Agency, Province, Role, User
from danvan.core.permissions import scopes_of
from danvan.core.prepared import ids, prepared
from danvan.core.selectors import TODO_LIMIT, TodoItem, TodoList, todo_list
from danvan.evaluation import codec, permissions, services
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.classification import describe, may_be_proposed
from danvan.evaluation.engine.model import Classification, Rules, show_points
from danvan.evaluation.engine.sheets import method_parameters
from danvan.evaluation.models import (
    Assessment,
    CriteriaNode,
    CriteriaSet,
    Evidence,
    LeafScore,
    ResultsDecision,
)
from danvan.evaluation.services import (
    evidence_url,
    stored_criteria,
    submission_window,
    unsubmitted_agencies,
    window_day,
)
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
                points=_leaf_points(leaf.points, leaf.entered),
                reviewed_points=_leaf_points(leaf.reviewed_points, leaf.reviewed_entered),
                final_points=_leaf_points(leaf.final_points, leaf.final_points is not None),
                method=method_parameters(method)[0] if method is not None else "",
                evidence=[(item, evidence_url(item)) for item in leaf.evidence.all()],
                proposal=leaf.proposal,
            )
        )
    return lines


def _leaf_points(points: Decimal | None, entered: object) -> str:
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
        "can_read_review": permissions.can_read_review(person, assessment),
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
    return window_day(row["criteria_set__submit_until"], row["year"])


def _assessment_item(row: dict, today: date, *, due: date | None, text: str) -> TodoItem:
    return TodoItem.due_on(
        due,
        today=today,
        url=reverse("evaluation:assessment_detail", args=[row["pk"]]),
        text=text,
        detail=row["agency__name"],
    )


ROW_FIELDS = ("pk", "year", "agency__name", "criteria_set__submit_until", "answer_due")


@prepared
def _drafts():
    drafts = Assessment.objects.filter(agency__in=ids("agencies"), status=Assessment.Status.DRAFT)
    return drafts.order_by("year", "pk").values(*ROW_FIELDS)[: TODO_LIMIT + 1]


@prepared
def _reviewed():
    reviewed = Assessment.objects.filter(agency__in=ids("agencies"), status=Assessment.Status.REVIEWED)
    return reviewed.order_by("answer_due", "pk").values(*ROW_FIELDS)[: TODO_LIMIT + 1]


@prepared
def _to_review():
    sent = Assessment.objects.filter(
        agency__province__in=ids("provinces"),
        status__in=(Assessment.Status.SUBMITTED, Assessment.Status.ANSWERED),
    )
    return sent.order_by("submitted_at", "pk").values(*ROW_FIELDS, "status")[: TODO_LIMIT + 1]


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """The leader's and the office's assessment still to send or to answer; the
    province's assessments waiting for review. One query per list shown."""
    scopes = scopes_of(person)
    lists = []
    if led := scopes.agencies_with(Role.AGENCY_LEADER):
        lists.append(
            todo_list(
                _drafts.rows(agencies=led),
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
                _reviewed.rows(agencies=offices),
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
                _to_review.rows(provinces=provinces),
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
    return unsubmitted_agencies(province_id, kinds, year)


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


# --- Results -----------------------------------------------------------------------------

REVIEWED_STATUSES = permissions.REVIEW_SENT
KIND_ORDER = {kind: index for index, kind in enumerate(Agency.Kind.values)}
SORTS = ("xep-hang", "ten", "diem", "tu-cham")


@dataclass
class ResultRow:
    """One agency of the province's table for a year; ``assessment`` is None when it never started."""

    agency: Agency
    assessment: Assessment | None
    rank: int | None = None  # within the agency's kind, by final score, among the finalised only

    @property
    def kind_label(self) -> str:
        return self.agency.get_kind_display()

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment is not None else ""

    @property
    def status_label(self) -> str:
        if self.assessment is None:
            return _("Chưa tự chấm")
        return self.assessment.get_status_display()

    @property
    def finalised(self) -> bool:
        return self.assessment is not None and self.assessment.status == Assessment.Status.FINAL

    @property
    def not_submitted(self) -> bool:
        return self.assessment is None or self.assessment.status == Assessment.Status.DRAFT

    @property
    def submitted_late(self) -> bool:
        return self.assessment is not None and self.assessment.submitted_late

    @property
    def needs_review(self) -> bool:
        return self.assessment is not None and bool(
            (self.assessment.classification or {}).get("needs_review")
        )

    @property
    def self_total(self) -> Decimal | None:
        return self.assessment.self_total if self.assessment is not None else None

    @property
    def self_band(self) -> str:
        return self.assessment.self_band if self.assessment is not None else ""

    @property
    def reviewed_total(self) -> Decimal | None:
        return self.assessment.reviewed_total if self.assessment is not None else None

    @property
    def reviewed_band(self) -> str:
        """The band the review gave (the classification kept with the reviewed score)."""
        if self.assessment is None or self.assessment.status not in REVIEWED_STATUSES:
            return ""
        return (self.assessment.classification or {}).get("band") or ""

    @property
    def final_total(self) -> Decimal | None:
        return self.assessment.final_total if self.finalised and self.assessment is not None else None

    @property
    def final_band(self) -> str:
        return self.assessment.final_band if self.finalised and self.assessment is not None else ""

    # The points as the page prints them ("95,5"; "—" when there are none).
    @property
    def self_shown(self) -> str:
        return _shown(self.self_total)

    @property
    def reviewed_shown(self) -> str:
        return _shown(self.reviewed_total)

    @property
    def final_shown(self) -> str:
        return _shown(self.final_total)


def _shown(points: Decimal | None) -> str:
    return "—" if points is None else show_points(points)


@dataclass(frozen=True)
class BandCount:
    name: str
    count: int
    percent: int  # of the agencies shown, for the bar's length
    pending: bool = False  # the agencies without a final result


@dataclass
class ResultsTable:
    province: Province
    year: int
    rows: list[ResultRow]
    criteria_sets: list[CriteriaSet]
    bands: list[str] = field(default_factory=list)  # the bands of the rules, highest first

    @property
    def finalised(self) -> list[ResultRow]:
        return [row for row in self.rows if row.finalised]

    @property
    def pending(self) -> list[ResultRow]:
        return [row for row in self.rows if not row.finalised]

    @property
    def not_submitted(self) -> list[ResultRow]:
        return [row for row in self.rows if row.not_submitted]

    @property
    def late(self) -> list[ResultRow]:
        return [row for row in self.rows if row.submitted_late]

    def distribution(self) -> list[BandCount]:
        """How many agencies of the table have each final band, and how many have none yet."""
        counts: dict[str, int] = dict.fromkeys(self.bands, 0)
        for row in self.finalised:
            name = row.final_band or _("Chưa xếp loại")
            counts[name] = counts.get(name, 0) + 1
        pending = len(self.pending)
        total = len(self.rows) or 1
        found = [BandCount(name, count, round(count * 100 / total)) for name, count in counts.items()]
        if pending:
            found.append(
                BandCount(_("Chưa có kết quả chính thức"), pending, round(pending * 100 / total), True)
            )
        return found

    def by_band(self) -> list[tuple[str, list[ResultRow]]]:
        """The finalised agencies grouped by final band, highest band first, best score first."""
        groups: dict[str, list[ResultRow]] = {name: [] for name in self.bands}
        for row in sorted(self.finalised, key=lambda row: (-(row.final_total or 0), row.agency.sort_key)):
            groups.setdefault(row.final_band or _("Chưa xếp loại"), []).append(row)
        return [(name, rows) for name, rows in groups.items() if rows]


def sets_for_year(province: Province, year: int) -> list[CriteriaSet]:
    """The sets that apply to the year: those in use, or for a past year the archived ones."""
    candidates = [
        criteria_set
        for criteria_set in CriteriaSet.objects.filter(
            province=province, status__in=[CriteriaSet.Status.IN_USE, CriteriaSet.Status.ARCHIVED]
        ).order_by("-version", "-pk")
        if year in (criteria_set.years or [])
    ]
    in_use = [criteria_set for criteria_set in candidates if criteria_set.status == CriteriaSet.Status.IN_USE]
    return in_use or candidates


def band_names(criteria_sets: Iterable[CriteriaSet]) -> list[str]:
    names: list[str] = []
    for criteria_set in criteria_sets:
        for band in (criteria_set.rules or {}).get("bands", []):
            if band["name"] not in names:
                names.append(band["name"])
    return names


def rank_within_kind(rows: Iterable[ResultRow]) -> None:
    """Rank the finalised rows of each kind by final score, ties sharing a rank (1, 1, 3)."""
    by_kind: dict[str, list[ResultRow]] = {}
    for row in rows:
        row.rank = None
        if row.finalised and row.final_total is not None:
            by_kind.setdefault(row.agency.kind, []).append(row)
    for ranked in by_kind.values():
        ranked.sort(key=lambda row: row.final_total or 0, reverse=True)
        for position, row in enumerate(ranked):
            previous = ranked[position - 1] if position else None
            tied = previous is not None and previous.final_total == row.final_total
            row.rank = previous.rank if tied and previous is not None else position + 1


def _sorted(rows: list[ResultRow], sort: str) -> list[ResultRow]:
    if sort == "ten":
        return sorted(rows, key=lambda row: row.agency.sort_key)
    if sort in ("diem", "tu-cham"):

        def points(row: ResultRow) -> Decimal | None:
            return row.final_total if sort == "diem" else row.self_total

        return sorted(rows, key=lambda row: (points(row) is None, -(points(row) or 0), row.agency.sort_key))
    return sorted(
        rows,
        key=lambda row: (
            KIND_ORDER.get(row.agency.kind, len(KIND_ORDER)),
            row.rank is None,
            row.rank or 0,
            row.agency.sort_key,
        ),
    )


def results_table(province: Province, year: int, *, kind: str = "", sort: str = "xep-hang") -> ResultsTable:
    """Every agency of the province that a set of the year covers, or that has an assessment
    for the year, with its scores, bands, rank within its kind and flags. Three queries: the
    sets, the year's assessments with their agencies, the covered agencies without one."""
    criteria_sets = sets_for_year(province, year)
    kinds = {kind for criteria_set in criteria_sets for kind in criteria_set.agency_kinds}
    # The agencies of the province at the end of that year, by their dated
    # province: one merged or moved since is still listed for it.
    end = date(year, 12, 31)
    members = Agency.objects.of_province_on(province, end)
    assessments = list(
        Assessment.objects.filter(agency__in=members.values("pk"), year=year).select_related("agency")
    )
    rows = [ResultRow(assessment.agency, assessment) for assessment in assessments]
    if kinds:
        unassessed = (
            Agency.objects.existing_during(end, end).of_province_on(province, end).filter(kind__in=kinds)
        )
        rows += [
            ResultRow(agency, None)
            for agency in unassessed.exclude(pk__in=[assessment.agency_id for assessment in assessments])
        ]
    rank_within_kind(rows)
    if kind:
        rows = [row for row in rows if row.agency.kind == kind]
    return ResultsTable(province, year, _sorted(rows, sort), criteria_sets, band_names(criteria_sets))


def results_decision(province: Province, year: int) -> ResultsDecision | None:
    """The year's decision once signed: the caller has checked the person reads the province's results."""
    return ResultsDecision.objects.filter(province=province, year=year).first()


def result_years(province: Province) -> list[int]:
    """The years the province has results for or a set applies to, newest first."""
    years = {
        year
        for years in CriteriaSet.objects.filter(
            province=province, status__in=[CriteriaSet.Status.IN_USE, CriteriaSet.Status.ARCHIVED]
        ).values_list("years", flat=True)
        for year in years or []
    }
    years |= set(
        Assessment.objects.filter(agency__province=province)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years, reverse=True)


def default_year(years: list[int], today_year: int) -> int:
    """The newest year that has begun, else the newest of all, else this year."""
    started = [year for year in years if year <= today_year]
    if started:
        return started[0]
    return years[-1] if years else today_year


@dataclass(frozen=True)
class HistoryRow:
    assessment: Assessment
    rank: int | None
    ranked: int  # how many of the agency's kind were ranked that year

    @property
    def shows_review(self) -> bool:
        return self.assessment.status in REVIEWED_STATUSES

    @property
    def finalised(self) -> bool:
        return self.assessment.status == Assessment.Status.FINAL


def agency_history(agency: Agency) -> list[HistoryRow]:
    """The agency's assessments over the years, newest first, each with its rank within its kind
    that year (two queries: its assessments, then the final scores of its kind in those years)."""
    assessments = list(agency.assessments.select_related("criteria_set").order_by("-year"))
    years = [assessment.year for assessment in assessments if assessment.status == Assessment.Status.FINAL]
    totals: dict[int, list[Decimal]] = {}
    if years:
        finals = Assessment.objects.filter(
            agency__province_id=agency.province_id,
            agency__kind=agency.kind,
            year__in=years,
            status=Assessment.Status.FINAL,
            final_total__isnull=False,
        ).values_list("year", "final_total")
        for year, total in finals:
            if total is not None:
                totals.setdefault(year, []).append(total)
    rows = []
    for assessment in assessments:
        scores = totals.get(assessment.year, [])
        rank = None
        if assessment.status == Assessment.Status.FINAL and assessment.final_total is not None:
            rank = 1 + sum(1 for total in scores if total > assessment.final_total)
        rows.append(HistoryRow(assessment, rank, len(scores)))
    return rows


@dataclass(frozen=True)
class Commendation:
    """Whether the agency may be proposed for commendation for the year, and why."""

    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


def may_be_proposed_for_commendation(agency: Agency, year: int) -> Commendation:
    """From the agency's final classification of the year and its set's rules (``commendation_from``):
    only an agency at or above that band may be proposed. What the emulation app asks."""
    assessment = Assessment.objects.filter(agency=agency, year=year).select_related("criteria_set").first()
    if assessment is None or assessment.status != Assessment.Status.FINAL:
        return Commendation(
            False, _("Cơ quan chưa có kết quả đánh giá chính thức của năm %(year)s.") % {"year": year}
        )
    rules = codec.rules_from_json(assessment.criteria_set.rules or {})
    if rules.commendation_from is None:
        return Commendation(False, _("Quy định xếp loại không nêu mức được đề nghị khen thưởng."))
    stored = assessment.classification or {}
    band = assessment.final_band or stored.get("band") or None
    if band is not None and band not in [known.name for known in rules.bands]:
        band = None
    result = Classification(
        band=band, reason=stored.get("reason", ""), total=assessment.final_total or Decimal(0)
    )
    if band is None:
        return Commendation(False, _("Cơ quan chưa được xếp loại chính thức."))
    if may_be_proposed(rules, result):
        return Commendation(
            True,
            _("Xếp loại “%(band)s”, từ mức “%(lowest)s” trở lên: được đề nghị khen thưởng.")
            % {"band": band, "lowest": rules.commendation_from},
        )
    return Commendation(
        False,
        _("Xếp loại “%(band)s”, dưới mức “%(lowest)s”: không được đề nghị khen thưởng.")
        % {"band": band, "lowest": rules.commendation_from},
    )


def assessments_for_api(person: User, *, year: str = "", agency: str = "") -> QuerySet[Assessment]:
    found = permissions.visible_assessments(person).select_related("agency", "criteria_set")
    if year.isdecimal():
        found = found.filter(year=int(year))
    if agency.isdecimal():
        found = found.filter(agency_id=int(agency))
    return found.order_by("-year", "agency__sort_key", "pk")


def assessment_scores(assessment: Assessment) -> QuerySet:
    return assessment.scores.select_related("node").order_by("node__position")
