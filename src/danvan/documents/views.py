from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.downloads import DOCX_TYPE, download
from danvan.core.paging import page_of
from danvan.core.permissions import get_agency_for_user
from danvan.core.services import DomainError
from danvan.documents import permissions, selectors, services
from danvan.documents.forms import LegalDocumentForm, ValidityForm
from danvan.documents.models import OutputTemplate
from danvan.documents.output import docx as output_docx
from danvan.documents.output import services as output_services
from danvan.documents.output.forms import OutputTemplateForm
from danvan.documents.validity import validity_on


@login_required
def library(request):
    query = request.GET.get("q", "")[:200]
    context = {"page": page_of(selectors.library(request.user, query=query), request), "query": query}
    return render(request, "documents/library.html", context)


@login_required
def document_detail(request, document_id):
    document = selectors.document_page(request.user, document_id)
    context = {
        "document": document,
        "can_edit": permissions.can_edit_legal_document(request.user, document),
        "validity": validity_on(document, timezone.localdate()),
        "still_citing": selectors.plans_still_citing(document),
    }
    return render(request, "documents/document_detail.html", context)


@login_required
def document_edit(request, document_id):
    document = selectors.document_page(request.user, document_id)
    if not permissions.can_edit_legal_document(request.user, document):
        raise PermissionDenied(_("Bạn không có quyền sửa thư viện văn bản."))
    form = LegalDocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.update_legal_document(document=document, changes=changes, by=request.user)
        messages.success(request, _("Đã cập nhật văn bản."))
        return redirect("documents:document_detail", document_id=document.pk)
    return render(
        request,
        "documents/document_edit.html",
        {"document": document, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def document_validity(request, document_id):
    document = selectors.document_page(request.user, document_id)
    if not permissions.can_edit_legal_document(request.user, document):
        raise PermissionDenied(_("Bạn không có quyền sửa thư viện văn bản."))
    form = ValidityForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_validity(
                document=document,
                status=data["status"],
                since=data["since"],
                replaced_by=list(data["replaced_by"]),
                source=data["source"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi tình trạng hiệu lực của văn bản."))
            return redirect("documents:document_detail", document_id=document.pk)
    return render(
        request,
        "documents/document_validity.html",
        {"document": document, "form": form},
        status=422 if form.errors else 200,
    )


def _agency_for_templates(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.can_replace_output_template(request.user, agency):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan được thay mẫu văn bản."))
    return agency


TEMPLATE_PAGES = {
    OutputTemplate.Kind.PLAN: {
        "upload": "documents:output_template_upload",
        "download": "documents:output_template",
        "file": "mau-ke-hoach.docx",
    },
    OutputTemplate.Kind.REPORT: {
        "upload": "documents:report_template_upload",
        "download": "documents:report_template",
        "file": "mau-bao-cao.docx",
    },
}


def _template_page(request, agency_id, kind: str):
    agency = _agency_for_templates(request, agency_id)
    form = OutputTemplateForm(request.POST or None, request.FILES or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        output_services.replace_output_template(
            agency=agency, kind=kind, data=upload.read(), filename=upload.name, by=request.user
        )
        if kind == OutputTemplate.Kind.REPORT:
            messages.success(request, _("Đã thay mẫu báo cáo của cơ quan."))
        else:
            messages.success(request, _("Đã thay mẫu kế hoạch của cơ quan."))
        return redirect(TEMPLATE_PAGES[kind]["upload"], agency_id=agency.pk)
    current = output_docx.current_template(agency, kind)
    context = {
        "agency": agency,
        "form": form,
        "current": current,
        "kind": kind,
        "pages": TEMPLATE_PAGES[kind],
    }
    return render(
        request, "documents/output_template_upload.html", context, status=422 if form.errors else 200
    )


@login_required
def output_template_upload(request, agency_id):
    return _template_page(request, agency_id, OutputTemplate.Kind.PLAN)


@login_required
def report_template_upload(request, agency_id):
    return _template_page(request, agency_id, OutputTemplate.Kind.REPORT)


def _template_download(request, agency_id, kind: str):
    """The template in use, to those who may replace it; "not found" to anyone else."""
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.can_replace_output_template(request.user, agency):
        raise Http404(_("Không tìm thấy mẫu văn bản."))
    data = output_docx.template_bytes(agency, kind)
    response = download(data, DOCX_TYPE, TEMPLATE_PAGES[kind]["file"])
    response["Cache-Control"] = "private"
    return response


@login_required
def output_template_download(request, agency_id):
    return _template_download(request, agency_id, OutputTemplate.Kind.PLAN)


@login_required
def report_template_download(request, agency_id):
    return _template_download(request, agency_id, OutputTemplate.Kind.REPORT)
