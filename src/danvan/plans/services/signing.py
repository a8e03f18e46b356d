"""Signing an issued plan or an issued amendment of it: its PDF, as the
agency prints it, signed with the agency's certificate and kept beside it
(documents.SignedCopy)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.documents.models import SignedCopy
from danvan.documents.output import docx as output_docx
from danvan.documents.output import pdf as output_pdf
from danvan.documents.services import sign_document
from danvan.plans.amendment_document import render_amendment_docx
from danvan.plans.models import Plan, PlanAmendment


def sign_plan(*, plan: Plan, by: User) -> SignedCopy:
    """The plan printed to PDF (LibreOffice, outside any transaction: it
    takes seconds) and signed by ``by`` with the agency's certificate.

    The visible signature carries the signer's name, the agency and the time,
    in the signature area above the name printed under the plan. Outcomes: the
    signed copy, or DomainError (no PDF could be made, the agency has no
    usable certificate, the plan is not issued)."""
    if plan.status not in (Plan.Status.ISSUED, Plan.Status.CLOSED):
        raise DomainError(_("Chỉ ký số kế hoạch đã ban hành."))
    try:
        pdf = output_pdf.docx_to_pdf(output_docx.render_plan_docx(plan))
    except output_pdf.ConversionError as error:
        raise DomainError(str(error)) from error
    title = _("Kế hoạch số %(reference)s") % {"reference": plan.reference} if plan.number else plan.title
    return sign_document(
        document=plan,
        agency=plan.agency,
        title=title,
        pdf=pdf,
        signer_name=by.get_full_name() or plan.signer_name,
        name_on_document=plan.signer_name,
        reason=_("Ký ban hành kế hoạch"),
        by=by,
    )


def sign_amendment(*, amendment: PlanAmendment, by: User) -> SignedCopy:
    """An issued amendment printed to PDF and signed by ``by`` with the
    agency's certificate, above the name printed under it (the plan's signer).
    Outcomes as for a plan: the signed copy, or DomainError with nothing stored."""
    if amendment.status != PlanAmendment.Status.ISSUED:
        raise DomainError(_("Chỉ ký số văn bản sửa đổi, bổ sung đã ban hành."))
    plan = amendment.plan
    try:
        pdf = output_pdf.docx_to_pdf(render_amendment_docx(amendment))
    except output_pdf.ConversionError as error:
        raise DomainError(str(error)) from error
    return sign_document(
        document=amendment,
        agency=plan.agency,
        title=_("Văn bản sửa đổi, bổ sung kế hoạch số %(reference)s") % {"reference": amendment.reference},
        pdf=pdf,
        signer_name=by.get_full_name() or plan.signer_name,
        name_on_document=plan.signer_name,
        reason=_("Ký ban hành văn bản sửa đổi, bổ sung kế hoạch"),
        by=by,
    )
