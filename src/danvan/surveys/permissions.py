"""Who builds an agency's surveys and who reads their results, on core's scopes.

The agency's office builds, publishes and closes its surveys; whoever may
read the agency (its staff, the province's reviewers) reads the surveys and
their results; a citizen answers a published survey without an account
(public_views.py: no permission, only the survey's state). The contact a
citizen chose to leave is read by the office alone.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of, visible_agencies
from danvan.surveys.models import Question, Survey

MANAGING_ROLES = (Role.AGENCY_OFFICE,)


def survey_agencies(person: User) -> QuerySet[Agency]:
    """The agencies whose surveys the person builds: those of their office roles."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(*MANAGING_ROLES))


def visible_surveys(person: User) -> QuerySet[Survey]:
    if scopes_of(person).system_admin:
        return Survey.objects.all()
    return Survey.objects.filter(agency__in=visible_agencies(person))


def can_manage_survey(person: User, survey: Survey) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or survey.agency_id in scopes.agencies_with(*MANAGING_ROLES)


def can_read_survey_contacts(person: User, survey: Survey) -> bool:
    """The contacts citizens left: for the office that follows them up."""
    return survey.allow_contact and can_manage_survey(person, survey)


def get_survey_for_user(person: User, survey_id: int, *, action: str = "view") -> Survey:
    survey = visible_surveys(person).select_related("agency", "unit").filter(pk=survey_id).first()
    if survey is None:
        raise Http404(_("Không tìm thấy phiếu khảo sát."))
    if action == "manage" and not can_manage_survey(person, survey):
        raise PermissionDenied(_("Chỉ văn phòng cơ quan mới sửa được phiếu khảo sát."))
    return survey


def get_question_for_user(person: User, survey_id: int, question_id: int) -> Question:
    survey = get_survey_for_user(person, survey_id, action="manage")
    question = survey.questions.filter(pk=question_id).first()
    if question is None:
        raise Http404(_("Không tìm thấy câu hỏi."))
    question.survey = survey
    return question
