"""The ground of every permission decision: a person's scopes, and core's own rules.

Each app decides its own actions in its ``permissions.py``, one function per
action, built on ``scopes_of`` and the agency and unit rules here; views, the
API and templates call those functions and none re-implements them. Objects a
person may not see are "not found" (404), exactly like objects that do not
exist; 403 is only for an object the person sees but may not change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, RoleAssignment, SensitiveRead, Unit, User
from danvan.core.prepared import ids, prepared
from danvan.core.sql import column, written_out

AGENCY_WIDE_ROLES = frozenset({Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR, Role.PEOPLE_INSPECTOR})
UNIT_ROLES = frozenset({Role.UNIT_HEAD, Role.STAFF})


@dataclass(frozen=True)
class Scopes:
    """The roles one person holds, loaded once per request."""

    system_admin: bool = False
    provinces: dict[str, frozenset[int]] = field(default_factory=dict)
    agencies: dict[str, frozenset[int]] = field(default_factory=dict)
    units: dict[str, frozenset[int]] = field(default_factory=dict)
    unit_agencies: frozenset[int] = frozenset()

    def agencies_with(self, *roles: str) -> frozenset[int]:
        return frozenset().union(*(self.agencies.get(role, frozenset()) for role in roles))

    def units_with(self, *roles: str) -> frozenset[int]:
        return frozenset().union(*(self.units.get(role, frozenset()) for role in roles))

    @cached_property
    def led_units(self) -> frozenset[int]:
        """Units the person heads, with the units under them; read once."""
        return frozenset(_units_and_descendants(self.units_with(Role.UNIT_HEAD)))

    @cached_property
    def member_units(self) -> frozenset[int]:
        """Units the person heads or works in, with the units under them; read once."""
        return frozenset(_units_and_descendants(self.units_with(*UNIT_ROLES)))

    @property
    def reviewed_provinces(self) -> frozenset[int]:
        return self.provinces.get(Role.PROVINCE_REVIEWER, frozenset())

    @property
    def roles(self) -> set[str]:
        held = {*self.provinces, *self.agencies, *self.units}
        return held | {Role.SYSTEM_ADMIN} if self.system_admin else held


def scopes_of(person: User) -> Scopes:
    if not person.is_authenticated or not person.is_active:
        return Scopes()
    cached = getattr(person, "_danvan_scopes", None)
    if cached is None:
        cached = _load_scopes(person)
        person._danvan_scopes = cached  # type: ignore[attr-defined]
    return cached


@written_out
def _roles_sql(quote) -> str:
    """The person's current roles (RoleAssignment.objects.current()), read by
    every signed-in page: written out, since building the ORM's query costs
    more than running it."""
    columns = ", ".join(
        quote(column(RoleAssignment, name)) for name in ("role", "province", "agency", "unit")
    )
    return (
        f"SELECT {columns} FROM {quote(RoleAssignment._meta.db_table)} "  # noqa: S608 - the model's own names
        f"WHERE {quote(column(RoleAssignment, 'user'))} = %s AND {quote(column(RoleAssignment, 'is_active'))}"
    )


def _load_scopes(person: User) -> Scopes:
    provinces: dict[str, set[int]] = {}
    agencies: dict[str, set[int]] = {}
    units: dict[str, set[int]] = {}
    unit_agencies: set[int] = set()
    system_admin = person.is_superuser
    with connection.cursor() as cursor:
        cursor.execute(_roles_sql(), [person.pk])
        rows = cursor.fetchall()
    for role, province_id, agency_id, unit_id in rows:
        if role == Role.SYSTEM_ADMIN:
            system_admin = True
        elif role == Role.PROVINCE_REVIEWER:
            provinces.setdefault(role, set()).add(province_id)
        elif role in UNIT_ROLES:
            units.setdefault(role, set()).add(unit_id)
            unit_agencies.add(agency_id)
        else:
            agencies.setdefault(role, set()).add(agency_id)
    if person.agency_id:
        unit_agencies.add(person.agency_id)
    return Scopes(
        system_admin=system_admin,
        provinces={role: frozenset(ids) for role, ids in provinces.items()},
        agencies={role: frozenset(ids) for role, ids in agencies.items()},
        units={role: frozenset(ids) for role, ids in units.items()},
        unit_agencies=frozenset(unit_agencies),
    )


# --- Agencies -----------------------------------------------------------------


def visible_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose directory the person may read: their own, those of their
    roles, every agency of a province they review, or all for an administrator."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    return agencies_readable(**agency_scope(scopes))


def agency_scope(scopes: Scopes) -> dict[str, frozenset[int]]:
    """What ``agencies_readable`` reads for a person who is not an administrator:
    the agencies of their roles and units (``own``) and the provinces they
    review (``reviewed``); the values of a prepared query bound to ``ids()``."""
    return {
        "own": scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies,
        "reviewed": scopes.reviewed_provinces,
    }


def agencies_readable(*, own, reviewed) -> QuerySet[Agency]:
    """The rule of ``visible_agencies``, over sets of ids or over the ``ids()``
    placeholders of a prepared query (core.prepared)."""
    return Agency.objects.filter(Q(pk__in=own) | Q(province__in=reviewed))


def can_view_agency(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or agency.pk in scopes.agencies_with(*AGENCY_WIDE_ROLES)
        or agency.pk in scopes.unit_agencies
        or agency.province_id in scopes.reviewed_provinces
    )


def can_manage_organisation(person: User, agency: Agency) -> bool:
    """Import and change the agency's units and people: its office, or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def get_agency_for_user(person: User, agency_id: int, *, action: str = "view") -> Agency:
    agency = Agency.objects.select_related("province").filter(pk=agency_id).first()
    if agency is None or not can_view_agency(person, agency):
        raise Http404(_("Không tìm thấy cơ quan."))
    if action == "manage" and not can_manage_organisation(person, agency):
        raise PermissionDenied(_("Bạn không có quyền quản lý tổ chức của cơ quan này."))
    return agency


# --- Units --------------------------------------------------------------------


def visible_units(person: User) -> QuerySet[Unit]:
    """Units whose page (people, and later tasks and reports) the person may read."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Unit.objects.all()
    return Unit.objects.filter(
        Q(agency__in=scopes.agencies_with(*AGENCY_WIDE_ROLES))
        | Q(agency__province__in=scopes.reviewed_provinces)
        | Q(pk__in=scopes.member_units)
    )


def _units_and_descendants(unit_ids: frozenset[int]) -> set[int]:
    """A unit head also leads the units under theirs (a chi cục's phòng)."""
    found, frontier = set(unit_ids), set(unit_ids)
    while frontier:
        frontier = set(_children.rows(parents=frontier)) - found
        found |= frontier
    return found


_children = prepared(
    lambda: Unit.objects.filter(parent__in=ids("parents")).order_by().values_list("pk", flat=True)
)


def can_view_unit(person: User, unit: Unit) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin or unit.agency_id in scopes.agencies_with(*AGENCY_WIDE_ROLES):
        return True
    if unit.agency.province_id in scopes.reviewed_provinces:
        return True
    mine = scopes.units_with(*UNIT_ROLES)
    return unit.pk in mine or any(ancestor.pk in mine for ancestor in unit.ancestors())


def get_unit_for_user(person: User, unit_id: int, *, action: str = "view") -> Unit:
    unit = Unit.objects.select_related("agency__province", "parent").filter(pk=unit_id).first()
    if unit is None or not can_view_unit(person, unit):
        raise Http404(_("Không tìm thấy đơn vị."))
    return unit


# --- System -------------------------------------------------------------------


def can_use_admin_site(person: User) -> bool:
    return scopes_of(person).system_admin


def must_use_second_factor(person: User) -> bool:
    """A person holding a role named in DANVAN_OTP_REQUIRED_ROLES signs in with
    a second factor, and must set one up before anything else."""
    return bool(scopes_of(person).roles & set(settings.DANVAN_OTP_REQUIRED_ROLES))


def can_manage_calendar(person: User) -> bool:
    return scopes_of(person).system_admin


def can_manage_organisation_changes(person: User) -> bool:
    """Draft, import, preview and apply the province's organisation changes
    (mergers, splits, renames, moves): the system administrator."""
    return scopes_of(person).system_admin


# --- Rules that templates ask for ---------------------------------------------

TEMPLATE_RULES: dict[str, Callable[..., bool]] = {}


def offer_to_templates(module: ModuleType) -> None:
    """Make every ``can_*`` rule of an app's permissions module answer the
    ``{% can %}`` template tag; each app calls it from its AppConfig.ready()."""
    for name, rule in vars(module).items():
        if (
            not name.startswith("can_")
            or not callable(rule)
            or getattr(rule, "__module__", None) != module.__name__
        ):
            continue
        action = name.removeprefix("can_")
        if TEMPLATE_RULES.get(action, rule) is not rule:
            raise ImproperlyConfigured(f"Two permission modules decide {name}.")
        TEMPLATE_RULES[action] = rule


# --- The read log of personal data ----------------------------------------------


def can_search_read_log(person: User) -> bool:
    """The system administrator, and an inspector for the agencies they inspect."""
    scopes = scopes_of(person)
    return scopes.system_admin or bool(scopes.agencies_with(Role.INSPECTOR))


def read_log_for(person: User) -> QuerySet:
    """The rows of the read log the person may search; refused to anyone
    but the system administrator and inspectors."""
    if not can_search_read_log(person):
        raise PermissionDenied(
            _("Chỉ thanh tra và quản trị hệ thống được tra cứu nhật ký đọc dữ liệu cá nhân.")
        )
    rows = SensitiveRead.objects.select_related("person", "agency")
    scopes = scopes_of(person)
    if scopes.system_admin:
        return rows
    return rows.filter(agency_id__in=scopes.agencies_with(Role.INSPECTOR))
