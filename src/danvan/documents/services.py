"""Changes to the legal-document library."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from danvan.core.models import User
from danvan.core.text import search_key
from danvan.documents.models import LegalDocument, number_key


@transaction.atomic
def record_citation(
    *, doc_type: str, number: str | None, name: str | None, issued: date | None, issuer: str | None
) -> LegalDocument:
    """The library entry for a cited document, created on first mention.

    A number names one document ("77-Kl/TU" is "77-KL/TU"), except that the
    same number may be reused in another year (two "Chỉ thị 33/CT-TTg"): two
    different known dates make two entries. A missing date or issuer is
    filled in from a later mention.
    """
    candidates = _same_document(number, name, doc_type)
    document = next((d for d in candidates if issued is None or d.date in (None, issued)), None)
    if document is None:
        return LegalDocument.objects.create(
            doc_type=doc_type, number=number or "", name=name or "", date=issued, issuer=issuer or ""
        )
    changed = []
    if issued and document.date is None:
        document.date = issued
        changed.append("date")
    if issuer and not document.issuer:
        document.issuer = issuer
        changed.append("issuer")
    if changed:
        document.save(update_fields=changed)
    return document


def _same_document(number: str | None, name: str | None, doc_type: str) -> list[LegalDocument]:
    if number:
        return list(LegalDocument.objects.filter(number_key=number_key(number)).order_by("pk"))
    key = search_key(name or "")
    return [
        d for d in LegalDocument.objects.filter(number="", doc_type=doc_type) if search_key(d.name) == key
    ]


@transaction.atomic
def update_legal_document(*, document: LegalDocument, changes: dict, by: User) -> LegalDocument:
    """Correct or complete an entry; every change is kept in its history."""
    for field, value in changes.items():
        setattr(document, field, value)
    document.save(update_fields=list(changes))
    return document
