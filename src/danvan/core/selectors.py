"""Read queries, one per screen. Each starts from what the person may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.core import permissions
from danvan.core.models import Agency, OrganisationImport, Province, Role, RoleAssignment, Unit, User
from danvan.core.text import search_key


def holders_of(role: str, *, agency=None, unit=None, province=None) -> list[User]:
    """The people currently holding ``role`` in one agency, unit or province:
    whom to tell of something there. One query."""
    scope = (
        {"agency": agency}
        if agency is not None
        else {"unit": unit}
        if unit is not None
        else {"province": province}
    )
    return [
        assignment.user
        for assignment in RoleAssignment.objects.current().filter(role=role, **scope).select_related("user")
    ]


def holders_by(role: str, *, field: str, ids) -> dict[int, list[User]]:
    """``holders_of`` for many agencies or units at once (``field`` is
    "agency" or "unit"): their ids mapped to the people, in one query."""
    found: dict[int, list[User]] = {}
    assignments = (
        RoleAssignment.objects.current().filter(role=role, **{f"{field}__in": ids}).select_related("user")
    )
    for assignment in assignments:
        found.setdefault(getattr(assignment, f"{field}_id"), []).append(assignment.user)
    return found


def agency_leaders(agency: Agency) -> list[User]:
    """The agency's leaders: who approves what the agency issues."""
    return holders_of(Role.AGENCY_LEADER, agency=agency)


def agency_office(agency: Agency) -> list[User]:
    """The agency's office: who writes and follows up its plans and reports."""
    return holders_of(Role.AGENCY_OFFICE, agency=agency)


def provincial_committee(province) -> Agency | None:
    """The province's People's Committee (UBND tỉnh) as an agency, when the
    organisation lists it: who issues the province's decisions."""
    return (
        Agency.objects.filter(province=province, kind=Agency.Kind.PROVINCIAL_COMMITTEE, is_active=True)
        .order_by("pk")
        .first()
    )


def unit_heads(unit: Unit | None) -> list[User]:
    """The heads of a unit (none when there is no unit)."""
    return holders_of(Role.UNIT_HEAD, unit=unit) if unit is not None else []


def roles_of(person: User) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.current().filter(user=person).select_related("province", "agency", "unit")


# --- The landing page's work lists ---------------------------------------------------
# Each domain app adds the lists of what its roles have to do (plans awaiting
# the leader, tasks to assign, petitions' deadlines...) from its AppConfig.ready,
# so that core shows them without importing the apps.


@dataclass(frozen=True)
class TodoItem:
    """One thing to do, linked to the page where it is done."""

    url: str
    text: str
    detail: str = ""
    due: date | None = None
    note: str = ""
    urgent: bool = False

    @classmethod
    def due_on(
        cls, due: date | None, *, today: date, url: str, text: str, detail: str = "", urgent: bool = False
    ) -> TodoItem:
        """An item whose note says how near its due date is."""
        note, past = due_note(due, today)
        return cls(url=url, text=text, detail=detail, due=due, note=note, urgent=past or urgent)


@dataclass(frozen=True)
class TodoList:
    """One list of work for one of the person's roles."""

    role: str
    key: str
    title: str
    items: list[TodoItem]
    empty: str
    more_url: str = ""
    more_label: str = ""
    has_more: bool = False


# The order in which the landing page shows the roles' lists.
TODO_ROLE_ORDER = [
    Role.AGENCY_LEADER,
    Role.AGENCY_OFFICE,
    Role.UNIT_HEAD,
    Role.PEOPLE_INSPECTOR,
    Role.STAFF,
    Role.INSPECTOR,
    Role.PROVINCE_REVIEWER,
]
TODO_LIMIT = 8

_TODO_SOURCES: list[Callable[..., list[TodoList]]] = []


def add_todo_source(source: Callable[..., list[TodoList]]) -> None:
    """Register ``source(person, *, today)``: the lists it returns appear on
    the landing page of the roles they name."""
    if source not in _TODO_SOURCES:
        _TODO_SOURCES.append(source)


@dataclass(frozen=True)
class PublicLink:
    url_name: str
    label: str
    icon: str


_PUBLIC_LINKS: list[PublicLink] = []


def add_public_link(*, url_name: str, label, icon: str) -> None:
    """Register a page citizens open without an account: the front page and
    the sign-in page link to it."""
    link = PublicLink(url_name, label, icon)
    if link not in _PUBLIC_LINKS:
        _PUBLIC_LINKS.append(link)


def public_links() -> list[dict]:
    return [{"url": reverse(link.url_name), "label": link.label, "icon": link.icon} for link in _PUBLIC_LINKS]


def todo_groups(person: User, *, today: date) -> list[dict]:
    """The person's work lists, grouped by role in ``TODO_ROLE_ORDER``."""
    lists = [found for source in _TODO_SOURCES for found in source(person, today=today)]
    groups = []
    for role in TODO_ROLE_ORDER:
        mine = [found for found in lists if found.role == role]
        if mine:
            groups.append({"role": role, "label": Role(role).label, "lists": mine})
    return groups


def limited(rows: list, limit: int = TODO_LIMIT) -> tuple[list, bool]:
    """The first ``limit`` of rows read with ``limit + 1``, and whether there are more."""
    return rows[:limit], len(rows) > limit


def todo_list(
    rows: QuerySet | list,
    item: Callable[[Any], TodoItem],
    *,
    role: str,
    key: str,
    title: str,
    empty: str,
    more_url: str = "",
    more_label: str = "",
) -> TodoList:
    """A work list of the first TODO_LIMIT of ``rows`` (one query), each made
    into a TodoItem by ``item``, saying whether there are more."""
    shown, more = limited(list(rows[: TODO_LIMIT + 1]))
    return TodoList(
        role=role,
        key=key,
        title=title,
        items=[item(row) for row in shown],
        empty=empty,
        more_url=more_url,
        more_label=more_label,
        has_more=more,
    )


def due_note(due: date | None, today: date) -> tuple[str, bool]:
    """How near a due date is, in words, and whether it is past."""
    if due is None:
        return _("Không có hạn cụ thể"), False
    days = (due - today).days
    if days < 0:
        return ngettext("Quá hạn %(days)s ngày", "Quá hạn %(days)s ngày", -days) % {"days": -days}, True
    if days == 0:
        return _("Đến hạn hôm nay"), False
    return ngettext("Còn %(days)s ngày", "Còn %(days)s ngày", days) % {"days": days}, False


def landing_for(person: User, *, today: date) -> dict:
    """Everything the landing page shows for the person's roles: first what
    each role has to do, then the organisation they belong to."""
    scopes = permissions.scopes_of(person)
    assignments = list(roles_of(person))
    context: dict = {
        "person": person,
        "role_assignments": assignments,
        "home_agency": _own(person.agency_id, [role.agency for role in assignments], lambda: person.agency),
        "home_unit": _own(person.unit_id, [role.unit for role in assignments], lambda: person.unit),
        "is_system_admin": scopes.system_admin,
        "todo_groups": todo_groups(person, today=today),
    }
    if scopes.system_admin or scopes.reviewed_provinces:
        context["province_agencies"] = agencies_for_directory(person)
    agency_ids = scopes.agencies_with(*permissions.AGENCY_WIDE_ROLES)
    if agency_ids:
        context["led_agencies"] = agencies_for_directory(person).filter(pk__in=agency_ids)
        context["manages_organisation"] = bool(scopes.agencies_with(Role.AGENCY_OFFICE))
    unit_ids = scopes.units_with(*permissions.UNIT_ROLES)
    if unit_ids:
        context["my_units"] = (
            Unit.objects.filter(pk__in=unit_ids)
            .select_related("agency")
            .prefetch_related(Prefetch("people", queryset=User.objects.filter(is_active=True)))
        )
    return context


def _own(pk: int | None, loaded: list, load: Callable[[], Any]):
    """The person's own agency or unit: the one their roles already loaded,
    else read (a person may work in an agency where they hold no role)."""
    if pk is None:
        return None
    return next((row for row in loaded if row is not None and row.pk == pk), None) or load()


def _count_of(rows: QuerySet) -> Coalesce:
    """The number of ``rows`` of each agency (rows filtered on agency=OuterRef("pk")),
    as a subquery: counting two joined tables with DISTINCT would join every unit
    with every person of the agency first."""
    counted = rows.order_by().values("agency_id").annotate(number=Count("pk")).values("number")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def agencies_for_directory(person: User) -> QuerySet[Agency]:
    return (
        permissions.visible_agencies(person)
        .select_related("province", "successor")
        .annotate(
            unit_count=_count_of(Unit.objects.filter(agency=OuterRef("pk"), is_active=True)),
            people_count=_count_of(User.objects.filter(agency=OuterRef("pk"), is_active=True)),
        )
        # Today's agencies first; those merged or split away after them.
        .order_by(F("valid_to").desc(nulls_first=True), "sort_key")
    )


def agency_directory(person: User, agency: Agency) -> dict:
    """The agency's unit tree with each unit's people, and who leads it."""
    units = list(
        agency.units.filter(is_active=True)
        .select_related("parent")
        .prefetch_related(
            Prefetch("people", queryset=User.objects.filter(is_active=True).order_by("sort_key"))
        )
        .order_by("sort_key")
    )
    visible_ids = set(permissions.visible_units(person).filter(agency=agency).values_list("pk", flat=True))
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        unit.is_visible = unit.pk in visible_ids  # type: ignore[attr-defined]
        children.setdefault(unit.parent_id, []).append(unit)
    tree: list[tuple[int, Unit]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in children.get(parent_id, []):
            tree.append((depth, unit))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    leaders = (
        RoleAssignment.objects.current()
        .filter(agency=agency, role__in=[Role.AGENCY_LEADER, Role.AGENCY_OFFICE], user__is_active=True)
        .select_related("user")
        .order_by("role", "user__sort_key")
    )
    return {
        "agency": agency,
        "unit_tree": tree,
        "leaders": leaders,
        "can_manage": permissions.can_manage_organisation(person, agency),
    }


@dataclass
class UnitSection:
    """A list an app adds to a unit's page: its rows, paged by the view, shown
    by ``template`` with the page as ``page``."""

    template: str
    rows: QuerySet
    page: object = None


_UNIT_SECTIONS: list[Callable[[Unit], UnitSection]] = []


def add_unit_section(source: Callable[[Unit], UnitSection]) -> None:
    """Register ``source(unit)``: the section it returns appears on the unit's page."""
    if source not in _UNIT_SECTIONS:
        _UNIT_SECTIONS.append(source)


def unit_page(unit: Unit) -> dict:
    return {
        "unit": unit,
        "sections": [source(unit) for source in _UNIT_SECTIONS],
        "members": unit.people.filter(is_active=True).order_by("sort_key"),
        "children": unit.children.filter(is_active=True).order_by("sort_key"),
        "unit_roles": RoleAssignment.objects.current()
        .filter(unit=unit)
        .select_related("user")
        .order_by("role", "user__sort_key"),
    }


def provinces_in_service() -> QuerySet[Province]:
    """The provinces that still exist (not merged into another), for the change list's form."""
    return Province.objects.filter(valid_to__isnull=True).order_by("name")


def recent_imports(agency: Agency) -> QuerySet[OrganisationImport]:
    return OrganisationImport.objects.filter(agency=agency).select_related("uploaded_by")[:20]


def get_import(agency: Agency, import_id: int) -> OrganisationImport:
    record = (
        OrganisationImport.objects.filter(agency=agency, pk=import_id).select_related("uploaded_by").first()
    )
    if record is None:
        raise Http404(_("Không tìm thấy lần nhập."))
    return record


def notifications_for(person: User):
    return person.notifications.all()


def read_log_search(
    person: User, *, who: str = "", code: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet:
    """The rows of the read log the person may search, newest first, narrowed
    by who read (name with or without accents, or user name), the record's
    code and the days of the read."""
    rows = permissions.read_log_for(person)
    if who:
        rows = rows.filter(
            Q(person__username__iexact=who)
            | Q(person__full_name__icontains=who)
            | Q(person__sort_key__contains=search_key(who))
        )
    if code:
        rows = rows.filter(code__icontains=code)
    if date_from:
        rows = rows.filter(read_at__date__gte=date_from)
    if date_to:
        rows = rows.filter(read_at__date__lte=date_to)
    return rows.order_by("-read_at", "-pk")
