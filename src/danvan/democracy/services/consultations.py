"""Consultations of staff before the head decides (Luật 10/2022 Điều 53–55)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Agency, Unit, User
from danvan.core.services import DomainError
from danvan.core.text import stored_file_name
from danvan.democracy.models import (
    Consultation,
    ConsultationComment,
    ConsultationForm,
    ConsultationTopic,
)
from danvan.democracy.services._common import MATERIAL_LIMIT_BYTES, _day
from danvan.plans.models import Plan


def _check_draft(data: bytes) -> None:
    if len(data) > MATERIAL_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": MATERIAL_LIMIT_BYTES // (1024 * 1024)}
        )
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)


@transaction.atomic
def open_consultation(
    *,
    agency: Agency,
    topic: str,
    title: str,
    forms: list[str],
    opens_on: date,
    deadline: date,
    content: str = "",
    audience: str = Consultation.Audience.ALL_STAFF,
    units: Iterable[Unit] = (),
    plan: Plan | None = None,
    draft_data: bytes | None = None,
    draft_name: str = "",
    by: User,
) -> Consultation:
    """The head's consultation plan: content, form, who is asked and the deadline (Điều 55 k1)."""
    if topic not in ConsultationTopic.values:
        raise DomainError(_("Hãy chọn nội dung lấy ý kiến theo Điều 53."))
    if not title.strip():
        raise DomainError(_("Hãy ghi dự thảo, vấn đề lấy ý kiến."))
    if not forms:
        raise DomainError(_("Hãy chọn ít nhất một hình thức lấy ý kiến (Điều 54)."))
    if any(code not in ConsultationForm.values for code in forms):
        raise DomainError(_("Hình thức lấy ý kiến không hợp lệ."))
    if deadline <= opens_on:
        raise DomainError(
            _("Hạn góp ý %(deadline)s phải sau ngày bắt đầu lấy ý kiến %(opens)s.")
            % {"deadline": _day(deadline), "opens": _day(opens_on)}
        )
    units = list(units)
    if audience not in Consultation.Audience.values:
        raise DomainError(_("Hãy chọn lấy ý kiến của ai."))
    if audience == Consultation.Audience.UNITS and not units:
        raise DomainError(_("Hãy chọn ít nhất một đơn vị được lấy ý kiến."))
    if any(unit.agency_id != agency.pk for unit in units):
        raise DomainError(_("Có đơn vị không thuộc cơ quan."))
    if plan is not None:
        if plan.agency_id != agency.pk:
            raise DomainError(_("Kế hoạch không thuộc cơ quan."))
        if plan.status != Plan.Status.DRAFT:
            raise DomainError(_("Chỉ lấy ý kiến được đối với kế hoạch đang là dự thảo."))
    if draft_data is not None:
        _check_draft(draft_data)
    consultation = Consultation.objects.create(
        agency=agency,
        topic=topic,
        title=title.strip(),
        content=content.strip(),
        forms=list(dict.fromkeys(forms)),
        audience=audience,
        plan=plan,
        opens_on=opens_on,
        deadline=deadline,
        created_by=by,
    )
    if audience == Consultation.Audience.UNITS:
        consultation.units.set(units)
    if draft_data is not None:
        consultation.draft_file_name = (draft_name or "du-thao")[:255]
        consultation.draft_file.save(
            stored_file_name(consultation.draft_file_name, "du-thao"), ContentFile(draft_data), save=False
        )
        consultation.save(update_fields=["draft_file", "draft_file_name"])
    return consultation


@transaction.atomic
def comment_on_consultation(
    *,
    consultation: Consultation,
    text: str,
    anonymous: bool = False,
    unit: Unit | None = None,
    today: date,
    by: User,
) -> ConsultationComment:
    """A comment from a person or, when ``unit`` is given, from that unit. An
    anonymous comment (only where the consultation's form allows it) keeps
    neither the sender nor the unit."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != Consultation.Status.OPEN:
        raise DomainError(_("Người đứng đầu đã công khai tiếp thu, giải trình: không nhận thêm ý kiến."))
    if today > consultation.deadline:
        raise DomainError(
            _("Đã hết hạn góp ý ngày %(deadline)s: ý kiến gửi sau hạn không được nhận.")
            % {"deadline": _day(consultation.deadline)}
        )
    if today < consultation.opens_on:
        raise DomainError(
            _("Chưa đến ngày bắt đầu lấy ý kiến %(opens)s.") % {"opens": _day(consultation.opens_on)}
        )
    if not text.strip():
        raise DomainError(_("Hãy ghi nội dung ý kiến."))
    if anonymous and not consultation.allows_anonymous():
        raise DomainError(
            _(
                "Hình thức lấy ý kiến này không nhận ý kiến không ghi tên (chỉ qua hòm thư góp ý, mạng nội bộ)."
            )
        )
    if unit is not None and anonymous:
        raise DomainError(_("Ý kiến của đơn vị không thể không ghi tên."))
    if unit is not None and unit.agency_id != consultation.agency_id:
        raise DomainError(_("Đơn vị không thuộc cơ quan."))
    return ConsultationComment.objects.create(
        consultation=consultation,
        text=text.strip(),
        received_on=today,
        anonymous=anonymous,
        author=None if anonymous else by,
        unit=unit,
    )


@transaction.atomic
def publish_explanation(
    *, consultation: Consultation, summary: str, explanation: str, today: date, by: User
) -> Consultation:
    """The head's summary of the comments, what is taken in and why the rest is
    not (tiếp thu, giải trình), published to staff; the consultation closes."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status == Consultation.Status.PUBLISHED:
        raise DomainError(_("Tiếp thu, giải trình đã được công khai."))
    if today < consultation.opens_on:
        raise DomainError(_("Chưa bắt đầu lấy ý kiến."))
    if not summary.strip() or not explanation.strip():
        raise DomainError(_("Hãy ghi tổng hợp ý kiến và nội dung tiếp thu, giải trình."))
    consultation.summary = summary.strip()
    consultation.explanation = explanation.strip()
    consultation.published_on = today
    consultation.status = Consultation.Status.PUBLISHED
    consultation.save(update_fields=["summary", "explanation", "published_on", "status"])
    return consultation
