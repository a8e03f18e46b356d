from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.plans.models import Plan, PlanImport, Task


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ["order", "heading", "lead_text", "lead_unit", "timing"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "number", "symbol", "issue_date", "status"]
    list_filter = ["status", "kind", "agency"]
    search_fields = ["title", "number"]
    inlines = [TaskInline]


@admin.register(PlanImport)
class PlanImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "agency", "status", "uploaded_by", "uploaded_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in PlanImport._meta.fields]

    def has_add_permission(self, request):
        return False
