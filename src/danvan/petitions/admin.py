"""Administration of the time-limit rules and a read-mostly view of petitions.

The denouncer's identity, its grants and its read log are deliberately not
registered: the admin site is not a way around the named grant.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.petitions.models import Case, Petition, Reception, ReceptionDay, TimeLimitRule


@admin.register(TimeLimitRule)
class TimeLimitRuleAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "count", "unit", "legal_source", "effective_from", "effective_to"]
    list_filter = ["kind", "unit"]
    search_fields = ["code", "name", "legal_source"]


@admin.register(Petition)
class PetitionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "agency", "kind", "status", "received_on"]
    list_filter = ["kind", "status", "agency"]
    search_fields = ["code"]
    fields = ["code", "agency", "kind", "status", "received_on", "source", "subject", "content"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["petition", "kind", "stage", "status", "complexity", "accepted_on"]
    list_filter = ["kind", "status", "complexity"]
    readonly_fields = ["petition"]

    def has_add_permission(self, request):
        return False


@admin.register(Reception)
class ReceptionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "received_on", "agency", "group_size"]
    list_filter = ["agency"]


@admin.register(ReceptionDay)
class ReceptionDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "leader", "agency", "place"]
    list_filter = ["agency"]
