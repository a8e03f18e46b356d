"""The agency's democracy regulation (quy chế thực hiện dân chủ ở cơ quan, Luật 10/2022
Điều 53 k1 and NĐ 59/2023): its versions, each superseding the one before and kept, and the
library documents the office marks as requiring it to be revised."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.core.text import stored_file_name
from danvan.democracy.models import RegulationTrigger, RegulationVersion
from danvan.democracy.services._common import MATERIAL_LIMIT_BYTES, _day
from danvan.documents.models import LegalDocument


def _check_file(data: bytes | None) -> None:
    if data is None:
        return
    if not data:
        raise DomainError(_("Tệp tải lên rỗng."))
    if len(data) > MATERIAL_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": MATERIAL_LIMIT_BYTES // (1024 * 1024)}
        )
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)


@transaction.atomic
def register_regulation(
    *,
    agency: Agency,
    number: str,
    issued_on: date,
    decision: str,
    reason: str = "",
    document: LegalDocument | None = None,
    grounds: Iterable[LegalDocument] = (),
    data: bytes | None = None,
    filename: str = "",
    today: date,
    by: User,
) -> RegulationVersion:
    """The regulation's first version, or a revision (which needs its reason) superseding the
    current one; the earlier versions stay readable."""
    current = RegulationVersion.objects.filter(agency=agency).order_by("-version").first()
    if not number.strip():
        raise DomainError(_("Hãy ghi số, ký hiệu của quy chế."))
    if not decision.strip():
        raise DomainError(_("Hãy ghi quyết định ban hành quy chế."))
    if issued_on > today:
        raise DomainError(_("Ngày ban hành %(day)s chưa đến.") % {"day": _day(issued_on)})
    if current is not None and not reason.strip():
        raise DomainError(_("Hãy ghi lý do sửa đổi quy chế."))
    if current is not None and issued_on < current.issued_on:
        raise DomainError(
            _("Ngày ban hành trước ngày của bản đang áp dụng (%(day)s).") % {"day": _day(current.issued_on)}
        )
    _check_file(data)
    version = RegulationVersion.objects.create(
        agency=agency,
        version=current.version + 1 if current else 1,
        number=number.strip()[:100],
        issued_on=issued_on,
        decision=decision.strip()[:500],
        document=document,
        reason=reason.strip(),
        supersedes=current,
        original_name=filename[:255] if data is not None else "",
        created_by=by,
    )
    if data is not None:
        version.file.save(stored_file_name(filename, "quy-che"), ContentFile(data), save=False)
        version.save(update_fields=["file"])
    version.grounds.set(list(grounds))
    return version


@transaction.atomic
def mark_regulation_trigger(
    *, agency: Agency, document: LegalDocument, note: str = "", today: date, by: User
) -> RegulationTrigger:
    """The document requires the agency's regulation to be revised."""
    if RegulationTrigger.objects.filter(agency=agency, document=document).exists():
        raise DomainError(_("Văn bản này đã được ghi là yêu cầu sửa đổi quy chế."))
    return RegulationTrigger.objects.create(
        agency=agency, document=document, note=note.strip()[:500], marked_on=today, marked_by=by
    )
