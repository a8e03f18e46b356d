"""Writing a report: saving the draft without overwriting anyone, its
versions, the pre-filled results of a unit's report, and attached files."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.core.text import stored_file_name
from danvan.reports import selectors
from danvan.reports.models import Report, ReportAttachment, ReportVersion
from danvan.reports.services.common import _fresh, _record_version

AUTOSAVE_MERGE_MINUTES = 10
ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024


class ReportConflict(DomainError):
    """Someone saved the draft since this person opened it. Their text is the
    report's now; this person's text is kept as a version and shown beside it."""

    def __init__(self, report: Report, mine: dict[str, str], version: ReportVersion) -> None:
        super().__init__(
            _(
                "Trong lúc bạn soạn, %(person)s đã lưu báo cáo này. Nội dung của bạn đã được giữ lại "
                "(phiên bản %(number)s) và hiển thị bên dưới cạnh nội dung mới nhất: hãy hợp nhất rồi lưu lại."
            )
            % {"person": report.updated_by.full_name if report.updated_by else "—", "number": version.number}
        )
        self.report = report
        self.mine = mine
        self.version = version


def _clean_sections(sections: dict) -> dict[str, str]:
    return {name: str(sections.get(name, "") or "").replace("\r\n", "\n") for name in Report.SECTIONS}


def save_report(
    *, report: Report, sections: dict, base_revision: int, by: User, autosave: bool = False
) -> Report:
    """Save the draft. ``base_revision`` is the revision the person started
    from: if someone saved since, nothing of theirs is overwritten — this
    person's text is kept as a conflict version (committed) and
    ReportConflict raised for the page to show both texts."""
    with transaction.atomic():
        current = (
            Report.objects.select_for_update(of=("self",))
            .select_related("updated_by", "request__period", "agency", "unit")
            .get(pk=report.pk)
        )
        if current.is_locked():
            raise DomainError(_("Báo cáo đã gửi nên không sửa được. Chỉ sửa khi báo cáo bị trả lại."))
        mine = _clean_sections(sections)
        if mine == current.sections():
            return current
        if base_revision != current.revision:
            conflict = ReportConflict(
                current, mine, _record_version(current, ReportVersion.Event.CONFLICT, by, sections=mine)
            )
        else:
            conflict = None
            for name, text in mine.items():
                setattr(current, name, text)
            current.revision = F("revision") + 1
            current.updated_by, current.updated_at = by, timezone.now()
            current.save(update_fields=[*Report.SECTIONS, "revision", "updated_by", "updated_at"])
            current.refresh_from_db(fields=["revision"])
            _keep_draft_version(current, by, autosave=autosave)
    if conflict is not None:
        raise conflict
    return current


def _keep_draft_version(report: Report, by: User, *, autosave: bool) -> None:
    """Every save is a version; a run of autosaves by one person within a few
    minutes is one version, updated, so the list stays readable."""
    latest = report.versions.order_by("-number").first()
    recent = timezone.now() - timedelta(minutes=AUTOSAVE_MERGE_MINUTES)
    if (
        autosave
        and latest is not None
        and latest.event == ReportVersion.Event.AUTOSAVED
        and latest.created_by_id == by.pk
        and latest.updated_at >= recent
    ):
        latest.sections = report.sections()
        latest.save(update_fields=["sections", "updated_at"])
        return
    event = ReportVersion.Event.AUTOSAVED if autosave else ReportVersion.Event.SAVED
    _record_version(report, event, by)


def start_report(*, report: Report, by: User) -> Report:
    """Pre-fill an empty unit report's results from the period's progress."""
    if report.unit is None or report.is_locked() or any(report.sections().values()):
        return report
    data = selectors.unit_period_data(report.unit, report.request.data_period)
    outline = selectors.results_outline(data)
    if not outline:
        return report
    return save_report(report=report, sections={"results": outline}, base_revision=report.revision, by=by)


@transaction.atomic
def attach_to_report(*, report: Report, data: bytes, filename: str, by: User) -> ReportAttachment:
    report = _fresh(report)
    if report.is_locked():
        raise DomainError(_("Báo cáo đã gửi nên không thêm tệp được."))
    if len(data) > ATTACHMENT_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": ATTACHMENT_LIMIT_BYTES // (1024 * 1024)}
        )
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)
    attachment = ReportAttachment(report=report, original_name=filename[:255], size=len(data), uploaded_by=by)
    attachment.file.save(stored_file_name(filename, "tep"), ContentFile(data), save=True)
    return attachment
