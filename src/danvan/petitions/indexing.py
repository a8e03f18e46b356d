"""Petitions in the search box (danvan.core.search).

A denunciation's entry holds its code, kind, subject and content only: what
names the denouncer (the vault's identity, the citizen of the visit it was
opened from, the representative) is never written to the index. The people
granted that identity by name find the denunciation by it through
``private_matches``, which reads the vault itself. A page of results that shows a petition logs
it as a read of its citizen's details."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.core.text import search_key
from danvan.petitions import permissions
from danvan.petitions.models import Citizen, Petition


def petition_document(petition: Petition) -> search.Document:
    public = f"{petition.code} {petition.get_kind_display()} {petition.forwarded_by}"
    if not petition.is_denunciation and petition.citizen_id:
        citizen = petition.citizen
        public += f" {citizen.full_name} {citizen.address} {citizen.identity_number} {citizen.phone}"
    if not petition.is_denunciation:
        public += f" {petition.representative}"
    return search.Document(
        title=f"{petition.code} — {petition.subject}",
        summary=petition.content,
        extra=public,
        agency_id=petition.agency_id,
    )


def denunciations_found_by_denouncer(person, tokens: list[str]):
    """Denunciations whose identity the person was granted, that hold every
    word in the denouncer's name, phone or identity number, the citizen of
    the visit they were opened from, or their own subject and content."""
    petitions = permissions.identity_readable_petitions(person)
    for token in tokens:
        key = search_key(token)
        petitions = petitions.filter(
            Q(denouncer__sender_key__contains=key)
            | Q(denouncer__phone__contains=key)
            | Q(denouncer__identity_number__contains=key)
            | Q(reception__citizen__search_text__contains=key)
            | Q(search_text__contains=key)
            | Q(code__icontains=key)
        )
    return petitions.values("pk")


search.register(
    search.Kind(
        name="petition",
        label=_("Đơn thư"),
        model=Petition,
        document=petition_document,
        visible=permissions.visible_petitions,
        url_name="petitions:petition_detail",
        records=lambda: Petition.objects.select_related("citizen"),
        private_matches=denunciations_found_by_denouncer,
        read_what="petitions.search_result",
        depends={Citizen: lambda citizen: citizen.petitions.all()},
    )
)
