from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danvan.core import permissions
from danvan.documents import selectors, services
from danvan.documents.forms import LegalDocumentForm


@login_required
def library(request):
    query = request.GET.get("q", "")[:200]
    context = {"documents": selectors.library(request.user, query=query)[:200], "query": query}
    return render(request, "documents/library.html", context)


@login_required
def document_detail(request, document_id):
    document = selectors.document_page(request.user, document_id)
    can_edit = permissions.can_edit_legal_document(request.user, document)
    return render(request, "documents/document_detail.html", {"document": document, "can_edit": can_edit})


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
