"""The outbox: every e-mail is a row written in the transaction that made it,
and the worker sends it. A request never talks to the mail server, so a
server that refuses or never answers cannot fail or block it.

A row is marked sent only once the server accepted it; a refusal or a
timeout leaves it pending with the error and a later attempt time (1, 5, 15
minutes, 1, 3, 6, 12 hours), and after the last attempt it is failed, which
the administrator sees in the admin site and in the daily scan's summary. Two
workers never send the same row: a worker first takes a row for
``CLAIM_MINUTES`` by moving its attempt time; if it dies while sending, the
row is due again when the claim lapses.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from danvan.core.models import Notification, OutgoingMail

WAITS_MINUTES = (1, 5, 15, 60, 180, 360, 720)
MAX_ATTEMPTS = len(WAITS_MINUTES) + 1
CLAIM_MINUTES = 10
BATCH = 200

# What a broken connection raises: the rest of the batch waits for the next attempt.
CONNECTION_ERRORS = (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


@dataclass(frozen=True)
class SendResult:
    sent: int
    retrying: int
    failed: int

    def __str__(self) -> str:
        return f"{self.sent} thư đã gửi, {self.retrying} thư chờ gửi lại, {self.failed} thư không gửi được"


def queue_mail(
    *, to: str, subject: str, body: str, notifications=(), confidential: bool = False
) -> OutgoingMail:
    """Put an e-mail in the outbox (in the caller's transaction) and wake the
    worker once the transaction commits. A ``confidential`` mail (to a
    citizen) hides its recipient and subject from the administrator."""
    mail = OutgoingMail.objects.create(
        to=to, subject=subject[:255], body=body, next_attempt_at=timezone.now(), confidential=confidential
    )
    pks = [n.pk for n in notifications]
    if pks:
        Notification.objects.filter(pk__in=pks).update(mail=mail)
    transaction.on_commit(wake_sender)
    return mail


def wake_sender(run_after: datetime | None = None) -> None:
    """Queue a send pass for the worker; a backend that cannot defer (the
    immediate one) runs it now and is not asked to wait."""
    if run_after is None:
        send_outbox_task.enqueue()
    elif send_outbox_task.get_backend().supports_defer:
        send_outbox_task.using(run_after=run_after).enqueue()


def _claim(now: datetime) -> list[OutgoingMail]:
    due = list(
        OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", "next_attempt_at")[:BATCH]
    )
    claimed = []
    for pk, at in due:
        taken = OutgoingMail.objects.filter(
            pk=pk, status=OutgoingMail.Status.PENDING, next_attempt_at=at
        ).update(next_attempt_at=now + timedelta(minutes=CLAIM_MINUTES))
        if taken:
            claimed.append(pk)
    return list(OutgoingMail.objects.filter(pk__in=claimed).order_by("pk"))


def _accepted(mail: OutgoingMail, now: datetime) -> None:
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENT, sent_at=now, attempts=mail.attempts + 1, last_error=""
    )
    Notification.objects.filter(mail=mail, emailed_at__isnull=True).update(emailed_at=now)


def _refused(mail: OutgoingMail, now: datetime, error: BaseException) -> bool:
    """Record the failure; True when the row will be tried again."""
    attempts = mail.attempts + 1
    text = f"{type(error).__name__}: {error}"[:2000]
    if attempts >= MAX_ATTEMPTS:
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=OutgoingMail.Status.FAILED, attempts=attempts, last_error=text
        )
        return False
    wait = timedelta(minutes=WAITS_MINUTES[attempts - 1])
    OutgoingMail.objects.filter(pk=mail.pk).update(
        attempts=attempts, last_error=text, next_attempt_at=now + wait
    )
    return True


def send_due_mail(now: datetime | None = None) -> SendResult:
    """Send what is due, one batch; safe to run in several workers at once."""
    now = now or timezone.now()
    batch = _claim(now)
    sent = retrying = failed = 0
    if not batch:
        return SendResult(0, 0, 0)
    connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
    broken: BaseException | None = None
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - any failure to connect is recorded on the rows
        broken = error
    for mail in batch:
        if broken is None:
            message = EmailMessage(mail.subject, mail.body, None, [mail.to], connection=connection)
            try:
                message.send()
            except CONNECTION_ERRORS as error:
                broken = error
            except Exception as error:  # noqa: BLE001 - the server refused this message
                if _refused(mail, now, error):
                    retrying += 1
                else:
                    failed += 1
                continue
            else:
                _accepted(mail, now)
                sent += 1
                continue
        if _refused(mail, now, broken):
            retrying += 1
        else:
            failed += 1
    try:
        connection.close()
    except Exception:  # noqa: BLE001, S110 - closing a broken connection may fail too
        pass
    return SendResult(sent, retrying, failed)


def outbox_summary() -> dict[str, int]:
    """How many e-mails wait and how many failed: for the administrator."""
    counts = {status: 0 for status in OutgoingMail.Status.values}
    for row in OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).values("status"):
        counts[row["status"]] += 1
    return {"pending": counts["pending"], "failed": counts["failed"]}


@task()
def send_outbox_task() -> int:
    """The worker's send pass: send what is due, then come back when the next row is."""
    result = send_due_mail()
    following = (
        OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if following is not None and (result.sent or result.retrying):
        wake_sender(run_after=max(following, timezone.now()))
    return result.sent
