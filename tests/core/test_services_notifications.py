from django.core import mail

from danvan.core.models import Notification
from danvan.core.services import mark_notifications_read, notify, send_notification_emails


def test_notify_is_once_per_key(unit_officer):
    notify(recipients=[unit_officer], key="k1", text="Còn 7 ngày đến hạn")
    notify(recipients=[unit_officer], key="k1", text="Còn 7 ngày đến hạn")
    assert Notification.objects.filter(recipient=unit_officer).count() == 1


def test_notify_emails_after_commit(unit_officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[unit_officer], key="k2", text="Bạn được giao nhiệm vụ", url="/ke-hoach/")
    assert len(mail.outbox) == 1 and "/ke-hoach/" in mail.outbox[0].body


def test_send_notification_emails_twice_sends_once(unit_officer):
    created = notify(recipients=[unit_officer], key="k3", text="Nhắc việc")
    ids = [n.pk for n in created]
    assert send_notification_emails(notification_ids=ids) == 1
    assert send_notification_emails(notification_ids=ids) == 0


def test_mark_notifications_read_clears_the_counter(unit_officer):
    notify(recipients=[unit_officer], key="k4", text="Nhắc việc")
    assert mark_notifications_read(person=unit_officer) == 1
    assert not Notification.objects.filter(recipient=unit_officer, read_at__isnull=True).exists()


def test_set_notification_digest_switches_the_preference(unit_officer):
    from danvan.core.services import set_notification_digest

    set_notification_digest(person=unit_officer, digest=True)
    unit_officer.refresh_from_db()
    assert unit_officer.notification_digest
