"""Read queries of the «Dân vận khéo» pages, each starting from what the person may see."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from danvan.core.models import Agency, User
from danvan.core.text import contains_words
from danvan.emulation import permissions
from danvan.emulation.models import Campaign, Evidence, Field, GoodPractice, Level, ProgressReport, Score
from danvan.emulation.services import TRANSITIONS, average_score, missing_registrants

RECOGNISED = permissions.RECOGNISED
S = GoodPractice.Status


def campaigns_for_list(person: User) -> QuerySet[Campaign]:
    return (
        permissions.visible_campaigns(person)
        .select_related("agency", "province")
        .annotate(registered=Count("practices", filter=~Q(practices__status=GoodPractice.Status.WITHDRAWN)))
        .order_by("-year", "deadline", "pk")
    )


def campaign_page(person: User, campaign: Campaign) -> dict:
    practices = (
        permissions.visible_practices(person)
        .filter(campaign=campaign)
        .select_related("agency", "unit", "person", "origin")
        .order_by("agency__sort_key", "unit__name", "name", "pk")
    )
    units, agencies = missing_registrants(campaign)
    can_manage = permissions.can_manage_dvk_campaign(person, campaign)
    return {
        "campaign": campaign,
        "criteria": list(campaign.criteria.all()),
        "council": list(campaign.council.order_by("full_name", "pk")),
        "practices": list(practices),
        "missing_units": units if can_manage else [],
        "missing_agencies": agencies if can_manage else [],
        "can_manage": can_manage,
        "can_register": permissions.can_register_practice(person, campaign),
        "proposed": [p for p in practices if p.status == GoodPractice.Status.PROPOSED] if can_manage else [],
    }


@dataclass(frozen=True)
class MemberScores:
    member: User
    points: dict[int, object]
    total: object


def practice_page(person: User, practice: GoodPractice) -> dict:
    reports = practice.reports.select_related("reported_by").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
    )
    criteria = list(practice.campaign.criteria.all())
    scores = list(Score.objects.filter(practice=practice).select_related("member"))
    members: dict[int, dict] = {}
    for score in scores:
        row = members.setdefault(score.member_id, {"member": score.member, "points": {}, "total": 0})
        row["points"][score.criterion_id] = score.points
        row["total"] += score.points
    manage = permissions.can_manage_practice(person, practice)
    return {
        "practice": practice,
        "events": list(practice.events.select_related("by")),
        "reports": list(reports),
        "criteria": criteria,
        "member_scores": [
            MemberScores(row["member"], row["points"], row["total"]) for row in members.values()
        ],
        "average": average_score(practice),
        "replications": list(
            practice.replications.select_related("agency", "unit").order_by("registered_at", "pk")
        ),
        "tasks": list(practice.tasks.select_related("plan")),
        "can_manage": manage,
        "can_start": manage and practice.status == S.REGISTERED,
        "can_report": manage and practice.status in (S.IN_PROGRESS, S.REPORTED),
        "can_finish": manage and practice.status == S.IN_PROGRESS,
        "can_withdraw": manage and practice.status in TRANSITIONS[S.WITHDRAWN],
        "can_score": practice.status == GoodPractice.Status.REPORTED
        and permissions.can_score_practice(person, practice),
        "can_propose": practice.status == GoodPractice.Status.REPORTED
        and permissions.can_propose_practice(person, practice),
        "can_replicate": permissions.can_replicate_practice(person, practice),
    }


def library(person: User, *, query: str = "", field: str = "", level: str = "", agency_id=None, year=None):
    """Recognised models across the province, searchable without accents."""
    rows = permissions.visible_practices(person).filter(status__in=RECOGNISED)
    if query.strip():
        rows = rows.filter(contains_words("search_text", query))
    if field in Field.values:
        rows = rows.filter(field=field)
    if level in Level.values:
        rows = rows.filter(level=level)
    if agency_id:
        rows = rows.filter(agency_id=agency_id)
    if year:
        rows = rows.filter(campaign__year=year)
    return (
        rows.select_related("agency", "unit", "person", "recognition", "campaign")
        .annotate(replication_count=Count("replications", distinct=True))
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=ProgressReport.objects.prefetch_related("evidence").order_by("reported_at", "pk"),
            )
        )
        .order_by("-campaign__year", "name", "pk")
    )


def library_agencies(person: User) -> QuerySet[Agency]:
    return Agency.objects.filter(pk__in=permissions.visible_practices(person).values("agency")).order_by(
        "sort_key"
    )


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    total: int
    by_field: dict[str, int]
    by_level: dict[str, int]
    recognised: int
    replications: int


def province_view(person: User, *, year: int) -> list[AgencyRow]:
    """Models by field, level and agency; recognition and replication counts per agency."""
    rows = (
        permissions.visible_practices(person)
        .filter(campaign__year=year)
        .exclude(status=GoodPractice.Status.WITHDRAWN)
        .values_list("agency_id", "field", "level", "status", "origin_id")
    )
    agencies: dict[int, dict] = {}
    for agency_id, field, level, status, origin_id in rows:
        found = agencies.setdefault(
            agency_id,
            {"total": 0, "field": Counter(), "level": Counter(), "recognised": 0, "replications": 0},
        )
        found["total"] += 1
        found["field"][field] += 1
        found["level"][level] += 1
        found["recognised"] += status in RECOGNISED
        found["replications"] += origin_id is not None
    by_pk = Agency.objects.in_bulk(list(agencies))
    return sorted(
        (
            AgencyRow(
                agency=by_pk[pk],
                total=row["total"],
                by_field={value: row["field"][value] for value in Field.values},
                by_level={value: row["level"][value] for value in Level.values},
                recognised=row["recognised"],
                replications=row["replications"],
            )
            for pk, row in agencies.items()
        ),
        key=lambda row: row.agency.sort_key,
    )
