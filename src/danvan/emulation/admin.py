"""The «Dân vận khéo» register in the admin site, to read: every change goes through the services."""

from django.contrib import admin

from danvan.emulation.models import Campaign, GoodPractice, ModelEvent, RecognitionDecision


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
