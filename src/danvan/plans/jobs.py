from django.utils import timezone
from django_tasks import task

from danvan.core.services import send_daily_digests
from danvan.plans import services


@task()
def read_plan_import_job(import_id: int) -> None:
    """Read an uploaded plan file in the background (OCR of a scan takes minutes)."""
    services.read_plan_import(import_id=import_id)


@task()
def daily_deadline_scan_job() -> None:
    """Mark overdue tasks, send reminders and digests; safe to run twice a day."""
    today = timezone.localdate()
    services.close_finished_plans(today=today)
    services.mark_overdue_tasks(today=today)
    services.send_task_reminders(today=today)
    send_daily_digests()
