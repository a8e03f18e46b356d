"""Reads of the commendation register: how each condition of a title stands for a
candidate against what the system knows, the council's vote, the achievement report
drafted from the candidate's work, and the lists a page shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Unit, User
from danvan.emulation import permissions
from danvan.emulation.models import (
    Candidate,
    CommendationCondition,
    CommendationTitle,
    ConditionCheck,
    CouncilMeeting,
    DisciplineRecord,
    GoodPractice,
    Movement,
    Proposal,
    TitleRecord,
)
from danvan.evaluation.selectors import may_be_proposed_for_commendation
from danvan.plans.models import Task

State = ConditionCheck.State


@dataclass(frozen=True)
class Subject:
    """Who is checked: a person, a unit, or (neither) the agency itself."""

    agency: Agency
    year: int
    person: User | None = None
    unit: Unit | None = None

    @property
    def units(self) -> list[int]:
        if self.unit is not None:
            return [self.unit.pk]
        if self.person is not None and self.person.unit_id:
            return [self.person.unit_id]
        return []


@dataclass(frozen=True)
class Outcome:
    condition: CommendationCondition
    state: str
    reason: str


# --- Achievement sources ------------------------------------------------------
# Other parts of the app add the lines they know of a candidate's year to the
# achievement report: each callable takes the Subject and returns lines of text.
achievement_sources: list[Callable[[Subject], list[str]]] = []


def register_achievement_source(source: Callable[[Subject], list[str]]) -> Callable[[Subject], list[str]]:
    if source not in achievement_sources:
        achievement_sources.append(source)
    return source


def _year_tasks(subject: Subject) -> QuerySet[Task]:
    if subject.person is not None:
        scope = Q(assignee=subject.person) | Q(assignee__isnull=True, lead_unit_id__in=subject.units)
    elif subject.unit is not None:
        scope = Q(lead_unit_id__in=subject.units)
    else:
        scope = Q(plan__agency=subject.agency)
    return Task.objects.filter(scope, due_date__year=subject.year).exclude(status=Task.Status.CANCELLED)


def completed_tasks(subject: Subject) -> QuerySet[Task]:
    return _year_tasks(subject).filter(status=Task.Status.DONE).order_by("completed_on", "pk")


@register_achievement_source
def task_achievements(subject: Subject) -> list[str]:
    lines = []
    for task in completed_tasks(subject).select_related("plan"):
        done = task.completed_on.strftime("%d/%m/%Y") if task.completed_on else ""
        lines.append(
            _("Hoàn thành nhiệm vụ “%(task)s” (%(plan)s) ngày %(day)s.")
            % {"task": task.heading, "plan": task.plan.title, "day": done}
        )
    return lines


@register_achievement_source
def dvk_achievements(subject: Subject) -> list[str]:
    """The candidate's «Dân vận khéo» models recognised in the year: the unit's,
    or those the person registered."""
    recognised = GoodPractice.objects.filter(
        agency=subject.agency,
        recognition__signed_on__year=subject.year,
        status__in=(GoodPractice.Status.RECOGNISED, GoodPractice.Status.REPLICATED),
    )
    if subject.person is not None:
        recognised = recognised.filter(Q(registered_by=subject.person) | Q(unit_id__in=subject.units))
    elif subject.unit is not None:
        recognised = recognised.filter(unit_id__in=subject.units)
    lines = []
    for practice in recognised.select_related("recognition").order_by("recognition__signed_on", "pk"):
        lines.append(
            _("Mô hình «Dân vận khéo» “%(name)s” được công nhận theo Quyết định số %(number)s ngày %(day)s.")
            % {
                "name": practice.name,
                "number": practice.recognition.number,
                "day": f"{practice.recognition.signed_on:%d/%m/%Y}",
            }
        )
    return lines


def draft_achievement(subject: Subject) -> str:
    lines = [line for source in achievement_sources for line in source(subject)]
    if not lines:
        return _("Chưa có nhiệm vụ hoàn thành được ghi nhận trong năm %(year)s.") % {"year": subject.year}
    return "\n".join(f"- {line}" for line in lines)


# --- Conditions ---------------------------------------------------------------


def _agency_band(condition: CommendationCondition, subject: Subject, _proposed: set[str]) -> tuple[str, str]:
    answer = may_be_proposed_for_commendation(subject.agency, subject.year)
    return (State.MET if answer.allowed else State.NOT_MET), answer.reason


def _prior_title(condition: CommendationCondition, subject: Subject, proposed: set[str]) -> tuple[str, str]:
    code = condition.parameters.get("title", "")
    years = int(condition.parameters.get("years", 1))
    before = bool(condition.parameters.get("before", False))
    last = subject.year - 1 if before else subject.year
    wanted = list(range(last - years + 1, last + 1))
    records = TitleRecord.objects.filter(title__code=code, year__in=wanted)
    records = records.filter(person=subject.person) if subject.person else records.filter(unit=subject.unit)
    held = set(records.values_list("year", flat=True))
    if not before and subject.year not in held and code in proposed:
        held.add(subject.year)
    missing = [year for year in wanted if year not in held]
    title = CommendationTitle.objects.filter(code=code).first()
    name = title.name if title else code
    if not missing:
        return State.MET, _("Đạt “%(title)s” các năm %(years)s.") % {
            "title": name,
            "years": ", ".join(map(str, wanted)),
        }
    return State.NOT_MET, _("Chưa đạt “%(title)s” năm %(years)s.") % {
        "title": name,
        "years": ", ".join(map(str, missing)),
    }


def _no_discipline(
    condition: CommendationCondition, subject: Subject, _proposed: set[str]
) -> tuple[str, str]:
    if subject.person is None:
        return State.TO_CONFIRM, _("Văn phòng xác nhận tình hình kỷ luật của tập thể.")
    record = DisciplineRecord.objects.filter(person=subject.person, year=subject.year).first()
    if record is not None:
        return State.NOT_MET, _("Bị kỷ luật năm %(year)s: %(note)s") % {
            "year": subject.year,
            "note": record.note,
        }
    return State.MET, _("Không có kỷ luật được ghi nhận trong năm %(year)s.") % {"year": subject.year}


def _tasks_done(condition: CommendationCondition, subject: Subject, _proposed: set[str]) -> tuple[str, str]:
    tasks = _year_tasks(subject)
    total = tasks.count()
    if total == 0:
        return State.TO_CONFIRM, _("Không có nhiệm vụ có hạn trong năm %(year)s: văn phòng xác nhận.") % {
            "year": subject.year
        }
    done = tasks.filter(status=Task.Status.DONE).count()
    figures = {"done": done, "total": total, "year": subject.year}
    if done == total:
        return State.MET, _("Hoàn thành %(done)s/%(total)s nhiệm vụ có hạn trong năm %(year)s.") % figures
    return State.NOT_MET, _("Mới hoàn thành %(done)s/%(total)s nhiệm vụ có hạn trong năm %(year)s.") % figures


def _manual(condition: CommendationCondition, subject: Subject, _proposed: set[str]) -> tuple[str, str]:
    return State.TO_CONFIRM, _("Hệ thống không có dữ liệu: văn phòng xác nhận kèm ghi chú.")


CHECKS = {
    CommendationCondition.Check.AGENCY_BAND: _agency_band,
    CommendationCondition.Check.PRIOR_TITLE: _prior_title,
    CommendationCondition.Check.NO_DISCIPLINE: _no_discipline,
    CommendationCondition.Check.TASKS_DONE: _tasks_done,
    CommendationCondition.Check.MANUAL: _manual,
}


def check_conditions(
    title: CommendationTitle, subject: Subject, *, proposed: set[str] | None = None
) -> list[Outcome]:
    """Each condition of the title as met / not met / to be confirmed for the subject.
    ``proposed``: the titles the subject is proposed for in the same file this year."""
    outcomes = []
    for condition in title.conditions.all():
        state, reason = CHECKS[condition.method](condition, subject, proposed or set())
        outcomes.append(Outcome(condition, state, reason))
    return outcomes


# --- The council's vote -------------------------------------------------------


@dataclass(frozen=True)
class VoteResult:
    share: Decimal
    needed: Decimal | None
    passed: bool
    explanation: str


def vote_result(candidate: Candidate, meeting: CouncilMeeting) -> VoteResult:
    """The share of all the council's members who voted for (present and, by ballot, absent),
    against the share the title needs (NĐ 98/2023: e.g. 70% for Chiến sĩ thi đua cơ sở)."""
    members = meeting.member_count
    needed = candidate.title.council_share
    share = candidate.vote_share(members)
    if needed is None:
        return VoteResult(share, None, True, _("Danh hiệu không cần bỏ phiếu của hội đồng."))
    figures = {"for": candidate.total_votes_for, "members": members, "share": share, "needed": needed}
    if candidate.votes_for is None:
        return VoteResult(share, needed, False, _("Hội đồng chưa bỏ phiếu."))
    if share >= needed:
        return VoteResult(
            share,
            needed,
            True,
            _("%(for)s/%(members)s thành viên đồng ý (%(share)s%%), đạt từ %(needed)s%%.") % figures,
        )
    return VoteResult(
        share,
        needed,
        False,
        _("%(for)s/%(members)s thành viên đồng ý (%(share)s%%), chưa đạt %(needed)s%%.") % figures,
    )


def quota_left(proposal: Proposal, title: CommendationTitle) -> int | None:
    """How many more may be proposed for the title, or None if it has no quota."""
    if title.quota_percent is None or title.quota_of_id is None:
        return None
    base = proposal.candidates.filter(title_id=title.quota_of_id).count()
    allowed = int(Decimal(base) * title.quota_percent / 100)
    return allowed - proposal.candidates.filter(title=title).count()


# --- Lists --------------------------------------------------------------------


def movements_for(person: User) -> QuerySet[Movement]:
    return (
        permissions.visible_movements(person)
        .select_related("agency", "launched_by")
        .order_by("-starts_on", "pk")
    )


def proposals_for(person: User) -> QuerySet[Proposal]:
    return permissions.visible_proposals(person).select_related("agency", "meeting").order_by("-year", "pk")


def proposal_candidates(proposal: Proposal) -> list[dict]:
    members = proposal.meeting.member_count
    rows = []
    for candidate in proposal.candidates.select_related("title", "person", "unit").prefetch_related(
        "checks__condition"
    ):
        result = vote_result(candidate, proposal.meeting)
        rows.append(
            {
                "candidate": candidate,
                "vote": result,
                "checks": list(candidate.checks.all()),
                "members": members,
            }
        )
    return rows


def titles() -> QuerySet[CommendationTitle]:
    return CommendationTitle.objects.prefetch_related("conditions")


def title_history(person: User) -> QuerySet[TitleRecord]:
    return TitleRecord.objects.filter(person=person).select_related("title")


def commendation_section(person: User) -> dict:
    """What emulation/_commendation_section.html shows on the app's home page."""
    return {
        "commendation_agencies": permissions.commendation_agencies(person),
        "movements": movements_for(person)[:20],
        "proposals": proposals_for(person)[:20],
    }
