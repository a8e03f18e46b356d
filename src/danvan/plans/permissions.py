"""Who may read and change plans and their tasks, one function per action.

An agency's plans are read inside the agency and by its reviewers; its office
writes them, its leader approves and issues them. A task is read by the
agency-wide roles and by the units that lead or support it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, Unit, User
from danvan.core.permissions import (
    AGENCY_WIDE_ROLES,
    agencies_readable,
    agency_scope,
    can_view_agency,
    scopes_of,
    visible_agencies,
)
from danvan.core.prepared import ids, prepared
from danvan.documents.permissions import can_sign_for_agency
from danvan.plans.models import DeadlineDuty, Plan, PlanAmendment, Task

# Plans the province's agencies implement, read by every agency of the province.
_DISCLOSED = (Plan.Status.ISSUED, Plan.Status.CLOSED)


def visible_plan_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose plans the person may read: every member of the agency
    (plans are disclosed to staff), its reviewers, or an administrator."""
    return visible_agencies(person)


def person_provinces(person: User) -> set[int]:
    """The provinces of the agencies the person reads, read once per request
    (kept on the request's person, as core.permissions keeps their scopes)."""
    cached = getattr(person, "_danvan_plan_provinces", None)
    if cached is None:
        scopes = scopes_of(person)
        if scopes.system_admin:
            cached = set(visible_agencies(person).order_by().values_list("province_id", flat=True))
        else:
            cached = set(_provinces_of_agencies.rows(**agency_scope(scopes)))
        person._danvan_plan_provinces = cached  # type: ignore[attr-defined]
    return cached


def can_view_plan(person: User, plan: Plan) -> bool:
    """An agency's plans are read inside the agency and by its reviewers; the
    province's own issued plans are read by every agency of the province,
    since those are the plans they implement."""
    if can_view_agency(person, plan.agency):
        return True
    provincial = plan.agency.kind == Agency.Kind.PROVINCIAL_COMMITTEE and plan.status in _DISCLOSED
    return provincial and plan.agency.province_id in person_provinces(person)


def visible_plans(person: User) -> QuerySet[Plan]:
    return plans_readable(visible_agencies(person), provinces=person_provinces(person))


_provinces_of_agencies = prepared(
    lambda: (
        agencies_readable(own=ids("own"), reviewed=ids("reviewed"))
        .order_by()
        .values_list("province_id", flat=True)
    )
)


def plans_readable(agencies: QuerySet[Agency], *, provinces) -> QuerySet[Plan]:
    """The rule of ``visible_plans``: the plans of the agencies read, and the
    province's own disclosed plans for its agencies. ``provinces`` is a set of
    ids or an ``ids()`` placeholder of a prepared query (core.prepared)."""
    provincial = Q(
        agency__kind=Agency.Kind.PROVINCIAL_COMMITTEE,
        status__in=_DISCLOSED,
        agency__province__in=provinces,
    )
    return Plan.objects.filter(Q(agency__in=agencies) | provincial)


def can_author_plan(person: User, agency: Agency) -> bool:
    """Create, import and edit the agency's draft plans: its office, or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_import_plan(person: User, agency: Agency) -> bool:
    return can_author_plan(person, agency)


def can_author_unit_plan(person: User, unit: Unit) -> bool:
    """Write the plans of a unit that issues its own (a chi cục, a centre):
    its head, the agency's office, or an administrator."""
    if not unit.issues_plans() or not unit.is_active:
        return False
    return unit.pk in scopes_of(person).led_units or can_author_plan(person, unit.agency)


def writes_plan(person: User, plan: Plan) -> bool:
    """The person writes this plan: the agency's office for the agency's
    plans, the unit's head too for a unit's plan."""
    if plan.unit_id is not None and plan.unit is not None:
        return can_author_unit_plan(person, plan.unit)
    return can_author_plan(person, plan.agency)


def can_edit_plan(person: User, plan: Plan) -> bool:
    return plan.is_editable() and writes_plan(person, plan)


def can_amend_plan(person: User, plan: Plan) -> bool:
    return plan.status == Plan.Status.ISSUED and writes_plan(person, plan)


def can_measure_plan(person: User, plan: Plan) -> bool:
    """Record the figures of the plan's targets: who writes the plan."""
    return writes_plan(person, plan)


def can_submit_plan(person: User, plan: Plan) -> bool:
    return plan.is_editable() and writes_plan(person, plan)


def leads_agency_of(person: User, plan: Plan) -> bool:
    """The person approves the plan (whatever its state now): the agency's
    leader, and for a unit's plan the unit's head (Giám đốc Trung tâm, Chi cục trưởng)."""
    scopes = scopes_of(person)
    if scopes.system_admin or plan.agency_id in scopes.agencies_with(Role.AGENCY_LEADER):
        return True
    return plan.unit_id is not None and plan.unit_id in scopes.led_units


def can_approve_plan(person: User, plan: Plan) -> bool:
    """Approve, issue or return a submitted plan: the agency's leader."""
    return leads_agency_of(person, plan) and plan.status == Plan.Status.SUBMITTED


def can_copy_plan(person: User, plan: Plan) -> bool:
    return writes_plan(person, plan)


def get_plan_for_user(person: User, plan_id: int, *, action: str = "view") -> Plan:
    plan = Plan.objects.select_related("agency__province", "unit").filter(pk=plan_id).first()
    if plan is None or not can_view_plan(person, plan):
        raise Http404(_("Không tìm thấy kế hoạch."))
    if action == "edit" and not writes_plan(person, plan):
        raise PermissionDenied(_("Bạn không có quyền sửa kế hoạch này."))
    return plan


def can_link_higher_items(person: User, plan: Plan) -> bool:
    """Say which of the higher plan's items the plan takes up: the agency's
    office, for a plan that implements a higher plan."""
    return plan.implements_id is not None and writes_plan(person, plan)


# --- Amendments ---------------------------------------------------------------------


def can_edit_amendment(person: User, amendment: PlanAmendment) -> bool:
    """Write the changes of an amendment and submit it: the agency's office,
    while the amendment is a draft or was returned."""
    return amendment.is_editable() and writes_plan(person, amendment.plan)


def can_decide_amendment(person: User, amendment: PlanAmendment) -> bool:
    """Issue or return a submitted amendment: the agency's leader."""
    return amendment.status == PlanAmendment.Status.SUBMITTED and leads_agency_of(person, amendment.plan)


def can_sign_amendment(person: User, amendment: PlanAmendment) -> bool:
    """Sign an issued amendment with the agency's certificate: the agency's leader."""
    return amendment.status == PlanAmendment.Status.ISSUED and can_sign_for_agency(
        person, amendment.plan.agency
    )


def get_amendment_for_user(person: User, amendment_id: int) -> PlanAmendment:
    """An amendment is read by whoever reads its plan; a draft only by those
    who write or decide it."""
    amendment = (
        PlanAmendment.objects.select_related("plan__agency__province", "created_by", "decided_by")
        .filter(pk=amendment_id)
        .first()
    )
    if amendment is None or not can_view_plan(person, amendment.plan):
        raise Http404(_("Không tìm thấy văn bản sửa đổi, bổ sung."))
    drafting = amendment.status != PlanAmendment.Status.ISSUED
    if drafting and not (writes_plan(person, amendment.plan) or leads_agency_of(person, amendment.plan)):
        raise Http404(_("Không tìm thấy văn bản sửa đổi, bổ sung."))
    return amendment


def can_complete_duty(person: User, duty: DeadlineDuty) -> bool:
    """Say a plan's dated item is done: the head of the unit it belongs to, or
    the agency's office (which owns the items that name no unit)."""
    if not duty.is_open():
        return False
    scopes = scopes_of(person)
    agency_id = duty.deadline.plan.agency_id
    if scopes.system_admin or agency_id in scopes.agencies_with(Role.AGENCY_OFFICE):
        return True
    return duty.unit_id is not None and duty.unit_id in scopes.led_units


def get_duty_for_user(person: User, duty_id: int) -> DeadlineDuty:
    duty = (
        DeadlineDuty.objects.select_related("deadline__plan__agency__province", "unit")
        .filter(pk=duty_id)
        .first()
    )
    if duty is None or not can_view_plan(person, duty.deadline.plan):
        raise Http404(_("Không tìm thấy việc theo hạn của kế hoạch."))
    return duty


# --- Tasks ------------------------------------------------------------------------


def visible_tasks(person: User) -> QuerySet[Task]:
    """Tasks the person may read: all of their agencies for agency-wide roles
    and reviewers; otherwise those their units lead or support, and their own.

    The query starts from the person's scope: the plans of their agencies and
    the tasks their units support are read first (two small indexed queries)
    and given to the task query as lists of ids, so that the database joins
    the indexes of assignee, plan, lead unit and id (a bitmap OR) and reads
    only the person's own tasks, however many the province holds."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Task.objects.all()
    agencies = scopes.agencies_with(*AGENCY_WIDE_ROLES)
    reviewed = scopes.reviewed_provinces
    units = scopes.member_units
    condition = Q(assignee=person)
    if agencies or reviewed:
        condition |= Q(plan_id__in=_scope_plans.rows(agencies=agencies, reviewed=reviewed))
    if units:
        condition |= Q(lead_unit_id__in=units) | Q(pk__in=_supported_tasks.rows(units=units))
    return Task.objects.filter(condition)


# The two lists visible_tasks reads first, prepared (core.prepared).
_scope_plans = prepared(
    lambda: (
        Plan.objects.filter(Q(agency__in=ids("agencies")) | Q(agency__province__in=ids("reviewed")))
        .order_by()
        .values_list("pk", flat=True)
    )
)
_supported_tasks = prepared(
    lambda: (
        Task.supporting_units.through.objects.filter(unit_id__in=ids("units"))
        .order_by()
        .values_list("task_id", flat=True)
    )
)


def can_view_task(person: User, task: Task) -> bool:
    return visible_tasks(person).filter(pk=task.pk).exists()


def can_view_task_column(person: User) -> Exists:
    """``can_view_task`` for every row of a task query at once, as a column:
    ``tasks.annotate(may_open=can_view_task_column(person))`` (one query for a
    whole table, whatever its rows)."""
    return Exists(visible_tasks(person).filter(pk=OuterRef("pk")))


def reads_every_task_of(person: User, plan: Plan) -> bool:
    """Whether every task of the plan is among ``visible_tasks(person)`` by the
    plan alone (its agency read agency-wide, or its province reviewed), so that
    a table of its tasks needs no check per row."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or plan.agency_id in scopes.agencies_with(*AGENCY_WIDE_ROLES)
        or plan.agency.province_id in scopes.reviewed_provinces
    )


def can_assign_task(person: User, task: Task) -> bool:
    """Name the person responsible: the lead unit's head, or the agency office."""
    scopes = scopes_of(person)
    return task.is_open() and (
        scopes.system_admin
        or task.lead_unit_id in scopes.led_units
        or task.plan.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)
    )


def can_update_task(person: User, task: Task) -> bool:
    """Report progress: the assignee or any member of the lead unit, once issued."""
    return (
        task.is_open()
        and task.plan.status == Plan.Status.ISSUED
        and (task.assignee_id == person.pk or task.lead_unit_id in scopes_of(person).member_units)
    )


def can_confirm_task_update(person: User, task: Task) -> bool:
    scopes = scopes_of(person)
    return task.lead_unit_id in scopes.led_units or scopes.system_admin


def can_cancel_task(person: User, task: Task) -> bool:
    return task.is_open() and can_assign_task(person, task)


def can_comment_on_task(person: User, task: Task) -> bool:
    return can_view_task(person, task)


def get_task_for_user(person: User, task_id: int, *, action: str = "view") -> Task:
    task = Task.objects.select_related("plan__agency", "lead_unit", "assignee").filter(pk=task_id).first()
    if task is None or not can_view_task(person, task):
        raise Http404(_("Không tìm thấy nhiệm vụ."))
    checks = {
        "view": can_view_task,
        "assign": can_assign_task,
        "update": can_update_task,
        "confirm": can_confirm_task_update,
        "cancel": can_cancel_task,
        "comment": can_comment_on_task,
    }
    if not checks[action](person, task):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với nhiệm vụ."))
    return task


def can_sign_plan(person: User, plan: Plan) -> bool:
    """Sign an issued plan with the agency's certificate: the agency's leader."""
    return plan.status in _DISCLOSED and can_sign_for_agency(person, plan.agency)
