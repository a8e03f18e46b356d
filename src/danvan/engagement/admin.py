from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.engagement.models import Commitment, Dialogue, DialogueIssue


class DialogueIssueInline(admin.TabularInline):
    model = DialogueIssue
    extra = 0
    fields = ["order", "raised_by", "question", "answer"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    fields = ["text", "task", "issue"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        # A commitment is made through the page, which creates its task.
        return False


@admin.register(Dialogue)
class DialogueAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "agency", "kind", "held_on", "status"]
    list_filter = ["kind", "status", "agency"]
    search_fields = ["subject", "place"]
    date_hierarchy = "held_on"
    raw_id_fields = ["leader", "follow_up_plan", "created_by"]
    inlines = [DialogueIssueInline, CommitmentInline]
