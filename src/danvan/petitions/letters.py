"""The outgoing letter of a processed petition, as a Word file the agency can
edit before signing: the proposal to accept (TT 05/2021/TT-TTCP Mẫu 01),
the forwarding slip (Mẫu 03), the guidance, the answer or the return.

A denunciation's letter never names the denouncer: it is an export, and the
identity stays in the vault (Luật Tố cáo 2018 Điều 8 k3).
"""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from danvan.petitions.models import Petition

# Form titles and the national motto are fixed by TT 05/2021/TT-TTCP and
# NĐ 30/2020/NĐ-CP; a Vietnamese legal letter keeps them whatever the UI language.
TITLES = {
    Petition.Status.ACCEPTED: "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN",
    Petition.Status.FORWARDED: "PHIẾU CHUYỂN ĐƠN",
    Petition.Status.GUIDED: "VĂN BẢN HƯỚNG DẪN",
    Petition.Status.ANSWERED: "VĂN BẢN TRẢ LỜI",
    Petition.Status.RETURNED: "VĂN BẢN TRẢ LẠI ĐƠN",
}


def has_letter(petition: Petition) -> bool:
    return petition.status in TITLES


def letter_docx(petition: Petition) -> bytes:
    """The letter for the petition's outcome, in Times New Roman 13 pt."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    _centred(document, petition.agency.name.upper(), bold=True)
    _centred(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _centred(document, "Độc lập - Tự do - Hạnh phúc", bold=True)
    _centred(document, TITLES[petition.status], bold=True)
    document.add_paragraph(
        _(
            "Ngày %(day)s, %(agency)s nhận được đơn %(kind)s của %(sender)s (mã hồ sơ %(code)s), nội dung: %(subject)s."
        )
        % {
            "day": f"{petition.received_on:%d/%m/%Y}",
            "agency": petition.agency.name,
            "kind": petition.get_kind_display().lower(),
            "sender": _sender(petition),
            "code": petition.code,
            "subject": petition.subject,
        }
    )
    if petition.competent_body:
        document.add_paragraph(_("Cơ quan có thẩm quyền: %(body)s.") % {"body": petition.competent_body})
    for text in (petition.outcome_note, petition.public_answer):
        if text:
            document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _sender(petition: Petition) -> str:
    if petition.is_denunciation or petition.citizen is None:
        return _("người gửi (thông tin được bảo mật)") if petition.is_denunciation else _("người gửi")
    return petition.citizen.full_name


def _centred(document, text: str, *, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold
