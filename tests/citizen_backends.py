"""A citizen-message channel for the tests: it records what it is handed,
as an SMS gateway's backend would be handed it, and contacts no provider."""

from danvan.core.notify import CitizenMessage

SENT: list[CitizenMessage] = []


class RecordingTextBackend:
    """Takes every message for a citizen who gave a phone number."""

    def deliver(self, message: CitizenMessage) -> bool:
        if not message.phone:
            return False
        SENT.append(message)
        return True
