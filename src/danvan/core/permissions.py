"""Every permission decision of Danvan, one function per action.

Views, the API and templates call these; none re-implements them. Objects a
person may not see are "not found" (404), exactly like objects that do not
exist; 403 is only for an object the person sees but may not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Role, RoleAssignment, Unit, User

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


def _load_scopes(person: User) -> Scopes:
    provinces: dict[str, set[int]] = {}
    agencies: dict[str, set[int]] = {}
    units: dict[str, set[int]] = {}
    unit_agencies: set[int] = set()
    system_admin = person.is_superuser
    rows = (
        RoleAssignment.objects.current()
        .filter(user=person)
        .values_list("role", "province_id", "agency_id", "unit_id")
    )
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


def has_role(person: User, role: str) -> bool:
    return role in scopes_of(person).roles


# --- Agencies -----------------------------------------------------------------


def visible_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose directory the person may read: their own, those of their
    roles, every agency of a province they review, or all for an administrator."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    own = scopes.agencies_with(*AGENCY_WIDE_ROLES) | scopes.unit_agencies
    return Agency.objects.filter(Q(pk__in=own) | Q(province__in=scopes.reviewed_provinces))


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
        frontier = set(Unit.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


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


# --- Plans and the document library ---------------------------------------------


def visible_plan_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose plans the person may read: every member of the agency
    (plans are disclosed to staff), its reviewers, or an administrator."""
    return visible_agencies(person)


def _person_provinces(person: User) -> set[int]:
    return set(visible_agencies(person).values_list("province_id", flat=True))


def can_view_plan(person: User, plan) -> bool:
    """An agency's plans are read inside the agency and by its reviewers; the
    province's own issued plans are read by every agency of the province,
    since those are the plans they implement."""
    if can_view_agency(person, plan.agency):
        return True
    provincial = plan.agency.kind == Agency.Kind.PROVINCIAL_COMMITTEE and plan.status in ("issued", "closed")
    return provincial and plan.agency.province_id in _person_provinces(person)


def visible_plans(person: User):
    from danvan.plans.models import Plan

    provincial = Q(
        agency__kind=Agency.Kind.PROVINCIAL_COMMITTEE,
        status__in=["issued", "closed"],
        agency__province__in=_person_provinces(person),
    )
    return Plan.objects.filter(Q(agency__in=visible_agencies(person)) | provincial)


def can_amend_plan(person: User, plan) -> bool:
    return plan.status == "issued" and can_author_plan(person, plan.agency)


def can_edit_plan(person: User, plan) -> bool:
    return plan.is_editable() and can_author_plan(person, plan.agency)


def can_author_plan(person: User, agency: Agency) -> bool:
    """Create, import and edit the agency's draft plans: its office, or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_import_plan(person: User, agency: Agency) -> bool:
    return can_author_plan(person, agency)


def get_plan_for_user(person: User, plan_id: int, *, action: str = "view"):
    from danvan.plans.models import Plan

    plan = Plan.objects.select_related("agency__province").filter(pk=plan_id).first()
    if plan is None or not can_view_plan(person, plan):
        raise Http404(_("Không tìm thấy kế hoạch."))
    if action == "edit" and not can_author_plan(person, plan.agency):
        raise PermissionDenied(_("Bạn không có quyền sửa kế hoạch này."))
    return plan


def can_submit_plan(person: User, plan) -> bool:
    return plan.is_editable() and can_author_plan(person, plan.agency)


def can_approve_plan(person: User, plan) -> bool:
    """Approve, issue or return a submitted plan: the agency's leader."""
    scopes = scopes_of(person)
    leads = scopes.system_admin or plan.agency_id in scopes.agencies_with(Role.AGENCY_LEADER)
    return leads and plan.status == "submitted"


def can_copy_plan(person: User, plan) -> bool:
    return can_author_plan(person, plan.agency)


def _unit_ids_led(person: User) -> frozenset[int]:
    return scopes_of(person).led_units


def _unit_ids_member(person: User) -> frozenset[int]:
    return scopes_of(person).member_units


def visible_tasks(person: User):
    """Tasks the person may read: all of their agencies for agency-wide roles
    and reviewers; otherwise those their units lead or support, and their own.

    Each condition is a subquery on the task's own columns, so the database
    uses the task indexes and no DISTINCT is needed."""
    from danvan.plans.models import Plan, Task

    scopes = scopes_of(person)
    if scopes.system_admin:
        return Task.objects.all()
    agencies = scopes.agencies_with(*AGENCY_WIDE_ROLES)
    reviewed = scopes.reviewed_provinces
    units = _unit_ids_member(person)
    condition = Q(assignee=person)
    if agencies or reviewed:
        plans = Plan.objects.filter(Q(agency__in=agencies) | Q(agency__province__in=reviewed)).values("pk")
        condition |= Q(plan_id__in=plans)
    if units:
        supported = Task.supporting_units.through.objects.filter(unit_id__in=units).values("task_id")
        condition |= Q(lead_unit_id__in=units) | Q(pk__in=supported)
    return Task.objects.filter(condition)


def can_view_task(person: User, task) -> bool:
    return visible_tasks(person).filter(pk=task.pk).exists()


def can_view_task_column(person: User) -> Exists:
    """``can_view_task`` for every row of a task query at once, as a column:
    ``tasks.annotate(may_open=can_view_task_column(person))`` (one query for a
    whole table, whatever its rows)."""
    return Exists(visible_tasks(person).filter(pk=OuterRef("pk")))


def can_assign_task(person: User, task) -> bool:
    """Name the person responsible: the lead unit's head, or the agency office."""
    scopes = scopes_of(person)
    return task.is_open() and (
        scopes.system_admin
        or task.lead_unit_id in _unit_ids_led(person)
        or task.plan.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)
    )


def can_update_task(person: User, task) -> bool:
    """Report progress: the assignee or any member of the lead unit, once issued."""
    return (
        task.is_open()
        and task.plan.status == "issued"
        and (task.assignee_id == person.pk or task.lead_unit_id in _unit_ids_member(person))
    )


def can_confirm_task_update(person: User, task) -> bool:
    return task.lead_unit_id in _unit_ids_led(person) or scopes_of(person).system_admin


def can_cancel_task(person: User, task) -> bool:
    return task.is_open() and can_assign_task(person, task)


def can_comment_on_task(person: User, task) -> bool:
    return can_view_task(person, task)


def get_task_for_user(person: User, task_id: int, *, action: str = "view"):
    from danvan.plans.models import Task

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


def visible_legal_documents(person: User):
    """Library entries cited by a plan the person may read."""
    from danvan.documents.models import LegalDocument

    return LegalDocument.objects.filter(plans__in=visible_plans(person))


def can_edit_legal_document(person: User, document=None) -> bool:
    """Correct and complete library entries: any agency office or an administrator."""
    scopes = scopes_of(person)
    return scopes.system_admin or bool(scopes.agencies_with(Role.AGENCY_OFFICE))


# --- Petitions, cases and citizen reception ---------------------------------------
# The agency's leader (thủ trưởng) and its inspectorate (Thanh tra) handle
# petitions and cases; its office also receives citizens and registers
# petitions; the province reviewer reads every agency of the province; a
# unit's staff see only the petitions they were made handler of. The
# denouncer's identity is never a matter of role: only a named grant opens it.

PETITION_HANDLER_ROLES = (Role.AGENCY_LEADER, Role.INSPECTOR)
PETITION_RECEIVER_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR)


def visible_petitions(person: User):
    from danvan.petitions.models import Petition

    scopes = scopes_of(person)
    if scopes.system_admin:
        return Petition.objects.all()
    if not person.is_authenticated:
        return Petition.objects.none()
    return Petition.objects.filter(
        Q(agency__in=scopes.agencies_with(*PETITION_RECEIVER_ROLES))
        | Q(agency__province__in=scopes.reviewed_provinces)
        | Q(handler=person)
    )


def petition_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose petitions the person reads as a whole (dashboard, figures)."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.all()
    return Agency.objects.filter(
        Q(pk__in=scopes.agencies_with(*PETITION_RECEIVER_ROLES)) | Q(province__in=scopes.reviewed_provinces)
    )


def can_view_petition(person: User, petition) -> bool:
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or petition.agency_id in scopes.agencies_with(*PETITION_RECEIVER_ROLES)
        or petition.agency.province_id in scopes.reviewed_provinces
        or (person.is_authenticated and petition.handler_id == person.pk)
    )


def can_receive_petition(person: User, agency: Agency) -> bool:
    """Register a petition and record a reception for the agency."""
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(*PETITION_RECEIVER_ROLES)


def can_record_reception(person: User, agency: Agency) -> bool:
    return can_receive_petition(person, agency)


def can_process_petition(person: User, petition) -> bool:
    """Classify, accept, guide, forward, return, answer or file (xử lý đơn)."""
    scopes = scopes_of(person)
    return (
        scopes.system_admin
        or petition.agency_id in scopes.agencies_with(*PETITION_HANDLER_ROLES)
        or (person.is_authenticated and petition.handler_id == person.pk)
    )


def can_handle_case(person: User, petition) -> bool:
    """Take a case through verification, decision, extension and suspension."""
    return can_process_petition(person, petition)


def _denunciations_not_granted(person: User):
    """Denunciations whose denouncer the person may not learn: all of them,
    except those whose identity the person was granted by name. No role
    opens one, the administrator's included (Luật Tố cáo 2018 Điều 47)."""
    from danvan.petitions.models import IdentityGrant, Petition

    denunciations = Petition.objects.filter(kind=Petition.Kind.DENUNCIATION)
    if not person.is_authenticated:
        return denunciations
    granted = IdentityGrant.objects.filter(person=person).values("identity__petition")
    return denunciations.exclude(pk__in=granted)


def can_read_denouncer_identity(person: User, petition) -> bool:
    return petition.is_denunciation and not _denunciations_not_granted(person).filter(pk=petition.pk).exists()


def denouncing_receptions():
    """Visits of the reception register that opened a denunciation. The
    citizen who came is then the denouncer: no page, export, search or admin
    page of the register names them to anyone; who came is read on the
    denunciation's identity page, by those granted, and the read is logged."""
    from danvan.petitions.models import Petition, Reception

    opened = Petition.objects.filter(kind=Petition.Kind.DENUNCIATION, reception__isnull=False)
    return Reception.objects.filter(pk__in=opened.values("reception"))


def receptions_hiding_citizen(person: User):
    """Visits whose citizen the person may not learn: each visit that opened
    a denunciation the person was not granted by name. Such a visit links
    to no petition opened from it (a complaint opened at the same visit
    names the citizen), is not found by a search, and opens no new petition
    for the person."""
    from danvan.petitions.models import Reception

    opened = _denunciations_not_granted(person).filter(reception__isnull=False).values("reception")
    return Reception.objects.filter(pk__in=opened)


def can_read_reception_citizen(person: User, reception) -> bool:
    return not receptions_hiding_citizen(person).filter(pk=reception.pk).exists()


def identity_readable_petitions(person: User):
    """Petitions whose denouncer the person was granted by name to know."""
    from danvan.petitions.models import Petition

    if not person.is_authenticated:
        return Petition.objects.none()
    return Petition.objects.filter(denouncer__grants__person=person)


def can_grant_identity_access(person: User, petition) -> bool:
    """Only the head of the resolving agency names who else may read it."""
    return petition.agency_id in scopes_of(person).agencies_with(Role.AGENCY_LEADER)


def can_manage_reception_schedule(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def get_petition_for_user(person: User, petition_id: int, *, action: str = "view"):
    from danvan.petitions.models import Petition

    petition = Petition.objects.select_related("agency__province").filter(pk=petition_id).first()
    if petition is None or not can_view_petition(person, petition):
        raise Http404(_("Không tìm thấy đơn."))
    allowed = {
        "view": lambda: True,
        "process": lambda: can_process_petition(person, petition),
        "handle": lambda: can_handle_case(person, petition),
        "identity": lambda: can_read_denouncer_identity(person, petition),
        "grant": lambda: can_grant_identity_access(person, petition),
    }[action]
    if not allowed():
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn."))
    return petition


def get_reception_for_user(person: User, reception_id: int, *, action: str = "view"):
    from danvan.petitions.models import Reception

    reception = Reception.objects.select_related("agency", "citizen").filter(pk=reception_id).first()
    if reception is None or not (
        can_receive_petition(person, reception.agency)
        or reception.agency.province_id in scopes_of(person).reviewed_provinces
    ):
        raise Http404(_("Không tìm thấy lượt tiếp công dân."))
    if action in ("open_petition", "receipt") and not can_receive_petition(person, reception.agency):
        raise PermissionDenied(_("Bạn không có quyền mở đơn từ lượt tiếp này."))
    if action == "open_petition" and not can_open_petition_from_reception(person, reception):
        raise PermissionDenied(
            _(
                "Lượt tiếp này đã mở đơn tố cáo: chỉ người được cấp quyền xem thông tin người tố cáo "
                "mới mở thêm đơn từ lượt tiếp này."
            )
        )
    return reception


def can_open_petition_from_reception(person: User, reception) -> bool:
    """Open a petition from a visit: those who receive for the agency, and,
    once the visit opened a denunciation, only those who may read who came
    (a new petition would carry the citizen's name)."""
    return can_receive_petition(person, reception.agency) and can_read_reception_citizen(person, reception)


# --- Dialogues ------------------------------------------------------------------
# An agency's dialogues with citizens and businesses are read by everyone of
# the agency and its reviewers; its leader and office plan them, write the
# minutes and record the commitments.


def visible_dialogues(person: User):
    from danvan.engagement.models import Dialogue

    return Dialogue.objects.filter(agency__in=visible_agencies(person))


def can_view_dialogue(person: User, dialogue) -> bool:
    return can_view_agency(person, dialogue.agency)


def can_plan_dialogue(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE)


def can_record_dialogue(person: User, dialogue) -> bool:
    """Record issues, answers, minutes and commitments of the dialogue."""
    return can_plan_dialogue(person, dialogue.agency)


def dialogue_agencies(person: User) -> QuerySet[Agency]:
    """Agencies for which the person plans dialogues."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(Role.AGENCY_LEADER, Role.AGENCY_OFFICE))


def get_dialogue_for_user(person: User, dialogue_id: int, *, action: str = "view"):
    from danvan.engagement.models import Dialogue

    dialogue = Dialogue.objects.select_related("agency__province", "leader").filter(pk=dialogue_id).first()
    if dialogue is None or not can_view_dialogue(person, dialogue):
        raise Http404(_("Không tìm thấy buổi đối thoại."))
    if action == "record" and not can_record_dialogue(person, dialogue):
        raise PermissionDenied(_("Bạn không có quyền cập nhật buổi đối thoại này."))
    return dialogue


# --- Reports ------------------------------------------------------------------------
# The province reviewer asks agencies for reports and reads what they send; an
# agency's office asks its units, composes the agency's report and its leader
# approves and sends it. A unit's report is the unit's own until it is
# submitted: another unit never reads it, the office reads it once sent.


def can_request_agency_reports(person: User, province) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or province.pk in scopes.reviewed_provinces


def can_request_unit_reports(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_manage_periods(person: User, province) -> bool:
    """Set the province's cut-off days and correct a period's window."""
    return can_request_agency_reports(person, province)


def report_request_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose office the person asks their units for reports."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(Role.AGENCY_OFFICE))


def _reads_agency_reports(person: User, agency_id: int) -> bool:
    return agency_id in scopes_of(person).agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)


def can_view_report_request(person: User, request) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin or request.province_id in scopes.reviewed_provinces:
        return True
    if request.level == "units":
        return _reads_agency_reports(person, request.agency_id) or bool(
            _unit_ids_member(person) & set(request.reports.values_list("unit_id", flat=True))
        )
    return request.reports.filter(
        agency__in=scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    ).exists()


def visible_report_requests(person: User):
    from danvan.reports.models import Report, ReportRequest

    scopes = scopes_of(person)
    if scopes.system_admin:
        return ReportRequest.objects.all()
    readers = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    answered = Report.objects.filter(
        Q(agency__in=readers, unit__isnull=True) | Q(unit__in=_unit_ids_member(person))
    )
    return ReportRequest.objects.filter(
        Q(province__in=scopes.reviewed_provinces)
        | Q(level="units", agency__in=readers)
        | Q(pk__in=answered.values("request_id"))
    )


def can_view_report(person: User, report) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        if report.unit_id in _unit_ids_member(person):
            return True
        sent = report.status != "pending" or report.first_sent_at is not None
        return sent and _reads_agency_reports(person, report.agency_id)
    if _reads_agency_reports(person, report.agency_id):
        return True
    return report.status == "approved" and report.agency.province_id in scopes.reviewed_provinces


def visible_reports(person: User):
    """Reports the person may read, as ``can_view_report`` decides one: a
    unit's report by its unit, and by the agency's office and leader once
    sent; an agency's report by its office and leader, and by the province
    reviewer once approved."""
    from danvan.reports.models import Report

    scopes = scopes_of(person)
    if scopes.system_admin:
        return Report.objects.all()
    if not person.is_authenticated:
        return Report.objects.none()
    readers = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    sent = ~Q(status="pending") | Q(first_sent_at__isnull=False)
    unit_reports = Q(unit__in=_unit_ids_member(person)) | (sent & Q(agency__in=readers))
    agency_reports = Q(agency__in=readers) | Q(
        status="approved", agency__province__in=scopes.reviewed_provinces
    )
    return Report.objects.filter(
        (Q(unit__isnull=False) & unit_reports) | (Q(unit__isnull=True) & agency_reports)
    )


def can_edit_report(person: User, report) -> bool:
    """Write the draft: the unit's head and staff, or the agency's office."""
    if report.is_locked():
        return False
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        return report.unit_id in _unit_ids_member(person)
    return report.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_submit_report(person: User, report) -> bool:
    """Send the report: a unit's head to the office; the office to its leader."""
    if report.is_locked():
        return False
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        return report.unit_id in _unit_ids_led(person)
    return report.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_return_report(person: User, report) -> bool:
    """Send a report back with comments: the office a unit's, the leader the agency's."""
    if report.status != "submitted":
        return False
    scopes = scopes_of(person)
    role = Role.AGENCY_OFFICE if report.unit_id is not None else Role.AGENCY_LEADER
    return scopes.system_admin or report.agency_id in scopes.agencies_with(role)


def can_approve_report(person: User, report) -> bool:
    """Approve the agency's report and send it to the province: its leader."""
    if report.unit_id is not None or report.status != "submitted":
        return False
    scopes = scopes_of(person)
    return scopes.system_admin or report.agency_id in scopes.agencies_with(Role.AGENCY_LEADER)


def get_report_request_for_user(person: User, request_id: int):
    from danvan.reports.models import ReportRequest

    request = (
        ReportRequest.objects.select_related("period", "agency", "province").filter(pk=request_id).first()
    )
    if request is None or not can_view_report_request(person, request):
        raise Http404(_("Không tìm thấy yêu cầu báo cáo."))
    return request


def get_report_for_user(person: User, report_id: int, *, action: str = "view"):
    from danvan.reports.models import Report

    report = (
        Report.objects.select_related("request__period", "agency__province", "unit")
        .filter(pk=report_id)
        .first()
    )
    if report is None or not can_view_report(person, report):
        raise Http404(_("Không tìm thấy báo cáo."))
    if action == "edit" and not can_edit_report(person, report):
        if report.is_locked():
            raise PermissionDenied(_("Báo cáo đã gửi nên không sửa được. Chỉ sửa khi báo cáo bị trả lại."))
        raise PermissionDenied(_("Bạn không có quyền sửa báo cáo này."))
    return report
