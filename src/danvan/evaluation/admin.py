"""The evaluation in the admin: to look, never to change. Sets and scores change
only through the pages' services, which keep a set in use unchanged and keep
self, reviewed and final scores apart with who and when."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.core.admin import ReadOnly
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet, LeafScore


class NodeInline(ReadOnly, admin.TabularInline):
    model = CriteriaNode
    fields = ["key", "name", "max_points", "kind", "method", "indicator"]
    readonly_fields = fields
    extra = 0


@admin.register(CriteriaSet)
class CriteriaSetAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["name", "province", "document_number", "version", "status"]
    list_filter = ["status", "province"]
    search_fields = ["name", "document_number"]
    inlines = [NodeInline]


class LeafScoreInline(ReadOnly, admin.TabularInline):
    model = LeafScore
    fields = ["node", "points", "reviewed_points", "final_points", "scored_by", "reviewed_by"]
    readonly_fields = fields
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["agency", "year", "status", "self_total", "reviewed_total", "final_total", "final_band"]
    list_filter = ["status", "year", "agency__province"]
    search_fields = ["agency__name"]
    inlines = [LeafScoreInline]
