"""Who manages and who reads an agency's emulation work, on core's scopes."""

from __future__ import annotations

from danvan.core.models import Role

MANAGING_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


# --- Thi đua, khen thưởng -----------------------------------------------------
# The agency's leader and office run movements, the council and proposals; the
# council's members vote; everyone in the agency reads its movements; staff read
# their own registrations and the proposals naming them; Sở Nội vụ reads the
# province's; other agencies find nothing (404).

from django.core.exceptions import PermissionDenied  # noqa: E402
from django.db.models import Q, QuerySet  # noqa: E402
from django.http import Http404  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402

from danvan.core.models import Agency, User  # noqa: E402
from danvan.core.permissions import scopes_of  # noqa: E402
from danvan.emulation.models import CouncilMember, Movement, Proposal, Registration  # noqa: E402

COMMENDATION_READERS = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR)


def commendation_agencies(person: User) -> QuerySet[Agency]:
    """The agencies whose emulation and commendation the person manages."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=scopes.agencies_with(*MANAGING_ROLES))


def can_manage_commendation(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(*MANAGING_ROLES)


def visible_movements(person: User) -> QuerySet[Movement]:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Movement.objects.all()
    if not person.is_authenticated:
        return Movement.objects.none()
    agency_ids = (
        scopes.agencies_with(*MANAGING_ROLES, Role.INSPECTOR, Role.PEOPLE_INSPECTOR) | scopes.unit_agencies
    )
    return Movement.objects.filter(
        Q(agency_id__in=agency_ids) | Q(agency__province_id__in=scopes.reviewed_provinces)
    )


def can_view_movement(person: User, movement: Movement) -> bool:
    return visible_movements(person).filter(pk=movement.pk).exists()


def visible_registrations(person: User, movement: Movement) -> QuerySet[Registration]:
    """Managers and Sở Nội vụ read every registration; staff their own and their unit's."""
    scopes = scopes_of(person)
    found = movement.registrations.all()
    if (
        scopes.system_admin
        or can_manage_commendation(person, movement.agency)
        or movement.agency.province_id in scopes.reviewed_provinces
        or movement.agency_id in scopes.agencies_with(Role.INSPECTOR)
    ):
        return found
    return found.filter(Q(person=person) | Q(unit_id__in=scopes.led_units))


def can_register_for_emulation(person: User, movement: Movement) -> bool:
    return can_manage_commendation(person, movement.agency)


def visible_proposals(person: User) -> QuerySet[Proposal]:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Proposal.objects.all()
    if not person.is_authenticated:
        return Proposal.objects.none()
    council = CouncilMember.objects.filter(person=person).values("meeting_id")
    return Proposal.objects.filter(
        Q(agency_id__in=scopes.agencies_with(*COMMENDATION_READERS))
        | Q(agency__province_id__in=scopes.reviewed_provinces)
        | Q(meeting_id__in=council)
        | Q(candidates__person=person)
    ).distinct()


def can_view_proposal(person: User, proposal: Proposal) -> bool:
    return visible_proposals(person).filter(pk=proposal.pk).exists()


def can_vote_commendation(person: User, proposal: Proposal) -> bool:
    """The council's members (and the office that records their votes) record the vote."""
    if proposal.status != Proposal.Status.DRAFT:
        return False
    return (
        can_manage_commendation(person, proposal.agency)
        or proposal.meeting.members.filter(person=person).exists()
    )


def get_movement_for_user(person: User, movement_id: int, *, action: str = "view") -> Movement:
    movement = (
        visible_movements(person).select_related("agency", "launched_by").filter(pk=movement_id).first()
    )
    if movement is None:
        raise Http404(_("Không tìm thấy phong trào thi đua."))
    if action == "manage" and not can_manage_commendation(person, movement.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan quản lý phong trào thi đua."))
    return movement


def get_proposal_for_user(person: User, proposal_id: int, *, action: str = "view") -> Proposal:
    proposal = visible_proposals(person).select_related("agency", "meeting").filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404(_("Không tìm thấy hồ sơ đề nghị khen thưởng."))
    if action == "manage" and not can_manage_commendation(person, proposal.agency):
        raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan lập hồ sơ đề nghị khen thưởng."))
    if action == "vote" and not can_vote_commendation(person, proposal):
        raise PermissionDenied(_("Chỉ thành viên hội đồng thi đua, khen thưởng ghi kết quả bỏ phiếu."))
    return proposal


def sees_whole_proposal(person: User, proposal: Proposal) -> bool:
    """Managers, the council, the agency's inspector and Sở Nội vụ read every candidate;
    staff read only their own line."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or can_manage_commendation(person, proposal.agency)
        or proposal.meeting.members.filter(person=person).exists()
        or proposal.agency.province_id in scopes.reviewed_provinces
        or proposal.agency_id in scopes.agencies_with(Role.INSPECTOR)
    )
