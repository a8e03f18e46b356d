"""Who sees and who manages a province's criteria sets, on core's scopes."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Province, User
from danvan.core.permissions import AGENCY_WIDE_ROLES, scopes_of
from danvan.evaluation.models import CriteriaNode, CriteriaSet


def criteria_provinces(person: User) -> QuerySet[Province]:
    """The provinces whose criteria sets the person creates and changes: Sở Nội vụ's reviewers."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Province.objects.all()
    return Province.objects.filter(pk__in=scopes.reviewed_provinces)


def can_manage_criteria(person: User, province_id: int) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or province_id in scopes.reviewed_provinces


def can_manage_criteria_set(person: User, criteria_set: CriteriaSet) -> bool:
    return can_manage_criteria(person, criteria_set.province_id)


def _covered_sets(person: User) -> Q:
    """The sets in use that cover an agency the person works in."""
    scopes = scopes_of(person)
    agency_ids = scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies
    if not agency_ids:
        return Q(pk__in=[])
    agencies = list(Agency.objects.filter(pk__in=agency_ids).values_list("province_id", "kind"))
    in_use = CriteriaSet.objects.filter(
        status=CriteriaSet.Status.IN_USE, province_id__in={province for province, _kind in agencies}
    ).values_list("pk", "province_id", "agency_kinds")
    covered = [pk for pk, province, kinds in in_use if any(p == province and k in kinds for p, k in agencies)]
    return Q(pk__in=covered)


def visible_criteria_sets(person: User) -> QuerySet[CriteriaSet]:
    """Reviewers see every set of their province; agencies read the sets in use that cover them."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return CriteriaSet.objects.all()
    return CriteriaSet.objects.filter(Q(province_id__in=scopes.reviewed_provinces) | _covered_sets(person))


def get_criteria_set_for_user(person: User, criteria_set_id: int, *, action: str = "view") -> CriteriaSet:
    criteria_set = (
        visible_criteria_sets(person)
        .select_related("province", "legal_document", "replaces", "created_by")
        .filter(pk=criteria_set_id)
        .first()
    )
    if criteria_set is None:
        raise Http404(_("Không tìm thấy bộ tiêu chí."))
    if action == "manage" and not can_manage_criteria_set(person, criteria_set):
        raise PermissionDenied(_("Chỉ Sở Nội vụ của tỉnh mới thay đổi được bộ tiêu chí."))
    return criteria_set


def get_node_for_user(person: User, criteria_set_id: int, node_id: int) -> CriteriaNode:
    """A line of a set the person manages (its tree is changed only by Sở Nội vụ of the province)."""
    criteria_set = get_criteria_set_for_user(person, criteria_set_id, action="manage")
    node = criteria_set.nodes.select_related("parent").filter(pk=node_id).first()
    if node is None:
        raise Http404(_("Không tìm thấy tiêu chí."))
    node.criteria_set = criteria_set
    return node
