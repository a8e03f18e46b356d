"""Who may read and record the agency's dialogues with citizens and businesses.

An agency's dialogues with citizens and businesses are read by everyone of
the agency and its reviewers; its leader and office plan them, write the
minutes and record the commitments.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import can_view_agency, scopes_of, visible_agencies
from danvan.engagement.models import Dialogue


def visible_dialogues(person: User) -> QuerySet[Dialogue]:
    return Dialogue.objects.filter(agency__in=visible_agencies(person))


def can_view_dialogue(person: User, dialogue: Dialogue) -> bool:
    return can_view_agency(person, dialogue.agency)


def can_plan_dialogue(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def can_record_dialogue(person: User, dialogue: Dialogue) -> bool:
    """Record issues, answers, minutes and commitments of the dialogue."""
    return can_plan_dialogue(person, dialogue.agency)


def dialogue_agencies(person: User) -> QuerySet[Agency]:
    """Agencies for which the person plans dialogues."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE))


def get_dialogue_for_user(person: User, dialogue_id: int, *, action: str = "view") -> Dialogue:
    dialogue = Dialogue.objects.select_related("agency__province", "leader").filter(pk=dialogue_id).first()
    if dialogue is None or not can_view_dialogue(person, dialogue):
        raise Http404(_("Không tìm thấy buổi đối thoại."))
    if action == "record" and not can_record_dialogue(person, dialogue):
        raise PermissionDenied(_("Bạn không có quyền cập nhật buổi đối thoại này."))
    return dialogue
