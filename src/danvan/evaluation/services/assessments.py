"""An agency's yearly assessment, from the office's first score to the province's final result.

Outcomes, in order:
- ``open_assessment``: one assessment a year, from the set in use that covers
  the agency; each leaf bound to a figure of the system gets its proposal.
- ``score_leaf`` / ``accept_proposal``: the office scores a leaf; a score that
  departs from the system's proposal needs a reason.
- ``add_evidence_link`` / ``add_evidence_file`` / ``remove_evidence``.
- ``submit_assessment``: the leader submits once every leaf is scored; after
  the set's window it is marked late.
- ``review_leaf`` / ``send_review``: the province (or its council) scores a leaf
  again with a reason; the agency then has the set's days to answer once.
- ``answer_review``; ``finalise_assessment``: final points, events and band,
  quotas applied across the province's finalised agencies of that year.
- ``record_missing_assessments``: after the window, an agency that submitted
  nothing is recorded with the rules' "no self-assessment" event.
Self, reviewed and final scores are kept apart with who and when.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import indicators, uploads
from danvan.core.models import Agency, Province, Role, RoleAssignment, User
from danvan.core.services import DomainError, notify
from danvan.core.text import stored_file_name
from danvan.evaluation import codec
from danvan.evaluation.engine import model as engine
from danvan.evaluation.engine.classification import apply_quotas, classify
from danvan.evaluation.engine.errors import InvalidScoring
from danvan.evaluation.engine.scoring import expected_input, score, score_leaf
from danvan.evaluation.models import Assessment, CriteriaSet, Evidence, LeafScore, Reviewer
from danvan.evaluation.services.criteria import stored_criteria
from danvan.petitions.permissions import visible_petitions
from danvan.plans.models import Plan
from danvan.plans.permissions import visible_plans, visible_tasks
from danvan.reports.permissions import visible_reports

# The event of the rules that the system records itself for an agency that
# submitted nothing by the end of the window; a province names it so in its rules.
NO_SELF_ASSESSMENT = "no_self_assessment"
EVIDENCE_LIMIT_BYTES = 20 * 1024 * 1024


# --- The set that covers an agency, and its window ----------------------------


def covering_set(agency: Agency, year: int) -> CriteriaSet | None:
    """The set in use of the agency's province for its kind and the year."""
    for criteria_set in CriteriaSet.objects.filter(
        province_id=agency.province_id, status=CriteriaSet.Status.IN_USE
    ).order_by("-version", "-pk"):
        if year in criteria_set.years and agency.kind in criteria_set.agency_kinds:
            return criteria_set
    return None


def window_day(text: str, year: int) -> date | None:
    """A day of a set's window ("15/12") in the year; None when the set leaves it open."""
    if not text:
        return None
    day, month = (int(part) for part in text.split("/"))
    return date(year, month, day)


def submission_window(criteria_set: CriteriaSet, year: int) -> tuple[date | None, date | None]:
    """The window of the set for the year, e.g. 10/12 to 15/12; either end may be open."""
    return window_day(criteria_set.submit_from, year), window_day(criteria_set.submit_until, year)


# --- Proposals from the system's own figures ----------------------------------


def _input_from_figure(kind: indicators.Kind, figure: indicators.Figure) -> engine.LeafInput | None:
    if kind is indicators.Kind.RATIO:
        if not figure.measurable or figure.denominator is None:
            return None
        return engine.Ratio(figure.numerator, figure.denominator)
    if kind is indicators.Kind.COUNT:
        return engine.Occurrences(int(figure.numerator))
    return engine.Done(figure.numerator > 0)


def _proposal(node: engine.Node, code: str, agency: Agency, year: int) -> dict[str, Any] | None:
    found = indicators.get_indicator(code)
    if found is None:
        return None
    figure = found.measure(agency, year)
    entered = _input_from_figure(found.kind, figure)
    points = None
    if entered is not None and node.method is not None and isinstance(entered, expected_input(node.method)):
        try:
            points = score_leaf(node, entered)
        except InvalidScoring:
            entered = None
    else:
        entered = None
    return {
        "code": code,
        "name": str(found.name),
        "kind": found.kind.value,
        "numerator": str(figure.numerator),
        "denominator": None if figure.denominator is None else str(figure.denominator),
        "percent": None if figure.percent is None else str(engine.to_points(figure.percent)),
        "note": figure.note,
        "lines": [
            {"label": line.label, "url": line.url, "detail": line.detail, "counts": line.counts}
            for line in figure.lines
        ],
        "entered": None if entered is None else codec.input_to_json(entered),
        "points": None if points is None else str(points),
        "computed_at": timezone.now().isoformat(),
    }


@transaction.atomic
def refresh_proposals(*, assessment: Assessment) -> int:
    """The figures of the system computed again for every bound leaf; a score already
    accepted from a proposal follows its new figure while the assessment is a draft."""
    criteria, _rules = stored_criteria(assessment.criteria_set)
    refreshed = 0
    for leaf in assessment.scores.select_related("node").exclude(node__indicator=""):
        proposal = _proposal(
            criteria.node(leaf.node.key), leaf.node.indicator, assessment.agency, assessment.year
        )
        leaf.proposal = proposal
        fields = ["proposal"]
        if (
            leaf.proposal_accepted
            and proposal
            and proposal["entered"]
            and assessment.status == Assessment.Status.DRAFT
        ):
            leaf.entered = proposal["entered"]
            leaf.points = Decimal(proposal["points"])
            fields += ["entered", "points"]
        leaf.save(update_fields=fields)
        refreshed += 1
    _update_self_total(assessment)
    return refreshed


# --- Opening and scoring ------------------------------------------------------


@transaction.atomic
def open_assessment(*, agency: Agency, year: int, by: User) -> Assessment:
    criteria_set = covering_set(agency, year)
    if criteria_set is None:
        raise DomainError(
            _("Chưa có bộ tiêu chí đang áp dụng cho cơ quan này trong năm %(year)s.") % {"year": year}
        )
    if Assessment.objects.filter(agency=agency, year=year).exists():
        raise DomainError(_("Cơ quan đã có bản tự đánh giá năm %(year)s.") % {"year": year})
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                criteria_set=criteria_set, agency=agency, year=year, opened_by=by
            )
    except IntegrityError as exc:  # opened at the same moment by a colleague
        raise DomainError(_("Cơ quan đã có bản tự đánh giá năm %(year)s.") % {"year": year}) from exc
    nodes = list(criteria_set.nodes.all())
    parents = {node.parent_id for node in nodes}
    leaves = [node for node in nodes if node.pk not in parents]
    LeafScore.objects.bulk_create([LeafScore(assessment=assessment, node=node) for node in leaves])
    refresh_proposals(assessment=assessment)
    return assessment


def _engine_leaf(leaf: LeafScore) -> engine.Node:
    criteria, _rules = stored_criteria(leaf.assessment.criteria_set)
    return criteria.node(leaf.node.key)


def _points(node: engine.Node, entered: engine.LeafInput) -> Decimal | None:
    try:
        return score_leaf(node, entered)
    except InvalidScoring as error:
        raise DomainError(" ".join(error.messages)) from error


def _same(entered: engine.LeafInput, proposal: dict[str, Any] | None) -> bool:
    if not proposal or not proposal.get("entered"):
        return False
    return codec.input_to_json(entered) == proposal["entered"]


@transaction.atomic
def score_leaf_of(
    *, leaf: LeafScore, entered: engine.LeafInput, explanation: str, by: User, override_reason: str = ""
) -> LeafScore:
    """The office's score of one leaf; away from the system's proposal only with a reason."""
    if leaf.assessment.status != Assessment.Status.DRAFT:
        raise DomainError(_("Bản đánh giá đã gửi, không sửa điểm tự chấm được nữa."))
    points = _points(_engine_leaf(leaf), entered)
    proposed = bool(leaf.proposal and leaf.proposal.get("entered"))
    if proposed and not _same(entered, leaf.proposal) and not override_reason.strip():
        raise DomainError(_("Điểm khác số liệu hệ thống đề xuất: hãy ghi lý do không dùng số liệu đề xuất."))
    leaf.entered = codec.input_to_json(entered)
    leaf.points = points
    leaf.explanation = explanation.strip()
    leaf.proposal_accepted = _same(entered, leaf.proposal) if proposed else None
    leaf.override_reason = "" if leaf.proposal_accepted or not proposed else override_reason.strip()
    leaf.scored_by = by
    leaf.scored_at = timezone.now()
    leaf.save(
        update_fields=[
            "entered",
            "points",
            "explanation",
            "proposal_accepted",
            "override_reason",
            "scored_by",
            "scored_at",
        ]
    )
    _update_self_total(leaf.assessment)
    return leaf


def accept_proposal(*, leaf: LeafScore, by: User, explanation: str = "") -> LeafScore:
    entered = codec.input_from_json((leaf.proposal or {}).get("entered"))
    if entered is None:
        raise DomainError(_("Tiêu chí này không có số liệu hệ thống đề xuất để dùng."))
    note = explanation or (leaf.proposal or {}).get("note", "")
    return score_leaf_of(leaf=leaf, entered=entered, explanation=note or leaf.explanation, by=by)


def _entered_of(assessment: Assessment, column: str) -> dict[str, engine.LeafInput]:
    entered: dict[str, engine.LeafInput] = {}
    for leaf in assessment.scores.select_related("node"):
        data = (
            getattr(leaf, column) if column != "reviewed_entered" else (leaf.reviewed_entered or leaf.entered)
        )
        value = codec.input_from_json(data)
        if value is not None:
            entered[leaf.node.key] = value
    return entered


def scorecard(
    assessment: Assessment, column: str = "entered", *, criteria: engine.CriteriaSet | None = None
) -> engine.Scorecard | None:
    """The engine's scorecard of the self ("entered") or reviewed scores; None until complete.
    A caller that already read the set's tree passes it (`criteria`)."""
    if criteria is None:
        criteria, _rules = stored_criteria(assessment.criteria_set)
    try:
        return score(criteria, _entered_of(assessment, column))
    except InvalidScoring:
        return None


def _update_self_total(assessment: Assessment) -> None:
    criteria, rules = stored_criteria(assessment.criteria_set)
    card = scorecard(assessment, criteria=criteria)
    assessment.self_total = None if card is None else card.total
    if card is not None:
        assessment.self_band = classify(rules, card).band or ""
    else:
        assessment.self_band = ""
    assessment.save(update_fields=["self_total", "self_band"])


# --- Evidence -----------------------------------------------------------------


@dataclass(frozen=True)
class LinkedObject:
    title: str
    url: str


def _linked(kind: str, object_id: int, by: User, agency: Agency) -> LinkedObject | None:
    """Something in the system the person sees, of the assessed agency, as a title and a page."""
    if kind == "plan":
        plan = visible_plans(by).filter(pk=object_id, agency=agency).first()
        if plan is not None:
            return LinkedObject(_linked_plan_title(plan), reverse("plans:plan_detail", args=[plan.pk]))
    elif kind == "task":
        task = visible_tasks(by).filter(pk=object_id, plan__agency=agency).select_related("plan").first()
        if task is not None:
            title = _("Nhiệm vụ: %(task)s") % {"task": task.heading[:200]}
            return LinkedObject(title, reverse("plans:task_detail", args=[task.pk]))
    elif kind == "report":
        report = visible_reports(by).filter(pk=object_id, agency=agency).select_related("request").first()
        if report is not None:
            title = _("Báo cáo: %(title)s") % {"title": report.request.title}
            return LinkedObject(title, reverse("reports:report_detail", args=[report.pk]))
    elif kind == "petition":
        petition = visible_petitions(by).filter(pk=object_id, agency=agency).first()
        if petition is not None:
            # Only the case's code: who wrote it never travels with the evidence.
            title = _("Hồ sơ %(code)s (%(kind)s)") % {
                "code": petition.code,
                "kind": petition.get_kind_display(),
            }
            return LinkedObject(title, reverse("petitions:petition_detail", args=[petition.pk]))
    return None


def _linked_plan_title(plan: Plan) -> str:
    number = f"{plan.number}/{plan.symbol}" if plan.number else _("chưa có số")
    return _("Kế hoạch %(number)s: %(title)s") % {"number": number, "title": plan.title[:200]}


EVIDENCE_KINDS = ("plan", "task", "report", "petition")


def _check_evidence_allowed(leaf: LeafScore) -> None:
    if leaf.assessment.status != Assessment.Status.DRAFT:
        raise DomainError(_("Bản đánh giá đã gửi, không thêm hay bỏ tài liệu kiểm chứng được nữa."))


@transaction.atomic
def add_evidence_link(*, leaf: LeafScore, kind: str, object_id: int, by: User) -> Evidence:
    _check_evidence_allowed(leaf)
    if kind not in EVIDENCE_KINDS:
        raise DomainError(_("Loại tài liệu kiểm chứng không hợp lệ."))
    found = _linked(kind, object_id, by, leaf.assessment.agency)
    if found is None:
        raise DomainError(_("Không tìm thấy tài liệu này trong dữ liệu của cơ quan."))
    if leaf.evidence.filter(link_kind=kind, link_id=object_id).exists():
        raise DomainError(_("Tài liệu này đã có trong danh sách kiểm chứng của tiêu chí."))
    return Evidence.objects.create(
        score=leaf, title=found.title, link_kind=kind, link_id=object_id, added_by=by
    )


@transaction.atomic
def add_evidence_file(*, leaf: LeafScore, data: bytes, filename: str, title: str, by: User) -> Evidence:
    """An uploaded file, checked like every upload; a refused one leaves nothing stored."""
    _check_evidence_allowed(leaf)
    if len(data) > EVIDENCE_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": EVIDENCE_LIMIT_BYTES // (1024 * 1024)}
        )
    if not data:
        raise DomainError(_("Tệp rỗng, không có nội dung."))
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)
    name = filename[:255] or "tai-lieu"
    evidence = Evidence(score=leaf, title=title.strip()[:500] or name, file_name=name, added_by=by)
    evidence.file.save(stored_file_name(name, "tep"), ContentFile(data), save=True)
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: Evidence, by: User) -> None:
    _check_evidence_allowed(evidence.score)
    if evidence.file:
        name, storage = evidence.file.name, evidence.file.storage
        transaction.on_commit(lambda: storage.delete(name))
    evidence.delete()


def evidence_url(evidence: Evidence) -> str:
    """Where a linked piece of evidence is read (its own page checks who may)."""
    names = {
        "plan": "plans:plan_detail",
        "task": "plans:task_detail",
        "report": "reports:report_detail",
        "petition": "petitions:petition_detail",
    }
    if evidence.link_kind in names and evidence.link_id:
        return reverse(names[evidence.link_kind], args=[evidence.link_id])
    return reverse("evaluation:evidence_file", args=[evidence.pk])


# --- Submitting ---------------------------------------------------------------


@transaction.atomic
def submit_assessment(*, assessment: Assessment, by: User, today: date | None = None) -> Assessment:
    """The leader approves and submits; every leaf must be scored."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != Assessment.Status.DRAFT:
        raise DomainError(_("Bản đánh giá đã được gửi."))
    missing = [
        leaf.node.key.replace("/", ".")
        for leaf in assessment.scores.select_related("node")
        if not leaf.entered
    ]
    if missing:
        raise DomainError(
            _("Còn %(count)s tiêu chí chưa chấm điểm: %(codes)s.")
            % {"count": len(missing), "codes": ", ".join(missing[:10]) + ("…" if len(missing) > 10 else "")}
        )
    card = scorecard(assessment)
    if card is None:
        raise DomainError(_("Chưa tính được tổng điểm: hãy kiểm tra lại điểm các tiêu chí."))
    _criteria, rules = stored_criteria(assessment.criteria_set)
    today = today or timezone.localdate()
    _opens, closes = submission_window(assessment.criteria_set, assessment.year)
    assessment.self_total = card.total
    assessment.self_band = classify(rules, card).band or ""
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_by = by
    assessment.submitted_at = timezone.now()
    assessment.submitted_late = closes is not None and today > closes
    assessment.save(
        update_fields=["self_total", "self_band", "status", "submitted_by", "submitted_at", "submitted_late"]
    )
    return assessment


# --- Review -------------------------------------------------------------------


@transaction.atomic
def review_leaf(*, leaf: LeafScore, entered: engine.LeafInput, reason: str, by: User) -> LeafScore:
    """The province's (or its council's) score of a leaf; a change needs its reason."""
    if leaf.assessment.status != Assessment.Status.SUBMITTED:
        raise DomainError(_("Chỉ thẩm định được bản đánh giá đã gửi, chưa gửi kết quả thẩm định."))
    points = _points(_engine_leaf(leaf), entered)
    changed = codec.input_to_json(entered) != leaf.entered
    if changed and not reason.strip():
        raise DomainError(_("Hãy ghi lý do thay đổi điểm tự chấm."))
    leaf.reviewed_entered = codec.input_to_json(entered) if changed else None
    leaf.reviewed_points = points if changed else None
    leaf.review_reason = reason.strip() if changed else ""
    leaf.reviewed_by = by
    leaf.reviewed_at = timezone.now()
    leaf.save(
        update_fields=["reviewed_entered", "reviewed_points", "review_reason", "reviewed_by", "reviewed_at"]
    )
    return leaf


def _reviewed_points(leaf: LeafScore) -> Decimal | None:
    return leaf.reviewed_points if leaf.reviewed_entered else leaf.points


@transaction.atomic
def send_review(*, assessment: Assessment, by: User, today: date | None = None) -> Assessment:
    assessment = Assessment.objects.select_for_update().select_related("criteria_set").get(pk=assessment.pk)
    if assessment.status != Assessment.Status.SUBMITTED:
        raise DomainError(_("Bản đánh giá không ở bước thẩm định."))
    card = scorecard(assessment, "reviewed_entered")
    if card is None:
        raise DomainError(_("Chưa tính được tổng điểm thẩm định."))
    today = today or timezone.localdate()
    assessment.reviewed_total = card.total
    assessment.reviewed_by = by
    assessment.reviewed_at = timezone.now()
    assessment.answer_due = today + timedelta(days=assessment.criteria_set.answer_days)
    assessment.status = Assessment.Status.REVIEWED
    assessment.save(update_fields=["reviewed_total", "reviewed_by", "reviewed_at", "answer_due", "status"])
    return assessment


@transaction.atomic
def answer_review(*, assessment: Assessment, text: str, by: User, today: date | None = None) -> Assessment:
    """The agency's one answer to the review, within the set's days."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != Assessment.Status.REVIEWED:
        raise DomainError(_("Cơ quan chỉ phản hồi một lần, sau khi có kết quả thẩm định."))
    today = today or timezone.localdate()
    if assessment.answer_due is not None and today > assessment.answer_due:
        raise DomainError(
            _("Đã quá hạn phản hồi (%(day)s).") % {"day": assessment.answer_due.strftime("%d/%m/%Y")}
        )
    if not text.strip():
        raise DomainError(_("Hãy ghi ý kiến phản hồi."))
    assessment.answer = text.strip()
    assessment.answered_by = by
    assessment.answered_at = timezone.now()
    assessment.status = Assessment.Status.ANSWERED
    assessment.save(update_fields=["answer", "answered_by", "answered_at", "status"])
    return assessment


@transaction.atomic
def assign_reviewer(*, assessment: Assessment, person: User, position: str, by: User) -> Reviewer:
    if assessment.status == Assessment.Status.FINAL:
        raise DomainError(_("Bản đánh giá đã có kết quả chính thức."))
    reviewer, _created = Reviewer.objects.update_or_create(
        assessment=assessment, person=person, defaults={"position": position.strip()}
    )
    return reviewer


@transaction.atomic
def remove_reviewer(*, reviewer: Reviewer, by: User) -> None:
    reviewer.delete()


def unsubmitted_agencies(province_id: int, kinds: Iterable[str], year: int) -> QuerySet[Agency]:
    """The province's agencies of these kinds that have submitted nothing for the year
    (an assessment still in draft counts as nothing)."""
    submitted = Assessment.objects.filter(year=year).exclude(status=Assessment.Status.DRAFT)
    return (
        Agency.objects.filter(province_id=province_id, kind__in=list(kinds))
        .exclude(pk__in=submitted.values("agency_id"))
        .order_by("name")
    )


# --- Final result -------------------------------------------------------------


def _check_events(rules: engine.Rules, events: list[str]) -> list[str]:
    known = set(rules.events) | {force.event for force in rules.forces} | {cap.event for cap in rules.caps}
    unknown = sorted(set(events) - known)
    if unknown:
        raise DomainError(
            _("Sự việc không có trong quy định xếp loại: %(events)s.") % {"events": ", ".join(unknown)}
        )
    return sorted(set(events))


def _classify_province(criteria_set: CriteriaSet, year: int) -> None:
    """Every finalised agency of the set and year classified again, quotas applied among them."""
    criteria, rules = stored_criteria(criteria_set)
    finalised = list(
        Assessment.objects.select_for_update()
        .filter(criteria_set=criteria_set, year=year, status=Assessment.Status.FINAL)
        .order_by("pk")
    )
    results = []
    for assessment in finalised:
        card = (
            scorecard(assessment, "reviewed_entered", criteria=criteria)
            if assessment.self_total is not None
            else None
        )
        results.append((str(assessment.pk), classify(rules, card, assessment.events)))
    for (pk, result), assessment in zip(apply_quotas(rules, results), finalised, strict=True):
        assert pk == str(assessment.pk)
        assessment.final_band = result.band or ""
        assessment.classification = codec.classification_to_json(result)
        assessment.save(update_fields=["final_band", "classification"])


@transaction.atomic
def finalise_assessment(*, assessment: Assessment, events: list[str], by: User) -> Assessment:
    assessment = Assessment.objects.select_for_update().select_related("criteria_set").get(pk=assessment.pk)
    if assessment.status not in (Assessment.Status.REVIEWED, Assessment.Status.ANSWERED):
        raise DomainError(_("Chỉ công nhận kết quả sau khi đã gửi kết quả thẩm định cho cơ quan."))
    _criteria, rules = stored_criteria(assessment.criteria_set)
    assessment.events = _check_events(rules, events)
    card = scorecard(assessment, "reviewed_entered")
    if card is None:
        raise DomainError(_("Chưa tính được tổng điểm chính thức."))
    for leaf in assessment.scores.all():
        leaf.final_points = _reviewed_points(leaf)
        leaf.save(update_fields=["final_points"])
    assessment.final_total = card.total
    assessment.status = Assessment.Status.FINAL
    assessment.finalised_by = by
    assessment.finalised_at = timezone.now()
    assessment.save(update_fields=["events", "final_total", "status", "finalised_by", "finalised_at"])
    _classify_province(assessment.criteria_set, assessment.year)
    assessment.refresh_from_db()
    return assessment


@transaction.atomic
def decide_band(*, assessment: Assessment, band: str, reason: str, by: User) -> Assessment:
    """The reviewer decides a case the rules leave open (a tie at a quota, a total in no band)."""
    assessment = Assessment.objects.select_for_update().select_related("criteria_set").get(pk=assessment.pk)
    if assessment.status != Assessment.Status.FINAL:
        raise DomainError(_("Chỉ quyết định mức xếp loại sau khi công nhận kết quả."))
    _criteria, rules = stored_criteria(assessment.criteria_set)
    if band not in [known.name for known in rules.bands]:
        raise DomainError(_("Mức xếp loại không có trong quy định."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi căn cứ quyết định mức xếp loại."))
    assessment.final_band = band
    assessment.classification = {
        **assessment.classification,
        "band": band,
        "needs_review": False,
        "decided_by_reviewer": reason.strip(),
    }
    assessment.save(update_fields=["final_band", "classification"])
    return assessment


@transaction.atomic
def record_missing_assessments(*, province: Province, year: int, by: User, today: date | None = None) -> int:
    """After the window closes, each covered agency with nothing submitted is finalised with the
    rules' "no self-assessment" event (when the rules have one); returns how many were recorded."""
    today = today or timezone.localdate()
    recorded = 0
    for criteria_set in CriteriaSet.objects.filter(province=province, status=CriteriaSet.Status.IN_USE):
        if year not in criteria_set.years:
            continue
        _opens, closes = submission_window(criteria_set, year)
        _criteria, rules = stored_criteria(criteria_set)
        known = set(rules.events) | {force.event for force in rules.forces}
        if closes is None or today <= closes or NO_SELF_ASSESSMENT not in known:
            continue
        for agency in unsubmitted_agencies(province.pk, criteria_set.agency_kinds, year):
            assessment, _created = Assessment.objects.get_or_create(
                agency=agency, year=year, defaults={"criteria_set": criteria_set, "opened_by": by}
            )
            assessment.events = sorted({*assessment.events, NO_SELF_ASSESSMENT})
            assessment.status = Assessment.Status.FINAL
            assessment.self_total = None
            assessment.final_total = None
            assessment.finalised_by = by
            assessment.finalised_at = timezone.now()
            assessment.save(
                update_fields=[
                    "events",
                    "status",
                    "self_total",
                    "final_total",
                    "finalised_by",
                    "finalised_at",
                ]
            )
            recorded += 1
        if recorded:
            _classify_province(criteria_set, year)
    return recorded


# --- Reminders ----------------------------------------------------------------

REMIND_DAYS_BEFORE = (7, 3, 0)


def _agency_people(agency: Agency) -> list[User]:
    roles = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)
    return list(
        User.objects.filter(
            pk__in=RoleAssignment.objects.current().filter(agency=agency, role__in=roles).values("user_id")
        )
    )


def _reviewers_of(province: Province) -> list[User]:
    return list(
        User.objects.filter(
            pk__in=RoleAssignment.objects.current()
            .filter(province=province, role=Role.PROVINCE_REVIEWER)
            .values("user_id")
        )
    )


def send_assessment_reminders(*, today: date) -> int:
    """Each agency a set covers that has not submitted is told 7 and 3 days before the
    window closes and on its last day; the day after, the province's reviewers are told
    who sent nothing. A reminder is sent once (its key), so a second run sends nothing."""
    sent = 0
    for criteria_set in CriteriaSet.objects.filter(status=CriteriaSet.Status.IN_USE).select_related(
        "province"
    ):
        for year in criteria_set.years:
            _opens, closes = submission_window(criteria_set, year)
            if closes is None:
                continue
            left = (closes - today).days
            missing = unsubmitted_agencies(criteria_set.province_id, criteria_set.agency_kinds, year)
            if left in REMIND_DAYS_BEFORE:
                for agency in missing:
                    sent += len(
                        notify(
                            recipients=_agency_people(agency),
                            key=f"evaluation:remind:{agency.pk}:{year}:{left}",
                            text=_("Hạn gửi bản tự đánh giá, chấm điểm năm %(year)s là %(day)s.")
                            % {"year": year, "day": closes.strftime("%d/%m/%Y")},
                            url=reverse("evaluation:assessment_list"),
                        )
                    )
            elif left == -1 and missing.exists():
                names = ", ".join(agency.name for agency in missing[:20])
                sent += len(
                    notify(
                        recipients=_reviewers_of(criteria_set.province),
                        key=f"evaluation:missing:{criteria_set.pk}:{year}",
                        text=_("%(count)s cơ quan chưa gửi bản tự đánh giá năm %(year)s: %(names)s.")
                        % {"count": missing.count(), "year": year, "names": names},
                        url=reverse("evaluation:assessment_list"),
                    )
                )
    return sent
