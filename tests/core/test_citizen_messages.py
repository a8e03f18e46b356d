"""Messages to citizens go through the configured channels (core/notify.py):
e-mail through the outbox by default, any other channel by its backend
class; the administrator never reads a citizen's address."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from danvan.core import notify, outbox
from danvan.core.models import OutgoingMail
from tests import citizen_backends

MESSAGE = notify.CitizenMessage(
    email="cong.dan@example.vn",
    phone="0905 111 222",
    subject="Đơn ABCDE-FGHJK: Đã nhận đơn",
    body="Kính gửi ông/bà,",
    short="Đơn ABCDE-FGHJK đã nhận đơn.",
)


@pytest.fixture
def recorded(settings):
    settings.DANVAN_CITIZEN_MESSAGE_BACKENDS = [
        "danvan.core.notify.EmailBackend",
        "tests.citizen_backends.RecordingTextBackend",
    ]
    citizen_backends.SENT.clear()
    yield citizen_backends.SENT
    citizen_backends.SENT.clear()


def test_e_mail_is_the_default_channel(db):
    assert [type(b) for b in notify.citizen_backends()] == [notify.EmailBackend]
    assert isinstance(notify.citizen_backends()[0], notify.CitizenMessageBackend)
    assert notify.tell_citizen(MESSAGE) == 1
    row = OutgoingMail.objects.get()
    assert (row.to, row.subject, row.confidential) == (MESSAGE.email, MESSAGE.subject, True)
    assert outbox.send_due_mail().sent == 1 and mail.outbox[0].to == [MESSAGE.email]


def test_every_configured_channel_takes_what_it_can_carry(db, recorded):
    assert notify.tell_citizen(MESSAGE) == 2
    assert recorded == [MESSAGE] and OutgoingMail.objects.count() == 1
    without_phone = notify.CitizenMessage(email="a@example.vn", phone="", subject="s", body="b")
    assert notify.tell_citizen(without_phone) == 1 and recorded == [MESSAGE]
    nowhere = notify.CitizenMessage(email="", phone="", subject="s", body="b")
    assert notify.tell_citizen(nowhere) == 0 and OutgoingMail.objects.count() == 2


def test_the_administrator_reads_neither_a_citizens_address_nor_the_subject(client, system_admin):
    notify.tell_citizen(MESSAGE)
    row = OutgoingMail.objects.get()
    client.force_login(system_admin)
    pages = [
        client.get(reverse("admin:core_outgoingmail_changelist")),
        client.get(reverse("admin:core_outgoingmail_change", args=[row.pk])),
        client.get(reverse("admin:core_outgoingmail_changelist"), {"q": "cong.dan"}),
    ]
    for page in pages:
        text = page.content.decode()
        assert page.status_code == 200
        assert MESSAGE.email not in text and "ABCDE-FGHJK" not in text
    assert "(công dân, được giữ kín)" in pages[0].content.decode()
    # A search by the address does not find the row.
    change = reverse("admin:core_outgoingmail_change", args=[row.pk])
    assert change in pages[0].content.decode() and change not in pages[2].content.decode()
