"""Who may ask for, write, send, return and approve reports.

The province reviewer asks agencies for reports and reads what they send; an
agency's office asks its units, composes the agency's report and its leader
approves and sends it. A unit's report is the unit's own until it is
submitted: another unit never reads it, the office reads it once sent.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core.models import Agency, Province, Role, User
from danvan.core.permissions import scopes_of
from danvan.documents.permissions import can_sign_for_agency
from danvan.plans.models import Plan
from danvan.reports.models import Report, ReportRequest


def can_request_agency_reports(person: User, province: Province) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or province.pk in scopes.reviewed_provinces


def can_request_unit_reports(person: User, agency: Agency) -> bool:
    scopes = scopes_of(person)
    return scopes.system_admin or agency.pk in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_request_reports_of_plan(person: User, plan: Plan) -> bool:
    """Send the units the report requests of an issued plan's deadlines: its
    agency's office."""
    return plan.status == Plan.Status.ISSUED and can_request_unit_reports(person, plan.agency)


def can_compose_agency_report(person: User, unit_request: ReportRequest) -> bool:
    """Compose the agency's report from its units' answers: the agency's
    office, on a request it sent to its units."""
    agency = unit_request.agency
    return (
        unit_request.level == ReportRequest.Level.UNITS
        and agency is not None
        and can_request_unit_reports(person, agency)
    )


def can_manage_periods(person: User, province: Province) -> bool:
    """Set the province's cut-off days and correct a period's window."""
    return can_request_agency_reports(person, province)


def report_request_provinces(person: User) -> QuerySet[Province]:
    """Provinces whose agencies the person asks for reports."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Province.objects.all()
    return Province.objects.filter(pk__in=scopes.reviewed_provinces)


def report_request_agencies(person: User) -> QuerySet[Agency]:
    """Agencies whose office the person asks their units for reports."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=scopes.agencies_with(Role.AGENCY_OFFICE))


def _reads_agency_reports(person: User, agency_id: int | None) -> bool:
    return agency_id in scopes_of(person).agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)


def can_view_report_request(person: User, request: ReportRequest) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin or request.province_id in scopes.reviewed_provinces:
        return True
    if request.level == ReportRequest.Level.UNITS:
        return _reads_agency_reports(person, request.agency_id) or bool(
            scopes_of(person).member_units & set(request.reports.values_list("unit_id", flat=True))
        )
    return request.reports.filter(
        agency__in=scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    ).exists()


def visible_report_requests(person: User) -> QuerySet[ReportRequest]:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return ReportRequest.objects.all()
    readers = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    answered = Report.objects.filter(
        Q(agency__in=readers, unit__isnull=True) | Q(unit__in=scopes_of(person).member_units)
    )
    return ReportRequest.objects.filter(
        Q(province__in=scopes.reviewed_provinces)
        | Q(level=ReportRequest.Level.UNITS, agency__in=readers)
        | Q(pk__in=answered.values("request_id"))
    )


def can_view_report(person: User, report: Report) -> bool:
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        if report.unit_id in scopes_of(person).member_units:
            return True
        sent = report.status != Report.Status.PENDING or report.first_sent_at is not None
        return sent and _reads_agency_reports(person, report.agency_id)
    if _reads_agency_reports(person, report.agency_id):
        return True
    # The province reads what was sent to it, also once it returned it.
    return report.first_sent_at is not None and report.agency.province_id in scopes.reviewed_provinces


def visible_reports(person: User) -> QuerySet[Report]:
    """Reports the person may read, as ``can_view_report`` decides one: a
    unit's report by its unit, and by the agency's office and leader once
    sent; an agency's report by its office and leader, and by the province
    reviewer once approved."""
    scopes = scopes_of(person)
    if scopes.system_admin:
        return Report.objects.all()
    if not person.is_authenticated:
        return Report.objects.none()
    readers = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    sent = ~Q(status=Report.Status.PENDING) | Q(first_sent_at__isnull=False)
    unit_reports = Q(unit__in=scopes_of(person).member_units) | (sent & Q(agency__in=readers))
    agency_reports = Q(agency__in=readers) | Q(
        first_sent_at__isnull=False, agency__province__in=scopes.reviewed_provinces
    )
    return Report.objects.filter(
        (Q(unit__isnull=False) & unit_reports) | (Q(unit__isnull=True) & agency_reports)
    )


def written_reports(person: User) -> QuerySet[Report]:
    """The reports the person writes or sends: their units', their office's
    and their leader's agency reports."""
    scopes = scopes_of(person)
    offices = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    return Report.objects.filter(Q(unit__in=scopes.member_units) | Q(agency__in=offices, unit__isnull=True))


def sent_reports(person: User) -> QuerySet[Report]:
    """Agency reports approved and sent upward that the person may read: by
    the agency's office and leader, and by the province's reviewer."""
    reports = Report.objects.filter(unit__isnull=True, status=Report.Status.APPROVED)
    scopes = scopes_of(person)
    if scopes.system_admin:
        return reports
    own = scopes.agencies_with(Role.AGENCY_OFFICE, Role.AGENCY_LEADER)
    return reports.filter(Q(agency__in=own) | Q(agency__province__in=scopes.reviewed_provinces))


def can_edit_report(person: User, report: Report) -> bool:
    """Write the draft: the unit's head and staff, or the agency's office."""
    if report.is_locked():
        return False
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        return report.unit_id in scopes_of(person).member_units
    return report.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_submit_report(person: User, report: Report) -> bool:
    """Send the report: a unit's head to the office; the office to its leader."""
    if report.is_locked():
        return False
    scopes = scopes_of(person)
    if scopes.system_admin:
        return True
    if report.unit_id is not None:
        return report.unit_id in scopes_of(person).led_units
    return report.agency_id in scopes.agencies_with(Role.AGENCY_OFFICE)


def can_return_report(person: User, report: Report) -> bool:
    """Send a report back with comments: the office a unit's, the leader the
    agency's; the province's reviewer an agency's report sent to it."""
    scopes = scopes_of(person)
    if report.status == Report.Status.APPROVED and report.unit_id is None:
        return scopes.system_admin or report.agency.province_id in scopes.reviewed_provinces
    if report.status != Report.Status.SUBMITTED:
        return False
    role = Role.AGENCY_OFFICE if report.unit_id is not None else Role.AGENCY_LEADER
    return scopes.system_admin or report.agency_id in scopes.agencies_with(role)


def can_approve_report(person: User, report: Report) -> bool:
    """Approve the agency's report and send it to the province: its leader."""
    if report.unit_id is not None or report.status != Report.Status.SUBMITTED:
        return False
    scopes = scopes_of(person)
    return scopes.system_admin or report.agency_id in scopes.agencies_with(Role.AGENCY_LEADER)


def can_sign_report(person: User, report: Report) -> bool:
    """Sign the agency's report with its certificate once approved and sent:
    its leader, who approves and sends it (an administrator does not sign)."""
    return (
        report.is_agency_report
        and report.status == Report.Status.APPROVED
        and can_sign_for_agency(person, report.agency)
    )


def get_report_request_for_user(person: User, request_id: int) -> ReportRequest:
    request = (
        ReportRequest.objects.select_related("period", "agency", "province").filter(pk=request_id).first()
    )
    if request is None or not can_view_report_request(person, request):
        raise Http404(_("Không tìm thấy yêu cầu báo cáo."))
    return request


def get_report_for_user(person: User, report_id: int, *, action: str = "view") -> Report:
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
