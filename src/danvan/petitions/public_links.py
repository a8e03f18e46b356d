"""Links an app above petitions adds to the citizen's public lookup of a petition.

The lookup page (``views.public_lookup``) asks every registered provider for
the links it offers on the petition found, e.g. the agency's satisfaction
survey about how petitions are handled once this one is answered. Petitions
knows no such app: each registers ``provider(petition) -> list[PublicLink]``
from its ``AppConfig.ready()``. The petition a provider gets carries the
fields the public lookup reads (``selectors.public_status``); anything else
it reads costs a query. A provider shows nothing of the petition's sender.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from danvan.petitions.models import Petition


@dataclass(frozen=True)
class PublicLink:
    label: str
    url: str = ""  # empty: the text alone (e.g. "you already answered")
    detail: str = ""


Provider = Callable[[Petition], list[PublicLink]]
_PROVIDERS: list[Provider] = []


def register_public_link(provider: Provider) -> None:
    """Registering a provider again adds nothing."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def public_links(petition: Petition) -> list[PublicLink]:
    return [link for provider in _PROVIDERS for link in provider(petition)]
