from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.democracy.models import Briefing, Disclosure, DisclosureRequest


@admin.register(Briefing)
class BriefingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "held_on", "form"]
    list_filter = ["form"]


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "agency", "kind", "decision_date", "due_date", "disclosed_on"]
    list_filter = ["kind", "status"]


@admin.register(DisclosureRequest)
class DisclosureRequestAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "agency", "requested_on", "status"]
