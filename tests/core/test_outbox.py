"""E-mail goes through the outbox: a mail server that refuses or never
answers fails no request and loses no e-mail, and a message is marked sent
only once a server accepted it."""

from __future__ import annotations

import socket
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from danvan.core import outbox
from danvan.core.models import Notification, OutgoingMail, Role
from danvan.core.services import notify, retry_mail, send_daily_digests
from danvan.democracy.models import DisclosureRequest
from tests.factories import person_with_role


def _closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def refusing_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 1


@pytest.fixture
def silent_smtp(settings):
    """A server that takes the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.getsockname()[1], 1
    yield
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_notification_waits_in_the_outbox_until_the_server_accepts_it(
    unit_officer, refusing_smtp, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(recipients=[unit_officer], key="k", text="Bạn được giao nhiệm vụ", url="/x/")
    row = OutgoingMail.objects.get()
    assert (row.status, row.attempts) == (OutgoingMail.Status.PENDING, 1)
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at > timezone.now()
    notification.refresh_from_db()
    assert notification.emailed_at is None and notification.mail == row
    # Not due yet: nothing is tried again before its time.
    assert outbox.send_due_mail().sent == 0
    # The server is back; at the attempt time the e-mail goes and is marked sent.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    result = outbox.send_due_mail(now=row.next_attempt_at + timedelta(seconds=1))
    assert (result.sent, result.retrying, result.failed) == (1, 0, 0)
    row.refresh_from_db()
    notification.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT and row.attempts == 2 and row.last_error == ""
    assert notification.emailed_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [unit_officer.email]
    assert "/x/" in mail.outbox[0].body


def test_a_server_that_never_answers_is_given_up_on_after_the_timeout(unit_officer, silent_smtp):
    notify(recipients=[unit_officer], key="k", text="Nhắc việc")
    notify(recipients=[unit_officer], key="k2", text="Nhắc việc khác")
    result = outbox.send_due_mail()
    assert (result.sent, result.retrying) == (0, 2)
    errors = set(OutgoingMail.objects.values_list("last_error", flat=True))
    assert len(errors) == 1 and "timed out" in errors.pop()


def test_a_request_that_notifies_succeeds_while_the_mail_server_refuses(
    client, unit_officer, office_officer, agency, refusing_smtp, django_capture_on_commit_callbacks
):
    client.force_login(unit_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("democracy:request_create"), {"agency": agency.pk, "subject": "Quy chế chi tiêu nội bộ"}
        )
    assert response.status_code == 302
    assert DisclosureRequest.objects.filter(agency=agency).count() == 1
    row = OutgoingMail.objects.get(to=office_officer.email)
    assert row.status == OutgoingMail.Status.PENDING and row.attempts == 1


def test_after_the_last_attempt_the_mail_is_failed_and_shown_to_the_administrator(
    unit_officer, refusing_smtp, client, system_admin, settings
):
    notify(recipients=[unit_officer], key="k", text="Nhắc việc")
    row = OutgoingMail.objects.get()
    now = timezone.now()
    for _ in range(outbox.MAX_ATTEMPTS):
        result = outbox.send_due_mail(now=now)
        row.refresh_from_db()
        now = row.next_attempt_at + timedelta(seconds=1)
    assert (result.retrying, result.failed) == (0, 1)
    assert row.status == OutgoingMail.Status.FAILED and row.attempts == outbox.MAX_ATTEMPTS
    assert outbox.outbox_summary() == {"pending": 0, "failed": 1}
    client.force_login(system_admin)
    page = client.get(reverse("admin:core_outgoingmail_changelist"))
    assert page.status_code == 200 and unit_officer.email in page.content.decode()
    # The administrator sends it again once the server is repaired.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_mail(mail=row)
    assert outbox.send_due_mail().sent == 1
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT and len(mail.outbox) == 1


def test_a_claimed_mail_is_not_sent_by_a_second_worker(unit_officer):
    notify(recipients=[unit_officer], key="k", text="Nhắc việc")
    now = timezone.now()
    assert [m.to for m in outbox._claim(now)] == [unit_officer.email]
    # A second worker finds nothing due until the first one's claim lapses.
    assert outbox._claim(now) == []
    later = now + timedelta(minutes=outbox.CLAIM_MINUTES, seconds=1)
    assert [m.to for m in outbox._claim(later)] == [unit_officer.email]


def test_the_digest_is_one_mail_for_the_day_and_sent_once(lead_unit, django_capture_on_commit_callbacks):
    reader = person_with_role(Role.STAFF, unit=lead_unit, notification_digest=True)
    notify(recipients=[reader], key="a", text="Việc thứ nhất")
    notify(recipients=[reader], key="b", text="Việc thứ hai")
    assert OutgoingMail.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests() == 1
    assert send_daily_digests() == 0
    assert len(mail.outbox) == 1
    assert "Việc thứ nhất" in mail.outbox[0].body and "Việc thứ hai" in mail.outbox[0].body
    assert not Notification.objects.filter(recipient=reader, emailed_at__isnull=True).exists()
