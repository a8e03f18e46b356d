"""The agency's report, composed from its units' reports, with its "Nơi
nhận" and signature block."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.selectors import agency_leaders
from danvan.core.services import DomainError
from danvan.reports.models import Report, ReportRequest
from danvan.reports.services.common import _fresh
from danvan.reports.services.writing import save_report


@transaction.atomic
def compose_agency_report(*, unit_request: ReportRequest, by: User, today: date | None = None) -> Report:
    """Write the agency's report from its units' reports: each section joins
    the units' texts under their names, ready to edit. The report answers the
    province's request the units' request serves."""
    today = today or timezone.localdate()
    if unit_request.level != ReportRequest.Level.UNITS or unit_request.agency_id is None:
        raise DomainError(_("Chỉ tổng hợp từ yêu cầu báo cáo gửi các đơn vị."))
    if unit_request.parent_id is None:
        raise DomainError(
            _(
                "Yêu cầu này chưa gắn với yêu cầu báo cáo của cấp trên. Hãy chọn yêu cầu cấp trên trước khi tổng hợp."
            )
        )
    report = Report.objects.select_for_update().get(
        request_id=unit_request.parent_id, agency_id=unit_request.agency_id, unit__isnull=True
    )
    if report.is_locked():
        raise DomainError(_("Báo cáo của cơ quan đã trình hoặc đã gửi, không tổng hợp lại được."))
    sent = [
        unit_report
        for unit_report in Report.objects.filter(request=unit_request)
        .exclude(first_sent_at__isnull=True)
        .select_related("unit")
        .order_by("unit__sort_key")
        if unit_report.status == Report.Status.SUBMITTED
    ]
    if not sent:
        raise DomainError(_("Chưa có đơn vị nào nộp báo cáo để tổng hợp."))
    sections = report.sections()
    for name in Report.SECTIONS:
        if sections[name].strip():
            continue  # what the office already wrote stays
        parts = [
            f"{unit_report.respondent}:\n{getattr(unit_report, name).strip()}"
            for unit_report in sent
            if getattr(unit_report, name).strip()
        ]
        sections[name] = "\n\n".join(parts)
    Report.objects.filter(pk=report.pk).update(composed_from=unit_request)
    report.composed_from = unit_request
    report = save_report(report=report, sections=sections, base_revision=report.revision, by=by)
    if not report.signer_title:
        leader = next(iter(agency_leaders(report.agency)), None)
        position = leader.position.strip() if leader else ""
        report.signer_authority = signing_authority(position)
        report.signer_title = position.upper()
        report.signer_name = leader.full_name if leader else ""
        report.recipients = [report.request.recipient or _("Sở Nội vụ"), "Lãnh đạo cơ quan"]
        report.save(update_fields=["signer_authority", "signer_title", "signer_name", "recipients"])
    return report


@transaction.atomic
def set_report_signature(
    *,
    report: Report,
    recipients: list[str],
    signer_authority: str,
    signer_title: str,
    signer_name: str,
    by: User,
) -> Report:
    """The agency report's "Nơi nhận" and signature block, before it is sent."""
    report = _fresh(report)
    if report.is_locked():
        raise DomainError(_("Báo cáo đã gửi nên không sửa được. Chỉ sửa khi báo cáo bị trả lại."))
    if report.unit_id is not None:
        raise DomainError(_("Chỉ báo cáo của cơ quan có nơi nhận và người ký."))
    report.recipients = [line.strip() for line in recipients if line.strip()][:30]
    report.signer_authority = signer_authority.strip()[:100]
    report.signer_title = signer_title.strip()[:100]
    report.signer_name = signer_name.strip()[:100]
    report.updated_by, report.updated_at = by, timezone.now()
    report.save(
        update_fields=[
            "recipients",
            "signer_authority",
            "signer_title",
            "signer_name",
            "updated_by",
            "updated_at",
        ]
    )
    return report


def signing_authority(position: str) -> str:
    """A deputy signs on the head's behalf (Nghị định 30/2020, Phụ lục I:
    "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"); the head signs without a prefix."""
    if position.lower().startswith("phó "):
        return f"KT. {position[4:].strip().upper()}"
    return ""
