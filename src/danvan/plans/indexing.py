"""Plans and tasks in the search box (danvan.core.search)."""

from django.utils.translation import gettext_lazy as _

from danvan.core import search
from danvan.plans import permissions
from danvan.plans.models import Plan, Task


def plan_document(plan: Plan) -> search.Document:
    return search.Document(
        title=plan.title,
        summary=plan.purposes,
        extra=f"{plan.reference} {plan.implementation} {plan.higher_plan} {plan.period_year or ''}",
        agency_id=plan.agency_id,
    )


def task_document(task: Task) -> search.Document:
    return search.Document(
        title=task.heading,
        summary=" — ".join(part for part in (task.section, task.lead_text, task.timing) if part),
        agency_id=_agency_of(task),
    )


def _agency_of(task: Task) -> int | None:
    if Task.plan.is_cached(task):
        return task.plan.agency_id
    return Plan.objects.filter(pk=task.plan_id).values_list("agency_id", flat=True).first()


search.register(
    search.Kind(
        name="plan",
        label=_("Kế hoạch"),
        model=Plan,
        document=plan_document,
        visible=permissions.visible_plans,
        url_name="plans:plan_detail",
    )
)
search.register(
    search.Kind(
        name="task",
        label=_("Nhiệm vụ"),
        model=Task,
        document=task_document,
        visible=permissions.visible_tasks,
        url_name="plans:task_detail",
        records=lambda: Task.objects.select_related("plan"),
    )
)
