"""What a successor takes over from a merged or split agency or unit: the
plans not yet closed (drafts too, so that nothing written is lost), the open
tasks a unit leads and the dated duties it owes. Closed plans and finished
tasks stay with the predecessor, under the name they were done with.

In a split each open plan goes to the successor the administrator chooses
(the main one unless chosen); a task follows its lead unit ("chuyển theo đơn
vị"): the unit keeps leading it in whichever successor the unit went to,
and the task stays in its plan, whose owner follows it up as with any unit
of another agency that leads a task of its plan."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency, Unit
from danvan.core.organisation import Following, register_takeover
from danvan.plans.models import DeadlineDuty, Plan, Task

OPEN_TASK = ~Q(status__in=(Task.Status.DONE, Task.Status.CANCELLED))


def _open_plans(agency: Agency):
    return Plan.objects.filter(agency=agency).exclude(status=Plan.Status.CLOSED)


def _move_plans(old: Agency, new: Agency) -> int:
    return _move_these_plans(list(_open_plans(old)), new)


def _move_these_plans(plans: list, new: Agency) -> int:
    for plan in plans:
        plan.agency = new
        plan.save(update_fields=["agency"])
    return len(plans)


def _tasks_following_units(agency: Agency) -> list[Following]:
    tasks = (
        Task.objects.filter(OPEN_TASK, plan__in=_open_plans(agency), lead_unit__agency=agency)
        .select_related("lead_unit", "plan")
        .order_by("plan_id", "pk")
    )
    return [Following(item=task, unit=task.lead_unit) for task in tasks]


def _unit_work(unit: Unit):
    return (
        Task.objects.filter(OPEN_TASK, lead_unit=unit),
        Plan.objects.filter(unit=unit).exclude(status=Plan.Status.CLOSED),
        DeadlineDuty.objects.filter(unit=unit, status=DeadlineDuty.Status.OPEN),
    )


def _count_unit_work(unit: Unit) -> int:
    tasks, _plans, _duties = _unit_work(unit)
    return tasks.count()


def _move_unit_work(old: Unit, new: Unit) -> int:
    tasks, plans, duties = _unit_work(old)
    moved = list(tasks)
    for task in moved:
        task.lead_unit = new
        task.save(update_fields=["lead_unit"])
    for plan in plans:
        plan.unit = new
        plan.save(update_fields=["unit"])
    duties.update(unit=new)
    for task in Task.objects.filter(OPEN_TASK, supporting_units=old):
        task.supporting_units.remove(old)
        task.supporting_units.add(new)
    return len(moved)


register_takeover(
    level="agency",
    label=_("kế hoạch chưa kết thúc"),
    count=lambda agency: _open_plans(agency).count(),
    move=_move_plans,
    items=lambda agency: _open_plans(agency).order_by("period_year", "pk"),
    move_items=_move_these_plans,
    follows=_tasks_following_units,
)
register_takeover(
    level="unit",
    label=_("nhiệm vụ đang chủ trì"),
    count=_count_unit_work,
    move=_move_unit_work,
)
