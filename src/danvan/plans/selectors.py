"""Read queries of the plans area, each starting from what the person may see."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet, Window, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core import permissions
from danvan.core.models import Agency, User
from danvan.core.text import contains_words
from danvan.plans.models import Plan, PlanCitation, PlanImport, Target, Task, TaskComment, TaskUpdate


def plans_for_index(person: User, *, query: str = "") -> QuerySet[Plan]:
    plans = permissions.visible_plans(person)
    if query:
        plans = plans.filter(contains_words("search_text", query))
    return plans.select_related("agency").annotate(task_count=Count("tasks")).order_by("-created_at")


def plan_page(plan: Plan) -> Plan:
    """The plan as the permission check read it, with what its page shows
    besides the task table: three queries, and two more for the plan it
    implements when there is one."""
    prefetch_related_objects(
        [plan],
        "targets",
        "deadlines",
        Prefetch("plancitation_set", queryset=PlanCitation.objects.select_related("document")),
        "implements__agency",
    )
    return plan


def plan_task_rows(plan: Plan) -> list[Mapping[str, Any]]:
    """The plan page's task table, one query: plain values, so the page can
    keep the rendered table under a key made of exactly these rows."""
    return list(
        plan.tasks.order_by("order", "pk").values(
            "pk",
            "section",
            "heading",
            "lead_unit_id",
            "lead_unit__name",
            "lead_text",
            "timing",
            "due_date",
            "status",
        )
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


def tasks_for_list(
    person: User, *, query: str = "", status: str = "", unit=None, plan=None, year=None, mine: bool = False
) -> QuerySet[Task]:
    """The task board: what the person may see, filtered, accent-insensitive search."""
    tasks = permissions.visible_tasks(person)
    if mine:
        tasks = tasks.filter(assignee=person)
    if query:
        tasks = tasks.filter(contains_words("search_text", query))
    if status:
        tasks = tasks.filter(status=status)
    if unit is not None:
        tasks = tasks.filter(lead_unit=unit)
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    if year:
        # The year's plans as a list of ids rather than a join: PostgreSQL then
        # reads only that year's tasks through the plan index, where the join
        # beside the visibility OR made it scan every task of every year.
        year_plans = list(Plan.objects.filter(period_year=year).order_by().values_list("pk", flat=True))
        tasks = tasks.filter(plan_id__in=year_plans)
    # Dated tasks first on both databases.
    return tasks.order_by(F("due_date").asc(nulls_last=True), "plan_id", "order")


TASKS_PER_PAGE = 50


def task_list_page(tasks: QuerySet[Task], number) -> tuple[Page, list[Mapping[str, Any]]]:
    """One page of the task board and its rows: only the columns it shows, as
    plain values (the page keeps its rendered rows under a key made of them).

    The page's ids and the number of all matching tasks come from one scan
    (``COUNT(*) OVER ()``), which PostgreSQL answers from the ``task_board``
    index alone; the shown columns are then read for those ids only. A page
    number past the end or not a number is answered as ``Paginator.get_page``
    answers it."""
    paginator = Paginator(tasks, TASKS_PER_PAGE)
    try:
        wanted = max(int(number), 1)
    except (TypeError, ValueError):
        wanted = 1
    start = (wanted - 1) * TASKS_PER_PAGE
    counted = list(
        tasks.annotate(matching=Window(Count("pk"))).values_list("pk", "matching")[
            start : start + TASKS_PER_PAGE
        ]
    )
    if counted:
        paginator.count = counted[0][1]  # what Paginator would count
    page = paginator.get_page(number)
    if page.number == wanted and counted:
        ids = [pk for pk, _matching in counted]
    else:
        first = (page.number - 1) * TASKS_PER_PAGE
        ids = list(tasks.values_list("pk", flat=True)[first : first + TASKS_PER_PAGE])
    rows = Task.objects.filter(pk__in=ids).values(
        "pk",
        "heading",
        "lead_text",
        "timing",
        "due_date",
        "percent",
        "status",
        "plan__title",
        "lead_unit__name",
        "assignee__full_name",
    )
    by_id = {row["pk"]: row for row in rows}
    return page, [by_id[pk] for pk in ids if pk in by_id]


def task_page(task: Task) -> Task:
    return (
        Task.objects.filter(pk=task.pk)
        .select_related("plan__agency", "lead_unit", "assignee")
        .prefetch_related(
            Prefetch("updates", queryset=TaskUpdate.objects.select_related("created_by", "confirmed_by")),
            Prefetch("comments", queryset=TaskComment.objects.select_related("author")),
            "supporting_units",
        )
        .get()
    )


def agency_dashboard(agency: Agency, *, today) -> dict:
    """Completion by unit, overdue and upcoming tasks, and targets of the
    agency's issued plans, in a fixed number of queries, as plain values (the
    page keeps its rendered body under a key made of them)."""
    tasks = Task.objects.filter(plan__agency=agency, plan__status=Plan.Status.ISSUED).exclude(
        status=Task.Status.CANCELLED
    )
    by_unit = (
        tasks.values("lead_unit__name")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=Task.Status.DONE)),
            overdue=Count("pk", filter=Q(status=Task.Status.OVERDUE)),
        )
        .order_by("lead_unit__name")
    )
    by_section = (
        tasks.values("plan__title", "section")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=Task.Status.DONE)))
        .order_by("plan__title", "section")
    )
    by_plan = (
        tasks.values("plan_id", "plan__title")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=Task.Status.DONE)))
        .order_by("plan__title")
    )
    open_tasks = tasks.filter(
        status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.OVERDUE]
    )
    return {
        "by_unit": list(by_unit),
        "by_plan": list(by_plan),
        "by_section": [row for row in by_section if row["section"]],
        # The first rows of each panel, each row with the number of all of
        # them (COUNT(*) OVER ()), so the panel says how many it leaves out
        # without a query more.
        "overdue": list(
            open_tasks.filter(status=Task.Status.OVERDUE)
            .order_by("due_date")
            .annotate(total=Window(Count("pk")))
            .values("pk", "heading", "lead_unit__name", "due_date", "total")[:20]
        ),
        "upcoming": list(
            open_tasks.filter(due_date__gte=today, due_date__lte=today + timedelta(days=14))
            .order_by("due_date")
            .annotate(total=Window(Count("pk")))
            .values("pk", "heading", "due_date", "total")[:20]
        ),
        "targets": [
            {**row, "is_met": Target(percent=row["percent"], current_value=row["current_value"]).is_met()}
            for row in Target.objects.filter(plan__agency=agency, plan__status=Plan.Status.ISSUED)
            .annotate(total=Window(Count("pk")))
            .values("text", "percent", "current_value", "measured_on", "total")[:50]
        ],
    }


def plans_awaiting(person: User) -> QuerySet[Plan]:
    """Plans submitted to a leader the person is."""
    return Plan.objects.filter(
        agency__in=permissions.visible_plan_agencies(person), status=Plan.Status.SUBMITTED
    )


def plan_versions(plan: Plan) -> list[dict]:
    """Every saved version of the plan, newest first, with what changed from
    the version before it, who changed it, when and why."""
    records = list(plan.history.select_related("history_user").order_by("-history_date", "-history_id"))
    versions = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=["search_text"])
            for change in delta.changes:
                label = getattr(Plan._meta.get_field(change.field), "verbose_name", change.field)
                changes.append({"field": label, "old": change.old, "new": change.new})
        versions.append({"record": newer, "changes": changes})
    return versions


def province_implementation(plan: Plan, *, today) -> list[dict]:
    """For a province's plan: each agency of the province, the plan it issued
    to implement it (if any), when, and whether that was by the date asked."""
    implementing: dict[int, Plan] = {}
    for child in plan.implementing_plans.select_related("agency").order_by("issue_date"):
        implementing.setdefault(child.agency_id, child)
    rows = []
    for agency in (
        Agency.objects.filter(province=plan.agency.province, is_active=True)
        .exclude(pk=plan.agency_id)
        .order_by("sort_key")
    ):
        found = implementing.get(agency.pk)
        issued = found is not None and found.status in (Plan.Status.ISSUED, Plan.Status.CLOSED)
        if found is not None and issued:
            late = plan.implementation_due and found.issue_date and found.issue_date > plan.implementation_due
            state = "late" if late else "on_time"
        elif plan.implementation_due and today > plan.implementation_due:
            state = "missing_late"
        else:
            state = "missing"
        rows.append({"agency": agency, "plan": found, "issued": issued, "state": state})
    return rows
