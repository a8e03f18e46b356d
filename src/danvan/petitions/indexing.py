"""Petitions in the search box (danvan.core.search).

A denunciation is found by its code, subject and content; what names the
denouncer (the vault's identity, the citizen of the reception it was opened
from, the representative) goes only to the identity words, matched for the
people granted that identity by name."""

from django.utils.translation import gettext_lazy as _

from danvan.core import permissions, search
from danvan.petitions.models import Citizen, DenouncerIdentity, Petition


def _person_text(*people) -> str:
    return " ".join(
        f"{person.full_name} {person.address} {person.identity_number} {person.phone} {person.email}"
        for person in people
        if person is not None
    )


def petition_document(petition: Petition) -> search.Document:
    public = f"{petition.code} {petition.get_kind_display()} {petition.forwarded_by}"
    citizen = petition.citizen if petition.citizen_id else None
    if petition.is_denunciation:
        try:
            identity = petition.denouncer
        except DenouncerIdentity.DoesNotExist:
            identity = None
        reception_citizen = petition.reception.citizen if petition.reception_id else None
        return search.Document(
            title=f"{petition.code} — {petition.subject}",
            summary=petition.content,
            extra=public,
            identity=f"{_person_text(identity, citizen, reception_citizen)} {petition.representative}",
            agency_id=petition.agency_id,
        )
    return search.Document(
        title=f"{petition.code} — {petition.subject}",
        summary=petition.content,
        extra=f"{public} {_person_text(citizen)} {petition.representative}",
        agency_id=petition.agency_id,
    )


search.register(
    search.Kind(
        name="petition",
        label=_("Đơn thư"),
        model=Petition,
        document=petition_document,
        visible=permissions.visible_petitions,
        url_name="petitions:petition_detail",
        records=lambda: Petition.objects.select_related("citizen", "reception__citizen", "denouncer"),
        depends={
            DenouncerIdentity: lambda identity: [identity.petition],
            Citizen: lambda citizen: citizen.petitions.all(),
        },
    )
)
