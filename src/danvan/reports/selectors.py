"""Reads for reporting: the period's data a report is pre-filled with, the
requests a person sees, and the province's table of agencies × indicators.
Each function runs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, DateField, F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Province, Role, Unit, User
from danvan.core.permissions import scopes_of
from danvan.core.prepared import Bind, ids, prepared
from danvan.core.selectors import TODO_LIMIT, TodoItem, TodoList, todo_list
from danvan.engagement.models import Commitment, Dialogue
from danvan.petitions.selectors import figures_for_report
from danvan.plans.matching import match_named_units
from danvan.plans.models import Plan, Target, Task, TaskOccurrence, TaskUpdate
from danvan.reports import permissions, plan_deadlines
from danvan.reports.figures import other_figures
from danvan.reports.models import (
    PeriodKind,
    Report,
    ReportingPeriod,
    ReportRequest,
    ReportVersion,
    timeliness,
)

LIVE_PLAN_STATUSES = (Plan.Status.ISSUED, Plan.Status.CLOSED)
# How far ahead the landing page looks for the units' reports coming due.
UPCOMING_DAYS = 30


def _period_tasks(period: ReportingPeriod) -> Q:
    """Tasks a period reports on: those of the agency's issued plans of the
    period's year, and any task due inside the period's window."""
    return Q(plan__status__in=LIVE_PLAN_STATUSES) & (
        Q(plan__period_year=period.end.year) | Q(due_date__range=(period.start, period.end))
    )


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def timeliness_rates(codes: list[str]) -> dict:
    """How a request was answered, as counts and as rates over those asked:
    sent on time, sent late, not sent (overdue or not yet due)."""
    asked = len(codes)
    counts = {
        "on_time": codes.count("on_time"),
        "late": codes.count("late"),
        "missing": sum(1 for code in codes if code in ("overdue", "waiting")),
    }
    return {
        "asked": asked,
        **counts,
        "rates": {name: _percent(count, asked) for name, count in counts.items()},
    }


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def unit_period_data(unit: Unit, period: ReportingPeriod) -> dict:
    """What a unit's report is pre-filled with: each task it leads with its
    status and the progress written in the period, and the targets served."""
    updates = TaskUpdate.objects.filter(reported_on__range=(period.start, period.end)).order_by("reported_on")
    tasks = list(
        Task.objects.filter(_period_tasks(period), lead_unit=unit)
        .exclude(status=Task.Status.CANCELLED)
        .select_related("plan", "target")
        .prefetch_related(Prefetch("updates", queryset=updates, to_attr="period_updates"))
        .order_by("plan__issue_date", "plan_id", "order")
    )
    targets: dict[int, Target] = {task.target.pk: task.target for task in tasks if task.target is not None}
    # A recurring task is reported by its periods that fall in the report's
    # period, each with its own status; an ongoing one as under way.
    occurrences: dict[int, list[TaskOccurrence]] = {}
    for occurrence in TaskOccurrence.objects.filter(
        task__in=[task for task in tasks if task.is_recurring()],
        due_date__range=(period.start, period.end),
    ).order_by("period_start"):
        occurrences.setdefault(occurrence.task_id, []).append(occurrence)
    rows = []
    for task in tasks:
        progress = [
            {"day": update.reported_on.isoformat(), "note": update.note, "percent": update.percent}
            for update in task.period_updates  # type: ignore[attr-defined]
        ]
        row = {
            "id": task.pk,
            "heading": task.heading,
            "plan": task.plan.reference or task.plan.title[:80],
            "status": task.status,
            "status_label": str(task.get_status_display()),
            "percent": task.percent,
            "due_date": task.due_date.isoformat() if task.due_date else None,
            "timing": task.timing,
            "progress": progress,
        }
        if task.is_recurring():
            rows += [
                {
                    **row,
                    "heading": _("%(task)s (kỳ %(period)s)") % {"task": task.heading, "period": item.label},
                    "status": item.status,
                    "status_label": str(item.get_status_display()),
                    "percent": item.percent,
                    "due_date": item.due_date.isoformat(),
                    "progress": [
                        {
                            "day": update.reported_on.isoformat(),
                            "note": update.note,
                            "percent": update.percent,
                        }
                        for update in task.period_updates  # type: ignore[attr-defined]
                        if update.occurrence_id == item.pk
                    ],
                }
                for item in occurrences.get(task.pk, [])
            ]
            continue
        if task.timing_kind == Task.TimingKind.ONGOING and task.status in (
            Task.Status.NOT_STARTED,
            Task.Status.IN_PROGRESS,
        ):
            # No due date, never overdue: in every period it is under way.
            row.update(status_label=_("Đang thực hiện (thường xuyên)"), ongoing=True)
        rows.append(row)
    return {
        "tasks": rows,
        "counts": _status_counts(rows),
        "targets": [_target_row(target) for target in targets.values()],
    }


def _status_counts(rows: list[dict]) -> dict:
    counts = {status: 0 for status in Task.Status.values}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    total = len(rows)
    return {**counts, "total": total, "completion_rate": _percent(counts[Task.Status.DONE], total)}


def _target_row(target: Target) -> dict:
    return {
        "text": target.text,
        "percent": _number(target.percent),
        "current_value": _number(target.current_value),
        "met": target.is_met(),
        "assessment": target.assessment().value,
    }


def results_outline(data: dict) -> str:
    """A first text for "Kết quả đạt được", written from the tasks' progress."""
    lines = []
    for row in data["tasks"]:
        notes = " ".join(
            entry["note"].strip().rstrip(".") + "." for entry in row["progress"] if entry["note"]
        )
        line = f"- {row['heading'].strip().rstrip('.;')}: {row['status_label'].lower()} ({row['percent']}%)."
        lines.append(f"{line} {notes}".strip())
    return "\n".join(lines)


def agency_period_data(agency: Agency, period: ReportingPeriod, *, today: date) -> dict:
    """The agency's own figures for the period: plans issued, tasks by status,
    targets and, where recorded, petitions handled."""
    tasks = Task.objects.filter(_period_tasks(period), plan__agency=agency)
    counts = tasks.aggregate(
        total=Count("pk", filter=~Q(status=Task.Status.CANCELLED)),
        done=Count("pk", filter=Q(status=Task.Status.DONE)),
        in_progress=Count("pk", filter=Q(status=Task.Status.IN_PROGRESS)),
        not_started=Count("pk", filter=Q(status=Task.Status.NOT_STARTED)),
        overdue=Count("pk", filter=Q(status=Task.Status.OVERDUE)),
        cancelled=Count("pk", filter=Q(status=Task.Status.CANCELLED)),
    )
    counts["completion_rate"] = _percent(counts["done"], counts["total"])
    plans_issued = Plan.objects.filter(
        agency=agency, status__in=LIVE_PLAN_STATUSES, issue_date__range=(period.start, period.end)
    ).count()
    targets = Target.objects.filter(
        plan__agency=agency, plan__status__in=LIVE_PLAN_STATUSES, plan__period_year=period.end.year
    ).order_by("plan_id", "order")[:100]
    by_unit = list(
        tasks.exclude(status=Task.Status.CANCELLED)
        .values("lead_unit__name")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=Task.Status.DONE)),
            overdue=Count("pk", filter=Q(status=Task.Status.OVERDUE)),
        )
        .order_by("lead_unit__name")
    )
    target_rows = [_target_row(target) for target in targets]
    return {
        "plans_issued": plans_issued,
        "tasks": counts,
        "by_unit": [
            {
                "unit": row["lead_unit__name"] or "",
                "total": row["total"],
                "done": row["done"],
                "overdue": row["overdue"],
                "completion_rate": _percent(row["done"], row["total"]),
            }
            for row in by_unit
        ],
        "targets": target_rows,
        "targets_met": sum(1 for row in target_rows if row["met"]),
        "targets_total": len(target_rows),
        "petitions": _petition_figures(agency, period, today=today),
        "dialogues": _dialogue_figures(agency, period),
        # What the areas above reports add (reports/figures.py): rows of label and value.
        "more": other_figures(agency, period.start, period.end),
    }


def _petition_figures(agency: Agency, period: ReportingPeriod, *, today: date) -> dict:
    return figures_for_report(agency, start=period.start, end=period.end, today=today)


def _dialogue_figures(agency: Agency, period: ReportingPeriod) -> dict:
    """Dialogues the agency's leaders held in the period, and what they promised."""
    held = Dialogue.objects.filter(
        agency=agency, status=Dialogue.Status.HELD, held_on__range=(period.start, period.end)
    )
    commitments = Commitment.objects.filter(dialogue__in=held)
    return {
        "held": held.count(),
        "commitments": commitments.count(),
        "commitments_done": commitments.filter(task__status=Task.Status.DONE).count(),
    }


# --- Requests and reports ------------------------------------------------------------


# The columns a row of the requests list shows: the fewer a grouped query
# selects, the less it costs to build (each one is grouped by).
REQUEST_ROW_FIELDS = (
    "title",
    "level",
    "due_date",
    "period__kind",
    "period__year",
    "period__number",
    "agency__name",
    "agency__short_name",
    "province__name",
)


def requests_for_index(person: User) -> QuerySet[ReportRequest]:
    return (
        permissions.visible_report_requests(person)
        .select_related("period", "agency", "province")
        .only(*REQUEST_ROW_FIELDS)
        .annotate(
            answered=Count("reports", filter=~Q(reports__status=Report.Status.PENDING)),
            asked=Count("reports"),
        )
        .order_by("-due_date", "-pk")
    )


def reports_of_request(request: ReportRequest) -> list[Report]:
    """The request's reports as rows of who has sent, on time or late. A person
    of one unit sees the other units' status, never their text."""
    return list(
        request.reports.select_related("agency", "unit", "submitted_by")
        .prefetch_related("agency__former_names", "unit__former_names")
        .order_by("unit__sort_key", "agency__sort_key")
    )


# The columns a row of "my reports" shows: its request, the respondent's name
# on the report's date, and its status (not what the report says).
REPORT_ROW_FIELDS = (
    "status",
    "issue_date",
    "request__title",
    "request__due_date",
    "request__period__kind",
    "request__period__year",
    "request__period__number",
    "request__period__end",
    "agency__name",
    "unit__name",
)


def my_reports(person: User) -> QuerySet[Report]:
    """The reports the person writes or sends: their units', their office's."""
    return (
        permissions.written_reports(person)
        .select_related("request__period", "agency", "unit")
        .only(*REPORT_ROW_FIELDS)
        .prefetch_related("agency__former_names", "unit__former_names")
        .order_by("request__due_date")
    )


def report_page(report: Report) -> dict:
    """The report's versions, newest first (the page shows them a page at a
    time), and its attachments."""
    versions = ReportVersion.objects.filter(report=report).select_related("created_by").order_by("-number")
    return {
        "versions": versions,
        "attachments": list(report.attachments.select_related("uploaded_by")),
    }


def unit_reports_for(report: Report) -> list[Report]:
    """For an agency report: its units' reports, with their timeliness."""
    if report.composed_from_id is None:
        return []
    return list(
        Report.objects.filter(request_id=report.composed_from_id)
        .select_related("unit", "request")
        .order_by("unit__sort_key")
    )


def table_row_figures(figures: dict) -> dict:
    """The few numbers of an agency report that the province table shows,
    kept beside its figures so the table reads one small value per agency."""
    tasks = figures.get("tasks", {})
    petitions = figures.get("petitions") or {}
    units = figures.get("units", {})
    return {
        "tasks_total": tasks.get("total"),
        "tasks_done": tasks.get("done"),
        "tasks_overdue": tasks.get("overdue"),
        "completion_rate": tasks.get("completion_rate"),
        "targets_met": figures.get("targets_met"),
        "targets_total": figures.get("targets_total"),
        "petitions_received": petitions.get("received"),
        "petitions_on_time_rate": petitions.get("on_time_rate"),
        "units_on_time": units.get("on_time"),
        "units_late": units.get("late"),
        "units_missing": units.get("missing"),
    }


TABLE_FIGURES = tuple(table_row_figures({}))


def agency_report_figures(report: Report, *, today: date) -> dict:
    """The agency's figures of the period, and how its units reported."""
    figures = agency_period_data(report.agency, report.request.data_period, today=today)
    units = unit_reports_for(report)
    figures["units"] = {
        "asked": len(units),
        "on_time": sum(1 for unit in units if unit.timeliness(today)[0] == "on_time"),
        "late": sum(1 for unit in units if unit.timeliness(today)[0] == "late"),
        "missing": sum(1 for unit in units if unit.first_sent_at is None),
        "rows": [
            {
                "unit": unit.unit.name,  # type: ignore[union-attr]
                "status": unit.status,
                "timeliness": str(unit.timeliness(today)[1]),
                "sent_on": timezone.localtime(unit.first_sent_at).date().isoformat()
                if unit.first_sent_at
                else None,
            }
            for unit in units
        ],
    }
    figures["table"] = table_row_figures(figures)
    return figures


def province_table(province: Province, period: ReportingPeriod, *, today: date) -> dict:
    """Every agency of the province at the end of the period, by its name of
    then (a 2024 table lists the agencies merged since, a 2026 table their
    successors), and any other that reported for it, × the indicators of its
    report for the period, with the report's timeliness: three queries."""
    reports: dict[int, dict[str, Any]] = {
        row["agency_id"]: dict(row)
        for row in Report.objects.filter(
            request__period=period, request__level=ReportRequest.Level.AGENCIES, unit__isnull=True
        )
        .order_by("-request__due_date")
        .values(
            "pk",
            "agency_id",
            "status",
            "first_sent_at",
            "request__due_date",
            table=F("figures__table"),
        )
    }
    # The agencies of the province on the period's end, by their dated province:
    # one moved or merged into another province since is still listed here.
    existing = Agency.objects.existing_during(period.end, period.end).of_province_on(province, period.end)
    agencies = [
        (agency.pk, agency.name_on(period.end))
        for agency in Agency.objects.filter(Q(pk__in=existing.values("pk")) | Q(pk__in=list(reports)))
        .prefetch_related("former_names")
        .order_by("sort_key")
    ]
    rows = []
    for agency_id, name in agencies:
        report = reports.get(agency_id)
        sent = report is not None and report["status"] == Report.Status.APPROVED
        row: dict[str, Any] = {
            "agency_id": agency_id,
            "agency": name,
            "report_id": report["pk"] if sent and report else None,
            "asked": report is not None,
            "timeliness": (
                timeliness(report["first_sent_at"], report["request__due_date"], today) if report else None
            ),
        }
        shown = (report["table"] or {}) if sent and report else {}
        row.update({key: shown.get(key) for key in TABLE_FIGURES})
        rows.append(row)
    codes = [row["timeliness"][0] for row in rows if row["timeliness"]]
    asked = sum(1 for row in rows if row["asked"])
    missing = sum(1 for row in rows if row["asked"] and not row["report_id"])
    counts = {"on_time": codes.count("on_time"), "late": codes.count("late"), "missing": missing}
    return {
        "rows": rows,
        "sent": sum(1 for row in rows if row["report_id"]),
        "asked": asked,
        **counts,
        "rates": {name: _percent(count, asked) for name, count in counts.items()},
    }


def plan_requests_url(plan: Plan) -> str:
    return reverse("reports:plan_requests", args=[plan.pk])


def plan_report_deadlines(plan: Plan) -> list[dict]:
    """The plan's report deadlines its units answer, each with the units the
    plan names (proposed, for the office to confirm), the texts that named
    no unit, and the request once sent."""
    units = list(
        plan.agency.units.filter(is_active=True).exclude(kind=Unit.Kind.LEADERSHIP).order_by("sort_key")
    )
    sent = {
        request.source_deadline_id: request
        for request in ReportRequest.objects.filter(source_deadline__plan=plan).select_related("period")
    }
    rows = []
    for deadline in plan.deadlines.order_by("due_date", "order"):
        if not plan_deadlines.asks_for_report(deadline.action) or plan_deadlines.is_upward(deadline):
            continue
        named = match_named_units([str(text) for text in deadline.units or []], units)
        rows.append(
            {
                "deadline": deadline,
                "kind": PeriodKind(plan_deadlines.period_kind(deadline.action)).label,
                "units": units,
                "proposed": {unit.pk for unit in named.units},
                "unmatched": named.unmatched,
                "request": sent.get(deadline.pk),
            }
        )
    return rows


def periods_of(province: Province) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(province=province).order_by("-year", "-end")


# --- The landing page's report work ----------------------------------------------------

UNSENT = (Report.Status.PENDING, Report.Status.RETURNED)


def _report_item(row: dict, today: date, *, detail: str) -> TodoItem:
    return TodoItem.due_on(
        row["request__due_date"],
        today=today,
        url=reverse("reports:report_detail", args=[row["pk"]]),
        text=row["request__title"],
        detail=detail,
    )


def _request_item(row: dict, today: date, *, text: str, detail: str) -> TodoItem:
    return TodoItem.due_on(
        row["request__due_date"],
        today=today,
        url=reverse("reports:request_detail", args=[row["request_id"]]),
        text=text,
        detail=detail,
    )


def _first_due(reports: QuerySet[Report], *fields: str) -> QuerySet:
    """A work list's first rows, the earliest due first, with the request's title and due date."""
    return reports.order_by("request__due_date", "pk").values(
        fields[0], "request__title", "request__due_date", *fields[1:]
    )[: TODO_LIMIT + 1]


@prepared
def _reports_awaiting():
    awaiting = Report.objects.filter(
        agency__in=ids("agencies"), unit__isnull=True, status=Report.Status.SUBMITTED
    )
    return _first_due(awaiting, "pk", "agency__name")


@prepared
def _requests_to_answer():
    unsent = Report.objects.filter(
        agency__in=ids("agencies"),
        unit__isnull=True,
        status__in=UNSENT,
        request__level=ReportRequest.Level.AGENCIES,
    )
    return _first_due(unsent, "request_id", "status")


@prepared
def _units_not_reported():
    unsent = Report.objects.filter(
        request__agency__in=ids("agencies"),
        request__level=ReportRequest.Level.UNITS,
        unit__isnull=False,
        status__in=UNSENT,
        request__due_date__lte=Bind("until", DateField()),
    )
    return unsent.order_by("request__due_date", "unit__sort_key", "pk").values(
        "request_id", "request__title", "request__due_date", "unit__name"
    )[: TODO_LIMIT + 1]


@prepared
def _unit_reports_due():
    unsent = Report.objects.filter(unit__in=ids("units"), status__in=UNSENT)
    return unsent.order_by("request__due_date", "unit__sort_key", "pk").values(
        "pk", "request__title", "request__due_date", "unit__name"
    )[: TODO_LIMIT + 1]


def _asked_of_agencies() -> QuerySet[ReportRequest]:
    return ReportRequest.objects.filter(province__in=ids("provinces"), level=ReportRequest.Level.AGENCIES)


@prepared
def _requests_coming_due():
    return (
        _asked_of_agencies()
        .filter(due_date__gte=Bind("today", DateField()))
        .annotate(
            unsent=Count("reports", filter=~Q(reports__status=Report.Status.APPROVED)),
            total=Count("reports"),
        )
        .filter(unsent__gt=0)
        .order_by("due_date", "pk")
        .values("pk", "title", "due_date", "unsent", "total")[: TODO_LIMIT + 1]
    )


@prepared
def _late_agency_reports():
    late = _asked_of_agencies().filter(due_date__lt=Bind("today", DateField()))
    return (
        Report.objects.filter(request__in=late, unit__isnull=True)
        .exclude(status=Report.Status.APPROVED)
        .order_by("request__due_date", "agency__sort_key", "pk")
        .values("request_id", "request__title", "request__due_date", "agency__name")[: TODO_LIMIT + 1]
    )


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """The landing page's report work: the agency reports awaiting the leader;
    for the office, the province's requests still to answer and the units
    that have not reported; the reports the unit head has to send; for the
    province reviewer, the requests coming due and the agencies whose report
    is late. One query per list shown."""
    scopes = scopes_of(person)
    lists = []
    if led := scopes.agencies_with(Role.AGENCY_LEADER):
        lists.append(
            todo_list(
                _reports_awaiting.rows(agencies=led),
                lambda row: _report_item(row, today, detail=row["agency__name"]),
                role=Role.AGENCY_LEADER,
                key="bao-cao-cho-duyet",
                title=_("Báo cáo chờ phê duyệt"),
                empty=_("Không có báo cáo nào chờ phê duyệt."),
                more_url=reverse("reports:index"),
                more_label=_("Mọi báo cáo"),
            )
        )
    if offices := scopes.agencies_with(Role.AGENCY_OFFICE):
        lists.append(
            todo_list(
                _requests_to_answer.rows(agencies=offices),
                lambda row: _request_item(
                    row, today, text=row["request__title"], detail=str(Report.Status(row["status"]).label)
                ),
                role=Role.AGENCY_OFFICE,
                key="yeu-cau-den-han",
                title=_("Yêu cầu báo cáo phải trả lời"),
                empty=_("Không có yêu cầu báo cáo nào đang chờ cơ quan trả lời."),
                more_url=reverse("reports:index"),
                more_label=_("Mọi yêu cầu báo cáo"),
            )
        )
        lists.append(
            todo_list(
                _units_not_reported.rows(agencies=offices, until=today + timedelta(days=UPCOMING_DAYS)),
                lambda row: _request_item(row, today, text=row["unit__name"], detail=row["request__title"]),
                role=Role.AGENCY_OFFICE,
                key="don-vi-chua-bao-cao",
                title=_("Đơn vị chưa gửi báo cáo"),
                empty=_("Các đơn vị đã gửi đủ báo cáo đến hạn."),
            )
        )
    if scopes.units_with(Role.UNIT_HEAD):
        lists.append(
            todo_list(
                _unit_reports_due.rows(units=scopes.led_units),
                lambda row: _report_item(row, today, detail=row["unit__name"]),
                role=Role.UNIT_HEAD,
                key="bao-cao-don-vi-phai-nop",
                title=_("Báo cáo của đơn vị phải nộp"),
                empty=_("Đơn vị không có báo cáo nào phải nộp."),
                more_url=reverse("reports:index"),
                more_label=_("Mọi báo cáo"),
            )
        )
    if provinces := scopes.reviewed_provinces:
        lists.append(
            todo_list(
                _requests_coming_due.rows(provinces=provinces, today=today),
                lambda row: TodoItem.due_on(
                    row["due_date"],
                    today=today,
                    url=reverse("reports:request_detail", args=[row["pk"]]),
                    text=row["title"],
                    detail=_("%(sent)s/%(total)s cơ quan đã gửi")
                    % {"sent": row["total"] - row["unsent"], "total": row["total"]},
                ),
                role=Role.PROVINCE_REVIEWER,
                key="bao-cao-den-han",
                title=_("Báo cáo sắp đến hạn"),
                empty=_("Không có yêu cầu báo cáo nào sắp đến hạn."),
                more_url=reverse("reports:index"),
                more_label=_("Mọi yêu cầu báo cáo"),
            )
        )
        lists.append(
            todo_list(
                _late_agency_reports.rows(provinces=provinces, today=today),
                lambda row: _request_item(row, today, text=row["agency__name"], detail=row["request__title"]),
                role=Role.PROVINCE_REVIEWER,
                key="bao-cao-qua-han",
                title=_("Cơ quan chậm gửi báo cáo"),
                empty=_("Không có cơ quan nào chậm gửi báo cáo."),
            )
        )
    return lists
