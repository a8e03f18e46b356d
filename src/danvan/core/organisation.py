"""Organisation changes with effective dates: merge, split, rename and move
agencies and units, and merge or rename the province itself.

A change is written as a draft naming what it changes (the parties before)
and what results (the parties after), shown with everything it will move,
and applied once by an administrator on or after its effective date. Applying
it never rewrites history:

- what ends keeps its row, marked with its last day and its successor, so
  that closed work (a 2024 report, a closed case) still reads with the name
  it was done under, and the tables of a year list the agencies of that year;
- a rename keeps the old name as a ``FormerName`` valid until the day before;
- the open work of what ends goes to its successor: each app registers what
  that is for it (``register_takeover``) and moves it through its own
  models, keeping every legal deadline as it was;
- people go with their roles only where the administrator confirmed each of
  them on the preview; a person not confirmed keeps the roles that still
  point at where they were and loses those that would now reach into the
  successor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from danvan.core.models import (
    Agency,
    AgencyProvince,
    ChangeParty,
    ChangePerson,
    FormerName,
    OrganisationChange,
    Province,
    Role,
    RoleAssignment,
    Unit,
    User,
)
from danvan.core.services import DomainError, notify

Kind = OrganisationChange.Kind
Level = OrganisationChange.Level


@dataclass(frozen=True)
class Takeover:
    """What an app hands from a predecessor to its successor: its open work.

    ``count(predecessor)`` says how much there is (the preview), ``move(
    predecessor, successor)`` moves it and returns how many moved.

    An agency's open work that one successor of a split takes as a whole (a
    plan, a petition, a report request) also gives ``items(predecessor)``,
    the things the administrator sends to a successor one by one, and
    ``move_items(items, successor)``, which moves those chosen for another
    successor than the main one before ``move`` hands it the rest. ``follows``
    (optional) lists what follows its unit rather than its owner (a task led
    by a unit that went to another successor: the unit keeps leading it)."""

    level: str
    label: str | Promise
    count: Callable[[Model], int]
    move: Callable[[Model, Model], int]
    items: Callable[[Model], Iterable[Model]] | None = None
    move_items: Callable[[list[Model], Model], int] | None = None
    follows: Callable[[Model], list[Following]] | None = None


@dataclass(frozen=True)
class Following:
    """Open work that follows its unit in a split (a task and the unit leading it)."""

    item: Model
    unit: Unit


TAKEOVERS: list[Takeover] = []


def register_takeover(
    *,
    level: str,
    label: str | Promise,
    count: Callable[[Model], int],
    move: Callable[[Model, Model], int],
    items: Callable[[Model], Iterable[Model]] | None = None,
    move_items: Callable[[list[Model], Model], int] | None = None,
    follows: Callable[[Model], list[Following]] | None = None,
) -> Takeover:
    takeover = Takeover(
        level=level, label=label, count=count, move=move, items=items, move_items=move_items, follows=follows
    )
    TAKEOVERS.append(takeover)
    return takeover


def hand_over(rows: Iterable[Model], **values) -> int:
    """Set ``values`` (the successor agency or unit) on each row and save
    only those fields, so each row's history records the move and nothing
    else of it, a due date least of all, changes. Returns how many moved."""
    moved = 0
    for row in rows:
        for name, value in values.items():
            setattr(row, name, value)
        row.save(update_fields=list(values))
        moved += 1
    return moved


def work_key(item: Model) -> str:
    """How the preview's form names one item of open work: ``work-<model>-<id>``."""
    return f"work-{item._meta.label_lower}-{item.pk}"


@dataclass(frozen=True)
class NewParty:
    """A successor that does not exist yet: created when the change is applied."""

    name: str
    short_name: str = ""
    code: str = ""


@dataclass
class PersonMove:
    person: User
    from_agency: Agency | None
    from_unit: Unit | None
    to_agency: Agency | None
    to_unit: Unit | None
    roles: list[str]
    # Each role that points at what changes: the administrator confirms each
    # one that goes with the person (a person may hold several).
    assignments: list[RoleAssignment] = field(default_factory=list)

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(role).label) for role in self.roles]


@dataclass
class UnitMove:
    unit: Unit
    into: Unit | None  # merged into this unit of the successor; None: moves as it is
    to_agency: Agency | None


@dataclass
class WorkChoice:
    """One item of an agency's open work in a split: the administrator sends
    it to one successor (the first, the main one, unless chosen)."""

    key: str
    label: str
    item: Model


@dataclass
class Preview:
    change: OrganisationChange
    before: list[ChangeParty]
    after: list[ChangeParty]
    work: list[tuple[str, str, int]] = field(default_factory=list)  # (party, label, count)
    units: list[UnitMove] = field(default_factory=list)
    people: list[PersonMove] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    choices: list[WorkChoice] = field(default_factory=list)  # a split: who takes each item
    following: list[Following] = field(default_factory=list)  # a split: work that follows its unit

    @property
    def can_apply(self) -> bool:
        return not self.problems and self.change.is_draft()


# Which kinds a level allows, and how many parties each side takes.
SHAPES = {
    (Kind.MERGE, Level.PROVINCE),
    (Kind.RENAME, Level.PROVINCE),
    (Kind.MERGE, Level.AGENCY),
    (Kind.SPLIT, Level.AGENCY),
    (Kind.RENAME, Level.AGENCY),
    (Kind.MOVE, Level.AGENCY),
    (Kind.MERGE, Level.UNIT),
    (Kind.SPLIT, Level.UNIT),
    (Kind.RENAME, Level.UNIT),
    (Kind.MOVE, Level.UNIT),
}


def _party_fields(thing: Province | Agency | Unit | NewParty) -> dict:
    if isinstance(thing, NewParty):
        return {
            "name": thing.name.strip(),
            "short_name": thing.short_name.strip(),
            "code": thing.code.strip(),
        }
    key = {Province: "province", Agency: "agency", Unit: "unit"}[type(thing)]
    return {key: thing}


def _level_of(thing) -> str | None:
    return {Province: Level.PROVINCE, Agency: Level.AGENCY, Unit: Level.UNIT}.get(type(thing))


@transaction.atomic
def draft_change(
    *,
    kind: str,
    level: str,
    effective_on: date,
    decision: str,
    before: list[Province | Agency | Unit],
    after: list[Province | Agency | Unit | NewParty],
    note: str = "",
    by: User,
) -> OrganisationChange:
    """Write a change as a draft after checking its shape (``check_change``).
    Raises DomainError, writing nothing."""
    check_change(
        kind=kind, level=level, effective_on=effective_on, decision=decision, before=before, after=after
    )
    change = OrganisationChange.objects.create(
        kind=kind, level=level, effective_on=effective_on, decision=decision.strip(), note=note, created_by=by
    )
    for position, item in enumerate(before):
        ChangeParty.objects.create(
            change=change, side=ChangeParty.Side.BEFORE, position=position, **_party_fields(item)
        )
    for position, item in enumerate(after):
        ChangeParty.objects.create(
            change=change, side=ChangeParty.Side.AFTER, position=position, **_party_fields(item)
        )
    return change


def check_change(
    *,
    kind: str,
    level: str,
    effective_on: date,
    decision: str,
    before: list[Province | Agency | Unit],
    after: list[Province | Agency | Unit | NewParty],
) -> None:
    """The shape of a change, read without writing: what it changes exists,
    is of its level and still exists on its date; a merge has one successor,
    a split two or more, a rename a new name, a move a new parent (an agency
    for a unit, a province for an agency). Raises DomainError with the first
    thing wrong. The draft form and the Excel change list both ask it."""
    if (kind, level) not in SHAPES:
        raise DomainError(_("Loại thay đổi này không áp dụng cho cấp đã chọn."))
    if not decision.strip():
        raise DomainError(_("Ghi số, ngày của văn bản quyết định thay đổi."))
    check_before(level=level, effective_on=effective_on, before=before)
    check_after(kind=kind, level=level, before=before, after=after)


def check_before(*, level: str, effective_on: date, before: list[Province | Agency | Unit]) -> None:
    """What a change changes: chosen once each, of the change's level, still
    in existence and begun before the change's date. Raises DomainError."""
    if not before:
        raise DomainError(_("Chọn tỉnh, cơ quan hoặc đơn vị thay đổi."))
    if len({(type(item), item.pk) for item in before}) != len(before):
        raise DomainError(_("Một bên được chọn hai lần."))
    for item in before:
        if _level_of(item) != level:
            raise DomainError(_("Các bên trước thay đổi phải cùng cấp với thay đổi."))
        if item.valid_to is not None:
            raise DomainError(
                _("%(name)s đã thôi hoạt động từ %(day)s.")
                % {"name": item.name, "day": f"{item.valid_to:%d/%m/%Y}"}
            )
        if getattr(item, "valid_from", None) and effective_on <= item.valid_from:
            raise DomainError(
                _("%(name)s mới hoạt động từ %(day)s: ngày hiệu lực phải sau ngày đó.")
                % {"name": item.name, "day": f"{item.valid_from:%d/%m/%Y}"}
            )


def check_after(
    *,
    kind: str,
    level: str,
    before: list[Province | Agency | Unit],
    after: list[Province | Agency | Unit | NewParty],
) -> None:
    """What results from a change, for its kind: see ``check_change``. Raises DomainError."""
    new = [item for item in after if isinstance(item, NewParty)]
    for item in new:
        if not item.name.strip():
            raise DomainError(_("Ghi tên của tỉnh, cơ quan hoặc đơn vị mới."))
        if level != Level.PROVINCE and kind != Kind.RENAME and not item.code.strip():
            raise DomainError(
                _("Ghi mã (chữ viết tắt trong ký hiệu văn bản) của %(name)s.") % {"name": item.name}
            )
    existing = [item for item in after if not isinstance(item, NewParty)]
    if kind == Kind.MOVE:
        parent_level = {Level.UNIT: Level.AGENCY, Level.AGENCY: Level.PROVINCE}[level]
        if len(before) != 1 or len(after) != 1 or new or _level_of(after[0]) != parent_level:
            raise DomainError(
                _("Chuyển trực thuộc: chọn một đơn vị và cơ quan nhận, hoặc một cơ quan và tỉnh nhận.")
            )
        current = before[0].agency_id if level == Level.UNIT else before[0].province_id
        if after[0].pk == current:
            raise DomainError(_("Nơi nhận trùng với nơi trực thuộc hiện nay."))
        return
    for item in existing:
        if _level_of(item) != level:
            raise DomainError(_("Các bên sau thay đổi phải cùng cấp với thay đổi."))
        if item.valid_to is not None:
            raise DomainError(_("%(name)s đã thôi hoạt động.") % {"name": item.name})
        if any(type(item) is type(old) and item.pk == old.pk for old in before):
            raise DomainError(_("%(name)s không thể vừa thôi hoạt động vừa kế thừa.") % {"name": item.name})
    if kind == Kind.RENAME:
        if len(before) != 1 or len(after) != 1 or not new:
            raise DomainError(_("Đổi tên: chọn một bên và ghi tên mới."))
        if new[0].name.strip() == before[0].name:
            raise DomainError(_("Tên mới trùng với tên hiện nay."))
    elif kind == Kind.MERGE:
        if len(after) != 1:
            raise DomainError(_("Sáp nhập, hợp nhất có đúng một bên kế thừa."))
        if level == Level.PROVINCE and new:
            raise DomainError(_("Hợp nhất tỉnh: chọn tỉnh kế thừa đã có trong hệ thống."))
    elif kind == Kind.SPLIT:
        if len(before) != 1 or len(after) < 2:
            raise DomainError(_("Chia tách: một bên được chia thành hai bên trở lên."))
    if level == Level.UNIT:
        agencies = {item.agency_id for item in [*before, *existing]}
        if len(agencies) != 1:
            raise DomainError(
                _(
                    "Sáp nhập, chia tách đơn vị trong cùng một cơ quan; đơn vị sang cơ quan khác thì chuyển trực thuộc."
                )
            )


def _parties(change: OrganisationChange) -> tuple[list[ChangeParty], list[ChangeParty]]:
    parties = list(change.parties.select_related("province", "agency", "unit__agency"))
    return (
        [party for party in parties if party.side == ChangeParty.Side.BEFORE],
        [party for party in parties if party.side == ChangeParty.Side.AFTER],
    )


def _thing(party: ChangeParty):
    return party.province or party.agency or party.unit


def _label(party: ChangeParty) -> str:
    thing = _thing(party)
    return thing.name if thing is not None else _("%(name)s (mới)") % {"name": party.name}


def preview_change(change: OrganisationChange, *, today: date | None = None) -> Preview:
    """Everything applying ``change`` would do, and what stops it, without
    writing anything: the open work per predecessor, where each unit and each
    person would go."""
    today = today or timezone.localdate()
    before, after = _parties(change)
    preview = Preview(change=change, before=before, after=after)
    if change.is_draft() and change.effective_on > today:
        preview.problems.append(
            _("Quyết định có hiệu lực từ %(day)s: chỉ áp dụng được từ ngày đó.")
            % {"day": f"{change.effective_on:%d/%m/%Y}"}
        )
    for party in before:
        thing = _thing(party)
        if change.is_draft() and thing.valid_to is not None:
            preview.problems.append(_("%(name)s đã thôi hoạt động.") % {"name": thing.name})
    if change.kind == Kind.RENAME:
        _check_name_free(change, before[0], after[0], preview)
        return preview
    if change.kind == Kind.MOVE:
        _preview_move(change, before[0], after[0], preview)
        return preview
    successor = after[0]
    for party in before:
        if change.level == Level.PROVINCE:
            _preview_province(party.province, successor, preview)
        elif change.level == Level.AGENCY:
            _preview_agency(party.agency, successor, preview)
            if change.kind == Kind.SPLIT:
                _preview_split_work(party.agency, preview)
        else:
            _preview_unit(party.unit, successor, preview)
    _check_new_names(change, after, preview)
    return preview


def _preview_split_work(agency: Agency, preview: Preview) -> None:
    for takeover in TAKEOVERS:
        if takeover.level != Level.AGENCY:
            continue
        if takeover.items is not None:
            preview.choices += [
                WorkChoice(key=work_key(item), label=str(takeover.label), item=item)
                for item in takeover.items(agency)
            ]
        if takeover.follows is not None:
            preview.following += takeover.follows(agency)


def _count_work(level: str, thing, label: str, preview: Preview) -> None:
    for takeover in TAKEOVERS:
        if takeover.level == level:
            count = takeover.count(thing)
            if count:
                preview.work.append((label, str(takeover.label), count))


def _roles_of(person: User, **where) -> list[str]:
    return list(
        RoleAssignment.objects.filter(user=person, is_active=True, **where)
        .order_by("role")
        .values_list("role", flat=True)
        .distinct()
    )


def _assignments_of(person: User, where: Q) -> list[RoleAssignment]:
    return list(
        RoleAssignment.objects.filter(where, user=person, is_active=True)
        .select_related("province", "agency", "unit")
        .order_by("role", "pk")
    )


def _matching_unit(unit: Unit, agency: Agency | None) -> Unit | None:
    if agency is None:
        return None
    return (
        agency.units.filter(Q(code=unit.code) | Q(name=unit.name), valid_to__isnull=True, is_active=True)
        .order_by("pk")
        .first()
    )


def _preview_agency(agency: Agency, successor: ChangeParty, preview: Preview) -> None:
    target = successor.agency  # None: a new agency
    _count_work(Level.AGENCY, agency, agency.name, preview)
    destination: dict[int, Unit | None] = {}
    for unit in agency.units.filter(is_active=True, valid_to__isnull=True).order_by("sort_key"):
        into = _matching_unit(unit, target)
        preview.units.append(UnitMove(unit=unit, into=into, to_agency=target))
        destination[unit.pk] = into or unit
        if into is not None:
            _count_work(Level.UNIT, unit, unit.name, preview)
    for person in User.objects.filter(
        Q(agency=agency) | Q(role_assignments__agency=agency, role_assignments__is_active=True)
    ).distinct():
        preview.people.append(
            PersonMove(
                person=person,
                from_agency=agency,
                from_unit=person.unit,
                to_agency=target,
                to_unit=destination.get(person.unit_id, None) if person.unit_id else None,
                roles=_roles_of(person, agency=agency),
                assignments=_assignments_of(person, Q(agency=agency) | Q(unit__agency=agency)),
            )
        )


def _preview_unit(unit: Unit, successor: ChangeParty, preview: Preview) -> None:
    _count_work(Level.UNIT, unit, unit.name, preview)
    for person in User.objects.filter(
        Q(unit=unit) | Q(role_assignments__unit=unit, role_assignments__is_active=True)
    ).distinct():
        preview.people.append(
            PersonMove(
                person=person,
                from_agency=unit.agency,
                from_unit=unit,
                to_agency=unit.agency,
                to_unit=successor.unit,
                roles=_roles_of(person, unit=unit),
                assignments=_assignments_of(person, Q(unit=unit)),
            )
        )


def _preview_province(province: Province, successor: ChangeParty, preview: Preview) -> None:
    target = successor.province
    _count_work(Level.PROVINCE, province, province.name, preview)
    for agency in province.agencies.filter(is_active=True, valid_to__isnull=True).order_by("sort_key"):
        same = (
            target.agencies.filter(
                Q(symbol_code=agency.symbol_code) | Q(name=agency.name), valid_to__isnull=True, is_active=True
            )
            .order_by("pk")
            .first()
        )
        if same is not None:
            _preview_agency(agency, ChangeParty(agency=same), preview)
        else:
            preview.work.append((agency.name, _("chuyển về %(province)s") % {"province": target.name}, 1))
    for person in User.objects.filter(
        role_assignments__province=province, role_assignments__is_active=True
    ).distinct():
        preview.people.append(
            PersonMove(
                person=person,
                from_agency=person.agency,
                from_unit=person.unit,
                to_agency=person.agency,
                to_unit=person.unit,
                roles=_roles_of(person, province=province),
                assignments=_assignments_of(person, Q(province=province)),
            )
        )


def _preview_move(
    change: OrganisationChange, party: ChangeParty, target: ChangeParty, preview: Preview
) -> None:
    if change.level == Level.UNIT:
        unit, agency = party.unit, target.agency
        if _matching_unit(unit, agency) is not None:
            preview.problems.append(
                _("%(agency)s đã có đơn vị cùng mã hoặc cùng tên với %(unit)s.")
                % {"agency": agency.name, "unit": unit.name}
            )
        for person in User.objects.filter(Q(unit__in=[unit, *unit.children.all()])).distinct():
            preview.people.append(
                PersonMove(
                    person=person,
                    from_agency=person.agency,
                    from_unit=person.unit,
                    to_agency=agency,
                    to_unit=person.unit,
                    roles=_roles_of(person, unit=person.unit),
                    assignments=_assignments_of(person, Q(unit=person.unit)),
                )
            )
        return
    agency, province = party.agency, target.province
    if province.agencies.filter(Q(name=agency.name) | Q(symbol_code=agency.symbol_code)).exists():
        preview.problems.append(
            _("%(province)s đã có cơ quan cùng tên hoặc cùng chữ viết tắt với %(agency)s.")
            % {"province": province.name, "agency": agency.name}
        )


def _check_name_free(
    change: OrganisationChange, party: ChangeParty, new: ChangeParty, preview: Preview
) -> None:
    thing = _thing(party)
    if change.level == Level.PROVINCE:
        taken = Province.objects.filter(name=new.name).exclude(pk=thing.pk).exists()
    elif change.level == Level.AGENCY:
        taken = (
            Agency.objects.filter(province=thing.province_id)
            .filter(Q(name=new.name) | Q(symbol_code=new.code or thing.symbol_code))
            .exclude(pk=thing.pk)
            .exists()
        )
    else:
        taken = Unit.objects.filter(agency=thing.agency_id, name=new.name).exclude(pk=thing.pk).exists()
    if taken:
        preview.problems.append(_("Tên mới %(name)s đã có người dùng.") % {"name": new.name})


def _check_new_names(change: OrganisationChange, after: list[ChangeParty], preview: Preview) -> None:
    before, _after = _parties(change)
    for party in after:
        if _thing(party) is not None:
            continue
        if change.level == Level.AGENCY:
            province = before[0].agency.province
            if province.agencies.filter(Q(name=party.name) | Q(symbol_code=party.code)).exists():
                preview.problems.append(
                    _("%(province)s đã có cơ quan tên %(name)s hoặc chữ viết tắt %(code)s.")
                    % {"province": province.name, "name": party.name, "code": party.code}
                )
        elif change.level == Level.UNIT:
            agency = before[0].unit.agency
            if agency.units.filter(Q(name=party.name) | Q(code=party.code)).exists():
                preview.problems.append(
                    _("%(agency)s đã có đơn vị tên %(name)s hoặc mã %(code)s.")
                    % {"agency": agency.name, "name": party.name, "code": party.code}
                )


@transaction.atomic
def apply_change(
    *,
    change: OrganisationChange,
    confirmed: Iterable[int],
    confirmed_roles: Iterable[int] | None = None,
    nobody_confirmed: bool = False,
    destinations: dict[int, int] | None = None,
    work_destinations: dict[str, int] | None = None,
    by: User,
    today: date | None = None,
) -> OrganisationChange:
    """Apply a draft change as previewed. ``confirmed`` holds the people (ids)
    the administrator confirmed to go; ``confirmed_roles`` the role rows (ids)
    confirmed to go with them (None: every role of a confirmed person that
    points at what changes). Nobody confirmed is refused unless
    ``nobody_confirmed`` says the administrator chose it; ``destinations`` maps,
    for a split, a unit (an agency split) or a person (a unit split) to the
    position of the successor it goes to (the first otherwise), and
    ``work_destinations`` does the same for each item of open work the
    preview lists as a choice (its ``work_key``).

    Raises DomainError when the preview shows a problem or the change is
    already applied; nothing is written then."""
    change = OrganisationChange.objects.select_for_update().get(pk=change.pk)
    preview = preview_change(change, today=today)
    if not change.is_draft():
        raise DomainError(_("Thay đổi này đã được áp dụng."))
    if preview.problems:
        raise DomainError(" ".join(preview.problems))
    confirmed = set(confirmed)
    roles = None if confirmed_roles is None else set(confirmed_roles)
    if roles:
        # A role confirmed confirms its person.
        confirmed |= set(RoleAssignment.objects.filter(pk__in=roles).values_list("user_id", flat=True))
    if preview.people and not confirmed and not nobody_confirmed:
        raise DomainError(
            _(
                "Chưa xác nhận người nào chuyển theo. Chọn người chuyển, hoặc chọn rõ "
                "“Áp dụng, không chuyển ai”."
            )
        )
    run = _Run(
        change=change,
        confirmed=confirmed,
        confirmed_roles=roles,
        destinations=destinations or {},
        work_destinations=work_destinations or {},
        preview=preview,
    )
    before, after = preview.before, preview.after
    if change.kind == Kind.RENAME:
        run.rename(_thing(before[0]), after[0])
    elif change.kind == Kind.MOVE:
        run.move(_thing(before[0]), _thing(after[0]))
    elif change.kind == Kind.MERGE:
        successor = run.successor(after[0])
        for party in before:
            run.merge(_thing(party), successor)
    else:
        successors = [run.successor(party) for party in after]
        run.split(_thing(before[0]), successors)
    change.status = OrganisationChange.Status.APPLIED
    change.applied_by = by
    change.applied_at = timezone.now()
    change.summary = run.summary
    change.save(update_fields=["status", "applied_by", "applied_at", "summary"])
    _tell_successors(change, run)
    return change


def _tell_successors(change: OrganisationChange, run: _Run) -> None:
    """The leaders and offices of the agencies that took work over learn what
    came to them, with the decision."""
    agencies = {thing.pk for thing in run.receivers if isinstance(thing, Agency)}
    agencies |= {thing.agency_id for thing in run.receivers if isinstance(thing, Unit)}
    if not agencies or not run.summary:
        return
    people = RoleAssignment.objects.current().filter(
        role__in=(Role.AGENCY_LEADER, Role.AGENCY_OFFICE), agency__in=agencies
    )
    notify(
        recipients=[assignment.user for assignment in people.select_related("user")],
        key=f"organisation-change:{change.pk}",
        text=_("%(kind)s theo %(decision)s: %(what)s")
        % {
            "kind": change.get_kind_display(),
            "decision": change.decision[:120],
            "what": " ".join(run.summary)[:600],
        },
        url=reverse("core:agency_detail", args=[sorted(agencies)[0]]),
    )


@dataclass
class _Run:
    change: OrganisationChange
    confirmed: set[int]
    destinations: dict[int, int]
    preview: Preview
    confirmed_roles: set[int] | None = None
    work_destinations: dict[str, int] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    receivers: list = field(default_factory=list)

    @property
    def last_day(self) -> date:
        return self.change.effective_on - timedelta(days=1)

    def note(self, text: str) -> None:
        self.summary.append(text)

    # -- successors ---------------------------------------------------------

    def successor(self, party: ChangeParty):
        thing = _thing(party)
        if thing is not None:
            return thing
        level, day = self.change.level, self.change.effective_on
        before = self.preview.before[0]
        if level == Level.AGENCY:
            model = before.agency
            thing = Agency.objects.create(
                province=model.province,
                name=party.name,
                short_name=party.short_name,
                symbol_code=party.code,
                kind=model.kind,
                valid_from=day,
            )
        else:
            model = before.unit
            thing = Unit.objects.create(
                agency=model.agency,
                parent=model.parent,
                code=party.code,
                name=party.name,
                short_name=party.short_name,
                kind=model.kind,
                valid_from=day,
            )
        setattr(party, level, thing)
        party.save(update_fields=[level])
        self.note(_("Thành lập %(name)s từ %(day)s.") % {"name": thing.name, "day": f"{day:%d/%m/%Y}"})
        return thing

    def end(self, thing, successor) -> None:
        thing.valid_to = self.last_day
        thing.successor = successor
        fields = ["valid_to", "successor"]
        if not isinstance(thing, Province):
            thing.is_active = False
            fields.append("is_active")
        thing.save(update_fields=fields)
        self.note(
            _("%(name)s thôi hoạt động từ %(day)s; %(successor)s kế thừa.")
            % {"name": thing.name, "day": f"{self.change.effective_on:%d/%m/%Y}", "successor": successor.name}
        )

    def take_over(self, level: str, old, new) -> None:
        self.receivers.append(new)
        for takeover in TAKEOVERS:
            if takeover.level == level:
                moved = takeover.move(old, new)
                if moved:
                    self.note(
                        _("%(count)s %(what)s của %(old)s chuyển sang %(new)s.")
                        % {"count": moved, "what": takeover.label, "old": old.name, "new": new.name}
                    )

    # -- people ---------------------------------------------------------------

    def role_confirmed(self, role: RoleAssignment) -> bool:
        return self.confirmed_roles is None or role.pk in self.confirmed_roles

    def record_person(self, person: User, moved: bool, **where) -> None:
        ChangePerson.objects.update_or_create(
            change=self.change, person=person, defaults={"moved": moved, **where}
        )

    def move_people(
        self,
        people: Iterable[PersonMove],
        *,
        old_agency: Agency | None = None,
        old_unit: Unit | None = None,
        old_province: Province | None = None,
        to_province: Province | None = None,
    ) -> None:
        """Each confirmed person goes with the roles confirmed of those that
        pointed at what changed; a role not confirmed, and everyone not
        confirmed, stays at the ended agency or unit (listed on the applied
        change for the administrator), less a role that would now reach into
        a unit that went to another agency."""
        people = list(people)
        for move in people:
            person = move.person
            confirmed = person.pk in self.confirmed
            roles = RoleAssignment.objects.filter(user=person, is_active=True)
            if old_province is not None:
                scoped = roles.filter(province=old_province)
            elif old_unit is not None:
                scoped = roles.filter(unit=old_unit)
            else:
                scoped = roles.filter(
                    Q(agency=old_agency) | Q(unit__agency=old_agency) | Q(unit__in=_moved(move))
                )
            going = [role for role in scoped if confirmed and self.role_confirmed(role)]
            staying = [role for role in scoped if role not in going]
            self.record_person(
                person,
                confirmed,
                from_agency=move.from_agency,
                from_unit=move.from_unit,
                to_agency=move.to_agency if confirmed else None,
                to_unit=move.to_unit if confirmed else None,
                roles=[role.role for role in going] if confirmed else move.roles,
                roles_left=[role.role for role in staying],
            )
            for role in going:
                if role.province_id and to_province is not None:
                    role.province = to_province
                if role.agency_id and move.to_agency is not None:
                    role.agency = move.to_agency
                if role.unit_id and move.to_unit is not None:
                    role.unit = move.to_unit
                role.save(update_fields=["province", "agency", "unit"])
            for role in staying:
                # A role not confirmed stays where it pointed, at the ended
                # agency or unit, until the administrator handles it; one at
                # a unit now of another agency would reach into it: it ends.
                if (
                    role.unit_id
                    and move.from_agency is not None
                    and role.unit.agency_id != move.from_agency.pk
                ):
                    role.is_active = False
                    role.save(update_fields=["is_active"])
            if confirmed:
                fields = []
                if move.to_agency is not None and person.agency_id != move.to_agency.pk:
                    person.agency = move.to_agency
                    fields.append("agency")
                if move.to_unit is not None and person.unit_id != move.to_unit.pk:
                    person.unit = move.to_unit
                    fields.append("unit")
                if fields:
                    person.save(update_fields=fields)
                continue
            unit = Unit.objects.filter(pk=person.unit_id).first() if person.unit_id else None
            if unit is not None and move.from_agency is not None and unit.agency_id != move.from_agency.pk:
                # The unit went to another agency: the person is no longer in it.
                person.unit = None
                person.save(update_fields=["unit"])
        moved = sum(1 for move in people if move.person.pk in self.confirmed)
        if moved:
            self.note(_("%(count)s người chuyển theo cùng vai trò.") % {"count": moved})

    # -- kinds ----------------------------------------------------------------

    def rename(self, thing, new: ChangeParty) -> None:
        FormerName.objects.create(
            change=self.change,
            until=self.last_day,
            name=thing.name,
            short_name=getattr(thing, "short_name", ""),
            **{self.change.level: thing},
        )
        old = thing.name
        thing.name = new.name
        fields = ["name"]
        if isinstance(thing, (Agency, Unit)):
            thing.short_name = new.short_name
            fields.append("short_name")
        if isinstance(thing, Agency) and new.code:
            thing.symbol_code = new.code
            fields.append("symbol_code")
        if isinstance(thing, Unit) and new.code:
            thing.code = new.code
            fields.append("code")
        thing.save(update_fields=[*fields, "sort_key"] if not isinstance(thing, Province) else fields)
        self.note(
            _("%(old)s đổi tên thành %(new)s từ %(day)s.")
            % {"old": old, "new": thing.name, "day": f"{self.change.effective_on:%d/%m/%Y}"}
        )

    def move(self, thing, parent) -> None:
        if isinstance(thing, Unit):
            old = thing.agency
            family = [thing, *_descendants(thing)]
            for unit in family:
                unit.agency = parent
                if unit is thing:
                    unit.parent = None
                unit.save(update_fields=["agency", "parent"])
            self.move_people(self.preview.people, old_agency=old)
            for move in self.preview.people:
                if move.person.pk in self.confirmed:
                    RoleAssignment.objects.filter(user=move.person, unit__in=family).update(agency=parent)
        else:
            old = thing.province
            self.move_to_province(thing, parent)
        self.note(
            _("%(name)s chuyển từ %(old)s về %(new)s từ %(day)s.")
            % {
                "name": thing.name,
                "old": old.name,
                "new": parent.name,
                "day": f"{self.change.effective_on:%d/%m/%Y}",
            }
        )

    def move_to_province(self, agency: Agency, province: Province) -> None:
        """The agency belongs to ``province`` from the change's date; the
        province it leaves keeps it, dated, for the years before."""
        held = AgencyProvince.objects.filter(agency=agency, valid_to__isnull=True).first()
        if held is None:
            AgencyProvince.objects.create(
                agency=agency,
                province_id=agency.province_id,
                valid_from=agency.valid_from,
                valid_to=self.last_day,
                change=self.change,
            )
        else:
            held.valid_to = self.last_day
            held.save(update_fields=["valid_to"])
        AgencyProvince.objects.create(
            agency=agency, province=province, valid_from=self.change.effective_on, change=self.change
        )
        agency.province = province
        agency.save(update_fields=["province"])

    def merge(self, thing, successor) -> None:
        if isinstance(thing, Province):
            self.merge_province(thing, successor)
        elif isinstance(thing, Agency):
            self.merge_agency(thing, successor)
        else:
            self.merge_unit(thing, successor)

    def merge_province(self, province: Province, successor: Province) -> None:
        for agency in province.agencies.filter(is_active=True, valid_to__isnull=True):
            same = (
                successor.agencies.filter(
                    Q(symbol_code=agency.symbol_code) | Q(name=agency.name),
                    valid_to__isnull=True,
                    is_active=True,
                )
                .order_by("pk")
                .first()
            )
            if same is not None:
                self.merge_agency(agency, same)
            else:
                self.move_to_province(agency, successor)
                self.note(_("%(name)s chuyển về %(new)s.") % {"name": agency.name, "new": successor.name})
        people = [move for move in self.preview.people if move.from_agency is None or move.roles]
        province_people = [
            move
            for move in people
            if RoleAssignment.objects.filter(user=move.person, province=province, is_active=True).exists()
        ]
        self.move_people(province_people, old_province=province, to_province=successor)
        self.take_over(Level.PROVINCE, province, successor)
        self.end(province, successor)

    def merge_agency(
        self, agency: Agency, successor: Agency, *, units_to: dict[int, Agency] | None = None
    ) -> None:
        moved_units: dict[int, Unit] = {}
        for unit in agency.units.filter(is_active=True, valid_to__isnull=True).order_by("pk"):
            target = (units_to or {}).get(unit.pk, successor)
            into = _matching_unit(unit, target)
            if into is not None:
                self.merge_unit(unit, into, people=False)
                moved_units[unit.pk] = into
            else:
                unit.agency = target
                unit.save(update_fields=["agency"])
                moved_units[unit.pk] = unit
        for unit in Unit.objects.filter(pk__in=[unit.pk for unit in moved_units.values()]):
            parent = moved_units.get(unit.parent_id) if unit.parent_id else None
            if parent is not None and parent.pk != unit.parent_id:
                unit.parent = parent
                unit.save(update_fields=["parent"])
            elif unit.parent_id and unit.parent.agency_id != unit.agency_id:
                unit.parent = None
                unit.save(update_fields=["parent"])
        self.take_over(Level.AGENCY, agency, successor)
        people = [move for move in self.preview.people if move.from_agency == agency]
        for move in people:
            if move.person.unit_id in moved_units:
                move.to_unit = moved_units[move.person.unit_id]
                move.to_agency = move.to_unit.agency
            elif move.to_agency is None:
                move.to_agency = successor
        self.move_people(people, old_agency=agency)
        self.end(agency, successor)

    def merge_unit(self, unit: Unit, successor: Unit, *, people: bool = True) -> None:
        for child in unit.children.filter(valid_to__isnull=True):
            child.parent = successor
            child.save(update_fields=["parent"])
        self.take_over(Level.UNIT, unit, successor)
        if people:
            self.move_people([move for move in self.preview.people if move.from_unit == unit], old_unit=unit)
        else:
            # Moved with their agency: the unit's role rows follow the unit.
            for role in RoleAssignment.objects.filter(unit=unit, is_active=True):
                if role.user_id in self.confirmed:
                    role.unit, role.agency = successor, successor.agency
                    role.save(update_fields=["unit", "agency"])
        self.end(unit, successor)

    def split(self, thing, successors: list) -> None:
        """``destinations`` gives, per unit (an agency split) or per person (a
        unit split), the position of its successor; the first otherwise."""
        main = successors[0]

        def target(key: int):
            position = self.destinations.get(key, 0)
            return successors[position] if 0 <= position < len(successors) else main

        if isinstance(thing, Agency):
            self.split_work(thing, successors)
            units = thing.units.filter(is_active=True, valid_to__isnull=True)
            self.merge_agency(thing, main, units_to={unit.pk: target(unit.pk) for unit in units})
            self.note_following(successors)
            return
        for move in self.preview.people:
            move.to_unit = target(move.person.pk)
        self.merge_unit(thing, main)

    def split_work(self, agency: Agency, successors: list) -> None:
        """Each item of open work chosen for another successor than the main
        one goes there; ``merge_agency`` then hands the main one the rest."""
        for takeover in TAKEOVERS:
            if takeover.level != Level.AGENCY or takeover.items is None or takeover.move_items is None:
                continue
            chosen: dict[int, list[Model]] = {}
            for item in takeover.items(agency):
                position = self.work_destinations.get(work_key(item), 0)
                if 0 < position < len(successors):
                    chosen.setdefault(position, []).append(item)
            for position, items in chosen.items():
                new = successors[position]
                self.receivers.append(new)
                moved = takeover.move_items(items, new)
                if moved:
                    self.note(
                        _("%(count)s %(what)s của %(old)s chuyển sang %(new)s.")
                        % {"count": moved, "what": takeover.label, "old": agency.name, "new": new.name}
                    )

    def note_following(self, successors: list) -> None:
        """The work that followed its unit to another successor than the main one."""
        main = successors[0]
        for following in self.preview.following:
            unit = Unit.objects.select_related("agency").get(pk=following.unit.pk)
            if unit.agency_id != main.pk:
                self.note(
                    _("%(what)s chuyển theo đơn vị: %(unit)s, nay thuộc %(agency)s, vẫn chủ trì.")
                    % {"what": following.item, "unit": unit.name, "agency": unit.agency.name}
                )


def _moved(move: PersonMove) -> list[int]:
    return [move.from_unit.pk] if move.from_unit is not None else []


def _descendants(unit: Unit) -> list[Unit]:
    found, frontier = [], list(unit.children.all())
    while frontier:
        child = frontier.pop()
        found.append(child)
        frontier.extend(child.children.all())
    return found


def changes_of(thing: Province | Agency | Unit) -> list[OrganisationChange]:
    """The applied changes ``thing`` was a party of, latest first."""
    key = {Province: "province", Agency: "agency", Unit: "unit"}[type(thing)]
    return list(
        OrganisationChange.objects.filter(
            status=OrganisationChange.Status.APPLIED, **{f"parties__{key}": thing}
        ).distinct()
    )


@transaction.atomic
def cancel_change(*, change: OrganisationChange) -> None:
    """Drop a draft; an applied change is history and stays."""
    change = OrganisationChange.objects.select_for_update().get(pk=change.pk)
    if not change.is_draft():
        raise DomainError(_("Thay đổi đã áp dụng không hủy được."))
    change.delete()
