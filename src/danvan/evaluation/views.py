"""Criteria set pages: the list, a set's tree, importing, a new version, copying, export;
the results: the province's table for a year, its decision in Word, an agency's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, XLSX_TYPE, download
from danvan.core.models import Agency
from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.documents.permissions import visible_legal_documents
from danvan.evaluation import decision, forms, permissions, selectors, services
from danvan.evaluation.engine.errors import InvalidCriteriaSet
from danvan.evaluation.engine.sheets import criteria_template


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


def _chosen_year(request, province) -> tuple[list[int], int, bool]:
    """The years to pick from, the year shown (``?nam=``, else the newest begun) and whether
    the one asked for was refused."""
    years = selectors.result_years(province)
    year = selectors.default_year(years, timezone.localdate().year)
    asked = request.GET.get("nam", "")
    if asked.isdigit() and 2000 <= int(asked) <= 2100:
        return years, int(asked), False
    return years, year, bool(asked)


@login_required
def results(request, province_id):
    province = permissions.get_results_province_for_user(request.user, province_id)
    years, year, refused = _chosen_year(request, province)
    kind = request.GET.get("loai", "") if request.GET.get("loai", "") in Agency.Kind.values else ""
    sort = request.GET.get("sap_xep", "") if request.GET.get("sap_xep", "") in selectors.SORTS else "xep-hang"
    table = selectors.results_table(province, year, kind=kind, sort=sort)
    context = {
        "table": table,
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
def agency_results(request, agency_id):
    agency = permissions.get_agency_results_for_user(request.user, agency_id)
    context = {
        "agency": agency,
        "rows": selectors.agency_history(agency),
        "can_view_province": permissions.can_view_province_results(request.user, agency.province_id),
        "area_slug": "evaluation",
    }
    return render(request, "evaluation/agency_results.html", context)
