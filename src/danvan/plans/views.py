from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import permissions
from danvan.core.models import Unit
from danvan.core.services import DomainError
from danvan.plans import review, selectors, services
from danvan.plans.forms import (
    CitationFormSet,
    DeadlineFormSet,
    PlanReviewForm,
    PlanUploadForm,
    TargetFormSet,
    TaskFormSet,
)


@login_required
def index(request):
    query = request.GET.get("q", "")[:200]
    context = {
        "plans": selectors.plans_for_index(request.user, query=query),
        "query": query,
        "import_agencies": selectors.agencies_person_imports_for(request.user),
    }
    return render(request, "plans/index.html", context)


@login_required
def plan_detail(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    return render(request, "plans/plan_detail.html", {"plan": selectors.plan_page(plan)})


@login_required
def import_upload(request, agency_id):
    agency = permissions.get_agency_for_user(request.user, agency_id)
    if not permissions.can_import_plan(request.user, agency):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan được nhập kế hoạch."))
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        record = services.upload_plan_file(
            agency=agency, data=upload.read(), filename=upload.name, by=request.user
        )
        return redirect("plans:import_review", import_id=record.pk)
    context = {"agency": agency, "form": form, "imports": selectors.recent_plan_imports(agency)}
    return render(request, "plans/import_upload.html", context, status=422 if form.errors else 200)


@login_required
def import_status(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    if record.status != record.Status.PROCESSING and request.htmx:
        # Reading finished: reload the whole page to show the review.
        response = render(request, "plans/import_review.html#progress", {"record": record})
        response["HX-Refresh"] = "true"
        return response
    return render(request, "plans/import_review.html#progress", {"record": record})


def _review_forms(record, data=None):
    units = list(Unit.objects.filter(agency=record.agency, is_active=True))
    initial = review.initial_values(record.extraction or {}, units) if data is None else {}
    kwargs = {"form_kwargs": {"agency": record.agency}}
    return {
        "form": PlanReviewForm(data, initial=initial.get("plan")),
        "tasks": TaskFormSet(data, initial=initial.get("tasks"), prefix="tasks", **kwargs),
        "targets": TargetFormSet(data, initial=initial.get("targets"), prefix="targets"),
        "deadlines": DeadlineFormSet(data, initial=initial.get("deadlines"), prefix="deadlines"),
        "citations": CitationFormSet(data, initial=initial.get("citations"), prefix="citations"),
    }


@login_required
def import_review(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    forms = _review_forms(record) if record.is_reviewable() else {}
    context = {"record": record, "duplicates": selectors.same_file_imports(record), **forms}
    return render(request, "plans/import_review.html", context)


@login_required
@require_POST
def import_save(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    if not record.is_reviewable():
        raise Http404(_("Lần nhập này không còn chờ kiểm tra."))
    forms = _review_forms(record, request.POST)
    if not all(f.is_valid() for f in forms.values()):
        context = {
            "record": record,
            "duplicates": selectors.same_file_imports(record),
            "has_errors": True,
            **forms,
        }
        return render(request, "plans/import_review.html", context, status=422)
    try:
        plan = services.create_plan_from_import(
            record=record, reviewed=review.reviewed_plan(**forms), by=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:import_review", import_id=record.pk)
    messages.success(
        request, _("Đã tạo kế hoạch dự thảo từ tệp «%(name)s».") % {"name": record.original_name}
    )
    return redirect("plans:plan_detail", plan_id=plan.pk)


@login_required
@require_POST
def import_cancel(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    services.cancel_plan_import(record=record, by=request.user)
    messages.info(request, _("Đã hủy lần nhập. Tệp gốc vẫn được lưu trong lịch sử nhập."))
    return redirect("plans:import_upload", agency_id=record.agency_id)
