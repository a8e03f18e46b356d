from django_tasks import task

from danvan.plans import services


@task()
def read_plan_import_job(import_id: int) -> None:
    """Read an uploaded plan file in the background (OCR of a scan takes minutes)."""
    services.read_plan_import(import_id=import_id)
