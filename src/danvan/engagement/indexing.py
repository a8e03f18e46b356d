"""Dialogues in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.engagement import permissions
from danvan.engagement.models import Dialogue, DialogueIssue


def dialogue_document(dialogue: Dialogue) -> search.Document:
    issues = " ".join(f"{issue.question} {issue.answer}" for issue in dialogue.issues.all())
    return search.Document(
        title=dialogue.subject,
        summary=dialogue.result or dialogue.participants,
        extra=f"{dialogue.get_kind_display()} {dialogue.place} {dialogue.participants} {dialogue.opinions} {issues}",
        agency_id=dialogue.agency_id,
    )


search.register(
    search.Kind(
        name="dialogue",
        label=_("Đối thoại"),
        model=Dialogue,
        document=dialogue_document,
        visible=permissions.visible_dialogues,
        url_name="engagement:dialogue_detail",
        records=lambda: Dialogue.objects.prefetch_related("issues"),
        depends={DialogueIssue: lambda issue: [issue.dialogue]},
    )
)
