"""The document library in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.documents import permissions
from danvan.documents.models import LegalDocument


def document_document(document: LegalDocument) -> search.Document:
    return search.Document(
        title=str(document),
        summary=document.title,
        extra=f"{document.name} {document.issuer} {document.doc_type}",
    )


search.register(
    search.Kind(
        name="document",
        label=_("Văn bản"),
        model=LegalDocument,
        document=document_document,
        visible=permissions.visible_legal_documents,
        url_name="documents:document_detail",
    )
)
