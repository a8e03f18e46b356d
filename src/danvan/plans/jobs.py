"""Plans' background work and its daily steps."""

from datetime import date

from django.db.models import Q

from danvan.core.jobs import background_task, daily_step, register_leased_job
from danvan.plans.models import PlanImport
from danvan.plans.services import (
    close_finished_plans,
    create_task_occurrences,
    give_up_plan_imports,
    mark_overdue_tasks,
    read_plan_import,
    refresh_all_measured_targets,
    send_deadline_reminders,
    send_task_reminders,
)


@background_task("plans.read_plan_import")
def read_plan_import_job(import_id: int) -> None:
    """Read an uploaded plan file in the background (OCR of a scan takes minutes)."""
    read_plan_import(import_id=import_id)


# A worker killed while reading leaves the import "processing": it is read again.
register_leased_job(
    task="plans.read_plan_import",
    model=PlanImport,
    running=Q(status=PlanImport.Status.PROCESSING),
    give_up=give_up_plan_imports,
)


@daily_step(order=100, name="plans.close_finished_plans", describe="{count} kế hoạch kết thúc")
def close_plans_of_past_years(today: date) -> int:
    return close_finished_plans(today=today)


@daily_step(order=105, name="plans.create_task_occurrences", describe="{count} kỳ nhiệm vụ định kỳ mới")
def create_occurrences(today: date) -> int:
    return create_task_occurrences(today=today)


@daily_step(order=110, name="plans.mark_overdue_tasks", describe="{count} nhiệm vụ quá hạn")
def mark_overdue(today: date) -> int:
    return mark_overdue_tasks(today=today)


@daily_step(order=120, name="plans.send_task_reminders", describe="{count} lời nhắc")
def remind_tasks(today: date) -> int:
    return send_task_reminders(today=today)


@daily_step(order=130, name="plans.refresh_measured_targets", describe="{count} chỉ tiêu tính lại")
def refresh_targets(today: date) -> int:
    return refresh_all_measured_targets(today=today)


@daily_step(order=125, name="plans.send_deadline_reminders", describe="{count} lời nhắc hạn theo kế hoạch")
def remind_plan_deadlines(today: date) -> int:
    return send_deadline_reminders(today=today)
