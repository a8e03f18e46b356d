"""The apology letter of a late dossier (Mẫu 04, «Phiếu xin lỗi và hẹn lại
ngày trả kết quả», spec/domain.md §5.1–5.2), drafted as a Word file for the
agency to edit and sign when the one-stop system did not send it. The layout
is that of Nghị định 30/2020/NĐ-CP (documents.output); the wording is fixed
official Vietnamese and is not translated."""

from __future__ import annotations

from django.utils import timezone

from danvan.core.models import Unit
from danvan.documents.output.context import agency_lines, date_phrase, place_date_line, recipient_lines
from danvan.documents.output.docx import render_letter_docx
from danvan.onestop.models import LateDossier

TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"


def _office_code(dossier: LateDossier) -> str:
    office = dossier.agency.units.filter(kind=Unit.Kind.OFFICE, is_active=True).order_by("pk").first()
    return office.code if office else ""


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(".;, ")
    return f"{text}." if text else ""


def letter_context(dossier: LateDossier) -> dict:
    parent, name = agency_lines(dossier.agency)
    received = f" ngày {dossier.received_on:%d/%m/%Y}" if dossier.received_on else ""
    new_date = date_phrase(dossier.new_due_date) if dossier.new_due_date else "ngày … tháng … năm …"
    reason = _sentence(dossier.reason) or "…"
    lines = [
        f"{dossier.agency.name} tiếp nhận hồ sơ của {dossier.applicant}{received}, mã hồ sơ {dossier.code},"
        f" thủ tục {dossier.procedure.strip().rstrip('.')}; ngày hẹn trả kết quả ghi trên Giấy tiếp nhận"
        f" hồ sơ và hẹn trả kết quả là ngày {dossier.due_date:%d/%m/%Y}.",
        f"Tuy nhiên đến nay, {dossier.agency.name} chưa trả được kết quả đúng hẹn. Lý do: {reason}",
        f"Sự chậm trễ này đã gây phiền hà cho {dossier.applicant}. {dossier.agency.name} thành thật xin lỗi"
        " và hẹn lại ngày trả kết quả là " + new_date + ".",
        f"Rất mong nhận được sự thông cảm của {dossier.applicant}.",
    ]
    today = timezone.localdate()
    return {
        "parent_agency": parent,
        "agency_name": name,
        "number": "\u00a0" * 6,
        "symbol": f"PXL-{dossier.agency.symbol_code}",
        "place_date": place_date_line(dossier.agency.province.name, None, year=today.year),
        "doc_type_title": TITLE,
        "summary": f"Hồ sơ mã {dossier.code}",
        "addressee": dossier.applicant,
        "lines": lines,
        "recipients": recipient_lines([dossier.applicant, "Bộ phận Một cửa"], _office_code(dossier)),
        "signer_authority": "",
        "signer_title": "THỦ TRƯỞNG CƠ QUAN",
        "signer_name": "",
    }


def apology_docx(dossier: LateDossier) -> bytes:
    return render_letter_docx(letter_context(dossier))
