"""Who reads an agency's one-stop figures, who imports them, and who reads
the late dossiers, which name the citizens and organisations that applied."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import AGENCY_WIDE_ROLES, can_view_agency, scopes_of, visible_agencies
from danvan.onestop.models import LateDossier, StatisticsPeriod

MANAGING_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def figure_agencies(person: User) -> QuerySet[Agency]:
    """The figures carry no names: whoever reads the agency reads them."""
    return visible_agencies(person).filter(is_active=True)


def staff_agencies(person: User) -> frozenset[int]:
    """The agencies the person works in; only they read the applicants' names."""
    scopes = scopes_of(person)
    return scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies


def can_import_onestop(person: User, agency: Agency) -> bool:
    return agency.pk in scopes_of(person).agencies_with(*MANAGING_ROLES)


def can_read_late_dossiers(person: User, agency: Agency) -> bool:
    return agency.pk in staff_agencies(person)


def can_manage_late_dossier(person: User, dossier: LateDossier) -> bool:
    return dossier.agency_id in scopes_of(person).agencies_with(*MANAGING_ROLES)


def visible_periods(person: User) -> QuerySet[StatisticsPeriod]:
    return StatisticsPeriod.objects.filter(agency__in=figure_agencies(person))


def visible_late_dossiers(person: User) -> QuerySet[LateDossier]:
    return LateDossier.objects.filter(agency__in=staff_agencies(person))


def get_agency_for_user(person: User, agency_id: int, *, action: str = "view") -> Agency:
    agency = Agency.objects.select_related("province").filter(pk=agency_id, is_active=True).first()
    if agency is None or not can_view_agency(person, agency):
        raise Http404(_("Không tìm thấy cơ quan."))
    if action == "import" and not can_import_onestop(person, agency):
        raise PermissionDenied(_("Chỉ lãnh đạo và văn phòng cơ quan mới nhập được số liệu một cửa."))
    if action == "late" and not can_read_late_dossiers(person, agency):
        raise PermissionDenied(_("Chỉ cán bộ của cơ quan mới xem được hồ sơ trễ hạn."))
    return agency


def get_period_for_user(person: User, period_id: int) -> StatisticsPeriod:
    period = visible_periods(person).select_related("agency").filter(pk=period_id).first()
    if period is None:
        raise Http404(_("Không tìm thấy kỳ số liệu."))
    return period


def get_late_dossier_for_user(person: User, dossier_id: int, *, action: str = "view") -> LateDossier:
    dossier = visible_late_dossiers(person).select_related("agency__province").filter(pk=dossier_id).first()
    if dossier is None:
        raise Http404(_("Không tìm thấy hồ sơ."))
    if action == "manage" and not can_manage_late_dossier(person, dossier):
        raise PermissionDenied(
            _("Chỉ lãnh đạo và văn phòng cơ quan mới ghi được phiếu xin lỗi và ngày hẹn mới.")
        )
    return dossier
