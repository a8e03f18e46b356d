"""Criteria set pages: the list, a set's tree, importing, a new version, copying, export, and entering
and editing a draft set on screen; the results: the province's table for a year, its decision in
Word, an agency's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, XLSX_TYPE, download
from danvan.core.models import Agency
from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.documents import issuing
from danvan.documents import selectors as document_selectors
from danvan.documents.permissions import visible_legal_documents
from danvan.evaluation import decision, forms, permissions, selectors, services
from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.sheets import criteria_template
from danvan.evaluation.models import CriteriaSet


@login_required
def criteria_set_list(request):
    context = {
        "page": page_of(selectors.criteria_sets_for_list(request.user), request),
        "can_import": permissions.criteria_provinces(request.user).exists(),
        "result_provinces": permissions.criteria_provinces(request.user),
        "result_agencies": permissions.result_agencies(request.user),
        "area_slug": "evaluation",
    }
    return render(request, "evaluation/criteria_set_list.html", context)


@login_required
def criteria_set_import(request):
    provinces = permissions.criteria_provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied(_("Chỉ Sở Nội vụ của tỉnh mới nhập được bộ tiêu chí."))
    form = forms.CriteriaSetForm(
        request.POST or None,
        request.FILES or None,
        provinces=provinces,
        documents=visible_legal_documents(request.user).order_by("-date", "number_key"),
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = services.SetDetails(
            name=data["name"],
            document_number=data["document_number"],
            document_date=data["document_date"],
            legal_document=data["legal_document"],
            years=data["years"],
            agency_kinds=data["agency_kinds"],
            effective_from=data["effective_from"],
            effective_to=data["effective_to"],
        )
        try:
            criteria_set = services.import_criteria_set(
                province=data["province"], details=details, data=data["workbook"].read(), by=request.user
            )
        except InvalidCriteriaSet as refused:
            problems = refused.messages
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã nhập bộ tiêu chí."))
            return redirect("evaluation:criteria_set_detail", criteria_set_id=criteria_set.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "problems": problems, "area_slug": "evaluation"}
    return render(request, "evaluation/criteria_set_form.html", context, status=status)


def _page(request, criteria_set, *, version_form=None, copy_form=None, problems=(), status=200):
    context = selectors.criteria_set_page(request.user, criteria_set)
    context["version_form"] = version_form or forms.NewVersionForm()
    context["copy_form"] = copy_form or forms.CopyForm()
    context["problems"] = list(problems)
    context["area_slug"] = "evaluation"
    return render(request, "evaluation/criteria_set_detail.html", context, status=status)


@login_required
def criteria_set_detail(request, criteria_set_id):
    return _page(request, permissions.get_criteria_set_for_user(request.user, criteria_set_id))


@login_required
@require_POST
def criteria_set_new_version(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    form = forms.NewVersionForm(request.POST, request.FILES)
    problems: list[str] = []
    if form.is_valid():
        try:
            result = services.import_new_version(
                criteria_set=criteria_set, data=form.cleaned_data["workbook"].read(), by=request.user
            )
        except InvalidCriteriaSet as refused:
            problems = refused.messages
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã cập nhật bộ tiêu chí."))
            return redirect("evaluation:criteria_set_detail", criteria_set_id=result.pk)
    return _page(request, criteria_set, version_form=form, problems=problems, status=422)


@login_required
@require_POST
def criteria_set_copy(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    form = forms.CopyForm(request.POST)
    if form.is_valid():
        try:
            copy = services.copy_criteria_set(
                criteria_set=criteria_set, years=form.cleaned_data["years"], by=request.user
            )
        except DomainError as error:
            form.add_error("years", error.message)
        else:
            messages.success(request, _("Đã sao chép thành bộ tiêu chí dự thảo mới."))
            return redirect("evaluation:criteria_set_detail", criteria_set_id=copy.pk)
    return _page(request, criteria_set, copy_form=form, status=422)


@login_required
@require_POST
def criteria_set_put_in_use(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    try:
        services.put_in_use(criteria_set=criteria_set, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Bộ tiêu chí đã được đưa vào áp dụng."))
    return redirect("evaluation:criteria_set_detail", criteria_set_id=criteria_set.pk)


@login_required
def criteria_set_export(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id)
    filename = _("Bộ tiêu chí %(name)s.xlsx") % {"name": criteria_set.name}
    return download(services.export_criteria_set(criteria_set), XLSX_TYPE, filename)


@login_required
def criteria_template_download(request):
    return download(criteria_template(), XLSX_TYPE, _("Mẫu bộ tiêu chí đánh giá.xlsx"))


# --- Entering and editing a set on screen ---------------------------------------


def _detail(criteria_set):
    return redirect("evaluation:criteria_set_detail", criteria_set_id=criteria_set.pk)


def _refused_unless_draft(request, criteria_set):
    """A set in use (or replaced) is not edited: the reviewer is sent back to make a new draft version."""
    if criteria_set.status == CriteriaSet.Status.DRAFT:
        return None
    messages.error(
        request,
        _("Bộ tiêu chí này không còn là dự thảo nên không sửa được; hãy tạo phiên bản dự thảo mới để sửa."),
    )
    return _detail(criteria_set)


def _edit_page(request, form, *, title, submit, criteria_set=None):
    """A form of the set's details or of one line; shown again after a post only when it was refused."""
    context = {"form": form, "title": title, "submit": submit, "criteria_set": criteria_set}
    status = 422 if request.method == "POST" else 200
    return render(request, "evaluation/edit_form.html", context | {"area_slug": "evaluation"}, status=status)


@login_required
def criteria_set_create(request):
    provinces = permissions.criteria_provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied(_("Chỉ Sở Nội vụ của tỉnh mới tạo được bộ tiêu chí."))
    form = forms.NewSetForm(
        request.POST or None,
        provinces=provinces,
        documents=visible_legal_documents(request.user).order_by("-date", "number_key"),
        replaceable=selectors.replaceable_sets(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            criteria_set = services.create_criteria_set(
                province=form.cleaned_data["province"],
                details=form.details(),
                options=form.options(),
                replaces=form.cleaned_data["replaces"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã tạo bộ tiêu chí dự thảo; hãy thêm các nhóm tiêu chí."))
            return _detail(criteria_set)
    return _edit_page(request, form, title=_("Tạo bộ tiêu chí trên màn hình"), submit=_("Tạo bộ tiêu chí"))


@login_required
def criteria_set_edit(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    if refused := _refused_unless_draft(request, criteria_set):
        return refused
    form = forms.SetDetailsForm(
        request.POST or None,
        initial=forms.SetDetailsForm.initial_of(criteria_set),
        documents=visible_legal_documents(request.user).order_by("-date", "number_key"),
        replaceable=selectors.replaceable_sets(request.user, criteria_set),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_set_details(
                criteria_set=criteria_set,
                details=form.details(),
                options=form.options(),
                replaces=form.cleaned_data["replaces"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu thông tin bộ tiêu chí."))
            return _detail(criteria_set)
    return _edit_page(
        request, form, title=_("Sửa thông tin bộ tiêu chí"), submit=_("Lưu"), criteria_set=criteria_set
    )


@login_required
@require_POST
def criteria_set_new_draft(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    try:
        version = services.new_draft_version(criteria_set=criteria_set, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return _detail(criteria_set)
    messages.success(request, _("Đã tạo phiên bản dự thảo mới; sửa phiên bản này rồi đưa vào áp dụng."))
    return _detail(version)


def _node_form(request, *, is_group, initial=None):
    return forms.NodeForm(request.POST or None, initial=initial, is_group=is_group)


@login_required
def node_add(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    if refused := _refused_unless_draft(request, criteria_set):
        return refused
    parent_id = request.GET.get("cha", "")
    parent = get_object_or_404(criteria_set.nodes, pk=parent_id) if parent_id.isdecimal() else None
    form = _node_form(request, is_group=parent is None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_node(criteria_set=criteria_set, parent=parent, values=form.values(), by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm tiêu chí."))
            return _detail(criteria_set)
    title = _("Thêm tiêu chí con của %(code)s") % {"code": parent.key} if parent else _("Thêm nhóm tiêu chí")
    return _edit_page(request, form, title=title, submit=_("Thêm"), criteria_set=criteria_set)


@login_required
def node_edit(request, criteria_set_id, node_id):
    node = permissions.get_node_for_user(request.user, criteria_set_id, node_id)
    if refused := _refused_unless_draft(request, node.criteria_set):
        return refused
    form = _node_form(request, is_group=node.parent_id is None, initial=forms.NodeForm.initial_of(node))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_node(node=node, values=form.values(), by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu tiêu chí."))
            return _detail(node.criteria_set)
    title = _("Sửa tiêu chí %(code)s") % {"code": node.key}
    return _edit_page(request, form, title=title, submit=_("Lưu"), criteria_set=node.criteria_set)


@login_required
def node_delete(request, criteria_set_id, node_id):
    node = permissions.get_node_for_user(request.user, criteria_set_id, node_id)
    if refused := _refused_unless_draft(request, node.criteria_set):
        return refused
    if request.method == "POST":
        try:
            services.delete_node(node=node, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã xóa tiêu chí %(code)s.") % {"code": node.key})
        return _detail(node.criteria_set)
    context = {"node": node, "count": selectors.subtree_size(node), "criteria_set": node.criteria_set}
    return render(request, "evaluation/node_delete.html", context | {"area_slug": "evaluation"})


@login_required
@require_POST
def node_move(request, criteria_set_id, node_id, up):
    node = permissions.get_node_for_user(request.user, criteria_set_id, node_id)
    if refused := _refused_unless_draft(request, node.criteria_set):
        return refused
    try:
        services.move_node(node=node, up=up, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return _detail(node.criteria_set)


@login_required
def rules_edit(request, criteria_set_id):
    criteria_set = permissions.get_criteria_set_for_user(request.user, criteria_set_id, action="manage")
    if refused := _refused_unless_draft(request, criteria_set):
        return refused
    form = forms.RulesForm(
        request.POST if request.method == "POST" else None, rules=selectors.rules_of(criteria_set)
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.change_rules(criteria_set=criteria_set, rules=form.rules(), by=request.user)
        except InvalidCriteriaSet as refused:
            problems = refused.messages
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu quy định xếp loại."))
            return _detail(criteria_set)
    context = {"form": form, "criteria_set": criteria_set, "problems": problems, "area_slug": "evaluation"}
    return render(
        request, "evaluation/rules_form.html", context, status=422 if request.method == "POST" else 200
    )


def _chosen_year(request, province) -> tuple[list[int], int, bool]:
    """The years to pick from, the year shown (``?nam=``, else the newest begun) and whether
    the one asked for was refused."""
    years = selectors.result_years(province)
    year = selectors.default_year(years, timezone.localdate().year)
    asked = request.GET.get("nam", "")
    if asked.isdecimal() and 2000 <= int(asked) <= 2100:
        return years, int(asked), False
    return years, year, bool(asked)


@login_required
def results(request, province_id):
    province = permissions.get_results_province_for_user(request.user, province_id)
    years, year, refused = _chosen_year(request, province)
    kind = request.GET.get("loai", "") if request.GET.get("loai", "") in Agency.Kind.values else ""
    sort = request.GET.get("sap_xep", "") if request.GET.get("sap_xep", "") in selectors.SORTS else "xep-hang"
    table = selectors.results_table(province, year, kind=kind, sort=sort)
    decision_record = selectors.results_decision(province, year)
    context = {
        "table": table,
        "can_sign": permissions.can_sign_results_decision(request.user, province),
        "decision": decision_record,
        "signed_copies": document_selectors.signed_copies_of(decision_record) if decision_record else [],
        "years": years,
        "refused": refused,
        "kind": kind,
        "sort": sort,
        "kinds": Agency.Kind.choices,
        "area_slug": "evaluation",
    }
    return render(request, "evaluation/results.html", context)


@login_required
def results_decision(request, province_id):
    province = permissions.get_results_province_for_user(request.user, province_id)
    _years, year, _refused = _chosen_year(request, province)
    table = selectors.results_table(province, year)
    if not table.finalised:
        messages.error(
            request, _("Chưa có cơ quan nào có kết quả chính thức của năm %(year)s.") % {"year": year}
        )
        return redirect(reverse("evaluation:results", args=[province.pk]) + f"?nam={year}")
    filename = _("Quyết định công nhận kết quả đánh giá năm %(year)s.docx") % {"year": year}
    return download(decision.decision_docx(table, today=timezone.localdate()), DOCX_TYPE, filename)


@login_required
@require_POST
def results_decision_sign(request, province_id):
    province = permissions.get_results_province_for_user(request.user, province_id)
    if not permissions.can_sign_results_decision(request.user, province):
        raise PermissionDenied(_("Chỉ lãnh đạo UBND tỉnh được ký số quyết định công nhận kết quả đánh giá."))
    year = request.POST.get("nam", "")
    if not (year.isdecimal() and 2000 <= int(year) <= 2100):
        raise Http404(_("Năm đánh giá không hợp lệ."))
    table = selectors.results_table(province, int(year))
    issuing.sign_from_page(
        request,
        lambda: services.sign_results_decision(table=table, by=request.user),
        done=_("Đã ký số quyết định. Bản PDF đã ký được lưu cùng kết quả của năm."),
    )
    return redirect(reverse("evaluation:results", args=[province.pk]) + f"?nam={year}#ban-ky-so")


@login_required
def results_decision_signed_pdf(request, decision_id, copy_id):
    """A signed decision, to whoever reads the province's results."""
    decision_record = permissions.get_results_decision_for_user(request.user, decision_id)
    return issuing.signed_copy_download(
        decision_record, copy_id, f"quyet-dinh-ket-qua-danh-gia-{decision_record.year}-da-ky.pdf"
    )


@login_required
def agency_results(request, agency_id):
    agency = permissions.get_agency_results_for_user(request.user, agency_id)
    context = {
        "agency": agency,
        "rows": selectors.agency_history(agency),
        "can_view_province": permissions.can_view_province_results(request.user, agency.province_id),
        "area_slug": "evaluation",
    }
    return render(request, "evaluation/agency_results.html", context)
