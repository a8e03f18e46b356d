"""Who sees and who manages a province's criteria sets and the agencies'
assessments, on core's scopes.

An assessment is seen by the agency's leader, office and inspector, by the
province's reviewers, and by the members of the review council it was given
to, who see nothing else; the office scores it, the leader submits it, the
province reviews and finalises it, the agency answers the review once."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Province, Role, User
from danvan.core.permissions import AGENCY_WIDE_ROLES, scopes_of
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet, Reviewer


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


# --- Assessments --------------------------------------------------------------

ASSESSMENT_READERS = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR)
ASSESSMENT_WRITERS = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def assessing_agencies(person: User) -> QuerySet[Agency]:
    """The agencies whose own assessment the person opens and scores."""
    scopes = scopes_of(person)
    return Agency.objects.filter(pk__in=scopes.agencies_with(*ASSESSMENT_WRITERS))


def visible_assessments(person: User) -> QuerySet[Assessment]:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Assessment.objects.all()
    if not person.is_authenticated:
        return Assessment.objects.none()
    council = Reviewer.objects.filter(person=person).values("assessment_id")
    return Assessment.objects.filter(
        Q(agency_id__in=scopes.agencies_with(*ASSESSMENT_READERS))
        | Q(agency__province_id__in=scopes.reviewed_provinces)
        | Q(pk__in=council)
    )


def _agency_role(person: User, assessment: Assessment, *roles: str) -> bool:
    return assessment.agency_id in scopes_of(person).agencies_with(*roles)


def _province_reviewer(person: User, assessment: Assessment) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or assessment.agency.province_id in scopes.reviewed_provinces


def is_council_member(person: User, assessment: Assessment) -> bool:
    return Reviewer.objects.filter(assessment=assessment, person=person).exists()


def can_score(person: User, assessment: Assessment) -> bool:
    return assessment.status == Assessment.Status.DRAFT and _agency_role(
        person, assessment, *ASSESSMENT_WRITERS
    )


def can_submit(person: User, assessment: Assessment) -> bool:
    return assessment.status == Assessment.Status.DRAFT and _agency_role(
        person, assessment, Role.AGENCY_LEADER
    )


def can_review(person: User, assessment: Assessment) -> bool:
    if assessment.status != Assessment.Status.SUBMITTED:
        return False
    return _province_reviewer(person, assessment) or is_council_member(person, assessment)


def can_send_review(person: User, assessment: Assessment) -> bool:
    return assessment.status == Assessment.Status.SUBMITTED and _province_reviewer(person, assessment)


def can_answer(person: User, assessment: Assessment) -> bool:
    return assessment.status == Assessment.Status.REVIEWED and _agency_role(
        person, assessment, *ASSESSMENT_WRITERS
    )


def can_finalise(person: User, assessment: Assessment) -> bool:
    finalisable = (Assessment.Status.REVIEWED, Assessment.Status.ANSWERED)
    return assessment.status in finalisable and _province_reviewer(person, assessment)


def can_manage_council(person: User, assessment: Assessment) -> bool:
    return assessment.status != Assessment.Status.FINAL and _province_reviewer(person, assessment)


def can_decide_band(person: User, assessment: Assessment) -> bool:
    """A case the rules leave open is decided by the province once the result is final."""
    return assessment.status == Assessment.Status.FINAL and _province_reviewer(person, assessment)


ACTIONS = {
    "decide": can_decide_band,
    "score": can_score,
    "submit": can_submit,
    "review": can_review,
    "send_review": can_send_review,
    "answer": can_answer,
    "finalise": can_finalise,
    "council": can_manage_council,
}


def get_assessment_for_user(person: User, assessment_id: int, *, action: str = "view") -> Assessment:
    assessment = (
        visible_assessments(person)
        .select_related("agency", "agency__province", "criteria_set")
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None:
        raise Http404(_("Không tìm thấy bản đánh giá."))
    if action != "view" and not ACTIONS[action](person, assessment):
        raise PermissionDenied(_("Bạn không thực hiện được việc này với bản đánh giá ở trạng thái hiện tại."))
    return assessment


def get_node_for_user(person: User, criteria_set_id: int, node_id: int) -> CriteriaNode:
    """A line of a set the person manages (its tree is changed only by Sở Nội vụ of the province)."""
    criteria_set = get_criteria_set_for_user(person, criteria_set_id, action="manage")
    node = criteria_set.nodes.select_related("parent").filter(pk=node_id).first()
    if node is None:
        raise Http404(_("Không tìm thấy tiêu chí."))
    node.criteria_set = criteria_set
    return node
