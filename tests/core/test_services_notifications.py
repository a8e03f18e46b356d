from datetime import date

from django.core import mail

from danvan.core.models import Notification
from danvan.core.outbox import send_due_mail
from danvan.core.services import catching_up, mark_notifications_read, notify


def test_notify_is_once_per_key(unit_officer):
    notify(recipients=[unit_officer], key="k1", text="Còn 7 ngày đến hạn")
    notify(recipients=[unit_officer], key="k1", text="Còn 7 ngày đến hạn")
    assert Notification.objects.filter(recipient=unit_officer).count() == 1


def test_notify_emails_after_commit(unit_officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[unit_officer], key="k2", text="Bạn được giao nhiệm vụ", url="/ke-hoach/")
    assert len(mail.outbox) == 1 and "/ke-hoach/" in mail.outbox[0].body


def test_a_send_pass_twice_sends_once(unit_officer):
    (notification,) = notify(recipients=[unit_officer], key="k3", text="Nhắc việc")
    assert send_due_mail().sent == 1
    assert send_due_mail().sent == 0
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_mark_notifications_read_clears_the_counter(unit_officer):
    notify(recipients=[unit_officer], key="k4", text="Nhắc việc")
    assert mark_notifications_read(person=unit_officer) == 1
    assert not Notification.objects.filter(recipient=unit_officer, read_at__isnull=True).exists()


def test_set_notification_digest_switches_the_preference(unit_officer):
    from danvan.core.services import set_notification_digest

    set_notification_digest(person=unit_officer, digest=True)
    unit_officer.refresh_from_db()
    assert unit_officer.notification_digest


def test_what_a_catching_up_scan_notifies_says_it_is_late(unit_officer):
    with catching_up(date(2026, 10, 22)):
        (late,) = notify(recipients=[unit_officer], key="k5", text="Còn 7 ngày đến hạn")
    (on_time,) = notify(recipients=[unit_officer], key="k6", text="Còn 7 ngày đến hạn")
    assert late.text == "Nhắc muộn (lẽ ra gửi ngày 22/10/2026): Còn 7 ngày đến hạn"
    assert on_time.text == "Còn 7 ngày đến hạn"
