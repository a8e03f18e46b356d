"""Changes to plans and their tasks. Each public function runs in one
transaction and takes the acting person as ``by``; the modules group them by
workflow, and this package exports them all."""

from danvan.plans.services.deadlines import mark_overdue_tasks, send_task_reminders
from danvan.plans.services.imports import (
    ReviewedPlan,
    cancel_plan_import,
    create_plan,
    create_plan_from_import,
    read_plan_import,
    upload_plan_file,
)
from danvan.plans.services.lifecycle import (
    PLAN_FIELDS,
    amend_plan,
    approve_plan,
    bind_target,
    close_finished_plans,
    close_plan,
    copy_plan,
    create_new_plan,
    record_target_value,
    refresh_all_measured_targets,
    refresh_measured_target,
    refresh_measured_targets,
    return_plan,
    submit_plan,
    update_plan,
)
from danvan.plans.services.tasks import (
    TASK_FIELDS,
    add_task,
    assign_task,
    cancel_task,
    comment_on_task,
    confirm_task_update,
    edit_task,
    post_task_update,
)

__all__ = [
    "PLAN_FIELDS",
    "TASK_FIELDS",
    "ReviewedPlan",
    "add_task",
    "amend_plan",
    "approve_plan",
    "assign_task",
    "cancel_plan_import",
    "cancel_task",
    "close_finished_plans",
    "close_plan",
    "comment_on_task",
    "confirm_task_update",
    "copy_plan",
    "create_new_plan",
    "create_plan",
    "create_plan_from_import",
    "edit_task",
    "mark_overdue_tasks",
    "post_task_update",
    "read_plan_import",
    "bind_target",
    "record_target_value",
    "refresh_all_measured_targets",
    "refresh_measured_target",
    "refresh_measured_targets",
    "return_plan",
    "send_task_reminders",
    "submit_plan",
    "update_plan",
    "upload_plan_file",
]
