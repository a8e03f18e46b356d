"""Processing (xử lý đơn, TT 05/2021): classify, split, accept, guide, forward, return,
answer, file, withdraw."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.core.text import search_key
from danvan.documents.register import next_document_number
from danvan.petitions import letters
from danvan.petitions.models import (
    Case,
    Deadline,
    Petition,
    PetitionKind,
)
from danvan.petitions.services import telling
from danvan.petitions.services.deadlines import _meet_deadlines, recompute_deadline, set_deadline
from danvan.petitions.services.identity import _grant
from danvan.petitions.services.intake import _create_with_code

# --- Processing (xử lý đơn) ----------------------------------------------------------

OPEN_FOR_PROCESSING = (Petition.Status.RECEIVED, Petition.Status.CLASSIFIED)
PROCESSING_CODES = ("petition.notify", "denunciation.initial_check", "denunciation.forward")


def _claim(petition: Petition, to: str, **fields) -> None:
    """Move the petition out of processing, unless someone else already did."""
    moved = Petition.objects.filter(pk=petition.pk, status__in=OPEN_FOR_PROCESSING).update(
        status=to, **fields
    )
    if moved != 1:
        raise DomainError(_("Đơn này đã được xử lý; hãy tải lại trang để xem kết quả."))
    petition.status = to
    for name, value in fields.items():
        setattr(petition, name, value)


@transaction.atomic
def classify_petition(
    *,
    petition: Petition,
    kind: str,
    conditions_met: bool,
    condition_note: str = "",
    in_jurisdiction: bool,
    competent_body: str = "",
    duplicate_of: Petition | None = None,
    handler: User | None = None,
    by: User,
) -> Petition:
    """Record the classification of TT 05/2021: content, conditions, jurisdiction."""
    if not petition.is_open():
        raise DomainError(_("Đơn này đã được xử lý; hãy tải lại trang để xem kết quả."))
    if kind == Petition.Kind.DENUNCIATION and not petition.is_denunciation:
        raise DomainError(_("Đơn tố cáo phải được tiếp nhận lại để bảo mật thông tin người tố cáo."))
    if petition.is_denunciation and kind != Petition.Kind.DENUNCIATION:
        raise DomainError(_("Không đổi được loại của đơn tố cáo."))
    if not conditions_met and not condition_note.strip():
        raise DomainError(_("Cần ghi lý do đơn không đủ điều kiện xử lý."))
    petition.kind, petition.conditions_met, petition.condition_note = kind, conditions_met, condition_note
    petition.in_jurisdiction, petition.competent_body = in_jurisdiction, competent_body
    petition.duplicate_of, petition.status = duplicate_of, Petition.Status.CLASSIFIED
    newly_handling = handler is not None and handler.pk != petition.handler_id
    if handler is not None:
        petition.handler = handler
        _grant(petition, handler, by)
    petition.save(
        update_fields=[
            "kind",
            "conditions_met",
            "condition_note",
            "in_jurisdiction",
            "competent_body",
            "duplicate_of",
            "status",
            "handler",
        ]
    )
    if newly_handling and handler is not None:
        telling.tell_handler(petition, handler)
    if petition.is_denunciation and not in_jurisdiction:
        # Not ours: forward within 5 working days of receipt (Luật Tố cáo Điều 24 k2).
        set_deadline(petition=petition, code="denunciation.forward", start=petition.received_on, by=by)
    return petition


@transaction.atomic
def split_petition(*, petition: Petition, parts: list[tuple[str, str, str]], by: User) -> list[Petition]:
    """Split a petition with several contents into one petition per content
    (Luật Tiếp công dân Điều 25 k3); each part keeps the sender and the clock."""
    if petition.is_denunciation or len(parts) < 2:
        raise DomainError(_("Cần ít nhất hai nội dung để tách đơn."))
    _claim(petition, Petition.Status.SPLIT)
    created = []
    for kind, subject, content in parts:
        if kind == Petition.Kind.DENUNCIATION:
            raise DomainError(_("Nội dung tố cáo cần được tiếp nhận thành đơn tố cáo riêng."))
        part = _create_with_code(
            agency=petition.agency,
            source=petition.source,
            forwarded_by=petition.forwarded_by,
            kind=kind,
            citizen=petition.citizen,
            received_on=petition.received_on,
            signer_count=petition.signer_count,
            representative=petition.representative,
            subject=subject,
            content=content,
            skips_level=petition.skips_level,
            reception=petition.reception,
            sender_key=petition.sender_key,
            search_text=search_key(f"{subject} {content}"),
            lookup_digits=petition.lookup_digits,
            lookup_email=petition.lookup_email,
            parent=petition,
        )
        set_deadline(petition=part, code="petition.notify", start=petition.received_on, by=by)
        created.append(part)
    return created


def _check_classified(petition: Petition) -> None:
    if not petition.is_open():
        raise DomainError(_("Đơn này đã được xử lý; hãy tải lại trang để xem kết quả."))
    if petition.status != Petition.Status.CLASSIFIED:
        raise DomainError(_("Hãy phân loại đơn trước khi chọn hướng xử lý."))


def _number_letter(petition: Petition, on: date, by: User) -> None:
    """Give the outcome's outgoing letter the next number of the agency's
    series of the year (the series plans and reports take theirs from)."""
    if not letters.has_letter(petition):
        return
    petition.letter_number = next_document_number(agency=petition.agency, year=on.year)
    petition.letter_symbol = letters.letter_symbol(petition, by)
    petition.letter_date, petition.letter_signer = on, by
    petition.save(update_fields=["letter_number", "letter_symbol", "letter_date", "letter_signer"])


def _close_processing(petition: Petition, status: str, note: str, on: date, by: User) -> Petition:
    _check_classified(petition)
    _claim(petition, status, outcome_note=note, notified_on=on)
    _meet_deadlines(petition, PROCESSING_CODES, on)
    _number_letter(petition, on, by)
    return petition


@transaction.atomic
def guide_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """Guide the sender to the competent body, once per content (TT 07/2014 Điều 8 k1)."""
    earlier = petition.duplicate_of
    if earlier is not None and earlier.status == Petition.Status.GUIDED:
        raise DomainError(
            _("Nội dung này đã được hướng dẫn một lần (đơn %(code)s); hãy lưu đơn.") % {"code": earlier.code}
        )
    _close_processing(petition, Petition.Status.GUIDED, note, on, by)
    telling.tell_sender(petition, telling.GUIDED, on)
    return petition


@transaction.atomic
def forward_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """Forward to the competent body, once per content (TT 05/2021 Điều 14 k1)."""
    earlier = petition.duplicate_of
    if earlier is not None and earlier.status == Petition.Status.FORWARDED:
        raise DomainError(
            _("Nội dung này đã được chuyển đơn một lần (đơn %(code)s); hãy lưu đơn.") % {"code": earlier.code}
        )
    if not petition.competent_body:
        raise DomainError(_("Cần ghi cơ quan có thẩm quyền nhận đơn chuyển."))
    _close_processing(petition, Petition.Status.FORWARDED, note, on, by)
    telling.tell_sender(petition, telling.FORWARDED, on)
    return petition


@transaction.atomic
def return_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """Return a petition forwarded by another authority that is not ours (TT 07/2014 Điều 8 k2)."""
    if petition.source != Petition.Source.FORWARDED:
        raise DomainError(_("Chỉ trả lại đơn do cơ quan khác chuyển đến."))
    return _close_processing(petition, Petition.Status.RETURNED, note, on, by)


@transaction.atomic
def answer_petition(*, petition: Petition, note: str, public_answer: str, on: date, by: User) -> Petition:
    """Answer the sender: a feedback's reply, or why a complaint is not accepted."""
    if not public_answer.strip():
        raise DomainError(_("Cần nội dung trả lời gửi người gửi đơn."))
    petition.public_answer = public_answer.strip()
    petition.save(update_fields=["public_answer"])
    _close_processing(petition, Petition.Status.ANSWERED, note, on, by)
    telling.tell_sender(petition, telling.ANSWERED, on)
    return petition


@transaction.atomic
def file_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """File without action: not processable, a duplicate, or anonymous without evidence."""
    if not note.strip():
        raise DomainError(_("Cần ghi lý do lưu đơn."))
    return _close_processing(petition, Petition.Status.FILED, note, on, by)


# --- Cases ---------------------------------------------------------------------------


def resolve_code(case: Case) -> str:
    if case.kind == PetitionKind.DENUNCIATION:
        return "denunciation.resolve"
    stage = "first" if case.stage == 1 else "second"
    return f"complaint.{stage}.resolve" + (".remote" if case.remote_area else "")


@transaction.atomic
def accept_petition(
    *,
    petition: Petition,
    accepted_on: date,
    handler: User,
    instance: int = 1,
    remote_area: bool = False,
    by: User,
) -> Case:
    """Accept (thụ lý) a classified complaint or denunciation and open its case
    with the resolution deadline of the rule in force on ``accepted_on``."""
    _check_classified(petition)
    if petition.kind not in (Petition.Kind.COMPLAINT, Petition.Kind.DENUNCIATION):
        raise DomainError(_("Chỉ thụ lý đơn khiếu nại hoặc tố cáo; đơn kiến nghị, phản ánh được trả lời."))
    if not (petition.conditions_met and petition.in_jurisdiction):
        raise DomainError(_("Đơn không đủ điều kiện hoặc không thuộc thẩm quyền nên không thụ lý được."))
    if accepted_on < petition.received_on:
        raise DomainError(_("Ngày thụ lý không được trước ngày nhận đơn."))
    _claim(petition, Petition.Status.ACCEPTED, notified_on=accepted_on, handler=handler)
    _meet_deadlines(petition, PROCESSING_CODES, accepted_on)
    _number_letter(petition, accepted_on, handler)
    case = Case.objects.create(
        petition=petition,
        kind=petition.kind,
        stage=instance if petition.kind == Petition.Kind.COMPLAINT else 1,
        remote_area=remote_area,
        accepted_on=accepted_on,
        handler=handler,
    )
    set_deadline(petition=petition, code=resolve_code(case), start=accepted_on, by=by)
    if case.kind == PetitionKind.DENUNCIATION:
        set_deadline(petition=petition, code="denunciation.notify_acceptance", start=accepted_on, by=by)
        _grant(petition, handler, by)
    telling.tell_sender(petition, telling.ACCEPTED, accepted_on)
    telling.tell_handler(petition, handler, case=True)
    return case


@transaction.atomic
def withdraw_petition(*, petition: Petition, on: date, note: str, by: User) -> Petition:
    """Record that the sender withdrew a petition still in processing (Luật
    Khiếu nại Điều 10; Luật Tố cáo Điều 33). An accepted case is terminated
    with ``terminate_case`` instead."""
    if not note.strip():
        raise DomainError(_("Cần ghi căn cứ rút đơn (đơn rút hoặc biên bản)."))
    _claim(petition, Petition.Status.WITHDRAWN, outcome_note=note.strip(), notified_on=on)
    _meet_deadlines(petition, PROCESSING_CODES, on)
    return petition


@transaction.atomic
def extend_initial_check(*, petition: Petition, reason: str, by: User) -> Petition:
    """Extend a denunciation's initial processing from 7 to 10 working days when
    verification at several places or delegation is needed (Luật Tố cáo Điều 24 k1)."""
    if not petition.is_denunciation or not petition.is_open():
        raise DomainError(_("Chỉ gia hạn xử lý ban đầu đơn tố cáo đang xử lý."))
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do gia hạn."))
    deadline = Deadline.objects.select_related("rule").get(
        petition=petition, code="denunciation.initial_check"
    )
    if deadline.extension_days:
        raise DomainError(_("Thời hạn xử lý ban đầu đã được gia hạn."))
    extension = deadline.rule.complex_extension or 0
    recompute_deadline(deadline=deadline, extension_days=extension, paused_days=0, by=by)
    petition.outcome_note = reason.strip()
    petition.save(update_fields=["outcome_note"])
    return petition
