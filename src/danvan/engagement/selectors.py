"""Read queries of the dialogue pages. Each starts from what the person may see."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from danvan.core.models import Agency, Role, RoleAssignment, Unit, User
from danvan.engagement import permissions
from danvan.engagement.models import Commitment, Dialogue, DialogueIssue


def dialogues_for_list(person: User) -> QuerySet[Dialogue]:
    """The dialogue list: date, agency, kind, subject, leader, status and
    how many commitments were made."""
    return (
        permissions.visible_dialogues(person)
        .select_related("agency", "leader")
        .annotate(commitment_count=Count("commitments"))
        .order_by("-held_on", "-pk")
    )


def dialogue_page(person: User, dialogue: Dialogue, *, today: date) -> dict:
    """Everything the dialogue page shows: issues with their answers, the
    minutes, and each commitment with its task's lead unit, due date and status."""
    dialogue = (
        Dialogue.objects.select_related("agency", "leader", "follow_up_plan")
        .prefetch_related(
            Prefetch("issues", queryset=DialogueIssue.objects.order_by("order")),
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related("task__lead_unit", "task__plan", "issue").order_by(
                    "pk"
                ),
            ),
        )
        .get(pk=dialogue.pk)
    )
    commitments = list(dialogue.commitments.all())
    for commitment in commitments:
        commitment.overdue = commitment.task.is_overdue(today)  # type: ignore[attr-defined]
    return {
        "dialogue": dialogue,
        "issues": list(dialogue.issues.all()),
        "commitments": commitments,
        "can_record": permissions.can_record_dialogue(person, dialogue),
    }


def leaders_of(agencies: QuerySet[Agency]) -> QuerySet[User]:
    """Leaders of the given agencies, who may chair a dialogue."""
    ids = RoleAssignment.objects.current().filter(agency__in=agencies, role=Role.AGENCY_LEADER).values("user")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("sort_key")


def lead_units_of(agency_id: int) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency_id, is_active=True).order_by("sort_key")
