from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
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
    # The stored file is shown as a link to the download view that checks
    # who asks, never by its place in storage.
    exclude = ["file"]
    readonly_fields = [f.name for f in PlanImport._meta.fields if f.name != "file"] + ["source_file"]

    @admin.display(description=_("tệp"))
    def source_file(self, record):
        if not record.file:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("plans:import_file", args=[record.pk]), record.original_name
        )

    def has_add_permission(self, request):
        return False
