from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from danvan.plans.models import Task


def scan(day):
    out = StringIO()
    call_command("scan_deadlines", "--ngay", day, stdout=out)
    return out.getvalue()


def test_scan_reports_what_it_did(task, unit_head):
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    assert "1 nhiệm vụ quá hạn" in scan("21/10/2026")


def test_scan_twice_the_same_day_changes_nothing(task, unit_head):
    Task.objects.filter(pk=task.pk).update(due_date=date(2026, 10, 20))
    scan("21/10/2026")
    assert "0 nhiệm vụ quá hạn, 0 lời nhắc" in scan("21/10/2026")


def test_a_wrong_date_fails_clearly(db):
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        scan("2026-10-21")
