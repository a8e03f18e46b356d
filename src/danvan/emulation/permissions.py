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
