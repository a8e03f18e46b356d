"""The denouncer's identity: named grants and logged reads."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.petitions.models import (
    DenouncerIdentity,
    IdentityGrant,
    IdentityRead,
    Petition,
)

# --- The denouncer's identity ---------------------------------------------------------


def _grant(petition: Petition, person: User, by: User | None) -> None:
    identity = DenouncerIdentity.objects.filter(petition=petition).first()
    if identity is not None:
        IdentityGrant.objects.get_or_create(identity=identity, person=person, defaults={"granted_by": by})


@transaction.atomic
def grant_identity_access(*, petition: Petition, person: User, by: User) -> IdentityGrant:
    """Let one more person, by name, read the denouncer's identity."""
    if person.agency_id != petition.agency_id:
        raise DomainError(_("Chỉ cấp quyền cho cán bộ của cơ quan giải quyết."))
    identity = DenouncerIdentity.objects.get(petition=petition)
    grant, _created = IdentityGrant.objects.get_or_create(
        identity=identity, person=person, defaults={"granted_by": by}
    )
    return grant


@transaction.atomic
def read_denouncer_identity(*, petition: Petition, by: User) -> DenouncerIdentity:
    """Return the identity and log who read it and when. The caller has
    checked ``can_read_denouncer_identity``."""
    identity = DenouncerIdentity.objects.get(petition=petition)
    IdentityRead.objects.create(identity=identity, person=by)
    return identity
