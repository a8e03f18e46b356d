"""Read queries of the criteria set pages, each starting from what the person may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Province, User
from danvan.evaluation import codec, permissions
from danvan.evaluation.engine.classification import describe, may_be_proposed
from danvan.evaluation.engine.model import Classification, show_points
from danvan.evaluation.engine.sheets import method_parameters
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet


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
    assessments = list(
        Assessment.objects.filter(agency__province=province, year=year).select_related("agency")
    )
    rows = [ResultRow(assessment.agency, assessment) for assessment in assessments]
    if kinds:
        unassessed = Agency.objects.active().filter(province=province, kind__in=kinds)
        rows += [
            ResultRow(agency, None)
            for agency in unassessed.exclude(pk__in=[assessment.agency_id for assessment in assessments])
        ]
    rank_within_kind(rows)
    if kind:
        rows = [row for row in rows if row.agency.kind == kind]
    return ResultsTable(province, year, _sorted(rows, sort), criteria_sets, band_names(criteria_sets))


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
    if year.isdigit():
        found = found.filter(year=int(year))
    if agency.isdigit():
        found = found.filter(agency_id=int(agency))
    return found.order_by("-year", "agency__sort_key", "pk")


def assessment_scores(assessment: Assessment) -> QuerySet:
    return assessment.scores.select_related("node").order_by("node__position")
