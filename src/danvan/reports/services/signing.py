"""Signing an agency's report sent to the province: its PDF, as the agency
prints it, signed with the agency's certificate and kept beside the report
(documents.SignedCopy)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.documents.models import SignedCopy
from danvan.documents.output import pdf as output_pdf
from danvan.documents.output.report import render_report_docx
from danvan.documents.services import sign_document
from danvan.reports.models import Report


def sign_report(*, report: Report, by: User) -> SignedCopy:
    """The agency's approved report printed to PDF (LibreOffice, outside any
    transaction: it takes seconds) and signed by ``by`` with the agency's
    certificate, above the signer's name printed under the report.

    Outcomes: the signed copy, or DomainError (not an agency's report, not
    approved and sent, no PDF could be made, the agency has no usable
    certificate), with nothing stored."""
    if not report.is_agency_report or report.status != Report.Status.APPROVED:
        raise DomainError(_("Chỉ ký số báo cáo của cơ quan đã được duyệt và gửi."))
    try:
        pdf = output_pdf.docx_to_pdf(render_report_docx(report))
    except output_pdf.ConversionError as error:
        raise DomainError(str(error)) from error
    if report.number:
        title = _("Báo cáo số %(number)s/%(symbol)s") % {"number": report.number, "symbol": report.symbol}
    else:
        title = report.request.title
    return sign_document(
        document=report,
        agency=report.agency,
        title=title,
        pdf=pdf,
        signer_name=by.get_full_name() or report.signer_name,
        name_on_document=report.signer_name,
        reason=_("Ký ban hành báo cáo"),
        by=by,
    )
