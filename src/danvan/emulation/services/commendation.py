"""Movements, registrations, the council's review, proposals and decisions.

Rules (docs/emulation-law.md): a candidate passes the council with the share of
all its members the title needs, absent members voting by ballot (NĐ 98/2023);
a candidate failing a condition of the title is not proposed; a condition the
system cannot check is confirmed by the office with a note before the file is
submitted; the title's quota (Chiến sĩ thi đua cơ sở: at most 15% of those
proposed for Lao động tiên tiến) is kept."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError
from danvan.emulation import permissions
from danvan.emulation.models import (
    Candidate,
    CommendationTitle,
    ConditionCheck,
    CouncilMeeting,
    CouncilMember,
    DisciplineRecord,
    Movement,
    Proposal,
    Registration,
    TitleRecord,
)
from danvan.emulation.selectors_commendation import (
    Subject,
    check_conditions,
    draft_achievement,
    quota_left,
    vote_result,
)


def _manager(by: User, agency: Agency) -> None:
    if not permissions.can_manage_commendation(by, agency):
        raise DomainError(_("Chỉ lãnh đạo, văn phòng cơ quan làm việc này."))


def _unit_of(unit: Unit | None, agency: Agency) -> None:
    if unit is not None and unit.agency_id != agency.pk:
        raise DomainError(_("Đơn vị “%(unit)s” không thuộc cơ quan.") % {"unit": unit.name})


@transaction.atomic
def launch_movement(
    *,
    agency: Agency,
    name: str,
    starts_on: date,
    ends_on: date,
    registration_deadline: date,
    aims: str = "",
    criteria: str = "",
    units: list[Unit] | None = None,
    launched_by=None,
    by: User,
) -> Movement:
    _manager(by, agency)
    if not name.strip():
        raise DomainError(_("Cần ghi tên phong trào thi đua."))
    if ends_on < starts_on:
        raise DomainError(_("Ngày kết thúc phải sau ngày bắt đầu phong trào."))
    for unit in units or []:
        _unit_of(unit, agency)
    movement = Movement.objects.create(
        agency=agency,
        name=name.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        registration_deadline=registration_deadline,
        aims=aims,
        criteria=criteria,
        launched_by=launched_by,
        created_by=by,
    )
    movement.units.set(units or [])
    return movement


@transaction.atomic
def register_for_emulation(
    *,
    movement: Movement,
    year: int,
    titles: list[CommendationTitle],
    registered_on: date,
    person: User | None = None,
    unit: Unit | None = None,
    by: User,
) -> Registration:
    """Đăng ký thi đua; after the movement's deadline it is kept and marked late."""
    _manager(by, movement.agency)
    if (person is None) == (unit is None):
        raise DomainError(_("Đăng ký thi đua của một đơn vị hoặc một cá nhân."))
    if not titles:
        raise DomainError(_("Cần chọn ít nhất một danh hiệu đăng ký."))
    _unit_of(unit, movement.agency)
    if person is not None and person.agency_id != movement.agency_id:
        raise DomainError(_("Người đăng ký không thuộc cơ quan."))
    wanted = CommendationTitle.Subject.INDIVIDUAL if person else CommendationTitle.Subject.COLLECTIVE
    wrong = [title.name for title in titles if title.subject != wanted]
    if wrong:
        raise DomainError(
            _("Danh hiệu không dành cho đối tượng này: %(titles)s.") % {"titles": ", ".join(wrong)}
        )
    if Registration.objects.filter(movement=movement, year=year, person=person, unit=unit).exists():
        raise DomainError(_("Đã có đăng ký thi đua năm %(year)s.") % {"year": year})
    registration = Registration.objects.create(
        movement=movement,
        year=year,
        person=person,
        unit=unit,
        registered_on=registered_on,
        is_late=registered_on > movement.registration_deadline,
        created_by=by,
    )
    registration.titles.set(titles)
    return registration


@transaction.atomic
def hold_council_meeting(
    *, agency: Agency, year: int, held_on: date, chaired_by: str, members: list[tuple[User, bool]], by: User
) -> CouncilMeeting:
    """The council's year-end meeting with each member and whether they were present."""
    _manager(by, agency)
    if not members:
        raise DomainError(_("Cần ghi danh sách thành viên hội đồng."))
    if len({person.pk for person, _present in members}) != len(members):
        raise DomainError(_("Một thành viên được ghi hai lần."))
    if not any(present for _person, present in members):
        raise DomainError(_("Không có thành viên nào có mặt."))
    meeting = CouncilMeeting.objects.create(
        agency=agency, year=year, held_on=held_on, chaired_by=chaired_by.strip(), created_by=by
    )
    CouncilMember.objects.bulk_create(
        CouncilMember(meeting=meeting, person=person, present=present) for person, present in members
    )
    return meeting


@transaction.atomic
def open_proposal(*, meeting: CouncilMeeting, by: User) -> Proposal:
    _manager(by, meeting.agency)
    return Proposal.objects.create(agency=meeting.agency, year=meeting.year, meeting=meeting, created_by=by)


def _draft(proposal: Proposal) -> None:
    if proposal.status != Proposal.Status.DRAFT:
        raise DomainError(_("Hồ sơ đã trình, không sửa được."))


@transaction.atomic
def add_candidate(
    *,
    proposal: Proposal,
    title: CommendationTitle,
    person: User | None = None,
    unit: Unit | None = None,
    by: User,
) -> Candidate:
    """Propose a person or a collective (a unit, or the agency itself) for a title: a
    condition not met refuses it, naming the condition and its article."""
    _manager(by, proposal.agency)
    _draft(proposal)
    if person is not None and unit is not None:
        raise DomainError(_("Đề nghị một cá nhân hoặc một tập thể, không cả hai."))
    if title.subject == CommendationTitle.Subject.INDIVIDUAL and person is None:
        raise DomainError(_("“%(title)s” dành cho cá nhân.") % {"title": title.name})
    if title.subject == CommendationTitle.Subject.COLLECTIVE and person is not None:
        raise DomainError(_("“%(title)s” dành cho tập thể.") % {"title": title.name})
    _unit_of(unit, proposal.agency)
    if person is not None and person.agency_id != proposal.agency_id:
        raise DomainError(_("Người được đề nghị không thuộc cơ quan."))
    same = proposal.candidates.filter(person=person, unit=unit)
    if same.filter(title=title).exists():
        raise DomainError(_("Đã đề nghị “%(title)s” cho đối tượng này.") % {"title": title.name})
    left = quota_left(proposal, title)
    if left is not None and left <= 0:
        raise DomainError(
            _("Vượt số lượng được đề nghị “%(title)s”: %(basis)s.")
            % {"title": title.name, "basis": title.quota_basis}
        )
    subject = Subject(agency=proposal.agency, year=proposal.year, person=person, unit=unit)
    proposed = set(same.values_list("title__code", flat=True))
    outcomes = check_conditions(title, subject, proposed=proposed)
    failed = [outcome for outcome in outcomes if outcome.state == ConditionCheck.State.NOT_MET]
    if failed:
        raise DomainError(
            _("Không đủ điều kiện “%(title)s”: %(conditions)s.")
            % {
                "title": title.name,
                "conditions": "; ".join(
                    f"{outcome.condition.text} ({outcome.condition.article}) — {outcome.reason}"
                    for outcome in failed
                ),
            }
        )
    candidate = Candidate.objects.create(
        proposal=proposal, title=title, person=person, unit=unit, achievement=draft_achievement(subject)
    )
    ConditionCheck.objects.bulk_create(
        ConditionCheck(
            candidate=candidate, condition=outcome.condition, state=outcome.state, reason=outcome.reason
        )
        for outcome in outcomes
    )
    return candidate


@transaction.atomic
def confirm_condition(*, check: ConditionCheck, note: str, by: User) -> ConditionCheck:
    """The office confirms a condition the system cannot check, with a note."""
    proposal = check.candidate.proposal
    _manager(by, proposal.agency)
    _draft(proposal)
    if check.state != ConditionCheck.State.TO_CONFIRM:
        raise DomainError(_("Chỉ xác nhận điều kiện đang chờ xác nhận."))
    if not note.strip():
        raise DomainError(_("Cần ghi căn cứ xác nhận."))
    check.state = ConditionCheck.State.MET
    check.note = note.strip()
    check.confirmed_by = by
    check.save(update_fields=["state", "note", "confirmed_by"])
    return check


@transaction.atomic
def record_vote(*, candidate: Candidate, votes_for: int, written_votes_for: int = 0, by: User) -> Candidate:
    """The council's vote on a candidate: at most the members present voted at the
    meeting, at most the absent members sent their ballot."""
    proposal = candidate.proposal
    if not permissions.can_vote_commendation(by, proposal):
        raise DomainError(_("Chỉ thành viên hội đồng thi đua, khen thưởng ghi kết quả bỏ phiếu."))
    meeting = proposal.meeting
    present = meeting.present_count
    absent = meeting.member_count - present
    if votes_for < 0 or written_votes_for < 0:
        raise DomainError(_("Số phiếu không được âm."))
    if votes_for > present:
        raise DomainError(
            _("%(votes)s phiếu đồng ý nhiều hơn %(present)s thành viên có mặt.")
            % {"votes": votes_for, "present": present}
        )
    if written_votes_for > absent:
        raise DomainError(
            _("%(votes)s phiếu của thành viên vắng mặt nhiều hơn %(absent)s thành viên vắng mặt.")
            % {"votes": written_votes_for, "absent": absent}
        )
    candidate.votes_for = votes_for
    candidate.written_votes_for = written_votes_for
    candidate.save(update_fields=["votes_for", "written_votes_for"])
    return candidate


@transaction.atomic
def submit_proposal(*, proposal: Proposal, submitted_on: date, by: User) -> Proposal:
    """Trình hồ sơ: every condition met or confirmed, every vote passed, quotas kept."""
    _manager(by, proposal.agency)
    _draft(proposal)
    candidates = list(proposal.candidates.select_related("title", "person", "unit"))
    if not candidates:
        raise DomainError(_("Hồ sơ chưa có ai được đề nghị."))
    problems = []
    for candidate in candidates:
        waiting = candidate.checks.exclude(state=ConditionCheck.State.MET).select_related("condition")
        for check in waiting:
            problems.append(
                _("%(name)s: chưa xác nhận “%(condition)s” (%(article)s)")
                % {
                    "name": candidate.subject_name,
                    "condition": check.condition.text,
                    "article": check.condition.article,
                }
            )
        result = vote_result(candidate, proposal.meeting)
        if not result.passed:
            problems.append(f"{candidate.subject_name}: {result.explanation}")
    for title in {candidate.title for candidate in candidates}:
        left = quota_left(proposal, title)
        if left is not None and left < 0:
            problems.append(
                _("Vượt số lượng “%(title)s”: %(basis)s") % {"title": title.name, "basis": title.quota_basis}
            )
    if problems:
        raise DomainError(_("Chưa trình được hồ sơ: %(problems)s.") % {"problems": "; ".join(problems)})
    proposal.status = Proposal.Status.SUBMITTED
    proposal.submitted_on = submitted_on
    proposal.save(update_fields=["status", "submitted_on"])
    return proposal


@transaction.atomic
def record_decision(
    *, proposal: Proposal, number: str, decided_on: date, granted: list[Candidate] | None = None, by: User
) -> Proposal:
    """The decision (number, date): the granted candidates (all, unless named) enter the title history."""
    _manager(by, proposal.agency)
    if proposal.status != Proposal.Status.SUBMITTED:
        raise DomainError(_("Chỉ ghi quyết định cho hồ sơ đã trình."))
    if not number.strip():
        raise DomainError(_("Cần ghi số quyết định."))
    if proposal.submitted_on and decided_on < proposal.submitted_on:
        raise DomainError(_("Ngày quyết định trước ngày trình hồ sơ."))
    candidates = list(proposal.candidates.all())
    chosen = candidates if granted is None else granted
    if any(candidate.proposal_id != proposal.pk for candidate in chosen):
        raise DomainError(_("Người được khen thưởng không có trong hồ sơ."))
    for candidate in chosen:
        candidate.granted = True
        candidate.save(update_fields=["granted"])
        TitleRecord.objects.create(
            title=candidate.title,
            year=proposal.year,
            person=candidate.person,
            unit=candidate.unit,
            decision_number=number.strip(),
            decision_date=decided_on,
        )
    proposal.status = Proposal.Status.DECIDED
    proposal.decision_number = number.strip()
    proposal.decision_date = decided_on
    proposal.save(update_fields=["status", "decision_number", "decision_date"])
    return proposal


@transaction.atomic
def record_discipline(*, person: User, year: int, note: str, by: User) -> DisciplineRecord:
    if person.agency is None:
        raise DomainError(_("Người này không thuộc cơ quan nào."))
    _manager(by, person.agency)
    if not note.strip():
        raise DomainError(_("Cần ghi hình thức, quyết định kỷ luật."))
    return DisciplineRecord.objects.create(person=person, year=year, note=note.strip(), created_by=by)


@transaction.atomic
def record_title(
    *, title: CommendationTitle, year: int, decision_number: str, decision_date: date, person: User, by: User
) -> TitleRecord:
    """A title granted earlier (before the system), entered into the person's history."""
    if person.agency is None:
        raise DomainError(_("Người này không thuộc cơ quan nào."))
    _manager(by, person.agency)
    if not decision_number.strip():
        raise DomainError(_("Cần ghi số quyết định."))
    if TitleRecord.objects.filter(title=title, year=year, person=person).exists():
        raise DomainError(_("Đã ghi danh hiệu này cho năm %(year)s.") % {"year": year})
    return TitleRecord.objects.create(
        title=title,
        year=year,
        person=person,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
    )
