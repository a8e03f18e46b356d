"""Signing the outgoing letter of a processed petition: its PDF, as the
agency prints it, signed with the agency's certificate and kept beside the
petition (documents.SignedCopy). A denunciation's letter never names the
denouncer (``letters``), and neither does its signed copy."""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.documents.models import SignedCopy
from danvan.documents.output import pdf as output_pdf
from danvan.documents.services import sign_document
from danvan.petitions import letters
from danvan.petitions.models import Petition


def sign_petition_letter(*, petition: Petition, by: User) -> SignedCopy:
    """The letter of the petition's outcome printed to PDF (LibreOffice,
    outside any transaction: it takes seconds) and signed by ``by`` with the
    agency's certificate, above the name printed under the letter.

    Outcomes: the signed copy, or DomainError (the petition has no letter
    yet, no PDF could be made, the agency has no usable certificate), with
    nothing stored."""
    if not letters.has_letter(petition):
        raise DomainError(_("Đơn chưa có văn bản trả lời để ký số."))
    context = letters.letter_context(petition)
    try:
        pdf = output_pdf.docx_to_pdf(letters.letter_docx(petition))
    except output_pdf.ConversionError as error:
        raise DomainError(str(error)) from error
    title = _("%(type)s số %(number)s/%(symbol)s, đơn %(code)s") % {
        "type": context["doc_type_title"].capitalize(),
        "number": petition.letter_number or "…",
        "symbol": context["symbol"],
        "code": petition.code,
    }
    return sign_document(
        document=petition,
        agency=petition.agency,
        title=title,
        pdf=pdf,
        signer_name=by.get_full_name() or context["signer_name"],
        name_on_document=context["signer_name"],
        reason=_("Ký ban hành văn bản xử lý đơn"),
        by=by,
    )
