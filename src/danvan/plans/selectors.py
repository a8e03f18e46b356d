"""Read queries of the plans area, each starting from what the person may see."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core import permissions
from danvan.core.models import Agency, User
from danvan.core.text import search_key
from danvan.plans.models import Plan, PlanCitation, PlanImport, Task


def plans_for_index(person: User, *, query: str = "") -> QuerySet[Plan]:
    plans = Plan.objects.filter(agency__in=permissions.visible_plan_agencies(person))
    if query:
        plans = plans.filter(search_text__contains=search_key(query))
    return plans.select_related("agency").annotate(task_count=Count("tasks")).order_by("-created_at")


def plan_page(plan: Plan) -> Plan:
    """The plan with everything its page shows, in five queries."""
    return (
        Plan.objects.filter(pk=plan.pk)
        .select_related("agency", "created_by")
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.select_related("lead_unit")),
            "targets",
            "deadlines",
            Prefetch("plancitation_set", queryset=PlanCitation.objects.select_related("document")),
        )
        .get()
    )


def recent_plan_imports(agency: Agency) -> QuerySet[PlanImport]:
    return PlanImport.objects.filter(agency=agency).select_related("uploaded_by", "plan")[:10]


def get_plan_import(person: User, import_id: int) -> PlanImport:
    record = PlanImport.objects.select_related("agency", "uploaded_by", "plan").filter(pk=import_id).first()
    if record is None or not permissions.can_import_plan(person, record.agency):
        raise Http404(_("Không tìm thấy lần nhập."))
    return record


def same_file_imports(record: PlanImport) -> QuerySet[PlanImport]:
    """Earlier uploads of the very same file by the agency."""
    return (
        PlanImport.objects.filter(agency=record.agency, sha256=record.sha256)
        .exclude(pk=record.pk)
        .select_related("uploaded_by", "plan")
        .order_by("-uploaded_at")
    )


def agencies_person_imports_for(person: User) -> list[Agency]:
    return [
        agency
        for agency in permissions.visible_plan_agencies(person)
        if permissions.can_import_plan(person, agency)
    ]
