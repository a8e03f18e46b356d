"""Who may read and correct the document library, replace an agency's
templates of outgoing documents, configure its signing certificate and sign
with it.

A library entry is read by whoever reads a record that cites it. The records
that cite belong to the apps above this one: each names, from its
AppConfig.ready(), the relation from ``LegalDocument`` to its records and the
rule of which of them a person reads (plans: ``cited_by("plans", visible_plans)``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from danvan.core.models import Agency, Role, User
from danvan.core.permissions import scopes_of
from danvan.documents.models import LegalDocument

# Relation from LegalDocument to the citing records → the records a person reads.
CITING: dict[str, Callable[[User], QuerySet]] = {}


def cited_by(relation: str, visible: Callable[[User], QuerySet]) -> None:
    CITING[relation] = visible


def visible_citing(person: User, relation: str) -> QuerySet:
    """The records of one citing kind (``"plans"``) the person reads."""
    return CITING[relation](person)


def visible_legal_documents(person: User) -> QuerySet[LegalDocument]:
    """Library entries cited by a record the person may read."""
    if not CITING:
        return LegalDocument.objects.none()
    cited = reduce(or_, (Q(**{f"{relation}__in": visible(person)}) for relation, visible in CITING.items()))
    return LegalDocument.objects.filter(cited)


def can_edit_legal_document(person: User, document: LegalDocument | None = None) -> bool:
    """Correct and complete library entries: any agency office or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or bool(scopes.agencies_with(Role.AGENCY_OFFICE))


def can_replace_output_template(person: User, agency: Agency) -> bool:
    """Replace and download the agency's Word templates: its office, or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_configure_signing(person: User, agency: Agency | None = None) -> bool:
    """Configure an agency's signing certificate and the trusted authorities:
    the system administrator only (the key signs for the whole agency)."""
    return scopes_of(person).system_admin


def can_sign_for_agency(person: User, agency: Agency) -> bool:
    """Sign the agency's issued documents with its certificate: its leader
    (the person who signs them on paper). An administrator configures the
    key but does not sign with it."""
    return agency.pk in scopes_of(person).agencies_with(Role.AGENCY_LEADER)
