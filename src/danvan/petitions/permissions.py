"""Who may read and handle petitions, cases and the citizen reception register.

The agency's leader (thủ trưởng) and its inspectorate (Thanh tra) handle
petitions and cases; its office also receives citizens and registers
petitions; the province reviewer reads every agency of the province; a
unit's staff see only the petitions they were made handler of. The
denouncer's identity is never a matter of role: only a named grant opens it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of
from danvan.documents.permissions import can_sign_for_agency
from danvan.petitions import letters
from danvan.petitions.models import IdentityGrant, Petition, PetitionQuerySet, Reception

PETITION_HANDLER_ROLES = (Role.AGENCY_LEADER, Role.INSPECTOR)
PETITION_RECEIVER_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR)


def visible_petitions(person: User) -> PetitionQuerySet:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Petition.objects.all()
    if not person.is_authenticated:
        return Petition.objects.none()
    return Petition.objects.filter(
        Q(agency__in=scopes.agencies_with(*PETITION_RECEIVER_ROLES))
        | Q(agency__province__in=scopes.reviewed_provinces)
        | Q(handler=person)
    )


def petition_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose petitions the person reads as a whole (dashboard, figures)."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    return Agency.objects.filter(
        Q(pk__in=scopes.agencies_with(*PETITION_RECEIVER_ROLES)) | Q(province__in=scopes.reviewed_provinces)
    )


def receiving_agencies(person: User) -> QuerySet[Agency]:
    """Agencies for which the person registers petitions and receptions."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(*PETITION_RECEIVER_ROLES))


def can_view_petition(person: User, petition: Petition) -> bool:
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or petition.agency_id in scopes.agencies_with(*PETITION_RECEIVER_ROLES)
        or petition.agency.province_id in scopes.reviewed_provinces
        or (person.is_authenticated and petition.handler_id == person.pk)
    )


def can_receive_petition(person: User, agency: Agency) -> bool:
    """Register a petition and record a reception for the agency."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(*PETITION_RECEIVER_ROLES)


def can_process_petition(person: User, petition: Petition) -> bool:
    """Classify, accept, guide, forward, return, answer or file (xử lý đơn)."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or petition.agency_id in scopes.agencies_with(*PETITION_HANDLER_ROLES)
        or (person.is_authenticated and petition.handler_id == person.pk)
    )


def can_sign_petition_letter(person: User, petition: Petition) -> bool:
    """Sign the outcome's letter with the agency's certificate: the agency's
    leader, who processes its petitions (an administrator does not sign)."""
    return (
        letters.has_letter(petition)
        and can_process_petition(person, petition)
        and can_sign_for_agency(person, petition.agency)
    )


def can_handle_case(person: User, petition: Petition) -> bool:
    """Take a case through verification, decision, extension and suspension."""
    return can_process_petition(person, petition)


def _denunciations_not_granted(person: User) -> QuerySet[Petition]:
    """Denunciations whose denouncer the person may not learn: all of them,
    except those whose identity the person was granted by name. No role
    opens one, the administrator's included (Luật Tố cáo 2018 Điều 47)."""
    denunciations = Petition.objects.filter(kind=Petition.Kind.DENUNCIATION)
    if not person.is_authenticated:
        return denunciations
    granted = IdentityGrant.objects.filter(person=person).values("identity__petition")
    return denunciations.exclude(pk__in=granted)


def can_read_denouncer_identity(person: User, petition: Petition) -> bool:
    return petition.is_denunciation and not _denunciations_not_granted(person).filter(pk=petition.pk).exists()


def denouncing_receptions() -> QuerySet[Reception]:
    """Visits of the reception register that opened a denunciation. The
    citizen who came is then the denouncer: no page, export, search or admin
    page of the register names them to anyone; who came is read on the
    denunciation's identity page, by those granted, and the read is logged."""
    opened = Petition.objects.filter(kind=Petition.Kind.DENUNCIATION, reception__isnull=False)
    return Reception.objects.filter(pk__in=opened.values("reception"))


def receptions_hiding_citizen(person: User) -> QuerySet[Reception]:
    """Visits whose citizen the person may not learn: each visit that opened
    a denunciation the person was not granted by name. Such a visit links
    to no petition opened from it (a complaint opened at the same visit
    names the citizen), is not found by a search, and opens no new petition
    for the person."""
    opened = _denunciations_not_granted(person).filter(reception__isnull=False).values("reception")
    return Reception.objects.filter(pk__in=opened)


def can_read_reception_citizen(person: User, reception: Reception) -> bool:
    return not receptions_hiding_citizen(person).filter(pk=reception.pk).exists()


def identity_readable_petitions(person: User) -> QuerySet[Petition]:
    """Petitions whose denouncer the person was granted by name to know."""
    if not person.is_authenticated:
        return Petition.objects.none()
    return Petition.objects.filter(denouncer__grants__person=person)


def can_grant_identity_access(person: User, petition: Petition) -> bool:
    """Only the head of the resolving agency names who else may read it."""
    return petition.agency_id in scopes_of(person).agencies_with(Role.AGENCY_LEADER)


def can_manage_reception_schedule(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def get_petition_for_user(person: User, petition_id: int, *, action: str = "view") -> Petition:
    petition = Petition.objects.select_related("agency__province").filter(pk=petition_id).first()
    if petition is None or not can_view_petition(person, petition):
        raise Http404(_("Không tìm thấy đơn."))
    allowed = {
        "view": lambda: True,
        "process": lambda: can_process_petition(person, petition),
        "handle": lambda: can_handle_case(person, petition),
        "identity": lambda: can_read_denouncer_identity(person, petition),
        "grant": lambda: can_grant_identity_access(person, petition),
    }[action]
    if not allowed():
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn."))
    return petition


def get_reception_for_user(person: User, reception_id: int, *, action: str = "view") -> Reception:
    reception = Reception.objects.select_related("agency", "citizen").filter(pk=reception_id).first()
    if reception is None or not (
        can_receive_petition(person, reception.agency)
        or reception.agency.province_id in scopes_of(person).reviewed_provinces
    ):
        raise Http404(_("Không tìm thấy lượt tiếp công dân."))
    if action in ("open_petition", "receipt") and not can_receive_petition(person, reception.agency):
        raise PermissionDenied(_("Bạn không có quyền mở đơn từ lượt tiếp này."))
    if action == "open_petition" and not can_open_petition_from_reception(person, reception):
        raise PermissionDenied(
            _(
                "Lượt tiếp này đã mở đơn tố cáo: chỉ người được cấp quyền xem thông tin người tố cáo "
                "mới mở thêm đơn từ lượt tiếp này."
            )
        )
    return reception


def can_open_petition_from_reception(person: User, reception: Reception) -> bool:
    """Open a petition from a visit: those who receive for the agency, and,
    once the visit opened a denunciation, only those who may read who came
    (a new petition would carry the citizen's name)."""
    return can_receive_petition(person, reception.agency) and can_read_reception_citizen(person, reception)
