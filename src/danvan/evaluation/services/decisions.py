"""Issuing the province's decision recognising a year's evaluation results by
signing it: its PDF signed with the certificate of the provincial People's
Committee, which issues it, and kept as a signed copy of the year's
``ResultsDecision``."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.selectors import provincial_committee
from danvan.core.services import DomainError
from danvan.documents.models import SignedCopy
from danvan.documents.output import pdf as output_pdf
from danvan.documents.services import sign_document
from danvan.evaluation import decision
from danvan.evaluation.decision import ResultsTable
from danvan.evaluation.models import ResultsDecision


def sign_results_decision(*, table: ResultsTable, by: User, today: date | None = None) -> SignedCopy:
    """The decision of ``table``'s province and year, printed to PDF with the
    signer's name under it (LibreOffice, outside any transaction: it takes
    seconds), signed by ``by`` with the committee's certificate. Signing it
    again after a result changes keeps both copies.

    Outcomes: the signed copy, or DomainError (no final result of the year,
    no provincial committee in the organisation, no PDF could be made, the
    committee has no usable certificate), with nothing stored."""
    if not table.finalised:
        raise DomainError(
            _("Chưa có cơ quan nào có kết quả chính thức của năm %(year)s.") % {"year": table.year}
        )
    committee = provincial_committee(table.province)
    if committee is None:
        raise DomainError(
            _(
                "Danh mục cơ quan của tỉnh chưa có UBND tỉnh, cơ quan ban hành quyết định, nên chưa ký số được."
            )
        )
    signer_name = by.get_full_name()
    today = today or timezone.localdate()
    try:
        pdf = output_pdf.docx_to_pdf(decision.decision_docx(table, today=today, signer_name=signer_name))
    except output_pdf.ConversionError as error:
        raise DomainError(str(error)) from error
    with transaction.atomic():
        record, _created = ResultsDecision.objects.get_or_create(
            province=table.province, year=table.year, defaults={"agency": committee, "created_by": by}
        )
        return sign_document(
            document=record,
            agency=committee,
            title=str(record),
            pdf=pdf,
            signer_name=signer_name,
            reason=_("Ký ban hành quyết định công nhận kết quả đánh giá"),
            by=by,
        )
