from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.reports.models import CutOffRule, Report, ReportingPeriod, ReportRequest, ReportVersion


@admin.register(CutOffRule)
class CutOffRuleAdmin(SimpleHistoryAdmin):
    list_display = ["province", "kind", "cut_off_day", "source"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["province", "kind", "year", "number", "start", "end"]
    list_filter = ["kind", "year"]


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "level", "agency", "period", "due_date"]
    list_filter = ["level", "kind"]
    search_fields = ["title"]


class VersionInline(admin.TabularInline):
    model = ReportVersion
    extra = 0
    fields = ["number", "event", "created_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports change only through their pages (versions, locking), so the
    admin reads them."""

    list_display = ["request", "agency", "unit", "status", "first_sent_at"]
    list_filter = ["status"]
    inlines = [VersionInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Report._meta.fields]

    def has_add_permission(self, request):
        return False
