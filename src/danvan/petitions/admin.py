"""Administration of the time-limit rules and a read-mostly view of petitions.

The denouncer's identity, its grants and its read log are deliberately not
registered, and citizens are not registered either: the admin site is not a
way around the named grant. A denunciation shows no sender, and a visit of
the register that opened one shows no citizen.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from danvan.petitions import permissions, selectors
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
    """The register's visits. The citizen who came is shown, never edited;
    a visit that opened a denunciation names nobody here, to an
    administrator neither, and a search finds it only for those granted.
    Visits are entered on the register's page, not here."""

    list_display = ["number", "received_on", "agency", "visitor", "group_size"]
    list_filter = ["agency"]
    search_fields = ["citizen__search_text", "content"]
    fields = [
        "agency",
        "number",
        "received_on",
        "visitor",
        "group_size",
        "content",
        "earlier_handling",
        "request",
        "documents_received",
        "handling",
        "refusal_ground",
        "received_by",
        "schedule",
    ]
    readonly_fields = ["agency", "number", "received_on", "visitor", "received_by", "schedule"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("agency", "citizen")
        return selectors.with_citizen_hidden(queryset)

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            # A search must not tell which visit a denouncer made.
            found = found.exclude(pk__in=permissions.receptions_hiding_citizen(request.user))
        return found, duplicates

    @admin.display(description=_("người đến"))
    def visitor(self, reception):
        hidden = getattr(reception, "citizen_hidden", None)
        if hidden is None:  # a past version, read from the history
            hidden = permissions.denouncing_receptions().filter(pk=reception.pk).exists()
        if hidden:
            return _("Bảo mật (lượt tiếp có đơn tố cáo)")
        citizen = reception.citizen
        return f"{citizen.full_name}, {citizen.address}" if citizen.address else citizen.full_name

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReceptionDay)
class ReceptionDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "leader", "agency", "place"]
    list_filter = ["agency"]
