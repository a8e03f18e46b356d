"""Signing issued documents from their pages, for every app that issues
one: signing as a step of issuing, signing afterwards with the "Ký số"
button, and downloading a signed copy.

The leader who issues a plan, an amendment or a report ticks "Ký số khi ban
hành" and the issued document is signed with the agency's certificate in the
same request.

Issuing comes first and stands on its own: the document has its number
once it is issued, and the PDF that is signed prints that number. If the
signing then fails (no certificate any more, LibreOffice cannot print), the
document stays issued and the leader is told why, with the "Ký số" button
still there to sign it again."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.db.models import Model
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.downloads import PDF_TYPE, stored_file
from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.documents.models import SignedCopy
from danvan.documents.permissions import can_sign_for_agency
from danvan.documents.selectors import current_signing_certificate, signed_copy_of

SIGN_FIELD = "ky_so"


def offers_signing(person: User, agency: Agency) -> bool:
    """Whether the issue form offers to sign: the person signs for the agency
    and the agency has a certificate in use."""
    return can_sign_for_agency(person, agency) and current_signing_certificate(agency) is not None


def wants_signing(request: HttpRequest) -> bool:
    return request.POST.get(SIGN_FIELD) == "1"


def sign_issued(request: HttpRequest, sign: Callable[[], SignedCopy]) -> SignedCopy | None:
    """Sign the document just issued, telling the leader how it went."""
    try:
        copy = sign()
    except DomainError as error:
        messages.warning(
            request,
            _("Văn bản đã ban hành nhưng chưa ký số được: %(reason)s Bấm «Ký số» để ký lại.")
            % {"reason": error.message},
        )
        return None
    messages.success(
        request,
        _("Đã ký số văn bản lúc %(when)s. Bản PDF đã ký được lưu cùng văn bản.")
        % {"when": f"{timezone.localtime(copy.signed_at):%H:%M:%S %d/%m/%Y}"},
    )
    return copy


def sign_from_page(request: HttpRequest, sign: Callable[[], SignedCopy], *, done: str) -> None:
    """The "Ký số" button of an issued document: sign it, and say how it went."""
    try:
        sign()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)


def signed_copy_download(
    document: Model, copy_id: int, filename: str, *, personal: bool = False
) -> FileResponse:
    """One signed copy of a document the caller has checked the person reads,
    as a PDF download (``personal``: a citizen's letter, kept by no cache)."""
    copy = signed_copy_of(document, copy_id)
    response = stored_file(copy.file, filename, personal=personal)
    response["Content-Type"] = PDF_TYPE
    return response
