from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency, User
from danvan.core.text import search_key
from danvan.documents import permissions
from danvan.documents.models import LegalDocument, SignedCopy, SigningCertificate, TrustedAuthority
from danvan.documents.signatures import pades
from danvan.documents.validity import validity_on


def library(person: User, *, query: str = "") -> QuerySet[LegalDocument]:
    """Library entries cited by plans the person may read ("chi thi 33" finds
    "Chỉ thị số 33/CT-TTg"), most cited first."""
    documents = permissions.visible_legal_documents(person)
    for word in search_key(query).split():
        documents = documents.filter(Q(search_text__contains=word))
    return documents.annotate(plan_count=Count("plans", distinct=True)).order_by(
        "-plan_count", "-date", "number_key"
    )


# Kinds of documents that are public law: offered to every office citing a basis.
PUBLIC_LAW_TYPES = ("Hiến pháp", "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Thông tư", "Nghị quyết")


def citable_documents(person: User, *, query: str = "") -> QuerySet[LegalDocument]:
    """Library entries an office may choose as a plan's basis: what it may
    read already, and public law (laws, decrees, circulars), found without
    accents by type, number, name, issuer or title words."""
    words = search_key(query).split()
    documents = LegalDocument.objects.filter(
        Q(pk__in=permissions.visible_legal_documents(person).values("pk")) | Q(doc_type__in=PUBLIC_LAW_TYPES)
    )
    for word in words:
        documents = documents.filter(search_text__contains=word)
    return documents.order_by("-date", "number_key")


def document_page(person: User, document_id: int) -> LegalDocument:
    """An entry cited by a record the person reads (a plan, a briefing…), with the plans citing it."""
    visible_plans = permissions.visible_citing(person, "plans").select_related("agency")
    readable = permissions.visible_legal_documents(person).values("pk")
    document = (
        LegalDocument.objects.filter(pk=document_id, pk__in=readable)
        .prefetch_related(
            Prefetch("plans", queryset=visible_plans.order_by("-created_at"), to_attr="visible_plans"),
            "replaced_by",
        )
        .first()
    )
    if document is None:
        raise Http404(_("Không tìm thấy văn bản."))
    return document


def plans_still_citing(document: LegalDocument) -> list:
    """Of the plans on the document's page, those dated (issue date, else
    today) when the document is no longer in force, each with that validity."""
    today = timezone.localdate()
    rows = []
    # ``visible_plans``: the plans the reader may see, prefetched by the page's selector.
    for plan in document.visible_plans:  # type: ignore[attr-defined]
        validity = validity_on(document, plan.issue_date or today)
        if not validity.in_force:
            rows.append(plan)
    return rows


# --- Digital signatures ----------------------------------------------------------


def current_signing_certificate(agency: Agency) -> SigningCertificate | None:
    return (
        SigningCertificate.objects.filter(agency=agency, is_active=True).select_related("uploaded_by").first()
    )


def signing_overview(province_agencies: QuerySet[Agency]) -> list[tuple[Agency, SigningCertificate | None]]:
    """Each agency with its certificate in use (or none), for the administrator's page."""
    current = {
        certificate.agency_id: certificate
        for certificate in SigningCertificate.objects.filter(is_active=True, agency__in=province_agencies)
    }
    return [(agency, current.get(agency.pk)) for agency in province_agencies.order_by("sort_key", "name")]


def trusted_authorities() -> QuerySet[TrustedAuthority]:
    return TrustedAuthority.objects.filter(is_active=True).select_related("added_by")


def trust_roots() -> list[bytes]:
    """The certificates (PEM) against which incoming signatures are checked."""
    return [pem.encode("ascii") for pem in trusted_authorities().values_list("certificate", flat=True)]


def signed_copies_of(document: Model) -> QuerySet[SignedCopy]:
    return SignedCopy.objects.filter(
        content_type=ContentType.objects.get_for_model(document), object_id=document.pk
    ).select_related("signer")


def signed_copy_of(document: Model, copy_id: int) -> SignedCopy:
    """One signed copy of a document the caller has checked the person reads."""
    copy = signed_copies_of(document).filter(pk=copy_id).first()
    if copy is None:
        raise Http404(_("Không tìm thấy bản ký số."))
    return copy


@dataclass(frozen=True)
class SignatureRow:
    """One checked signature as a page shows it."""

    verdict: str
    label: str
    signer: str
    organisation: str
    signed_at: datetime | None
    issuer: str

    @property
    def is_valid(self) -> bool:
        return self.verdict == pades.Verdict.VALID


def check_incoming_signatures(data: bytes) -> list[dict]:
    """The signatures of an incoming PDF, checked against the trusted
    authorities, as JSON to keep beside the file; [] for a file that is not
    a PDF (a Word file carries no PAdES signature)."""
    if not data.lstrip()[:5] == b"%PDF-":
        return []
    return [check.as_dict() for check in pades.check_signatures(data, trust_roots=trust_roots())]


def signature_rows(checks: list[dict] | None) -> list[SignatureRow]:
    return [
        SignatureRow(
            verdict=check.get("verdict", ""),
            label=str(pades.Verdict.LABELS.get(check.get("verdict", ""), check.get("verdict", ""))),
            signer=check.get("signer", ""),
            organisation=check.get("organisation", ""),
            signed_at=pades.signed_at_local(check),
            issuer=check.get("issuer", ""),
        )
        for check in checks or []
    ]
