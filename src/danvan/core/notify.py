"""Messages to citizens: the channels that carry them.

A message to a citizen (their case code, a step of their case) is handed to
every backend named in ``DANVAN_CITIZEN_MESSAGE_BACKENDS`` (dotted paths,
in order). Each backend takes what it can carry: the e-mail backend, the
default, puts an e-mail in the outbox when the citizen gave an address; an
SMS backend would send a text when they gave a phone number.

A backend's ``deliver`` runs inside the transaction of the step that made the
message, so it must not talk to a remote service there: it writes a row or
queues a task on commit, as the e-mail backend does through the outbox. How
to plug an SMS gateway is in docs/operations.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.utils.module_loading import import_string

from danvan.core import outbox

DEFAULT_BACKENDS = ["danvan.core.notify.EmailBackend"]


@dataclass(frozen=True)
class CitizenMessage:
    """What a citizen is told, and where they can be reached."""

    email: str
    phone: str
    subject: str
    body: str
    # Short enough for one text message: the code, the step and the date.
    short: str = ""


@runtime_checkable
class CitizenMessageBackend(Protocol):
    def deliver(self, message: CitizenMessage) -> bool:
        """Take the message if this channel can reach the citizen; True when taken."""
        ...


class EmailBackend:
    """The default channel: an e-mail through the outbox (core/outbox.py),
    its recipient hidden from the administrator."""

    def deliver(self, message: CitizenMessage) -> bool:
        if not message.email:
            return False
        outbox.queue_mail(to=message.email, subject=message.subject, body=message.body, confidential=True)
        return True


def citizen_backends() -> list[CitizenMessageBackend]:
    paths = getattr(settings, "DANVAN_CITIZEN_MESSAGE_BACKENDS", None) or DEFAULT_BACKENDS
    return [import_string(path)() for path in paths]


def tell_citizen(message: CitizenMessage) -> int:
    """Hand the message to every configured channel; how many took it."""
    return sum(1 for backend in citizen_backends() if backend.deliver(message))
