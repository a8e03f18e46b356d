"""Read queries of the plans area, each starting from what the person may see."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import (
    Count,
    DateField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, Unit, User
from danvan.core.permissions import agencies_readable, agency_scope, scopes_of, visible_agencies
from danvan.core.prepared import Bind, ids, prepared
from danvan.core.selectors import TODO_LIMIT, TodoItem, TodoList, UnitSection, todo_list
from danvan.core.text import contains_words
from danvan.documents.content_items import by_content_item
from danvan.documents.models import LegalDocument
from danvan.documents.validity import Validity, validity_on
from danvan.plans import matching, permissions, recurrence
from danvan.plans.measures import read_target, target_source
from danvan.plans.models import (
    AmendmentChange,
    DeadlineDuty,
    HigherItemLink,
    Plan,
    PlanAmendment,
    PlanCitation,
    PlanDeadline,
    PlanImport,
    Target,
    Task,
    TaskComment,
    TaskOccurrence,
    TaskUpdate,
)


def plans_for_index(person: User, *, query: str = "") -> QuerySet[Plan]:
    plans = permissions.visible_plans(person)
    if query:
        plans = plans.filter(contains_words("search_text", query))
    # The number of tasks as a subquery of each row, so that the database
    # counts them for the shown page only, not for every plan before sorting.
    task_count = Subquery(
        Task.objects.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk")).values("n")
    )
    return (
        plans.select_related("agency")
        .prefetch_related("agency__former_names")
        .annotate(task_count=Coalesce(task_count, 0))
        .order_by("-created_at", "-pk")
    )


def plan_page(plan: Plan) -> Plan:
    """The plan as the permission check read it, with what its page shows
    besides the task table: four queries, and two more for the plan it
    implements when there is one."""
    prefetch_related_objects(
        [plan],
        "agency__former_names",
        "targets",
        Prefetch(
            "deadlines",
            queryset=PlanDeadline.objects.prefetch_related(
                Prefetch("duties", queryset=DeadlineDuty.objects.select_related("unit"))
            ),
        ),
        Prefetch(
            "plancitation_set",
            queryset=PlanCitation.objects.select_related("document"),
        ),
        "implements__agency",
    )
    return plan


def outdated_citations(plan: Plan) -> list[tuple[LegalDocument, Validity]]:
    """The documents a plan not yet issued cites that are no longer in force
    on its date (issue date, else today), each with its validity."""
    if plan.status not in (Plan.Status.DRAFT, Plan.Status.RETURNED, Plan.Status.SUBMITTED):
        return []
    day = plan.issue_date or timezone.localdate()
    citations = list(plan.plancitation_set.all())
    prefetch_related_objects([c.document for c in citations], "replaced_by")
    rows = []
    for citation in citations:
        validity = validity_on(citation.document, day)
        if not validity.in_force:
            rows.append((citation.document, validity))
    return rows


def plan_copies(plan: Plan) -> QuerySet[Plan]:
    """The plans already copied from this one, newest year first."""
    return plan.copies.order_by("-period_year", "-created_at").only(
        "pk", "title", "period_year", "status", "created_at"
    )


def plan_content_items(plan: Plan) -> list[tuple[str, int]]:
    """The plan's content items (the headings its tasks are written under),
    in the order they print, each with its number of tasks: offered when a
    task is added so that an item is chosen rather than typed again, and
    shown when the plan is copied to the next period."""
    tasks = plan.tasks.order_by("order", "pk").values_list("section", flat=True)
    return [
        (section, len(items))
        for section, items in by_content_item(list(tasks), lambda section: section)
        if section
    ]


def plan_copy_preview(plan: Plan) -> dict[str, Any]:
    """What copying the plan to the next period carries over, as the copy
    page lists it: the content items with their tasks, the targets, the
    basis, the dated obligations and the plan's own parts."""
    return {
        "content_items": plan_content_items(plan),
        "tasks": plan.tasks.count(),
        "targets": list(plan.targets.values_list("text", flat=True)),
        "citations": [
            str(citation.document) for citation in plan.plancitation_set.select_related("document")
        ],
        "deadlines": plan.deadlines.count(),
        "parts": [
            str(getattr(Plan._meta.get_field(name), "verbose_name", name))
            for name in ("purposes", "implementation", "recipients", "signer_name")
            if getattr(plan, name)
        ],
    }


# What a task row shows of who leads it and when (the time as the plan words it, and its due date).
TASK_TIME_FIELDS = ("lead_text", "timing", "timing_kind", "timing_day", "due_working_days", "due_date")


def plan_task_rows(plan: Plan, person: User) -> list[Mapping[str, Any]]:
    """The plan page's task table, one query of plain values (rendered by
    Jinja2, plans/plan_task_rows.jinja). Each row says whether the person may
    open that task (``may_open``): a unit's staff read the whole plan but open
    only their units' tasks; those who read the plan's whole agency open every
    row without a check per row. The rows come in the order the plan prints
    them, each content item's tasks together, and say whether the task can
    move up (``may_up``) or down (``may_down``) within its item."""
    tasks = plan.tasks.annotate(
        may_open=models.Value(True, output_field=models.BooleanField())
        if permissions.reads_every_task_of(person, plan)
        else permissions.can_view_task_column(person)
    )
    values = tasks.order_by("order", "pk").values(
        "pk", "section", "heading", "lead_unit_id", "lead_unit__name", *TASK_TIME_FIELDS, "status", "may_open"
    )
    rows: list[Mapping[str, Any]] = []
    for _section, items in by_content_item(list(values), lambda row: row["section"]):
        for index, row in enumerate(items):
            # Whether the task can move up or down within its content item.
            rows.append({**row, "may_up": index > 0, "may_down": index < len(items) - 1})
    return rows


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


# How many plans or units a filter of the task board offers at once; the rest
# are found by typing (plans:task_filter_options).
FILTER_CHOICES = 30


def filter_plan_choices(
    person: User, *, query: str = "", chosen: Plan | None = None
) -> list[tuple[int, str]]:
    """Plans the task board's filter offers: the person's own agency's first,
    newest year first, at most FILTER_CHOICES, matching the typed words;
    the chosen plan always among them."""
    scopes = scopes_of(person)
    if query or scopes.system_admin:
        plans = permissions.visible_plans(person)
        if query:
            plans = plans.filter(contains_words("search_text", query))
        rows = list(_plan_choices(plans, person.agency_id))
    else:
        rows = _first_plan_choices.rows(
            **agency_scope(scopes), provinces=permissions.person_provinces(person), agency=person.agency_id
        )
    if chosen is not None and chosen.pk not in {pk for pk, _title in rows}:
        rows.insert(0, (chosen.pk, chosen.title))
    return rows


def filter_unit_choices(
    person: User, *, query: str = "", chosen: Unit | None = None
) -> list[tuple[int, str]]:
    """Units the task board's filter offers, as ``filter_plan_choices``: the
    person's own agency's units first, in their order."""
    scopes = scopes_of(person)
    if query or scopes.system_admin:
        units = filter_units(person)
        if query:
            units = units.filter(contains_words("sort_key", query))
        rows = list(_unit_choices(units, person.agency_id))
    else:
        rows = _first_unit_choices.rows(**agency_scope(scopes), agency=person.agency_id)
    if chosen is not None and chosen.pk not in {pk for pk, _name in rows}:
        rows.insert(0, (chosen.pk, chosen.name))
    return rows


def filter_units(person: User) -> QuerySet[Unit]:
    """Units the task board can be filtered by: the active units of the
    agencies the person may read."""
    return _active_units_of(visible_agencies(person))


def _active_units_of(agencies: QuerySet[Agency]) -> QuerySet[Unit]:
    return Unit.objects.filter(agency__in=agencies, is_active=True)


def _plan_choices(plans: QuerySet[Plan], agency) -> QuerySet:
    """The person's own agency's plans first (``agency``: an id or a ``Bind``), newest year first."""
    own_first = models.Case(models.When(agency_id=agency, then=0), default=1)
    return plans.order_by(own_first, "-period_year", "-pk").values_list("pk", "title")[:FILTER_CHOICES]


def _unit_choices(units: QuerySet[Unit], agency) -> QuerySet:
    own_first = models.Case(models.When(agency_id=agency, then=0), default=1)
    return units.order_by(own_first, "agency_id", "sort_key").values_list("pk", "name")[:FILTER_CHOICES]


# The filters' first choices without typed words, for anyone but an administrator
# (who reads every agency): the rules of visible_plans and filter_units, prepared.
_first_plan_choices = prepared(
    lambda: _plan_choices(
        permissions.plans_readable(
            agencies_readable(own=ids("own"), reviewed=ids("reviewed")), provinces=ids("provinces")
        ),
        Bind("agency"),
    )
)
_first_unit_choices = prepared(
    lambda: _unit_choices(
        _active_units_of(agencies_readable(own=ids("own"), reviewed=ids("reviewed"))), Bind("agency")
    )
)


OPEN_STATUSES = (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.OVERDUE)


def tasks_for_list(
    person: User, *, query: str = "", status: str = "", unit=None, plan=None, year=None, mine: bool = False
) -> QuerySet[Task]:
    """The task board: what the person may see, filtered, accent-insensitive
    search. ``status="open"`` is every task not done and not cancelled."""
    tasks = permissions.visible_tasks(person)
    if mine:
        tasks = tasks.filter(assignee=person)
    if query:
        tasks = tasks.filter(contains_words("search_text", query))
    if status == "open":
        tasks = tasks.filter(status__in=OPEN_STATUSES)
    elif status:
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


# The columns of the task board's rows, read for one page of ids.
_board_rows = prepared(
    lambda: (
        Task.objects.filter(pk__in=ids("ids"))
        .order_by()
        .values(
            "pk",
            "heading",
            *TASK_TIME_FIELDS,
            "percent",
            "status",
            "plan__title",
            "lead_unit__name",
            "assignee__full_name",
        )
    )
)


def task_list_page(tasks: QuerySet[Task], number) -> tuple[Page, list[Mapping[str, Any]]]:
    """One page of the task board and its rows: only the columns it shows, as
    plain values (rendered by Jinja2, plans/task_list_rows.jinja).

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
    elif wanted == 1:
        paginator.count = 0  # no first page: nothing matches
    page = paginator.get_page(number)
    if page.number == wanted:
        page_ids = [pk for pk, _matching in counted]
    else:
        first = (page.number - 1) * TASKS_PER_PAGE
        page_ids = list(tasks.values_list("pk", flat=True)[first : first + TASKS_PER_PAGE])
    if not page_ids:
        return page, []
    by_id = {row["pk"]: row for row in _board_rows.rows(ids=page_ids)}
    return page, [by_id[pk] for pk in page_ids if pk in by_id]


def task_page(task: Task) -> Task:
    return (
        Task.objects.filter(pk=task.pk)
        .select_related("plan__agency", "lead_unit", "assignee")
        .prefetch_related(
            Prefetch("updates", queryset=TaskUpdate.objects.select_related("created_by", "confirmed_by")),
            Prefetch("comments", queryset=TaskComment.objects.select_related("author")),
            "supporting_units",
            "occurrences",
        )
        .get()
    )


def _merged(first: list[dict], second: list[dict], limit: int) -> list[dict]:
    """Two panels' first rows as one, by due date, each row with the number of
    all of them (the sum of the two windowed totals)."""
    total = (first[0]["total"] if first else 0) + (second[0]["total"] if second else 0)
    rows = sorted([*first, *second], key=lambda row: (row["due_date"], row["pk"]))[:limit]
    return [{**row, "total": total} for row in rows]


def _occurrence_rows(rows: list[dict], *fields: str) -> list[dict]:
    """Periods of recurring tasks as the dashboard's task rows: the task's
    id and heading, with the period named after it."""
    return [
        {
            "pk": row["task_id"],
            "heading": _("%(task)s (kỳ %(period)s)") % {"task": row["task__heading"], "period": row["label"]},
            "due_date": row["due_date"],
            "total": row["total"],
            **{name.replace("task__", ""): row[name] for name in fields},
        }
        for row in rows
    ]


def _by_status() -> dict:
    return {
        "total": Count("pk"),
        "done": Count("pk", filter=Q(status=Task.Status.DONE)),
        "overdue": Count("pk", filter=Q(status=Task.Status.OVERDUE)),
    }


def _dashboard_tasks() -> QuerySet[Task]:
    """The tasks the dashboard counts: those of the agency's issued plans, not cancelled."""
    return Task.objects.filter(plan__agency_id=Bind("agency"), plan__status=Plan.Status.ISSUED).exclude(
        status=Task.Status.CANCELLED
    )


def _dashboard_periods() -> QuerySet[TaskOccurrence]:
    return TaskOccurrence.objects.filter(
        task__plan__agency_id=Bind("agency"), task__plan__status=Plan.Status.ISSUED
    ).exclude(Q(task__status=Task.Status.CANCELLED) | Q(status=Task.Status.CANCELLED))


def _open_dashboard_tasks() -> QuerySet[Task]:
    return _dashboard_tasks().filter(status__in=OPEN_STATUSES)


def _open_dashboard_periods() -> QuerySet[TaskOccurrence]:
    return _dashboard_periods().filter(status__in=OPEN_STATUSES).exclude(task__status=Task.Status.DONE)


def _upcoming(rows: QuerySet) -> QuerySet:
    return rows.filter(due_date__gte=Bind("today", DateField()), due_date__lte=Bind("until", DateField()))


def _first_periods(periods: QuerySet[TaskOccurrence], *fields: str) -> QuerySet:
    return (
        periods.order_by("due_date", "pk")
        .annotate(total=Window(Count("pk")))
        .values("task_id", "task__heading", "label", "due_date", "total", *fields)[:20]
    )


_UNIT_TASKS = prepared(
    lambda: (
        _dashboard_tasks()
        .exclude(timing_kind__in=recurrence.RECURRING)
        .values("lead_unit__name")
        .annotate(**_by_status())
    )
)
_UNIT_PERIODS = prepared(
    lambda: _dashboard_periods().values(unit=F("task__lead_unit__name")).annotate(**_by_status())
)
_SECTIONS = prepared(
    lambda: (
        _dashboard_tasks()
        .values("plan__title", "section")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=Task.Status.DONE)))
        .order_by("plan__title", "section")
    )
)
_PLANS = prepared(
    lambda: (
        _dashboard_tasks()
        .values("plan_id", "plan__title")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=Task.Status.DONE)))
        .order_by("plan__title")
    )
)
_OVERDUE_TASKS = prepared(
    lambda: (
        _open_dashboard_tasks()
        .filter(status=Task.Status.OVERDUE)
        .order_by("due_date")
        .annotate(total=Window(Count("pk")))
        .values("pk", "heading", "lead_unit__name", "due_date", "total")[:20]
    )
)
_OVERDUE_PERIODS = prepared(
    lambda: _first_periods(
        _open_dashboard_periods().filter(status=Task.Status.OVERDUE), "task__lead_unit__name"
    )
)
_UPCOMING_TASKS = prepared(
    lambda: (
        _upcoming(_open_dashboard_tasks())
        .order_by("due_date")
        .annotate(total=Window(Count("pk")))
        .values("pk", "heading", "due_date", "total")[:20]
    )
)
_UPCOMING_PERIODS = prepared(lambda: _first_periods(_upcoming(_open_dashboard_periods())))
_TARGETS = prepared(
    lambda: (
        Target.objects.filter(plan__agency_id=Bind("agency"), plan__status=Plan.Status.ISSUED)
        .annotate(total=Window(Count("pk")))
        .values("text", "percent", "current_value", "measured_on", "total")[:50]
    )
)


def agency_dashboard(agency: Agency, *, today) -> dict:
    """Completion by unit, overdue and upcoming tasks, and targets of the
    agency's issued plans, in a fixed number of queries, as plain values
    (rendered by Jinja2, plans/dashboard_body.jinja). A recurring task
    counts by its periods (TaskOccurrence), each with its own due date.
    The queries are prepared: built once, run with the agency and the day."""
    by_unit: dict[str | None, dict] = {}
    for rows in (_UNIT_TASKS.rows(agency=agency.pk), _UNIT_PERIODS.rows(agency=agency.pk)):
        for row in rows:
            name = row.get("lead_unit__name", row.get("unit"))
            unit = by_unit.setdefault(name, {"lead_unit__name": name, "total": 0, "done": 0, "overdue": 0})
            for figure in ("total", "done", "overdue"):
                unit[figure] += row[figure]
    window = {"agency": agency.pk, "today": today, "until": today + timedelta(days=14)}
    return {
        "by_unit": sorted(by_unit.values(), key=lambda row: row["lead_unit__name"] or ""),
        "by_plan": _PLANS.rows(agency=agency.pk),
        "by_section": [row for row in _SECTIONS.rows(agency=agency.pk) if row["section"]],
        # The first rows of each panel, each row with the number of all of
        # them (COUNT(*) OVER ()), so the panel says how many it leaves out
        # without a query more.
        "overdue": _merged(
            _OVERDUE_TASKS.rows(agency=agency.pk),
            _occurrence_rows(_OVERDUE_PERIODS.rows(agency=agency.pk), "task__lead_unit__name"),
            20,
        ),
        "upcoming": _merged(
            _UPCOMING_TASKS.rows(**window), _occurrence_rows(_UPCOMING_PERIODS.rows(**window)), 20
        ),
        "targets": [
            {**row, "is_met": Target(percent=row["percent"], current_value=row["current_value"]).is_met()}
            for row in _TARGETS.rows(agency=agency.pk)
        ],
    }


def plans_awaiting(person: User) -> QuerySet[Plan]:
    """Plans submitted to a leader the person is."""
    return _submitted_to(scopes_of(person).agencies_with(Role.AGENCY_LEADER))


def _submitted_to(leads) -> QuerySet[Plan]:
    return Plan.objects.filter(agency__in=leads, status=Plan.Status.SUBMITTED)


@prepared
def _awaiting_rows():
    return (
        _submitted_to(ids("leads"))
        .order_by("submitted_at", "pk")
        .values("pk", "title", "agency__name", "submitted_at")[: TODO_LIMIT + 1]
    )


def _open_tasks_led() -> QuerySet[Task]:
    return Task.objects.filter(
        lead_unit__in=ids("units"), plan__status=Plan.Status.ISSUED, status__in=OPEN_STATUSES
    )


@prepared
def _unassigned_rows():
    return (
        _open_tasks_led()
        .filter(assignee__isnull=True)
        .order_by(F("due_date").asc(nulls_last=True), "plan_id", "order")
        .values("pk", "heading", "due_date", "status", "lead_unit__name")[: TODO_LIMIT + 1]
    )


@prepared
def _unconfirmed_rows():
    return (
        TaskUpdate.objects.filter(task__lead_unit__in=ids("units"), confirmed_at__isnull=True)
        .order_by("reported_on", "pk")
        .values("pk", "task_id", "task__heading", "percent", "reported_on", "created_by__full_name")[
            : TODO_LIMIT + 1
        ]
    )


def _open_period_rows(occurrences: QuerySet[TaskOccurrence]) -> QuerySet:
    return occurrences.order_by("due_date", "pk").values(
        "task_id", "task__heading", "label", "due_date", "status", "task__lead_unit__name"
    )[: TODO_LIMIT + 1]


@prepared
def _unit_occurrence_rows():
    return _open_period_rows(open_occurrences().filter(task__lead_unit__in=ids("units")))


@prepared
def _own_occurrence_rows():
    return _open_period_rows(open_occurrences().filter(task__assignee_id=Bind("person")))


def _task_item(row: Mapping[str, Any], today, detail: str) -> TodoItem:
    return TodoItem.due_on(
        row["due_date"],
        today=today,
        url=reverse("plans:task_detail", args=[row["pk"]]),
        text=row["heading"],
        detail=detail,
        urgent=row["status"] == Task.Status.OVERDUE,
    )


def unit_tasks(unit: Unit) -> UnitSection:
    """The unit's page: the tasks of issued plans that it leads, nearest due first."""
    return UnitSection(
        template="plans/includes/unit_tasks.html",
        rows=Task.objects.filter(lead_unit=unit, plan__status=Plan.Status.ISSUED)
        .select_related("plan", "assignee")
        .order_by("due_date", "plan_id", "order"),
    )


def open_occurrences() -> QuerySet[TaskOccurrence]:
    """Periods of recurring tasks of issued plans still to be done."""
    return TaskOccurrence.objects.filter(
        task__plan__status=Plan.Status.ISSUED, status__in=OPEN_STATUSES, task__status__in=OPEN_STATUSES
    )


def _occurrence_list(rows: list, today, *, role: str, key: str) -> TodoList:
    return todo_list(
        rows,
        lambda row: TodoItem.due_on(
            row["due_date"],
            today=today,
            url=reverse("plans:task_detail", args=[row["task_id"]]),
            text=row["task__heading"],
            detail=_("Kỳ %(period)s — %(unit)s")
            % {"period": row["label"], "unit": row["task__lead_unit__name"]},
            urgent=row["status"] == Task.Status.OVERDUE,
        ),
        role=role,
        key=key,
        title=_("Nhiệm vụ định kỳ: các kỳ đang mở"),
        empty=_("Không có kỳ nhiệm vụ định kỳ nào đang mở."),
    )


def todo_lists(person: User, *, today) -> list[TodoList]:
    """The landing page's plan work: plans awaiting the leader; tasks the unit
    head has to assign and progress to confirm; the staff's own open tasks by
    due date. One query per list shown."""
    scopes = scopes_of(person)
    lists = []
    if scopes.agencies_with(Role.AGENCY_LEADER):
        lists.append(
            todo_list(
                _awaiting_rows.rows(leads=scopes.agencies_with(Role.AGENCY_LEADER)),
                lambda row: TodoItem(
                    url=reverse("plans:plan_detail", args=[row["pk"]]),
                    text=row["title"],
                    detail=row["agency__name"],
                    note=_("Trình ngày %(day)s") % {"day": f"{row['submitted_at']:%d/%m/%Y}"}
                    if row["submitted_at"]
                    else "",
                ),
                role=Role.AGENCY_LEADER,
                key="ke-hoach-cho-duyet",
                title=_("Kế hoạch chờ phê duyệt"),
                empty=_("Không có kế hoạch nào chờ phê duyệt."),
                more_url=reverse("plans:index"),
                more_label=_("Mọi kế hoạch"),
            )
        )
    if scopes.units_with(Role.UNIT_HEAD):
        led = scopes.led_units
        lists.append(
            todo_list(
                _unassigned_rows.rows(units=led),
                lambda row: _task_item(row, today, row["lead_unit__name"]),
                role=Role.UNIT_HEAD,
                key="nhiem-vu-can-giao",
                title=_("Nhiệm vụ cần giao người thực hiện"),
                empty=_("Mọi nhiệm vụ của đơn vị đã có người thực hiện."),
                more_url=reverse("plans:task_list"),
                more_label=_("Mọi nhiệm vụ"),
            )
        )
        lists.append(
            todo_list(
                _unconfirmed_rows.rows(units=led),
                lambda row: TodoItem(
                    url=reverse("plans:task_detail", args=[row["task_id"]]),
                    text=row["task__heading"],
                    detail=_("%(person)s báo cáo %(percent)s%% ngày %(day)s")
                    % {
                        "person": row["created_by__full_name"],
                        "percent": row["percent"],
                        "day": f"{row['reported_on']:%d/%m/%Y}",
                    },
                ),
                role=Role.UNIT_HEAD,
                key="cap-nhat-cho-xac-nhan",
                title=_("Cập nhật tiến độ chờ xác nhận"),
                empty=_("Không có cập nhật nào chờ xác nhận."),
            )
        )
    if scopes.units_with(Role.UNIT_HEAD):
        lists.append(
            _occurrence_list(
                _unit_occurrence_rows.rows(units=scopes.led_units),
                today,
                role=Role.UNIT_HEAD,
                key="ky-nhiem-vu-don-vi",
            )
        )
    if scopes.units_with(Role.STAFF):
        lists.append(
            _occurrence_list(
                _own_occurrence_rows.rows(person=person.pk),
                today,
                role=Role.STAFF,
                key="ky-nhiem-vu-cua-toi",
            )
        )
        lists.append(
            todo_list(
                tasks_for_list(person, mine=True)
                .filter(status__in=OPEN_STATUSES, plan__status=Plan.Status.ISSUED)
                .values("pk", "heading", "due_date", "status", "plan__title"),
                lambda row: _task_item(row, today, row["plan__title"]),
                role=Role.STAFF,
                key="nhiem-vu-cua-toi",
                title=_("Nhiệm vụ của tôi, theo hạn"),
                empty=_("Bạn không có nhiệm vụ nào đang mở."),
                more_url=reverse("plans:my_tasks"),
                more_label=_("Mọi nhiệm vụ của tôi"),
            )
        )
    return lists


def plan_versions(plan: Plan) -> list[dict]:
    """Every saved version of the plan, newest first: the step that made it,
    who (by full name) and when, its status, and what changed from the
    version before it, each value as a person reads it (status labels, names
    of people and agencies, dates dd/mm/yyyy)."""
    records = list(plan.history.select_related("history_user").order_by("-history_date", "-history_id"))
    pairs = list(zip(records, [*records[1:], None], strict=True))
    deltas = [
        newer.diff_against(older, excluded_fields=["search_text"]).changes if older is not None else []
        for newer, older in pairs
    ]
    names = _related_names(change for changes in deltas for change in changes)
    versions = []
    for (newer, older), delta in zip(pairs, deltas, strict=True):
        changes = []
        for change in delta:
            field = Plan._meta.get_field(change.field)
            changes.append(
                {
                    "field": getattr(field, "verbose_name", change.field),
                    "old": _shown_value(field, change.old, names),
                    "new": _shown_value(field, change.new, names),
                }
            )
        step, reason = _version_step(newer, older)
        versions.append({"record": newer, "changes": changes, "step": step, "reason": reason})
    return versions


def _version_step(newer, older) -> tuple[str, str]:
    """What made the version and, for an amendment, the reason given: a
    step records its name with the version; an edit writes none."""
    recorded = newer.history_change_reason or ""
    if older is None:
        return recorded or _("Tạo kế hoạch"), ""
    if newer.status == older.status == Plan.Status.ISSUED:
        # An amendment's version names the document that made it.
        return recorded or _("Sửa đổi, bổ sung"), ""
    return recorded or _("Sửa dự thảo"), ""


def _related_names(changes) -> dict[tuple[type[models.Model], Any], str]:
    """The rows the changes point to, by model and id, one query per model."""
    wanted: dict[type[models.Model], set] = {}
    for change in changes:
        field = Plan._meta.get_field(change.field)
        if field.many_to_one and isinstance(field.related_model, type):
            wanted.setdefault(field.related_model, set()).update(
                value for value in (change.old, change.new) if value is not None
            )
    names: dict[tuple[type[models.Model], Any], str] = {}
    for model, pks in wanted.items():
        for row in model._default_manager.filter(pk__in=pks):
            names[model, row.pk] = row.get_full_name() if isinstance(row, User) else str(row)
    return names


def _shown_value(field, value, names) -> str:
    if value in (None, "", []):
        return ""
    if field.many_to_one:
        return names.get((field.related_model, value), "") or _("(đã xóa)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def units_person_writes_plans_for(person: User) -> list[Unit]:
    """The chi cục and centres the person heads, which issue plans of their own."""
    led = scopes_of(person).led_units
    if not led:
        return []
    return list(
        Unit.objects.filter(pk__in=led, kind__in=Unit.PLAN_ISSUING_KINDS, is_active=True).order_by("sort_key")
    )


def unit_implementation(plan: Plan, *, today) -> list[dict]:
    """For an agency's plan: each of its chi cục and centres, the plan it
    issued to implement it (if any), when, and whether by the date asked."""
    implementing: dict[int, Plan] = {}
    for child in plan.implementing_plans.filter(unit__isnull=False).order_by("issue_date"):
        implementing.setdefault(child.unit_id, child)  # type: ignore[arg-type]
    rows = []
    for unit in Unit.objects.filter(
        agency=plan.agency, kind__in=Unit.PLAN_ISSUING_KINDS, is_active=True
    ).order_by("sort_key"):
        found = implementing.get(unit.pk)
        rows.append({"name": unit.name, "plan": found, **_implementation_state(plan, found, today)})
    return rows


def open_amendment_for(person: User, plan: Plan) -> PlanAmendment | None:
    """The amendment being written for an issued plan, for the office that
    writes it and the leader who decides it; nobody else is shown a draft."""
    if plan.status != Plan.Status.ISSUED:
        return None
    if not (permissions.writes_plan(person, plan) or permissions.leads_agency_of(person, plan)):
        return None
    return plan.amendments.exclude(status=PlanAmendment.Status.ISSUED).first()


def amendment_changes(amendment: PlanAmendment) -> list[dict]:
    """Each change of an amendment in words: what kind, which task, and for
    each field what it was and what it becomes (unit names, dates
    dd/mm/yyyy, Vietnamese labels). Before issue "was" is the task as it is
    now; after, what it was when the amendment was issued."""
    changes = list(amendment.changes.select_related("task__lead_unit", "task__target"))
    unit_ids: set = set()
    for change in changes:
        for values in (change.values, change.before):
            if values.get("lead_unit"):
                unit_ids.add(values["lead_unit"])
            unit_ids.update(values.get("supporting_units") or [])
        if change.task is not None and change.task.lead_unit_id:
            unit_ids.add(change.task.lead_unit_id)
    units = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    issued = amendment.status == PlanAmendment.Status.ISSUED
    shown = []
    for change in changes:
        model: type[models.Model]
        if change.kind == AmendmentChange.Kind.PLAN:
            model, before = Plan, change.before if issued else _stored_fields(amendment.plan, change.values)
        else:
            model = Task
            before = (
                change.before if issued or change.task is None else _stored_fields(change.task, change.values)
            )
        lines = []
        if change.kind in (AmendmentChange.Kind.CHANGE, AmendmentChange.Kind.PLAN):
            for name, new in change.values.items():
                lines.append(
                    {
                        "field": _field_label(model, name),
                        "old": _word_value(model, name, before.get(name), units),
                        "new": _word_value(model, name, new, units),
                    }
                )
        elif change.kind == AmendmentChange.Kind.ADD:
            for name in ("section", "lead_unit", "supporting_units", "timing", "timing_kind", "due_date"):
                value = _word_value(Task, name, change.values.get(name), units)
                if value:
                    lines.append({"field": _field_label(Task, name), "old": "", "new": value})
        heading = change.values.get("heading", "") if change.kind == AmendmentChange.Kind.ADD else ""
        shown.append(
            {
                "change": change,
                "kind": change.get_kind_display(),
                "task": change.task,
                "heading": heading or (change.task.heading if change.task else ""),
                "reason": change.values.get("reason", "")
                if change.kind == AmendmentChange.Kind.CANCEL
                else "",
                "lines": lines,
            }
        )
    return shown


def plan_amendments(plan: Plan) -> list[dict]:
    """The plan's issued amendments, newest first, each with its changes in words."""
    return [
        {"amendment": amendment, "changes": amendment_changes(amendment)}
        for amendment in plan.amendments.filter(status=PlanAmendment.Status.ISSUED)
        .select_related("decided_by", "created_by")
        .order_by("-decided_at", "-pk")
    ]


def _stored_fields(row: models.Model, names) -> dict:
    """A row's current values in the form an amendment stores them."""
    values: dict = {}
    for name in names:
        if name in ("reason", "supporting_units"):
            continue
        value = getattr(row, f"{name}_id") if row._meta.get_field(name).many_to_one else getattr(row, name)
        values[name] = value.isoformat() if isinstance(value, date) else value
    return values


def _field_label(model: type[models.Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name)).capitalize()


def _word_value(model: type[models.Model], name: str, value, units: Mapping) -> str:
    if value in (None, "", []):
        return ""
    field = model._meta.get_field(name)
    if name in ("lead_unit", "supporting_units"):
        ids = value if isinstance(value, list) else [value]
        return "; ".join(units.get(pk, str(_("(đã xóa)"))) for pk in ids)
    if field.many_to_one:
        row = field.related_model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
        return str(row) if row is not None else str(_("(đã xóa)"))
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))  # type: ignore[union-attr]
    if isinstance(field, models.DateField):
        return f"{date.fromisoformat(value):%d/%m/%Y}"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def province_implementation(plan: Plan, *, today) -> list[dict]:
    """For a province's plan: each agency of the province, the plan it issued
    to implement it (if any), when, and whether that was by the date asked."""
    implementing: dict[int, Plan] = {}
    for child in (
        plan.implementing_plans.filter(unit__isnull=True).select_related("agency").order_by("issue_date")
    ):
        implementing.setdefault(child.agency_id, child)
    rows = []
    # The agencies of the plan's year, by their names of that time: a 2024
    # plan lists the agencies merged since, a 2026 plan their successors.
    day = min(date(plan.period_year, 12, 31), today) if plan.period_year else plan.issue_date or today
    existing = Agency.objects.existing_during(day, day).filter(province=plan.agency.province)
    for agency in (
        Agency.objects.filter(Q(pk__in=existing.values("pk")) | Q(pk__in=list(implementing)))
        .exclude(pk=plan.agency_id)
        .prefetch_related("former_names")
        .order_by("sort_key")
    ):
        found = implementing.get(agency.pk)
        rows.append(
            {
                "agency": agency,
                "name": agency.name_on(day),
                "plan": found,
                **_implementation_state(plan, found, today),
            }
        )
    return rows


def _implementation_state(plan: Plan, found: Plan | None, today) -> dict:
    """Whether the implementing plan was issued, and by the date asked."""
    issued = found is not None and found.status in (Plan.Status.ISSUED, Plan.Status.CLOSED)
    if found is not None and issued:
        late = plan.implementation_due and found.issue_date and found.issue_date > plan.implementation_due
        state = "late" if late else "on_time"
    elif plan.implementation_due and today > plan.implementation_due:
        state = "missing_late"
    else:
        state = "missing"
    return {"issued": issued, "state": state}


def takeup_rows(plan: Plan) -> dict:
    """For an agency plan that implements a higher plan: each content item of
    the higher plan with the plan's tasks confirmed as taking it up, and up to
    three more proposed by their words (plans.matching)."""
    if plan.implements_id is None:
        return {"items": [], "tasks": []}
    higher = list(
        Task.objects.filter(plan_id=plan.implements_id)
        .exclude(status=Task.Status.CANCELLED)
        .order_by("order", "pk")
        .only("pk", "section", "heading", "order")
    )
    own = list(
        plan.tasks.exclude(status=Task.Status.CANCELLED).order_by("order", "pk").select_related("lead_unit")
    )
    by_id = {task.pk: task for task in own}
    confirmed: dict[int, list[Task]] = {}
    for higher_id, task_id in HigherItemLink.objects.filter(task__plan=plan).values_list(
        "higher_task_id", "task_id"
    ):
        if task_id in by_id:
            confirmed.setdefault(higher_id, []).append(by_id[task_id])
    proposals = matching.propose_takeups(
        [(item.pk, f"{item.section} {item.heading}") for item in higher],
        [(task.pk, f"{task.section} {task.heading}") for task in own],
    )
    items = []
    for item in higher:
        linked = confirmed.get(item.pk, [])
        offered = [
            {"task": by_id[pk], "score": score} for pk, score in proposals[item.pk] if by_id[pk] not in linked
        ]
        items.append({"item": item, "linked": linked, "proposed": offered})
    return {"items": items, "tasks": own}


def province_coverage(plan: Plan, *, today: date) -> dict:
    """For a higher (province) plan: each of its content items, which
    agencies took it up in their issued implementing plans, with which tasks
    and how far they are; and the items nobody took up."""
    items = list(plan.tasks.exclude(status=Task.Status.CANCELLED).order_by("order", "pk"))
    links = (
        HigherItemLink.objects.filter(
            higher_task__plan=plan,
            task__plan__implements=plan,
            task__plan__status__in=(Plan.Status.ISSUED, Plan.Status.CLOSED),
        )
        .exclude(task__status=Task.Status.CANCELLED)
        .select_related("task__plan__agency", "task__lead_unit")
        .order_by("task__plan__agency__name", "task__order")
    )
    grouped: dict[int, dict[int, dict]] = {}
    for link in links:
        task = link.task
        agency = task.plan.agency
        entry = grouped.setdefault(link.higher_task_id, {}).setdefault(
            agency.pk, {"agency": agency, "plan": task.plan, "tasks": []}
        )
        entry["tasks"].append(task)
    rows = []
    for item in items:
        agencies = list(grouped.get(item.pk, {}).values())
        for entry in agencies:
            tasks = entry["tasks"]
            entry["done"] = sum(1 for task in tasks if task.status == Task.Status.DONE)
            entry["overdue"] = sum(1 for task in tasks if task.is_overdue(today))
            entry["percent"] = round(
                sum(100 if task.status == Task.Status.DONE else task.percent for task in tasks) / len(tasks)
            )
        rows.append({"item": item, "agencies": agencies})
    return {"rows": rows, "untaken": [row["item"] for row in rows if not row["agencies"]]}


def target_page(person: User, target: Target) -> dict:
    """A target, with the system's reading of it when it is bound to a source (plans.measures)."""
    return {
        "plan": target.plan,
        "target": target,
        "reading": read_target(target),
        "source": target_source(target.measured_by) if target.measured_by else None,
        "may_measure": permissions.can_measure_plan(person, target.plan),
    }


def source_signatures(plan: Plan) -> list[dict]:
    """The signatures checked on the file the plan was imported from (none
    for a plan written here)."""
    return PlanImport.objects.filter(plan=plan).values_list("signatures", flat=True).first() or []
