from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from danvan.documents.models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["doc_type", "number", "name", "date", "issuer"]
    list_filter = ["doc_type"]
    search_fields = ["number", "name", "issuer", "title"]
