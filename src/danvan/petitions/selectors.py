"""Read queries, one per screen. Each starts from what the person may see.

No query here reads the denouncer's identity: lists, figures and exports
show a denunciation by its code and subject only.
"""

from __future__ import annotations

import functools
import hmac
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.permissions import scopes_of
from danvan.core.selectors import TodoItem, TodoList, todo_list
from danvan.core.sql import column, first_row, loaded, model_order, written_out
from danvan.core.text import contains_words, search_key
from danvan.documents.selectors import signed_copies_of
from danvan.petitions import letters, permissions, services
from danvan.petitions.models import (
    ANSWER_CODES,
    GROUP_SIZE,
    RESOLVE_CODE_PART,
    Case,
    Deadline,
    Petition,
    PetitionKind,
    Reception,
    ReceptionDay,
    TimeLimitRule,
    lookup_email_key,
)

RESOLVE_CODES = (
    "denunciation.resolve",
    "complaint.first.resolve",
    "complaint.first.resolve.remote",
    "complaint.second.resolve",
    "complaint.second.resolve.remote",
)
PROCESSING_CODES = services.PROCESSING_CODES


def petitions_for_list(
    person: User, *, query: str = "", status: str = "", kind: str = ""
) -> QuerySet[Petition]:
    """The petition list: code, date, kind, subject, sender (never a
    denouncer), status and the nearest pending due date."""
    petitions = permissions.visible_petitions(person).select_related("agency", "citizen", "case")
    if query:
        petitions = petitions.filter(contains_words("search_text", query) | Q(code__iexact=query.strip()))
    if status:
        petitions = petitions.filter(status=status)
    if kind:
        petitions = petitions.filter(kind=kind)
    return petitions.annotate(
        next_due=Min("deadlines__due_date", filter=Q(deadlines__met_on__isnull=True))
    ).order_by("-received_on", "-pk")


def petition_page(person: User, petition: Petition) -> dict:
    """Everything the petition page shows, with the actions the person may take."""
    petition = (
        Petition.objects.select_related("agency", "citizen", "handler", "duplicate_of", "parent", "reception")
        .prefetch_related(
            Prefetch("deadlines", queryset=Deadline.objects.select_related("rule").order_by("due_date")),
            "attachments",
            "parts",
        )
        .get(pk=petition.pk)
    )
    case = (
        Case.objects.filter(petition=petition)
        .select_related("handler")
        .prefetch_related("suspensions")
        .first()
    )
    can_process = permissions.can_process_petition(person, petition)
    return {
        "petition": petition,
        "case": case,
        "case_steps": services.next_steps(case) if case else [],
        "duplicates": duplicate_candidates(petition),
        "can_process": can_process,
        "has_letter": letters.has_letter(petition),
        "can_sign_letter": permissions.can_sign_petition_letter(person, petition),
        # The signed letters open to those who download the letter itself.
        "signed_letters": signed_copies_of(petition) if can_process else [],
        "can_read_identity": permissions.can_read_denouncer_identity(person, petition),
        "can_grant": petition.is_denunciation and permissions.can_grant_identity_access(person, petition),
    }


def _similarity(a: str, b: str) -> float:
    left, right = set(a.split()), set(b.split())
    return len(left & right) / len(left | right) if left and right else 0.0


# Share of common words from which two petitions' contents count as similar.
SIMILAR_CONTENT = 0.4


def duplicate_candidates(petition: Petition, *, limit: int = 5) -> list[Petition]:
    """Earlier petitions of the same agency from the same sender with similar
    content (accent-insensitive), shown before a case is opened."""
    same_sender = _same_sender(petition)
    candidates = (
        Petition.objects.filter(agency=petition.agency_id)
        .filter(same_sender)
        .exclude(pk=petition.pk)
        .exclude(status=Petition.Status.SPLIT)
        .only("pk", "code", "subject", "received_on", "status", "search_text", "kind")
        .order_by("-received_on")[:200]
    )
    scored = [(c, _similarity(petition.search_text, c.search_text)) for c in candidates]
    similar = [c for c, score in sorted(scored, key=lambda pair: -pair[1]) if score >= SIMILAR_CONTENT]
    return similar[:limit]


def _same_sender(petition: Petition) -> Q:
    if petition.is_denunciation:
        key = getattr(getattr(petition, "denouncer", None), "sender_key", "")
        return Q(denouncer__sender_key=key) if key else Q(pk__in=[])
    if petition.citizen_id:
        return Q(citizen=petition.citizen_id) | Q(sender_key=petition.sender_key)
    return Q(sender_key=petition.sender_key) if petition.sender_key else Q(pk__in=[])


def handlers_for(agency_id: int) -> QuerySet[User]:
    """People of the agency who may be made handler of a petition."""
    return User.objects.filter(agency=agency_id, is_active=True).order_by("sort_key")


# --- Hot spots and figures ---------------------------------------------------------


def hot_spots(person: User, *, today: date) -> dict:
    """Open group petitions, open petitions that skip a level, and pending
    deadlines already past, across the agencies the person reads."""
    open_petitions = permissions.visible_petitions(person).open().select_related("agency")
    overdue = (
        Deadline.objects.overdue(today)
        .filter(petition__in=permissions.visible_petitions(person))
        .select_related("petition__agency", "rule")
        .order_by("due_date")
    )
    return {
        "group_petitions": open_petitions.filter(signer_count__gte=GROUP_SIZE),
        "skipped_level": open_petitions.filter(skips_level=True),
        "overdue_deadlines": overdue,
    }


@dataclass
class KindFigures:
    kind: str
    label: str
    received: int = 0
    processed_on_time: int = 0
    resolved_on_time: int = 0
    overdue: int = 0


def _counted_petitions(person: User, *, start: date, end: date, agencies=None) -> QuerySet[Petition]:
    petitions = permissions.visible_petitions(person).filter(received_on__range=(start, end))
    return petitions if agencies is None else petitions.filter(agency__in=agencies)


def figures(person: User, *, start: date, end: date, today: date, agencies=None) -> list[KindFigures]:
    """Received, processed on time, resolved on time and overdue, by kind,
    for petitions received between ``start`` and ``end`` (of ``agencies``
    only, when given)."""
    petitions = _counted_petitions(person, start=start, end=end, agencies=agencies)
    received = dict(petitions.values_list("kind").annotate(n=Count("pk")).order_by())
    deadlines = Deadline.objects.filter(petition__in=petitions)
    rows = {
        kind: KindFigures(kind=kind, label=str(label), received=received.get(kind, 0))
        for kind, label in PetitionKind.choices
    }
    counted = (
        deadlines.values("petition__kind", "code", "met_on", "due_date")
        .filter(Q(code__in=PROCESSING_CODES + RESOLVE_CODES))
        .order_by()
    )
    for row in counted:
        figures_row = rows.get(row["petition__kind"])
        if figures_row is None:
            continue
        met, due = row["met_on"], row["due_date"]
        if met is not None and met <= due:
            if row["code"] in PROCESSING_CODES:
                figures_row.processed_on_time += 1
            else:
                figures_row.resolved_on_time += 1
        elif (met or today) > due:
            figures_row.overdue += 1
    return list(rows.values())


def status_counts(person: User, *, start: date, end: date, agencies=None) -> list[dict]:
    """How many petitions received between ``start`` and ``end`` are in each
    kind and status: counts only, nothing of who sent them."""
    petitions = _counted_petitions(person, start=start, end=end, agencies=agencies)
    rows = petitions.values("kind", "status").annotate(count=Count("pk")).order_by("kind", "status")
    kinds, states = dict(PetitionKind.choices), dict(Petition.Status.choices)
    return [
        {
            "kind": row["kind"],
            "kind_label": str(kinds.get(row["kind"], _("Chưa phân loại"))),
            "status": row["status"],
            "status_label": str(states.get(row["status"], row["status"])),
            "count": row["count"],
        }
        for row in rows
    ]


# --- Reception ----------------------------------------------------------------------


def with_citizen_hidden(receptions: QuerySet[Reception]) -> QuerySet[Reception]:
    """Mark each visit that opened a denunciation (``citizen_hidden``): the
    register shows it without the citizen who came."""
    hidden = permissions.denouncing_receptions().filter(pk=OuterRef("pk"))
    return receptions.annotate(citizen_hidden=Exists(hidden))


def reception_register(person: User, *, query: str = "") -> QuerySet[Reception]:
    """The register, newest first; ``query`` finds a visit by its number, the
    code of a petition opened from it, or the words of its content in any
    order without accents, and by the citizen's name, identity number or
    phone only where that cannot name a denouncer: never a visit that opened
    a denunciation, unless the person was granted that denouncer's identity."""
    agencies = permissions.petition_agencies(person)
    receptions = Reception.objects.filter(agency__in=agencies)
    if query.strip():
        receptions = receptions.filter(_reception_matches(person, query.strip()))
    receptions = (
        receptions.select_related("agency", "citizen", "received_by")
        .annotate(petition_count=Count("petitions"))
        .order_by("-received_on", "-number")
    )
    return with_citizen_hidden(receptions)


def _reception_matches(person: User, query: str) -> Q:
    citizen_shown = ~Q(pk__in=permissions.receptions_hiding_citizen(person).values("pk"))
    words = Q()
    for word in search_key(query).split():
        words &= Q(search_text__contains=word) | (citizen_shown & Q(citizen__search_text__contains=word))
    by_code = Q(pk__in=Petition.objects.filter(code__iexact=query).values("reception_id"))
    by_number = Q(number=int(query)) if query.isdecimal() and len(query) < 9 else Q(pk__in=[])
    return words | by_code | by_number


def reception_page(person: User, reception: Reception) -> dict:
    """The visit with the citizen who came (``visitor``), or None when the
    visit opened a denunciation: then ``identities`` are the denunciations
    whose identity page the person may open to read who came (the read is
    logged), and, unless the person may read all of them, the petitions
    opened at the visit are listed without their codes (``links_hidden``),
    since a complaint opened at the same visit names the citizen."""
    petitions = list(reception.petitions.order_by("pk"))
    denunciations = [petition for petition in petitions if petition.is_denunciation]
    hidden = permissions.denouncing_receptions().filter(pk=reception.pk).exists()
    return {
        "reception": reception,
        "visitor": None if hidden else reception.citizen,
        "identities": [
            petition
            for petition in denunciations
            if permissions.can_read_denouncer_identity(person, petition)
        ],
        "links_hidden": not permissions.can_read_reception_citizen(person, reception),
        "petitions": petitions,
    }


def leaders_of(agency: Agency) -> QuerySet[User]:
    ids = RoleAssignment.objects.current().filter(agency=agency, role=Role.AGENCY_LEADER).values("user")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("sort_key")


def reception_schedule(agency: Agency, *, year: int) -> dict:
    """The leader's reception days of the year and the months without one
    (Luật Tiếp công dân 2013 Điều 18 k2: at least one day a month)."""
    days = list(
        ReceptionDay.objects.filter(agency=agency, date__year=year).select_related("leader").order_by("date")
    )
    covered = {day.date.month for day in days if not day.postponed_note}
    return {
        "agency": agency,
        "year": year,
        "days": days,
        "months_without": [m for m in range(1, 13) if m not in covered],
    }


# Plain fields, whose columns carry their names (a test checks it).
_PUBLIC_FIELDS = (
    "id",
    "code",
    "kind",
    "status",
    "subject",
    "received_on",
    "notified_on",
    "public_answer",
    "competent_body",
)
# What the asker's second factor is compared with, in constant time.
_SECOND_FACTORS = ("lookup_digits", "lookup_email")
# What the page shows of the agency that holds the petition.
_PUBLIC_AGENCY_FIELDS = ("id", "name", "short_name", "address", "hotline", "email")
# What the page shows of the limit by which the sender is next answered.
_PUBLIC_DEADLINE_FIELDS = ("id", "petition", "rule", "code", "due_date")
_PUBLIC_RULE_FIELDS = ("id", "legal_source")


@functools.cache
def _public_fields() -> tuple[list, list, list, list]:
    """The fields the lookup's queries read, in each model's order."""
    return (
        model_order(Petition, (*_PUBLIC_FIELDS, *_SECOND_FACTORS, "agency")),
        model_order(Agency, _PUBLIC_AGENCY_FIELDS),
        model_order(Deadline, _PUBLIC_DEADLINE_FIELDS),
        model_order(TimeLimitRule, _PUBLIC_RULE_FIELDS),
    )


def _select(quote, table: str, fields: list) -> list[str]:
    return [f"{table}.{quote(field.column)}" for field in fields]


@written_out
def _public_status_sql(quote) -> str:
    """The petition and its agency in one query, on the unique code."""
    petition_fields, agency_fields, _deadline, _rule = _public_fields()
    petition, agency = quote(Petition._meta.db_table), quote(Agency._meta.db_table)
    columns = ", ".join(_select(quote, petition, petition_fields) + _select(quote, agency, agency_fields))
    agency_id = quote(column(Petition, "agency"))
    return (
        f"SELECT {columns} FROM {petition} INNER JOIN {agency} "  # noqa: S608
        f"ON {agency}.{quote(Agency._meta.pk.column)} = {petition}.{agency_id} "
        f"WHERE {petition}.{quote('code')} = %s"
    )


def _answer_deadline_sql(quote, codes: str) -> str:
    """``Petition.answer_deadline()`` with its rule, written out; ``codes`` is
    the condition on the deadline's code."""
    _petition, _agency, deadline_fields, rule_fields = _public_fields()
    deadline, rule = quote(Deadline._meta.db_table), quote(TimeLimitRule._meta.db_table)
    columns = ", ".join(_select(quote, deadline, deadline_fields) + _select(quote, rule, rule_fields))

    def field(name: str) -> str:
        return f"{deadline}.{quote(column(Deadline, name))}"

    return (
        f"SELECT {columns} FROM {deadline} INNER JOIN {rule} "  # noqa: S608
        f"ON {rule}.{quote(TimeLimitRule._meta.pk.column)} = {field('rule')} "
        f"WHERE {field('petition')} = %s "
        f"AND {field('met_on')} IS NULL "
        f"AND {field('code')} {codes} "
        f"ORDER BY {field('due_date')} LIMIT 1"
    )


_RESOLVE_DEADLINE_SQL = written_out(lambda quote: _answer_deadline_sql(quote, "LIKE %s"))
_ANSWER_DEADLINE_SQL = written_out(
    lambda quote: _answer_deadline_sql(quote, f"IN ({', '.join(['%s'] * len(ANSWER_CODES))})")
)


def _same(given: str, stored: str) -> bool:
    return bool(given) and bool(stored) and hmac.compare_digest(given.encode(), stored.encode())


def public_status(code: str, digits: str, email: str = "") -> Petition | None:
    """The petition a citizen looks up by code and either the last four
    digits of the phone or the e-mail they gave; None when any is wrong (no
    hint which). Both are compared in constant time.

    One query on the unique code, written out once rather than built by the
    ORM on each call: the public lookup answers many citizens at once. Only
    what the public page shows is read, the agency's name and contacts with
    it (``petition.agency``)."""
    if not digits and not email:
        return None
    row = first_row(_public_status_sql(), [code.strip().upper()])
    if row is None:
        # The same work as a found code, so the answer's time tells nothing.
        _same(digits or lookup_email_key(email), "0" * 64)
        return None
    petition_fields, agency_fields, _deadline, _rule = _public_fields()
    petition = loaded(Petition, petition_fields, row[: len(petition_fields)])
    matched = _same(digits, petition.lookup_digits) if digits else False
    if email and _same(lookup_email_key(email), petition.lookup_email):
        matched = True
    if not matched:
        return None
    petition.agency = loaded(Agency, agency_fields, row[len(petition_fields) :])
    return petition


def public_answer_deadline(petition: Petition) -> Deadline | None:
    """``petition.answer_deadline()`` with its rule's legal source, in one
    written-out query (none for a petition this agency has finished with)."""
    if petition.status == Petition.Status.ACCEPTED:
        row = first_row(_RESOLVE_DEADLINE_SQL(), [petition.pk, f"%{RESOLVE_CODE_PART}%"])
    elif petition.is_open():
        row = first_row(_ANSWER_DEADLINE_SQL(), [petition.pk, *ANSWER_CODES])
    else:
        return None
    if row is None:
        return None
    _petition, _agency, deadline_fields, rule_fields = _public_fields()
    deadline = loaded(Deadline, deadline_fields, row[: len(deadline_fields)])
    deadline.rule = loaded(TimeLimitRule, rule_fields, row[len(deadline_fields) :])
    return deadline


def public_case_holder(petition: Petition) -> dict:
    """Who holds the looked-up case and by which legal date they answer:
    the receiving agency's name for a forwarded petition. A petition from
    ``public_status`` brings its agency; no query is made for it."""
    return {
        "agency": petition.agency,
        "forwarded_to": petition.competent_body if petition.status == Petition.Status.FORWARDED else "",
        "deadline": public_answer_deadline(petition),
    }


def get_petition_case(petition: Petition) -> Case:
    case = Case.objects.filter(petition=petition).first()
    if case is None:
        raise Http404(_("Đơn này chưa được thụ lý."))
    return case


def petition_with_case(petition: Petition) -> Petition:
    """One petition with its case and deadlines, for the API's detail. The
    denouncer's vault is not loaded."""
    return (
        Petition.objects.select_related("agency", "citizen", "case__handler", "handler")
        .prefetch_related(
            Prefetch("deadlines", queryset=Deadline.objects.select_related("rule").order_by("due_date"))
        )
        .get(pk=petition.pk)
    )


# --- Figures for the agency's report ------------------------------------------------

UNASSIGNED = gettext_lazy("Chưa phân công đơn vị xử lý")
_COUNTS = ("received", "processed_on_time", "resolved_on_time", "resolved", "overdue")


def figures_for_report(agency: Agency, *, start: date, end: date, today: date) -> dict:
    """The petition figures of one agency for one period, for its report.

    - ``received``: petitions received in the period (a petition split into
      several counts as its parts);
    - ``processed_on_time``: processing limits (notify the sender, a
      denunciation's initial check or forwarding) met in the period on time;
    - ``resolved`` / ``resolved_on_time``: cases whose resolution limit was
      met (decision, conclusion or termination) in the period, and of those
      the ones on time;
    - ``overdue``: processing and resolution limits missed: met late in the
      period, or still pending at the end of the period (or today, if
      earlier) after their due date;
    - ``on_time_rate``: percentage (0–100, one decimal) of the limits met in
      the period that were met on time; None when none was met.

    ``by_kind`` and ``by_unit`` split the same counts by the petition's kind
    and by the unit of the person handling it (the case handler, else the
    petition's handler). Two queries, whatever the volume.
    """
    cutoff = min(end, today)
    unit = Coalesce("case__handler__unit__name", "handler__unit__name")
    received_rows = (
        Petition.objects.filter(agency=agency, received_on__range=(start, end))
        .exclude(status=Petition.Status.SPLIT)
        .annotate(unit_name=unit)
        .values("kind", "unit_name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    met = Q(met_on__range=(start, end))
    processing, resolution = Q(code__in=PROCESSING_CODES), Q(code__in=RESOLVE_CODES)
    late = (met & Q(met_on__gt=F("due_date"))) | (
        Q(due_date__lt=cutoff) & (Q(met_on__isnull=True) | Q(met_on__gt=cutoff))
    )
    deadline_rows = (
        Deadline.objects.filter(petition__agency=agency)
        .filter(processing | resolution)
        .annotate(unit_name=Coalesce("petition__case__handler__unit__name", "petition__handler__unit__name"))
        .values("petition__kind", "unit_name")
        .annotate(
            processed_on_time=Count("pk", filter=processing & met & Q(met_on__lte=F("due_date"))),
            resolved=Count("pk", filter=resolution & met),
            resolved_on_time=Count("pk", filter=resolution & met & Q(met_on__lte=F("due_date"))),
            overdue=Count("pk", filter=late),
            met=Count("pk", filter=met),
        )
        .order_by()
    )
    totals = dict.fromkeys((*_COUNTS, "met"), 0)
    kinds = {kind: {"kind": str(label), **dict.fromkeys(_COUNTS, 0)} for kind, label in Petition.Kind.choices}
    units: dict[str, dict] = {}

    def add(kind: str, unit_name: str | None, counts: dict) -> None:
        name = unit_name or str(UNASSIGNED)
        unit_row = units.setdefault(name, {"unit": name, **dict.fromkeys(_COUNTS, 0)})
        for row in (kinds.get(kind), unit_row, totals):
            if row is not None:
                for key, value in counts.items():
                    if key in row:
                        row[key] += value

    for row in received_rows:
        add(row["kind"], row["unit_name"], {"received": row["n"]})
    for row in deadline_rows:
        add(row["petition__kind"], row["unit_name"], {key: row[key] for key in (*_COUNTS[1:], "met")})
    on_time = totals["processed_on_time"] + totals["resolved_on_time"]
    return {
        **{key: totals[key] for key in _COUNTS},
        "on_time_rate": round(100 * on_time / totals["met"], 1) if totals["met"] else None,
        "by_kind": list(kinds.values()),
        "by_unit": sorted(units.values(), key=lambda row: search_key(row["unit"])),
    }


# --- The leader's reception schedule --------------------------------------------------


def reception_day_for(person: User, day_id: int) -> ReceptionDay:
    """A day of a schedule the person follows and manages: 404 when the
    agency is not theirs, 403 when they read it but do not manage it."""
    day = ReceptionDay.objects.select_related("agency", "leader").filter(pk=day_id).first()
    if day is None or not permissions.petition_agencies(person).filter(pk=day.agency_id).exists():
        raise Http404(_("Không tìm thấy ngày tiếp công dân."))
    if not permissions.can_manage_reception_schedule(person, day.agency):
        raise PermissionDenied(_("Bạn không có quyền lập lịch tiếp công dân."))
    return day


def public_reception_days(*, today: date) -> dict:
    """What citizens see without an account: the published reception days
    to come, and the postponements of days to come with their notice."""
    upcoming = (
        ReceptionDay.objects.filter(date__gte=today)
        .select_related("agency", "leader")
        .order_by("date", "agency__sort_key")
    )
    return {
        "days": list(upcoming.filter(published_on__isnull=False, postponed_note="")),
        "postponed": list(upcoming.exclude(postponed_note="")),
    }


# --- The landing page's petition work --------------------------------------------------


def todo_lists(person: User, *, today: date) -> list[TodoList]:
    """The inspector's pending time limits, nearest first, on the open
    petitions of the agencies they inspect and those they were made handler
    of. A denunciation shows its code and subject only. One query."""
    inspected = scopes_of(person).agencies_with(Role.INSPECTOR)
    if not inspected:
        return []
    petitions = (
        permissions.visible_petitions(person).open().filter(Q(agency__in=inspected) | Q(handler=person))
    )
    return [
        todo_list(
            Deadline.objects.pending()
            .filter(petition__in=petitions)
            .order_by("due_date", "pk")
            .values("petition_id", "petition__code", "petition__subject", "rule__name", "due_date"),
            lambda row: TodoItem.due_on(
                row["due_date"],
                today=today,
                url=reverse("petitions:petition_detail", args=[row["petition_id"]]),
                text=f"{row['petition__code']} — {row['petition__subject']}",
                detail=row["rule__name"],
            ),
            role=Role.INSPECTOR,
            key="han-xu-ly-don",
            title=_("Hạn xử lý đơn thư"),
            empty=_("Không có đơn nào đang chờ xử lý theo thời hạn."),
            more_url=reverse("petitions:index"),
            more_label=_("Mọi đơn thư"),
        )
    ]
