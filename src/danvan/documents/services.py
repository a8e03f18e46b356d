"""Changes to the legal-document library."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.core.text import search_key
from danvan.documents.models import LegalDocument, ValidityStatus, number_key


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


@transaction.atomic
def set_validity(
    *,
    document: LegalDocument,
    status: str,
    since: date | None,
    replaced_by: list[LegalDocument],
    source: str,
    by: User,
) -> LegalDocument:
    """Record whether the document is still in force: amended, replaced (by
    which documents, from which day) or expired; the change is kept in its history."""
    if status not in ValidityStatus.values:
        raise DomainError(_("Tình trạng hiệu lực không hợp lệ."))
    replaced_by = list(replaced_by) if status == ValidityStatus.REPLACED else []
    if status == ValidityStatus.REPLACED and not replaced_by:
        raise DomainError(_("Hãy chọn văn bản thay thế."))
    if status in (ValidityStatus.REPLACED, ValidityStatus.EXPIRED) and since is None:
        raise DomainError(_("Hãy ghi ngày văn bản hết hiệu lực."))
    if status == ValidityStatus.IN_FORCE:
        since = None
    if since and document.date and since < document.date:
        raise DomainError(
            _("Ngày %(since)s trước ngày ban hành %(issued)s của văn bản.")
            % {"since": f"{since:%d/%m/%Y}", "issued": f"{document.date:%d/%m/%Y}"}
        )
    for other in replaced_by:
        if other.pk == document.pk:
            raise DomainError(_("Văn bản không thể tự thay thế chính nó."))
        if other.replaced_by.filter(pk=document.pk).exists():
            raise DomainError(_("%(other)s đã được ghi là bị văn bản này thay thế.") % {"other": other})
        if since and other.date and other.date > since:
            raise DomainError(
                _("%(other)s ban hành ngày %(issued)s, sau ngày thay thế %(since)s.")
                % {"other": other, "issued": f"{other.date:%d/%m/%Y}", "since": f"{since:%d/%m/%Y}"}
            )
    document.validity_status = status
    document.validity_from = since
    document.validity_source = source.strip()
    document.save(update_fields=["validity_status", "validity_from", "validity_source"])
    document.replaced_by.set(replaced_by)
    return document
