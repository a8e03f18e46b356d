"""Who manages and who reads an agency's emulation work, on core's scopes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, Unit, User
from danvan.core.permissions import AGENCY_WIDE_ROLES, scopes_of
from danvan.emulation.models import Campaign, Evidence, GoodPractice, RecognitionDecision

MANAGING_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


# --- Dân vận khéo -------------------------------------------------------------

RECOGNISED = (GoodPractice.Status.RECOGNISED, GoodPractice.Status.REPLICATED)


def person_provinces(person: User) -> set[int]:
    """The provinces the person works in: reviewed ones and those of their agencies."""
    scopes = scopes_of(person)
    agencies = scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies
    found = set(scopes.reviewed_provinces)
    if agencies:
        found |= set(Agency.objects.filter(pk__in=agencies).values_list("province_id", flat=True))
    return found


def _work_agencies(person: User) -> frozenset[int]:
    scopes = scopes_of(person)
    return scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies


def visible_campaigns(person: User) -> QuerySet[Campaign]:
    if scopes_of(person).system_admin:
        return Campaign.objects.all()
    provinces = person_provinces(person)
    reviewed = scopes_of(person).reviewed_provinces
    return Campaign.objects.filter(
        Q(agency__in=_work_agencies(person))
        | Q(agency=None, province__in=provinces)
        | Q(province__in=reviewed)
    )


def visible_practices(person: User) -> QuerySet[GoodPractice]:
    """The models of the agencies the person works in, every model of a
    reviewed province, and every recognised model of the person's province
    (the library)."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return GoodPractice.objects.all()
    return GoodPractice.objects.filter(
        Q(agency__in=_work_agencies(person))
        | Q(agency__province__in=scopes.reviewed_provinces)
        | Q(status__in=RECOGNISED, agency__province__in=person_provinces(person))
        | Q(campaign__agency=None, campaign__province__in=scopes.reviewed_provinces)
    )


def visible_decisions(person: User) -> QuerySet[RecognitionDecision]:
    return RecognitionDecision.objects.filter(campaign__in=visible_campaigns(person))


def can_open_dvk_campaign(person: User, *, agency: Agency | None, province_id: int | None = None) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if agency is None:
        return province_id in scopes.reviewed_provinces
    return agency.pk in scopes.agencies_with(*MANAGING_ROLES)


def campaign_openings(person: User) -> QuerySet[Agency]:
    """The agencies whose office or leaders may open a campaign for their units."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(*MANAGING_ROLES))


def can_manage_dvk_campaign(person: User, campaign: Campaign) -> bool:
    if campaign.agency_id is None:
        return can_open_dvk_campaign(person, agency=None, province_id=campaign.province_id)
    return can_open_dvk_campaign(person, agency=campaign.agency)


def registering_units(person: User, campaign: Campaign) -> QuerySet[Unit]:
    """The units the person may register a model for in the campaign."""
    scopes = scopes_of(person)
    units = Unit.objects.filter(is_active=True)
    if campaign.agency_id:
        units = units.filter(agency=campaign.agency)
    else:
        units = units.filter(agency__province=campaign.province)
    if scopes.system_admin:
        return units
    return units.filter(Q(agency__in=scopes.agencies_with(*MANAGING_ROLES)) | Q(pk__in=scopes.member_units))


def can_register_practice(person: User, campaign: Campaign) -> bool:
    return registering_units(person, campaign).exists()


def can_manage_practice(person: User, practice: GoodPractice) -> bool:
    """Start, report on, finish or withdraw: the agency's leaders and office, the unit's people."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or practice.agency_id in scopes.agencies_with(*MANAGING_ROLES)
        or (practice.unit_id is not None and practice.unit_id in scopes.member_units)
        or (practice.person_id is not None and practice.person_id == person.pk)
    )


def can_score_practice(person: User, practice: GoodPractice) -> bool:
    return practice.campaign.council.filter(pk=person.pk).exists()


def can_propose_practice(person: User, practice: GoodPractice) -> bool:
    return can_manage_dvk_campaign(person, practice.campaign)


def can_decide_dvk_recognition(person: User, campaign: Campaign) -> bool:
    return can_manage_dvk_campaign(person, campaign)


def can_replicate_practice(person: User, practice: GoodPractice) -> bool:
    return practice.is_recognised() and can_register_practice(person, practice.campaign)


def can_view_dvk_province(person: User) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or bool(scopes.reviewed_provinces)


ACTIONS = {
    "manage": can_manage_practice,
    "score": can_score_practice,
    "propose": can_propose_practice,
    "replicate": can_replicate_practice,
}


def get_campaign_for_user(person: User, campaign_id: int, *, action: str = "view") -> Campaign:
    campaign = visible_campaigns(person).select_related("agency", "province").filter(pk=campaign_id).first()
    if campaign is None:
        raise Http404(_("Không tìm thấy đợt đăng ký."))
    if action == "manage" and not can_manage_dvk_campaign(person, campaign):
        raise PermissionDenied(_("Bạn không có quyền quản lý đợt đăng ký này."))
    if action == "register" and not can_register_practice(person, campaign):
        raise PermissionDenied(_("Bạn không đăng ký mô hình được trong đợt này."))
    return campaign


def get_practice_for_user(person: User, practice_id: int, *, action: str = "view") -> GoodPractice:
    practice = (
        visible_practices(person)
        .select_related("campaign", "agency", "unit", "person", "origin", "recognition")
        .filter(pk=practice_id)
        .first()
    )
    if practice is None:
        raise Http404(_("Không tìm thấy mô hình."))
    check = ACTIONS.get(action)
    if check is not None and not check(person, practice):
        raise PermissionDenied(_("Bạn không có quyền làm việc này với mô hình."))
    return practice


def get_evidence_for_user(person: User, practice_id: int, evidence_id: int) -> Evidence:
    practice = get_practice_for_user(person, practice_id)
    evidence = Evidence.objects.filter(pk=evidence_id, report__practice=practice).first()
    if evidence is None:
        raise Http404(_("Không tìm thấy minh chứng."))
    return evidence


# --- Thi đua, khen thưởng -----------------------------------------------------
# The agency's leader and office run movements, the council and proposals; the
# council's members vote; everyone in the agency reads its movements; staff read
# their own registrations and the proposals naming them; Sở Nội vụ reads the
# province's; other agencies find nothing (404).


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
