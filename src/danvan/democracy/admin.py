from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.democracy.models import (
    BoardInspection,
    BoardRecommendation,
    Briefing,
    Consultation,
    ConsultationComment,
    CoordinationProgramme,
    Disclosure,
    DisclosureRequest,
    InspectionBoard,
    JointActivity,
    Organisation,
    RegulationTrigger,
    RegulationVersion,
    StaffConference,
    SupervisionFinding,
)


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


@admin.register(InspectionBoard)
class InspectionBoardAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "elected_on", "term_end", "recognition_due", "recognised_on"]


@admin.register(BoardInspection)
class BoardInspectionAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "board", "planned_on", "notice_latest", "notified_on"]


@admin.register(BoardRecommendation)
class BoardRecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["text", "sent_on", "answer_due", "answered_on", "status"]
    list_filter = ["status"]


@admin.register(StaffConference)
class StaffConferenceAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "work_year", "held_on", "deadline", "expected", "present"]


class ReadOnlyAdmin(SimpleHistoryAdmin):
    """Recorded through the democracy pages (services); the admin site only reads."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name", "agency", "kind"]
    list_filter = ["kind"]


@admin.register(CoordinationProgramme)
class CoordinationProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["title", "agency", "organisation", "signed_on", "valid_from", "valid_until"]


@admin.register(JointActivity)
class JointActivityAdmin(ReadOnlyAdmin):
    list_display = ["title", "programme", "planned_on", "status"]


@admin.register(SupervisionFinding)
class SupervisionFindingAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "agency", "received_on", "answer_due", "answered_on", "status"]
    list_filter = ["status", "kind"]


@admin.register(RegulationVersion)
class RegulationVersionAdmin(ReadOnlyAdmin):
    list_display = ["number", "agency", "version", "issued_on"]


@admin.register(RegulationTrigger)
class RegulationTriggerAdmin(ReadOnlyAdmin):
    list_display = ["document", "agency", "marked_on"]


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Consultation)
class ConsultationAdmin(_ReadOnly, SimpleHistoryAdmin):
    list_display = ["title", "agency", "topic", "opens_on", "deadline", "status"]
    list_filter = ["topic", "status"]


@admin.register(ConsultationComment)
class ConsultationCommentAdmin(_ReadOnly):
    """An anonymous comment keeps no sender, so none is shown here either."""

    list_display = ["consultation", "received_on", "sender"]
    fields = ["consultation", "text", "received_on", "anonymous", "sender"]
    readonly_fields = fields
