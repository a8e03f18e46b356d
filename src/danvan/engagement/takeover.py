"""What a successor takes over from a merged or split agency: the dialogues
still to be held, and those held whose commitments are still being carried
out (their tasks go with the follow-up plan, as plans do), each with its
date as it was set. Dialogues held and followed up stay with the predecessor."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.core.organisation import hand_over, register_takeover
from danvan.engagement.models import Dialogue
from danvan.plans.models import Task

FINISHED = (Task.Status.DONE, Task.Status.CANCELLED)


def open_dialogues(agency: Agency):
    following_up = Q(commitments__task__isnull=False) & ~Q(commitments__task__status__in=FINISHED)
    return (
        Dialogue.objects.filter(agency=agency)
        .filter(Q(status=Dialogue.Status.PLANNED) | following_up)
        .distinct()
        .order_by("held_on", "pk")
    )


register_takeover(
    level="agency",
    label=_("đối thoại chưa xong (chưa tổ chức hoặc còn cam kết đang thực hiện)"),
    count=lambda agency: open_dialogues(agency).count(),
    move=lambda old, new: hand_over(list(open_dialogues(old)), agency=new),
    items=open_dialogues,
    move_items=lambda dialogues, new: hand_over(dialogues, agency=new),
)
