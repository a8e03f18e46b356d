"""The emulation register in the admin site, to read: every change goes through the services."""

from django.contrib import admin

from danvan.emulation.models import (
    Campaign,
    CommendationCondition,
    CommendationTitle,
    CouncilMeeting,
    GoodPractice,
    ModelEvent,
    Movement,
    Proposal,
    RecognitionDecision,
    Registration,
    TitleRecord,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ["title", "year", "agency", "deadline"]
    list_filter = ["year"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(ReadOnlyAdmin):
    list_display = ["name", "agency", "unit", "field", "level", "status", "is_late"]
    list_filter = ["field", "level", "status"]
    search_fields = ["name"]


@admin.register(RecognitionDecision)
class RecognitionDecisionAdmin(ReadOnlyAdmin):
    list_display = ["number", "agency", "signed_on", "level"]


@admin.register(ModelEvent)
class ModelEventAdmin(ReadOnlyAdmin):
    list_display = ["practice", "from_status", "to_status", "by", "at"]


class ConditionInline(admin.TabularInline):
    model = CommendationCondition
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CommendationTitle)
class CommendationTitleAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "kind", "subject", "legal_basis", "council_share"]
    inlines = [ConditionInline]


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdmin):
    list_display = ["name", "agency", "starts_on", "ends_on"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["movement", "year", "person", "unit", "is_late"]


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(ReadOnlyAdmin):
    list_display = ["agency", "year", "held_on"]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["agency", "year", "status", "decision_number"]


@admin.register(TitleRecord)
class TitleRecordAdmin(ReadOnlyAdmin):
    list_display = ["title", "year", "person", "unit", "decision_number"]
