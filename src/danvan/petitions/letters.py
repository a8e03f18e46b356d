"""The outgoing letter of a processed petition, as a Word file the agency can
edit before signing and as PDF: the proposal to accept (TT 05/2021/TT-TTCP
Mẫu 01), the forwarding slip (Mẫu 03), the guidance, the answer or the return.

Every letter has the layout of Nghị định 30/2020/NĐ-CP like the plan and the
report (``documents.output``): governing body and agency, national motto,
number and symbol from the agency's yearly series, place and date, type and
summary, "Kính gửi", the content, the signer and "Nơi nhận". Its wording is
fixed official Vietnamese and is not translated.

A denunciation's letter never names the denouncer: it is an export, and the
identity stays in the vault (Luật Tố cáo 2018 Điều 8 k3).
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from danvan.core.models import Unit, User
from danvan.documents.output.context import (
    agency_lines,
    document_number,
    place_date_line,
    recipient_lines,
)
from danvan.documents.output.docx import render_letter_docx
from danvan.petitions.models import Petition

TITLES = {
    Petition.Status.ACCEPTED: "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN",
    Petition.Status.FORWARDED: "PHIẾU CHUYỂN ĐƠN",
    Petition.Status.GUIDED: "VĂN BẢN HƯỚNG DẪN",
    Petition.Status.ANSWERED: "VĂN BẢN TRẢ LỜI",
    Petition.Status.RETURNED: "VĂN BẢN TRẢ LẠI ĐƠN",
}
SUMMARIES = {
    Petition.Status.ACCEPTED: "Đề xuất thụ lý đơn {kind} (mã hồ sơ {code})",
    Petition.Status.FORWARDED: "Chuyển đơn {kind} (mã hồ sơ {code})",
    Petition.Status.GUIDED: "Hướng dẫn gửi đơn {kind} đến cơ quan có thẩm quyền",
    Petition.Status.ANSWERED: "Trả lời đơn {kind} (mã hồ sơ {code})",
    Petition.Status.RETURNED: "Trả lại đơn {kind} (mã hồ sơ {code})",
}
KIND_WORDS = {
    Petition.Kind.COMPLAINT: "khiếu nại",
    Petition.Kind.DENUNCIATION: "tố cáo",
    Petition.Kind.FEEDBACK: "kiến nghị, phản ánh",
    Petition.Kind.MIXED: "có nhiều nội dung",
}
# The symbol of a forwarding slip is its type (Phụ lục III: PC, phiếu
# chuyển); the other letters are công văn: agency, then drafting unit.
FORWARDING_SLIP = "PC"


def has_letter(petition: Petition) -> bool:
    return petition.status in TITLES


def drafting_unit(petition: Petition, signer: User | None) -> Unit | None:
    """The unit that drafts the letter: the signer's own, else the agency's
    inspectorate, else its office."""
    if signer is not None and signer.unit_id and signer.unit.agency_id == petition.agency_id:
        return signer.unit
    units = petition.agency.units.filter(is_active=True)
    return (
        units.filter(kind=Unit.Kind.INSPECTORATE).order_by("pk").first()
        or units.filter(kind=Unit.Kind.OFFICE).order_by("pk").first()
    )


def letter_symbol(petition: Petition, signer: User | None) -> str:
    """'PC-SKHCN' for a forwarding slip, 'SKHCN-TTr' for the other letters."""
    agency_code = petition.agency.symbol_code
    if petition.status == Petition.Status.FORWARDED:
        return f"{FORWARDING_SLIP}-{agency_code}"
    unit = drafting_unit(petition, signer)
    return f"{agency_code}-{unit.code}" if unit is not None and unit.code else agency_code


def _sender(petition: Petition) -> str:
    if petition.is_denunciation:
        return "người gửi (thông tin được bảo mật)"
    if petition.citizen is None:
        return "người gửi"
    return petition.citizen.full_name


def names_day(petition: Petition) -> date:
    """The day a letter reads its agency's names on: its date, else today."""
    return petition.letter_date or timezone.localdate()


def _agency_name(petition: Petition) -> str:
    return petition.agency.name_on(names_day(petition))


def _opening(petition: Petition) -> str:
    via = f" do {petition.forwarded_by} chuyển đến" if petition.forwarded_by else ""
    return (
        f"Ngày {petition.received_on:%d/%m/%Y}, {_agency_name(petition)} nhận được đơn"
        f" {KIND_WORDS.get(petition.kind, '')} của {_sender(petition)}{via}"
        f" (mã hồ sơ {petition.code}), nội dung: {petition.subject.strip().rstrip('.')}."
    )


def _addressee(petition: Petition) -> str:
    status = petition.status
    if status == Petition.Status.ACCEPTED:
        return f"Thủ trưởng {_agency_name(petition)}"
    if status == Petition.Status.FORWARDED:
        return petition.competent_body or "Cơ quan có thẩm quyền"
    if status == Petition.Status.RETURNED:
        return petition.forwarded_by or "Cơ quan chuyển đơn"
    return _sender(petition)[:1].upper() + _sender(petition)[1:]


def _content(petition: Petition) -> list[str]:
    agency, competent = _agency_name(petition), petition.competent_body
    status = petition.status
    lines = [_opening(petition)]
    if status == Petition.Status.ACCEPTED:
        lines.append(
            f"Đơn đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết của {agency}. Đề nghị Thủ trưởng"
            " cơ quan xem xét, quyết định thụ lý giải quyết đơn theo quy định."
        )
    elif status == Petition.Status.FORWARDED:
        lines.append(
            f"Nội dung đơn không thuộc thẩm quyền giải quyết của {agency}. {agency} chuyển đơn đến"
            f" {competent} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho người gửi đơn."
        )
    elif status == Petition.Status.GUIDED:
        where = f" đến {competent}" if competent else " đến cơ quan có thẩm quyền"
        lines.append(
            f"Nội dung đơn không thuộc thẩm quyền giải quyết của {agency}. Đề nghị người gửi đơn gửi"
            f" đơn{where} để được xem xét, giải quyết theo quy định."
        )
    elif status == Petition.Status.RETURNED:
        lines.append(
            f"Nội dung đơn không thuộc thẩm quyền giải quyết của {agency}. {agency} trả lại đơn để"
            " cơ quan đã chuyển đơn xử lý theo quy định."
        )
    if status == Petition.Status.ANSWERED:
        lines.extend(_paragraphs(petition.public_answer))
    else:
        lines.extend(_paragraphs(petition.outcome_note))
    if status == Petition.Status.FORWARDED:
        lines.append("Kèm theo: đơn và tài liệu kèm theo (nếu có).")
    return lines


def _paragraphs(text: str) -> list[str]:
    """The lines of a note typed by a person, each ending as a sentence."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [line if line[-1] in ".;:!?…" else f"{line}." for line in lines]


def _recipients(petition: Petition, unit: Unit | None) -> list[str]:
    names = ["Như trên"]
    # The sender is told of a forwarding or a return; a denouncer is told
    # apart, so that no copy of the letter points at them.
    if not petition.is_denunciation and petition.status in (
        Petition.Status.FORWARDED,
        Petition.Status.RETURNED,
    ):
        names.append(f"{_sender(petition)[:1].upper()}{_sender(petition)[1:]} (để biết)")
    return recipient_lines(names, unit.code if unit is not None else "")


def _signer(petition: Petition) -> tuple[User | None, str]:
    """Who signs, and the title printed above the name. The proposal to
    accept is signed by the person proposing it (Mẫu 01)."""
    signer = petition.letter_signer or petition.handler
    if petition.status == Petition.Status.ACCEPTED:
        return signer, "NGƯỜI ĐỀ XUẤT"
    title = signer.position.strip() if signer is not None and signer.position.strip() else "Cán bộ xử lý đơn"
    return signer, title.upper()


def letter_context(petition: Petition) -> dict:
    """Every value the letter template uses, as plain strings and lists."""
    # The agency's names on the letter's date: a letter of 2024 keeps them.
    day = names_day(petition)
    parent, name = agency_lines(petition.agency, day)
    signer, title = _signer(petition)
    unit = drafting_unit(petition, signer)
    kind = KIND_WORDS.get(petition.kind, "")
    year = petition.letter_date.year if petition.letter_date else None
    return {
        "parent_agency": parent,
        "agency_name": name,
        "number": document_number(petition.letter_number),
        "symbol": petition.letter_symbol or letter_symbol(petition, signer),
        "place_date": place_date_line(petition.agency.province.name_on(day), petition.letter_date, year=year),
        "doc_type_title": TITLES[petition.status],
        "summary": SUMMARIES[petition.status].format(kind=kind, code=petition.code),
        "addressee": _addressee(petition),
        "lines": _content(petition),
        "recipients": _recipients(petition, unit),
        "signer_authority": "",
        "signer_title": title,
        "signer_name": signer.full_name if signer is not None else "",
    }


def letter_docx(petition: Petition) -> bytes:
    """The letter for the petition's outcome, in the layout of NĐ 30/2020."""
    return render_letter_docx(letter_context(petition))
