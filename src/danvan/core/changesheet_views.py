"""The page that imports an Excel list of organisation changes as drafts,
and its blank template. Each draft is then previewed and applied on the
change pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from danvan.core import permissions, selectors
from danvan.core.changesheet import import_change_list, template_workbook
from danvan.core.downloads import XLSX_TYPE, download
from danvan.core.forms import ChangeListUploadForm
from danvan.core.services import DomainError


def _only_administrators(request) -> None:
    if not permissions.can_manage_organisation_changes(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được nhập thay đổi tổ chức."))


@login_required
def change_import(request):
    _only_administrators(request)
    provinces = selectors.provinces_in_service()
    form = ChangeListUploadForm(request.POST or None, request.FILES or None, provinces=provinces)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            drafts = import_change_list(
                data=upload.read(), province=form.cleaned_data["province"], by=request.user
            )
        except DomainError as error:
            errors = getattr(error, "errors", [error.message])
        else:
            messages.success(
                request,
                _("Đã ghi %(count)s thay đổi chưa áp dụng; hãy xem trước và áp dụng từng thay đổi.")
                % {"count": len(drafts)},
            )
            return redirect("core:change_list")
    status = 422 if request.method == "POST" else 200
    return render(request, "core/changesheet_import.html", {"form": form, "errors": errors}, status=status)


@login_required
@require_GET
def change_template(request):
    _only_administrators(request)
    return download(template_workbook(), XLSX_TYPE, "mau-danh-sach-thay-doi-to-chuc.xlsx")
