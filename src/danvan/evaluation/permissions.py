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
from danvan.core.permissions import AGENCY_WIDE_ROLES, can_view_agency, scopes_of
from danvan.core.selectors import provincial_committee
from danvan.documents.permissions import can_sign_for_agency
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet, ResultsDecision, Reviewer

# The agency's people who read its results over the years: its leader and its office.
RESULT_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)
# Once the review is sent back, the agency reads the reviewed figures.
REVIEW_SENT = (Assessment.Status.REVIEWED, Assessment.Status.ANSWERED, Assessment.Status.FINAL)


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


# --- Results -----------------------------------------------------------------------------


def can_view_province_results(person: User, province_id: int) -> bool:
    """The province's table of every agency's results: Sở Nội vụ of the province, an
    administrator, and the leaders of the provincial committee, who sign its decision."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or province_id in scopes.reviewed_provinces
        or _leads_provincial_committee(person, province_id)
    )


def _leads_provincial_committee(person: User, province_id: int) -> bool:
    led = scopes_of(person).agencies_with(Role.AGENCY_LEADER)
    return (
        bool(led)
        and Agency.objects.filter(
            pk__in=led, province_id=province_id, kind=Agency.Kind.PROVINCIAL_COMMITTEE, is_active=True
        ).exists()
    )


def can_sign_results_decision(person: User, province: Province) -> bool:
    """Sign (and so issue) the decision recognising the year's results with the certificate
    of the provincial committee, which issues it: the committee's leader."""
    committee = provincial_committee(province)
    return committee is not None and can_sign_for_agency(person, committee)


def get_results_decision_for_user(person: User, decision_id: int) -> ResultsDecision:
    """A signed decision, read by whoever reads its province's results."""
    decision = ResultsDecision.objects.filter(pk=decision_id).first()
    if decision is None or not can_view_province_results(person, decision.province_id):
        raise Http404(_("Không tìm thấy quyết định."))
    return decision


def get_results_province_for_user(person: User, province_id: int) -> Province:
    province = Province.objects.filter(pk=province_id).first()
    if province is None or not can_view_province_results(person, province.pk):
        raise Http404(_("Không tìm thấy tỉnh."))
    return province


def can_view_agency_results(person: User, agency: Agency) -> bool:
    """An agency's results over the years: its leader and office, Sở Nội vụ of its province, an administrator."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or agency.province_id in scopes.reviewed_provinces
        or agency.pk in scopes.agencies_with(*RESULT_ROLES)
    )


def result_agencies(person: User) -> QuerySet[Agency]:
    """The agencies whose history the person reads as their leader or office."""
    return Agency.objects.filter(pk__in=scopes_of(person).agencies_with(*RESULT_ROLES)).order_by("sort_key")


def get_agency_results_for_user(person: User, agency_id: int) -> Agency:
    agency = Agency.objects.select_related("province").filter(pk=agency_id).first()
    if agency is None or not can_view_agency(person, agency):
        raise Http404(_("Không tìm thấy cơ quan."))
    if not can_view_agency_results(person, agency):
        raise PermissionDenied(
            _("Chỉ lãnh đạo, văn phòng của cơ quan và Sở Nội vụ xem được kết quả đánh giá.")
        )
    return agency


def can_read_review(person: User, assessment: Assessment) -> bool:
    """The reviewed and final figures: Sở Nội vụ and the council always; the agency once the review
    has been sent back to it."""
    scopes = scopes_of(person)
    if scopes.system_admin or assessment.agency.province_id in scopes.reviewed_provinces:
        return True
    if assessment.status in REVIEW_SENT:
        return True
    return Reviewer.objects.filter(assessment=assessment, person=person).exists()
