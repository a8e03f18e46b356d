from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command

from danvan.core.models import Notification
from danvan.petitions import services
from danvan.petitions.models import Deadline
from tests.petitions.factories import case_for, classified


def _due(petition, code="petition.notify"):
    return Deadline.objects.get(petition=petition, code=code).due_date


def test_send_deadline_reminders_tells_the_handler_seven_days_before(agency, inspector, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    due = _due(petition)
    assert services.send_deadline_reminders(today=due - timedelta(days=7)) == 1
    # Besides the notice of being made handler (petitions/services/telling.py).
    note = Notification.objects.exclude(key__startswith="petitions:handler:").get(recipient=unit_officer)
    assert petition.code in note.text and "7 ngày" in note.text


def test_send_deadline_reminders_on_the_day(agency, inspector, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    services.send_deadline_reminders(today=_due(petition))
    reminders = Notification.objects.exclude(key__startswith="petitions:handler:")
    assert "Hôm nay là hạn" in reminders.get(recipient=unit_officer).text


def test_send_deadline_reminders_skips_other_days(agency, inspector, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    assert services.send_deadline_reminders(today=_due(petition) - timedelta(days=3)) == 0


def test_send_deadline_reminders_twice_sends_nothing_new(agency, inspector, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    day = _due(petition) - timedelta(days=1)
    services.send_deadline_reminders(today=day)
    assert services.send_deadline_reminders(today=day) == 0


def test_without_a_handler_the_agency_leader_is_reminded(petition, agency_head):
    services.send_deadline_reminders(today=_due(petition))
    assert Notification.objects.filter(recipient=agency_head).count() == 1


def test_a_case_deadline_reminds_the_case_handler(agency, inspector):
    case = case_for(agency, by=inspector)
    due = _due(case.petition, services.resolve_code(case))
    services.send_deadline_reminders(today=due - timedelta(days=1))
    assert Notification.objects.filter(recipient=inspector, key__startswith="petition-reminder").count() == 1


def test_escalate_overdue_deadlines_tells_handler_and_head_once(agency, inspector, agency_head, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    day = _due(petition) + timedelta(days=1)
    assert services.escalate_overdue_deadlines(today=day) == 2
    assert services.escalate_overdue_deadlines(today=day + timedelta(days=1)) == 0
    assert Notification.objects.filter(recipient=agency_head, key__startswith="petition-overdue").exists()


def test_a_suspended_case_is_neither_reminded_nor_escalated(agency, inspector):
    case = case_for(agency, by=inspector)
    services.suspend_case(case=case, on=date(2026, 3, 10), reason="Chờ kết quả giám định", by=inspector)
    due = _due(case.petition, services.resolve_code(case))
    services.send_deadline_reminders(today=due)
    services.escalate_overdue_deadlines(today=due + timedelta(days=1))
    assert not Notification.objects.filter(
        key__contains=f":{case.petition.deadlines.get(code=services.resolve_code(case)).pk}:"
    ).exists()


def test_reminders_never_name_the_denouncer(denunciation, agency_head):
    due = _due(denunciation, "denunciation.initial_check")
    services.send_deadline_reminders(today=due)
    services.escalate_overdue_deadlines(today=due + timedelta(days=1))
    texts = list(Notification.objects.values_list("text", flat=True))
    assert texts and not any("Hoàng Thị Mật" in text for text in texts)


def test_scan_deadlines_command_reminds_case_deadlines(agency, inspector, unit_officer):
    petition = classified(agency, by=inspector, handler=unit_officer)
    out = StringIO()
    call_command("scan_deadlines", "--ngay", f"{_due(petition):%d/%m/%Y}", stdout=out)
    assert "1 lời nhắc hạn đơn thư" in out.getvalue()
