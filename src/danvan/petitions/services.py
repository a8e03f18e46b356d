"""State changes of petitions and cases. Each function runs in one
transaction, takes keyword arguments and the acting person as ``by``, and
returns what it changed or raises ``DomainError`` with a Vietnamese message.

Every legal time limit is computed here, once, from the ``TimeLimitRule`` in
force on the day its clock starts, and stored as a ``Deadline`` with the
explanation of how it was counted.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.services import DomainError, notify
from danvan.core.text import search_key
from danvan.petitions.models import (
    Attachment,
    Case,
    Citizen,
    Complexity,
    Deadline,
    DenouncerIdentity,
    IdentityGrant,
    IdentityRead,
    Petition,
    PetitionKind,
    Reception,
    ReceptionDay,
    Suspension,
    TimeLimitRule,
)

__all__ = ["DomainError"]

# --- Deadlines -------------------------------------------------------------------


def rule_in_force(code: str, *, on: date) -> TimeLimitRule:
    rule = TimeLimitRule.objects.in_force(code, on).order_by("-effective_from").first()
    if rule is None:
        raise DomainError(
            _("Chưa có quy tắc thời hạn «%(code)s» áp dụng cho ngày %(day)s.")
            % {"code": code, "day": f"{on:%d/%m/%Y}"}
        )
    return rule


def count_deadline(
    rule: TimeLimitRule,
    *,
    start: date,
    calendar: WorkingCalendar,
    extension_days: int = 0,
    paused_days: int = 0,
) -> tuple[date, str]:
    """The due date of ``rule`` counted from ``start``, and how it was counted.

    Counting starts the day after ``start`` (Bộ luật Dân sự 2015 Điều 147 k2);
    a limit in days that ends on a day off ends on the next working day
    (Điều 148 k5). Extension and paused days are added to the count.
    """
    total = rule.count + extension_days + paused_days
    parts = [
        _("%(count)s %(unit)s kể từ %(event)s %(start)s (%(source)s)")
        % {
            "count": rule.count,
            "unit": rule.get_unit_display(),
            "event": rule.start_event,
            "start": f"{start:%d/%m/%Y}",
            "source": rule.legal_source,
        }
    ]
    if extension_days:
        parts.append(
            _("gia hạn thêm %(days)s %(unit)s") % {"days": extension_days, "unit": rule.get_unit_display()}
        )
    if paused_days:
        parts.append(
            _("không tính %(days)s %(unit)s tạm đình chỉ")
            % {"days": paused_days, "unit": rule.get_unit_display()}
        )
    if rule.unit == TimeLimitRule.Unit.WORKING_DAYS:
        due = calendar.add_working_days(start, total)
        parts.append(_("hạn %(due)s.") % {"due": f"{due:%d/%m/%Y}"})
        return due, " — ".join(parts)
    due = calendar.add_days(start, total)
    last = date.fromordinal(start.toordinal() + total)
    if due != last:
        parts.append(
            _("ngày cuối %(last)s là ngày nghỉ nên hạn chuyển sang ngày làm việc tiếp theo %(due)s.")
            % {"last": f"{last:%d/%m/%Y}", "due": f"{due:%d/%m/%Y}"}
        )
    else:
        parts.append(_("hạn %(due)s.") % {"due": f"{due:%d/%m/%Y}"})
    return due, " — ".join(parts)


@transaction.atomic
def set_deadline(*, petition: Petition, code: str, start: date, by: User | None) -> Deadline:
    """Store the deadline of rule ``code`` for the petition, counted from ``start``
    with the rule version in force on ``start``."""
    rule = rule_in_force(code, on=start)
    due, explanation = count_deadline(rule, start=start, calendar=WorkingCalendar.load())
    deadline, _created = Deadline.objects.update_or_create(
        petition=petition,
        code=code,
        defaults={
            "rule": rule,
            "start_date": start,
            "due_date": due,
            "explanation": explanation,
            "extension_days": 0,
            "paused_days": 0,
            "met_on": None,
        },
    )
    return deadline


@transaction.atomic
def recompute_deadline(
    *, deadline: Deadline, extension_days: int, paused_days: int, by: User | None
) -> Deadline:
    """Count the deadline again with the same rule version, after an
    extension or a suspension."""
    due, explanation = count_deadline(
        deadline.rule,
        start=deadline.start_date,
        calendar=WorkingCalendar.load(),
        extension_days=extension_days,
        paused_days=paused_days,
    )
    deadline.extension_days, deadline.paused_days = extension_days, paused_days
    deadline.due_date, deadline.explanation = due, explanation
    deadline.save(update_fields=["extension_days", "paused_days", "due_date", "explanation"])
    return deadline


def _meet_deadlines(petition: Petition, codes: Iterable[str], on: date) -> None:
    Deadline.objects.filter(petition=petition, code__in=list(codes), met_on__isnull=True).update(met_on=on)


# --- Intake -------------------------------------------------------------------------

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_case_code() -> str:
    """An unguessable public code such as ``K7QX2-MZ4PA`` (32^10 possibilities)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


@transaction.atomic
def receive_petition(
    *,
    agency: Agency,
    source: str,
    kind: str,
    subject: str,
    content: str,
    received_on: date,
    sender_name: str,
    sender_address: str = "",
    identity_number: str = "",
    phone: str = "",
    email: str = "",
    signer_count: int = 1,
    representative: str = "",
    forwarded_by: str = "",
    skips_level: bool = False,
    reception: Reception | None = None,
    by: User | None,
) -> Petition:
    """Register an incoming petition from any source and start its processing
    clock: 10 working days to notify the sender (Luật Tiếp công dân Điều 28),
    7 working days of initial processing for a denunciation (Luật Tố cáo Điều 24).

    A denouncer's identity goes to the vault, never onto the petition; the
    receiver and the agency's leaders are granted it by name.
    """
    if not _digits(phone) and not email.strip() and source == Petition.Source.ONLINE:
        raise DomainError(_("Cần số điện thoại hoặc thư điện tử để nhận mã hồ sơ."))
    denunciation = kind == Petition.Kind.DENUNCIATION
    citizen = (
        None if denunciation else _citizen_for(sender_name, sender_address, identity_number, phone, email)
    )
    petition = _create_with_code(
        agency=agency,
        source=source,
        forwarded_by=forwarded_by,
        kind=kind,
        citizen=citizen,
        received_on=received_on,
        signer_count=max(signer_count, 1),
        representative=representative,
        subject=subject.strip(),
        content=content.strip(),
        skips_level=skips_level,
        reception=reception,
        sender_key="" if denunciation else search_key(sender_name),
        search_text=search_key(f"{subject} {content}"),
        lookup_digits=_digits(phone)[-4:],
    )
    if denunciation:
        _store_denouncer(petition, sender_name, sender_address, identity_number, phone, email, by)
        set_deadline(petition=petition, code="denunciation.initial_check", start=received_on, by=by)
    else:
        set_deadline(petition=petition, code="petition.notify", start=received_on, by=by)
    return petition


def _create_with_code(**fields) -> Petition:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Petition.objects.create(code=new_case_code(), **fields)
        except IntegrityError:
            continue
    raise DomainError(_("Không tạo được mã hồ sơ, vui lòng thử lại."))


def _citizen_for(name: str, address: str, identity_number: str, phone: str, email: str) -> Citizen:
    identity_number = identity_number.strip()
    if identity_number:
        known = Citizen.objects.filter(identity_number=identity_number).first()
        if known is not None:
            return known
    return Citizen.objects.create(
        full_name=name.strip(),
        address=address.strip(),
        identity_number=identity_number,
        phone=phone.strip(),
        email=email.strip(),
        search_text=search_key(f"{name} {identity_number} {phone}"),
    )


def _store_denouncer(
    petition: Petition, name: str, address: str, identity_number: str, phone: str, email: str, by: User | None
) -> None:
    identity = DenouncerIdentity.objects.create(
        petition=petition,
        full_name=name.strip(),
        address=address.strip(),
        identity_number=identity_number.strip(),
        phone=phone.strip(),
        email=email.strip(),
        sender_key=search_key(name),
    )
    leaders = RoleAssignment.objects.current().filter(agency=petition.agency, role=Role.AGENCY_LEADER)
    people = {assignment.user_id for assignment in leaders}
    if by is not None:
        people.add(by.pk)
    IdentityGrant.objects.bulk_create(
        [IdentityGrant(identity=identity, person_id=pk, granted_by=by) for pk in sorted(people)]
    )


# Attachments: what a file's first bytes must be, by the type it claims to be.
ATTACHMENT_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def attachment_type(data: bytes) -> str | None:
    """The accepted type whose signature the content starts with, or None."""
    for content_type, signatures in ATTACHMENT_SIGNATURES.items():
        if data.startswith(signatures):
            return content_type
    return None


@transaction.atomic
def attach_file(*, petition: Petition, data: bytes, filename: str, by: User | None) -> Attachment:
    """Keep a file sent with the petition, checked by its content and size."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise DomainError(_("Tệp đính kèm vượt quá 10 MB."))
    content_type = attachment_type(data)
    if content_type is None:
        raise DomainError(_("Chỉ nhận tệp PDF, Word (.docx), ảnh JPEG hoặc PNG."))
    from django.core.files.base import ContentFile

    attachment = Attachment(
        petition=petition, original_name=filename[:255], content_type=content_type, size=len(data)
    )
    safe = "".join(ch for ch in filename.rsplit("/", 1)[-1] if ch.isalnum() or ch in "._-")[:80]
    attachment.file.save(safe or "tep-dinh-kem", ContentFile(data), save=True)
    return attachment


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


def _close_processing(petition: Petition, status: str, note: str, on: date) -> Petition:
    _check_classified(petition)
    _claim(petition, status, outcome_note=note, notified_on=on)
    _meet_deadlines(petition, PROCESSING_CODES, on)
    return petition


@transaction.atomic
def guide_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """Guide the sender to the competent body, once per content (TT 07/2014 Điều 8 k1)."""
    earlier = petition.duplicate_of
    if earlier is not None and earlier.status == Petition.Status.GUIDED:
        raise DomainError(
            _("Nội dung này đã được hướng dẫn một lần (đơn %(code)s); hãy lưu đơn.") % {"code": earlier.code}
        )
    return _close_processing(petition, Petition.Status.GUIDED, note, on)


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
    return _close_processing(petition, Petition.Status.FORWARDED, note, on)


@transaction.atomic
def return_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """Return a petition forwarded by another authority that is not ours (TT 07/2014 Điều 8 k2)."""
    if petition.source != Petition.Source.FORWARDED:
        raise DomainError(_("Chỉ trả lại đơn do cơ quan khác chuyển đến."))
    return _close_processing(petition, Petition.Status.RETURNED, note, on)


@transaction.atomic
def answer_petition(*, petition: Petition, note: str, public_answer: str, on: date, by: User) -> Petition:
    """Answer the sender: a feedback's reply, or why a complaint is not accepted."""
    if not public_answer.strip():
        raise DomainError(_("Cần nội dung trả lời gửi người gửi đơn."))
    petition.public_answer = public_answer.strip()
    petition.save(update_fields=["public_answer"])
    return _close_processing(petition, Petition.Status.ANSWERED, note, on)


@transaction.atomic
def file_petition(*, petition: Petition, note: str, on: date, by: User) -> Petition:
    """File without action: not processable, a duplicate, or anonymous without evidence."""
    if not note.strip():
        raise DomainError(_("Cần ghi lý do lưu đơn."))
    return _close_processing(petition, Petition.Status.FILED, note, on)


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
    return case


# Where a case may go next, by kind (domain.md 12.3 and 12.4). Suspension and
# termination are separate services.
S = Case.Status
COMPLAINT_STEPS: dict[str, set[str]] = {
    S.ACCEPTED: {S.VERIFYING},
    S.VERIFYING: {S.DIALOGUE, S.DECISION_DRAFT},
    S.DIALOGUE: {S.DECISION_DRAFT},
    S.DECISION_DRAFT: {S.DECIDED},
    S.DECIDED: {S.SENT},
    S.SENT: {S.EFFECTIVE, S.APPEALED, S.SUED},
    S.EFFECTIVE: {S.FOLLOW_UP, S.CLOSED},
    S.APPEALED: {S.CLOSED},
    S.SUED: {S.CLOSED},
    S.FOLLOW_UP: {S.CLOSED},
}
DENUNCIATION_STEPS: dict[str, set[str]] = {
    S.ACCEPTED: {S.NOTIFIED},
    S.NOTIFIED: {S.VERIFYING},
    S.VERIFYING: {S.DECISION_DRAFT},
    S.DECISION_DRAFT: {S.DECIDED},
    S.DECIDED: {S.SENT},
    S.SENT: {S.HANDLED},
    S.HANDLED: {S.PUBLISHED},
    S.PUBLISHED: {S.FOLLOW_UP, S.CLOSED},
    S.FOLLOW_UP: {S.CLOSED},
}
ACTIVE_STATUSES = (S.ACCEPTED, S.NOTIFIED, S.VERIFYING, S.DIALOGUE, S.DECISION_DRAFT)


def next_steps(case: Case) -> list[str]:
    steps = COMPLAINT_STEPS if case.kind == PetitionKind.COMPLAINT else DENUNCIATION_STEPS
    return sorted(steps.get(case.status, set()), key=list(S.values).index)


@transaction.atomic
def move_case(case: Case, *, to: str, on: date, result: str = "", note: str = "", by: User) -> Case:
    """Take the case one step along its legal workflow.

    Outcomes: the new status with the deadlines it starts or meets; or
    DomainError when the step is not the next one, when a second-instance
    complaint skips the mandatory dialogue (Luật Khiếu nại Điều 39), or when a
    decision lacks its conclusion.
    """
    if to not in next_steps(case):
        raise DomainError(_("Không thể chuyển vụ việc sang bước này từ trạng thái hiện tại."))
    if to == S.DECISION_DRAFT and case.kind == PetitionKind.COMPLAINT and case.stage == 2:
        if not case.had_dialogue:
            raise DomainError(
                _("Giải quyết khiếu nại lần hai phải tổ chức đối thoại (Luật Khiếu nại Điều 39).")
            )
    if to == S.DECIDED and result not in Case.Result.values:
        raise DomainError(_("Cần chọn kết luận: đúng, đúng một phần hoặc sai."))
    fields: dict[str, object] = {"status": to}
    if to == S.DIALOGUE:
        fields["had_dialogue"] = True
    if to == S.DECIDED:
        fields.update(decided_on=on, result=result)
    if to == S.CLOSED:
        fields["closed_on"] = on
    moved = Case.objects.filter(pk=case.pk, status=case.status).update(**fields)
    if moved != 1:
        raise DomainError(_("Vụ việc vừa được người khác cập nhật; hãy tải lại trang."))
    for name, value in fields.items():
        setattr(case, name, value)
    if note:
        case.note = f"{case.note}\n{on:%d/%m/%Y}: {note}".strip()
        case.save(update_fields=["note"])
    _deadlines_after_step(case, to, on, by)
    return case


def _deadlines_after_step(case: Case, to: str, on: date, by: User) -> None:
    petition = case.petition
    first = case.stage == 1
    remote = ".remote" if case.remote_area else ""
    if to == S.NOTIFIED:
        _meet_deadlines(petition, ["denunciation.notify_acceptance"], on)
    elif to == S.DECIDED:
        _meet_deadlines(petition, [resolve_code(case)], on)
        if case.kind == PetitionKind.DENUNCIATION:
            set_deadline(petition=petition, code="denunciation.send_conclusion", start=on, by=by)
            set_deadline(petition=petition, code="denunciation.handle_conclusion", start=on, by=by)
        else:
            code = "complaint.first.send_decision" if first else "complaint.second.send_decision"
            set_deadline(petition=petition, code=code, start=on, by=by)
    elif to == S.SENT:
        codes = [
            "denunciation.send_conclusion",
            "complaint.first.send_decision",
            "complaint.second.send_decision",
        ]
        _meet_deadlines(petition, codes, on)
        if case.kind == PetitionKind.COMPLAINT:
            stage = "first" if first else "second"
            set_deadline(
                petition=petition,
                code=f"complaint.{stage}.effect{remote}",
                start=case.decided_on or on,
                by=by,
            )
            if first:
                # The complainant may complain again or sue within 30 (45) days
                # of receiving the decision (Luật Khiếu nại Điều 33 k1).
                set_deadline(petition=petition, code=f"complaint.second_window{remote}", start=on, by=by)
    elif to == S.HANDLED:
        _meet_deadlines(petition, ["denunciation.handle_conclusion"], on)
        set_deadline(petition=petition, code="denunciation.publish", start=case.decided_on or on, by=by)
    elif to == S.PUBLISHED:
        _meet_deadlines(petition, ["denunciation.publish"], on)
    elif to in (S.EFFECTIVE, S.APPEALED, S.SUED):
        codes = [f"complaint.{stage}.effect{remote}" for stage in ("first", "second")]
        _meet_deadlines(petition, [*codes, f"complaint.second_window{remote}"], on)


# Complexity criteria of NĐ 31/2019/NĐ-CP Điều 3 k2: one makes a denunciation
# complex, two make it especially complex (k3).
COMPLEXITY_CRITERIA = {
    "several_places": "a",
    "several_contents": "b",
    "many_people": "c",
    "foreign_element": "d",
    "several_bodies": "dd",
    "disagreement": "e",
    "contradictory_evidence": "g",
}


@transaction.atomic
def extend_case(*, case: Case, complexity: str, criteria: list[str], reason: str, by: User) -> Case:
    """Record that the case is complex or especially complex and extend its
    resolution deadline by the rule's extension (Luật Tố cáo Điều 30 k2–k3;
    Luật Khiếu nại Điều 28, 37)."""
    order = list(Complexity.values)
    if case.status not in ACTIVE_STATUSES + (S.SUSPENDED,):
        raise DomainError(_("Chỉ gia hạn vụ việc đang giải quyết."))
    if order.index(complexity) <= order.index(case.complexity):
        raise DomainError(_("Mức độ mới phải cao hơn mức độ hiện tại."))
    if case.kind == PetitionKind.DENUNCIATION:
        needed = 2 if complexity == Complexity.ESPECIALLY_COMPLEX else 1
        if len(set(criteria) & set(COMPLEXITY_CRITERIA)) < needed:
            raise DomainError(
                _("Cần ít nhất %(count)s tiêu chí của Nghị định 31/2019/NĐ-CP Điều 3.") % {"count": needed}
            )
    deadline = Deadline.objects.select_related("rule").get(petition=case.petition, code=resolve_code(case))
    extension = deadline.rule.extension_for(complexity)
    if extension is None:
        raise DomainError(
            _("Quy định không có mức «%(level)s» cho loại vụ việc này.")
            % {"level": Complexity(complexity).label}
        )
    case.complexity, case.complexity_reason = complexity, reason.strip()
    case.save(update_fields=["complexity", "complexity_reason"])
    recompute_deadline(deadline=deadline, extension_days=extension, paused_days=deadline.paused_days, by=by)
    return case


@transaction.atomic
def suspend_case(*, case: Case, on: date, reason: str, by: User) -> Case:
    """Suspend (tạm đình chỉ) while waiting for another body; the days until
    the case resumes are not counted (Luật Tố cáo Điều 34 k1–k2)."""
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do tạm đình chỉ."))
    if on < case.accepted_on:
        raise DomainError(_("Ngày tạm đình chỉ không được trước ngày thụ lý."))
    moved = Case.objects.filter(pk=case.pk, status__in=ACTIVE_STATUSES).update(
        status=S.SUSPENDED, status_before_suspension=case.status
    )
    if moved != 1:
        raise DomainError(_("Chỉ tạm đình chỉ vụ việc đang giải quyết."))
    case.status_before_suspension, case.status = case.status, S.SUSPENDED
    Suspension.objects.create(case=case, started_on=on, reason=reason.strip())
    return case


@transaction.atomic
def resume_case(*, case: Case, on: date, by: User) -> Case:
    """Resume a suspended case and push its resolution deadline back by the
    paused days."""
    suspension = case.suspensions.filter(ended_on__isnull=True).first()
    if suspension is None or on < suspension.started_on:
        raise DomainError(_("Ngày tiếp tục phải sau ngày tạm đình chỉ."))
    moved = Case.objects.filter(pk=case.pk, status=S.SUSPENDED).update(status=case.status_before_suspension)
    if moved != 1:
        raise DomainError(_("Vụ việc không ở trạng thái tạm đình chỉ."))
    case.status = case.status_before_suspension
    suspension.ended_on = on
    suspension.save(update_fields=["ended_on"])
    deadline = Deadline.objects.select_related("rule").get(petition=case.petition, code=resolve_code(case))
    paused = _paused_days(case, deadline.rule)
    recompute_deadline(deadline=deadline, extension_days=deadline.extension_days, paused_days=paused, by=by)
    return case


def _paused_days(case: Case, rule: TimeLimitRule) -> int:
    calendar = WorkingCalendar.load()
    total = 0
    for started, ended in case.suspensions.filter(ended_on__isnull=False).values_list(
        "started_on", "ended_on"
    ):
        if ended is None:
            continue
        if rule.unit == TimeLimitRule.Unit.WORKING_DAYS:
            total += calendar.working_days_between(started, ended)
        else:
            total += (ended - started).days
    return total


@transaction.atomic
def terminate_case(*, case: Case, on: date, reason: str, by: User) -> Case:
    """Terminate (đình chỉ): full withdrawal, death of the denounced, or already
    judged (Luật Tố cáo Điều 34 k3; Luật Khiếu nại Điều 10)."""
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do đình chỉ."))
    moved = Case.objects.filter(pk=case.pk, status__in=ACTIVE_STATUSES + (S.SUSPENDED,)).update(
        status=S.TERMINATED, closed_on=on
    )
    if moved != 1:
        raise DomainError(_("Chỉ đình chỉ vụ việc đang giải quyết."))
    case.status, case.closed_on = S.TERMINATED, on
    case.note = f"{case.note}\n{on:%d/%m/%Y}: {reason.strip()}".strip()
    case.save(update_fields=["note"])
    _meet_deadlines(case.petition, [resolve_code(case)], on)
    return case


# --- The denouncer's identity ---------------------------------------------------------


def _grant(petition: Petition, person: User, by: User | None) -> None:
    identity = DenouncerIdentity.objects.filter(petition=petition).first()
    if identity is not None:
        IdentityGrant.objects.get_or_create(identity=identity, person=person, defaults={"granted_by": by})


@transaction.atomic
def grant_identity_access(*, petition: Petition, person: User, by: User) -> IdentityGrant:
    """Let one more person, by name, read the denouncer's identity."""
    if person.agency_id != petition.agency_id:
        raise DomainError(_("Chỉ cấp quyền cho cán bộ của cơ quan giải quyết."))
    identity = DenouncerIdentity.objects.get(petition=petition)
    grant, _created = IdentityGrant.objects.get_or_create(
        identity=identity, person=person, defaults={"granted_by": by}
    )
    return grant


@transaction.atomic
def read_denouncer_identity(*, petition: Petition, by: User) -> DenouncerIdentity:
    """Return the identity and log who read it and when. The caller has
    checked ``can_read_denouncer_identity``."""
    identity = DenouncerIdentity.objects.get(petition=petition)
    IdentityRead.objects.create(identity=identity, person=by)
    return identity


# --- Reception -------------------------------------------------------------------------


@transaction.atomic
def record_reception(
    *,
    agency: Agency,
    received_on: date,
    full_name: str,
    address: str = "",
    identity_number: str = "",
    phone: str = "",
    group_size: int = 1,
    content: str,
    earlier_handling: str = "",
    request: str = "",
    documents_received: str = "",
    handling: str = "",
    refusal_ground: str = "",
    schedule: ReceptionDay | None = None,
    by: User,
) -> Reception:
    """Enter one reception in the register (Luật Tiếp công dân Điều 25 k2),
    numbered from 1 each day, or a refusal with its ground (Điều 9)."""
    citizen = _citizen_for(full_name, address, identity_number, phone, "")
    for _attempt in range(5):
        last = Reception.objects.filter(agency=agency, received_on=received_on).order_by("-number").first()
        try:
            with transaction.atomic():
                return Reception.objects.create(
                    agency=agency,
                    number=(last.number if last else 0) + 1,
                    received_on=received_on,
                    citizen=citizen,
                    group_size=max(group_size, 1),
                    content=content.strip(),
                    earlier_handling=earlier_handling.strip(),
                    request=request.strip(),
                    documents_received=documents_received.strip(),
                    handling=handling.strip(),
                    refusal_ground=refusal_ground,
                    schedule=schedule,
                    received_by=by,
                )
        except IntegrityError:
            continue
    raise DomainError(_("Không ghi được sổ tiếp công dân, vui lòng thử lại."))


@transaction.atomic
def open_petition_from_reception(
    *, reception: Reception, kind: str, subject: str, content: str, by: User
) -> Petition:
    """Open a petition from what a citizen said or handed over at reception."""
    if reception.was_refused:
        raise DomainError(_("Lượt tiếp đã bị từ chối nên không mở đơn được."))
    citizen = reception.citizen
    return receive_petition(
        agency=reception.agency,
        source=Petition.Source.IN_PERSON,
        kind=kind,
        subject=subject,
        content=content,
        received_on=reception.received_on,
        sender_name=citizen.full_name,
        sender_address=citizen.address,
        identity_number=citizen.identity_number,
        phone=citizen.phone,
        signer_count=reception.group_size,
        reception=reception,
        by=by,
    )


@transaction.atomic
def schedule_reception_day(
    *, agency: Agency, leader: User, day: date, place: str, planned_content: str = "", by: User
) -> ReceptionDay:
    """Put a day on the leader's reception schedule."""
    if leader.agency_id != agency.pk:
        raise DomainError(_("Lãnh đạo tiếp phải thuộc cơ quan."))
    if ReceptionDay.objects.filter(agency=agency, leader=leader, date=day).exists():
        raise DomainError(_("Lãnh đạo đã có lịch tiếp công dân ngày này."))
    return ReceptionDay.objects.create(
        agency=agency, leader=leader, date=day, place=place.strip(), planned_content=planned_content.strip()
    )


# Luật Tiếp công dân 2013 Điều 24 k4: the leader's reception calendar is
# posted at least 05 working days before the reception day.
PUBLISH_AHEAD_WORKING_DAYS = 5


@transaction.atomic
def publish_reception_day(*, day: ReceptionDay, on: date, by: User) -> ReceptionDay:
    """Publish a day of the leader's reception schedule on the public page.

    The working days after ``on`` up to the reception day must be at least
    five; a day postponed or already published is refused."""
    if day.is_postponed:
        raise DomainError(_("Ngày tiếp này đã được hoãn nên không công bố được."))
    ahead = WorkingCalendar.load().working_days_between(on, day.date)
    if ahead < PUBLISH_AHEAD_WORKING_DAYS:
        raise DomainError(
            _(
                "Lịch tiếp công dân phải được công bố trước ngày tiếp ít nhất 05 ngày làm việc "
                "(Luật Tiếp công dân 2013, Điều 24); từ ngày %(on)s đến ngày tiếp %(day)s chỉ còn "
                "%(count)s ngày làm việc."
            )
            % {"on": f"{on:%d/%m/%Y}", "day": f"{day.date:%d/%m/%Y}", "count": max(ahead, 0)}
        )
    moved = ReceptionDay.objects.filter(pk=day.pk, published_on__isnull=True).update(published_on=on)
    if moved != 1:
        raise DomainError(_("Ngày tiếp này đã được công bố."))
    day.published_on = on
    return day


@transaction.atomic
def postpone_reception_day(*, day: ReceptionDay, note: str, on: date | None = None, by: User) -> ReceptionDay:
    """Postpone a scheduled day with the notice posted for citizens (Luật
    Tiếp công dân Điều 24 k4); the month then counts as without a day. The
    leader and the agency's reception staff are told."""
    if not note.strip():
        raise DomainError(_("Cần ghi thông báo hoãn gửi công dân."))
    on = on or timezone.localdate()
    moved = ReceptionDay.objects.filter(pk=day.pk, postponed_note="").update(
        postponed_note=note.strip(), postponed_on=on
    )
    if moved != 1:
        raise DomainError(_("Ngày tiếp này đã được hoãn."))
    day.postponed_note, day.postponed_on = note.strip(), on
    staff = RoleAssignment.objects.current().filter(
        agency=day.agency_id, role__in=[Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR]
    )
    people = User.objects.filter(pk__in=staff.values("user")) | User.objects.filter(pk=day.leader_id)
    notify(
        recipients=[person for person in people.distinct() if person.pk != by.pk],
        key=f"reception-day-postponed:{day.pk}",
        text=_("Hoãn lịch tiếp công dân ngày %(day)s: %(note)s")
        % {"day": f"{day.date:%d/%m/%Y}", "note": day.postponed_note[:150]},
        url=reverse("petitions:reception_schedule", args=[day.agency_id]),
    )
    return day


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


# --- Daily deadline scan ------------------------------------------------------------

# Deadlines of a case that is paused or ended are not reminded: a suspension
# stops the clock (Luật Tố cáo Điều 34 k2) and a terminated case has none.
NOT_RUNNING = (Case.Status.SUSPENDED, Case.Status.TERMINATED, Case.Status.CLOSED)


def _scanned_deadlines():
    return (
        Deadline.objects.pending()
        .exclude(petition__case__status__in=NOT_RUNNING)
        .select_related("rule", "petition__agency", "petition__handler", "petition__case__handler")
        .order_by("due_date", "pk")
    )


def _handler_of(petition: Petition) -> User | None:
    case = getattr(petition, "case", None)
    return (case.handler if case is not None else None) or petition.handler


def _agency_leaders(agency_id: int, cache: dict[int, list[User]]) -> list[User]:
    if agency_id not in cache:
        ids = (
            RoleAssignment.objects.current().filter(agency=agency_id, role=Role.AGENCY_LEADER).values("user")
        )
        cache[agency_id] = list(User.objects.filter(pk__in=ids, is_active=True))
    return cache[agency_id]


def _deadline_url(petition: Petition) -> str:
    return reverse("petitions:petition_detail", args=[petition.pk])


def send_deadline_reminders(*, today: date) -> int:
    """Remind the handler of each pending deadline N days before it (the
    agency's reminder days) and on the day itself; with no handler yet, the
    agency's leaders. Each reminder has its own key, also keyed by the due
    date, so running the scan twice sends nothing new and a deadline pushed
    back by an extension is reminded again. Texts name the petition by its
    code and subject only, never the denouncer."""
    sent, leaders = 0, dict[int, list[User]]()
    for deadline in _scanned_deadlines().filter(due_date__gte=today):
        petition = deadline.petition
        days = (deadline.due_date - today).days
        if days != 0 and days not in (petition.agency.reminder_days or []):
            continue
        handler = _handler_of(petition)
        values = {
            "code": petition.code,
            "limit": deadline.rule.name,
            "day": f"{deadline.due_date:%d/%m/%Y}",
            "days": days,
        }
        text = (
            _("Hôm nay là hạn %(limit)s của hồ sơ %(code)s.") % values
            if days == 0
            else _("Còn %(days)s ngày đến hạn %(limit)s (%(day)s) của hồ sơ %(code)s.") % values
        )
        with transaction.atomic():
            sent += len(
                notify(
                    recipients=[handler] if handler else _agency_leaders(petition.agency_id, leaders),
                    key=f"petition-reminder:{deadline.pk}:{deadline.due_date:%Y%m%d}:{days}",
                    text=text,
                    url=_deadline_url(petition),
                )
            )
    return sent


def escalate_overdue_deadlines(*, today: date) -> int:
    """Tell the handler and the agency's head, once per due date, of each
    deadline now past (a missed legal time limit is a breach of law)."""
    sent, leaders = 0, dict[int, list[User]]()
    for deadline in _scanned_deadlines().filter(due_date__lt=today):
        petition = deadline.petition
        text = _("Quá hạn %(limit)s (hạn %(day)s) của hồ sơ %(code)s.") % {
            "code": petition.code,
            "limit": deadline.rule.name,
            "day": f"{deadline.due_date:%d/%m/%Y}",
        }
        with transaction.atomic():
            sent += len(
                notify(
                    recipients=[_handler_of(petition), *_agency_leaders(petition.agency_id, leaders)],
                    key=f"petition-overdue:{deadline.pk}:{deadline.due_date:%Y%m%d}",
                    text=text,
                    url=_deadline_url(petition),
                )
            )
    return sent
