from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, PDF_TYPE, XLSX_TYPE, download, stored_file
from danvan.core.models import Agency, Unit
from danvan.core.paging import page_of
from danvan.core.permissions import get_agency_for_user
from danvan.core.services import DomainError
from danvan.core.versions import EditConflict
from danvan.documents import issuing
from danvan.documents import selectors as document_selectors
from danvan.documents.output import docx as output_docx
from danvan.documents.output import pdf as output_pdf
from danvan.documents.output import xlsx as output_xlsx
from danvan.plans import permissions, review, selectors, services
from danvan.plans.forms import OPEN as TASK_FILTER_OPEN
from danvan.plans.forms import (
    AssignTaskForm,
    CitationFormSet,
    CommentForm,
    CopyPlanForm,
    DeadlineFormSet,
    NewTaskForm,
    PlanForm,
    PlanReviewForm,
    PlanUploadForm,
    ReasonForm,
    ReturnPlanForm,
    TargetBindingForm,
    TargetFormSet,
    TargetValueForm,
    TaskFilterForm,
    TaskFormSet,
    TaskUpdateForm,
)
from danvan.plans.models import Plan
from danvan.plans.page_actions import plan_actions


@login_required
def index(request):
    query = request.GET.get("q", "")[:200]
    context = {
        "page": page_of(selectors.plans_for_index(request.user, query=query), request),
        "query": query,
        "import_agencies": selectors.agencies_person_imports_for(request.user),
        "plan_units": selectors.units_person_writes_plans_for(request.user),
    }
    return render(request, "plans/index.html", context)


@login_required
def plan_detail(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    context = {
        "plan": selectors.plan_page(plan),
        "task_rows": selectors.plan_task_rows(plan, request.user),
        "offered_actions": plan_actions(request.user, plan),
        "outdated_citations": selectors.outdated_citations(plan),
        "signed_copies": document_selectors.signed_copies_of(plan),
        "incoming_signatures": document_selectors.signature_rows(selectors.source_signatures(plan)),
        "open_amendment": selectors.open_amendment_for(request.user, plan),
        "offers_signing": plan.status == Plan.Status.SUBMITTED
        and permissions.can_approve_plan(request.user, plan)
        and issuing.offers_signing(request.user, plan.agency),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
@require_POST
def duty_done(request, duty_id):
    duty = permissions.get_duty_for_user(request.user, duty_id)
    if not permissions.can_complete_duty(request.user, duty):
        raise PermissionDenied(_("Chỉ đơn vị được giao hoặc văn phòng cơ quan xác nhận việc này."))
    try:
        services.complete_deadline_duty(duty=duty, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã xác nhận thực hiện: %(what)s") % {"what": duty.deadline.action[:120]})
    return redirect(reverse("plans:plan_detail", args=[duty.deadline.plan_id]) + "#han-ke-hoach")


@login_required
def import_upload(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.can_import_plan(request.user, agency):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan được nhập kế hoạch."))
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = services.upload_plan_file(
                agency=agency, data=upload.read(), filename=upload.name, by=request.user
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
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
    context = {
        "record": record,
        "duplicates": selectors.same_file_imports(record),
        "incoming_signatures": document_selectors.signature_rows(record.signatures),
        **forms,
    }
    return render(request, "plans/import_review.html", context)


@login_required
def import_file(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    return stored_file(record.file, record.original_name)


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
            "incoming_signatures": document_selectors.signature_rows(record.signatures),
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


@login_required
@require_POST
def import_retry(request, import_id):
    record = selectors.get_plan_import(request.user, import_id)
    try:
        services.retry_plan_import(record=record, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.info(request, _("Đang đọc lại tệp «%(name)s».") % {"name": record.original_name})
    return redirect("plans:import_review", import_id=record.pk)


class PlanMovedOn(Exception):
    """A leader acted on a plan another leader had just approved or returned."""


def _moved_on_message(plan) -> str:
    if plan.status == Plan.Status.ISSUED:
        who = plan.issued_by.get_full_name() if plan.issued_by else _("người khác")
        when = timezone.localtime(plan.issued_at) if plan.issued_at else None
        return _("Kế hoạch đã được %(who)s phê duyệt và ban hành lúc %(when)s; không cần thao tác nữa.") % {
            "who": who,
            "when": f"{when:%H:%M %d/%m/%Y}" if when else "—",
        }
    return _("Kế hoạch đã được người khác xử lý (hiện «%(status)s»); hãy xem lại trang kế hoạch.") % {
        "status": plan.get_status_display()
    }


def _plan_action(request, plan_id, check):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    if not check(request.user, plan):
        moved_on = plan.status in (Plan.Status.ISSUED, Plan.Status.RETURNED)
        if (
            check is permissions.can_approve_plan
            and moved_on
            and permissions.leads_agency_of(request.user, plan)
        ):
            # Another leader was first: say so instead of "no permission".
            raise PlanMovedOn(_moved_on_message(plan))
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với kế hoạch."))
    return plan


def _done(request, plan, call):
    try:
        call()
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("plans:plan_detail", plan_id=plan.pk)


@login_required
@require_POST
def plan_submit(request, plan_id):
    plan = _plan_action(request, plan_id, permissions.can_submit_plan)
    return _done(request, plan, lambda: services.submit_plan(plan=plan, by=request.user))


@login_required
@require_POST
def plan_approve(request, plan_id):
    try:
        plan = _plan_action(request, plan_id, permissions.can_approve_plan)
    except PlanMovedOn as moved:
        messages.warning(request, str(moved))
        return redirect("plans:plan_detail", plan_id=plan_id)
    try:
        issued = services.approve_plan(plan=plan, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:plan_detail", plan_id=plan.pk)
    messages.success(
        request,
        _("Đã phê duyệt và ban hành kế hoạch số %(reference)s ngày %(day)s.")
        % {"reference": issued.reference, "day": f"{issued.issue_date:%d/%m/%Y}"},
    )
    if issuing.wants_signing(request) and permissions.can_sign_plan(request.user, issued):
        issuing.sign_issued(request, lambda: services.sign_plan(plan=issued, by=request.user))
        return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#ban-ky-so")
    return redirect("plans:plan_detail", plan_id=plan.pk)


@login_required
@require_POST
def plan_return(request, plan_id):
    try:
        plan = _plan_action(request, plan_id, permissions.can_approve_plan)
    except PlanMovedOn as moved:
        messages.warning(request, str(moved))
        return redirect("plans:plan_detail", plan_id=plan_id)
    form = ReturnPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi ý kiến khi trả lại kế hoạch."))
        return redirect("plans:plan_detail", plan_id=plan.pk)
    return _done(
        request,
        plan,
        lambda: services.return_plan(plan=plan, comment=form.cleaned_data["comment"], by=request.user),
    )


@login_required
def plan_copy(request, plan_id):
    plan = _plan_action(request, plan_id, permissions.can_copy_plan)
    copies = list(selectors.plan_copies(plan))
    form = CopyPlanForm(
        request.POST or None, initial={"period_year": (plan.period_year or 2000) + 1}, copied=bool(copies)
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.copy_plan(
                source=plan,
                period_year=form.cleaned_data["period_year"],
                by=request.user,
                again=form.cleaned_data["again"],
            )
        except DomainError as error:
            form.add_error("again" if "again" in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã sao chép thành kế hoạch dự thảo mới."))
            return redirect("plans:plan_detail", plan_id=copy.pk)
    context = {"plan": plan, "form": form, "copies": copies, "carried": selectors.plan_copy_preview(plan)}
    return render(request, "plans/plan_copy.html", context, status=422 if form.errors else 200)


@login_required
def task_add(request, plan_id):
    plan = _plan_action(request, plan_id, permissions.can_edit_plan)
    form = NewTaskForm(
        request.POST or None, agency=plan.agency, plan=plan, content_items=_content_items(plan)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_task(plan=plan, by=request.user, **form.cleaned_data)
            return redirect("plans:plan_detail", plan_id=plan.pk)
        except DomainError as error:
            form.add_error("due_date", error.message)
    return render(
        request, "plans/task_add.html", {"plan": plan, "form": form}, status=422 if form.errors else 200
    )


@login_required
@require_POST
def task_move_up(request, task_id):
    return _move_task(request, task_id, up=True)


@login_required
@require_POST
def task_move_down(request, task_id):
    return _move_task(request, task_id, up=False)


def _move_task(request, task_id, *, up):
    """One place up or down within its content item, on the draft's page."""
    task = permissions.get_task_for_user(request.user, task_id)
    if not permissions.can_edit_plan(request.user, task.plan):
        raise PermissionDenied(_("Chỉ sửa được nhiệm vụ của kế hoạch dự thảo."))
    try:
        services.move_task(task=task, up=up, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(reverse("plans:plan_detail", args=[task.plan_id]) + "#nhiem-vu")


def _content_items(plan):
    return [section for section, _count in selectors.plan_content_items(plan)]


@login_required
def task_list(request, mine=False):
    data = request.GET.copy()
    # The person's open work of every year (a task of next year's plan just
    # assigned is there too) unless the filter asks otherwise.
    data.setdefault("status", TASK_FILTER_OPEN)
    form = TaskFilterForm(
        data, units=selectors.filter_units(request.user), plans=permissions.visible_plans(request.user)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    _offer_choices(form, request.user, unit=filters.get("unit"), plan=filters.get("plan"))
    tasks = selectors.tasks_for_list(
        request.user,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        unit=filters.get("unit"),
        plan=filters.get("plan"),
        year=filters.get("year"),
        mine=mine,
    )
    page, rows = selectors.task_list_page(tasks, request.GET.get("trang"))
    query = data.copy()
    query.pop("trang", None)
    context = {
        "tasks": page,
        "rows": rows,
        "page": page,
        "query": query.urlencode(),
        "form": form,
        "mine": mine,
    }
    return render(request, "plans/task_list.html", context)


def _offer_choices(form, person, *, unit, plan) -> None:
    """The filters offer a first few plans and units in the person's scope
    (the chosen one among them); typing in the field's search box finds the
    others (task_filter_options). Validation still accepts any in scope."""
    offered = {
        "plan": selectors.filter_plan_choices(person, chosen=plan),
        "unit": selectors.filter_unit_choices(person, chosen=unit),
    }
    for name, rows in offered.items():
        field = form.fields[name]
        field.choices = [("", field.empty_label), *rows]


@login_required
def task_filter_options(request, field):
    """The options of a task board filter that match the typed words, as
    ``<option>`` elements for the filter's list (htmx)."""
    query = request.GET.get("goi_y", "")[:200]
    if field == "ke-hoach":
        rows = selectors.filter_plan_choices(request.user, query=query)
    elif field == "don-vi":
        rows = selectors.filter_unit_choices(request.user, query=query)
    else:
        raise Http404(_("Không có bộ lọc này."))
    return render(request, "plans/includes/filter_options.html", {"rows": rows, "query": query})


@login_required
def task_detail(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id)
    return render(request, "plans/task_detail.html", _task_context(request, task))


@login_required
def task_evidence(request, task_id, update_id):
    task = permissions.get_task_for_user(request.user, task_id)
    update = task.updates.filter(pk=update_id).exclude(evidence="").first()
    if update is None:
        raise Http404(_("Không tìm thấy minh chứng."))
    return stored_file(update.evidence, update.evidence_name or update.evidence.name)


def _task_context(request, task, **forms):
    person = request.user
    return {
        "task": selectors.task_page(task),
        "today": timezone.localdate(),
        "can_assign": permissions.can_assign_task(person, task),
        "can_update": permissions.can_update_task(person, task),
        "can_confirm": permissions.can_confirm_task_update(person, task),
        "can_cancel": permissions.can_cancel_task(person, task),
        "update_form": forms.get("update_form")
        or TaskUpdateForm(
            task=task,
            initial={"reported_on": timezone.localdate(), "percent": task.percent, "status": task.status},
        ),
        "assign_form": forms.get("assign_form")
        or AssignTaskForm(task=task, initial={"assignee": task.assignee, "due_date": task.due_date}),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "cancel_form": ReasonForm(),
    }


@login_required
@require_POST
def task_update(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id, action="update")
    form = TaskUpdateForm(request.POST, request.FILES, task=task)
    if not form.is_valid():
        return render(
            request, "plans/task_detail.html", _task_context(request, task, update_form=form), status=422
        )
    try:
        services.post_task_update(task=task, by=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:task_detail", task_id=task.pk)
    messages.success(request, _("Đã cập nhật tiến độ."))
    return redirect("plans:task_detail", task_id=task.pk)


@login_required
@require_POST
def task_assign(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id, action="assign")
    form = AssignTaskForm(request.POST, task=task)
    if not form.is_valid():
        return render(
            request, "plans/task_detail.html", _task_context(request, task, assign_form=form), status=422
        )
    services.assign_task(task=task, by=request.user, **form.cleaned_data)
    messages.success(request, _("Đã giao nhiệm vụ."))
    return redirect("plans:task_detail", task_id=task.pk)


@login_required
@require_POST
def task_confirm(request, task_id, update_id):
    task = permissions.get_task_for_user(request.user, task_id, action="confirm")
    update = task.updates.filter(pk=update_id).first()
    if update is None:
        raise Http404(_("Không tìm thấy cập nhật."))
    try:
        confirmed = services.confirm_task_update(update=update, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã xác nhận cập nhật tiến độ ngày %(day)s (%(percent)s%%) của nhiệm vụ «%(task)s».")
            % {
                "day": f"{confirmed.reported_on:%d/%m/%Y}",
                "percent": confirmed.percent,
                "task": task.heading[:80],
            },
        )
    return redirect("plans:task_detail", task_id=task.pk)


@login_required
@require_POST
def task_comment(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id, action="comment")
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(
            request, "plans/task_detail.html", _task_context(request, task, comment_form=form), status=422
        )
    services.comment_on_task(task=task, text=form.cleaned_data["text"], by=request.user)
    return redirect("plans:task_detail", task_id=task.pk)


@login_required
@require_POST
def task_cancel(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id, action="cancel")
    form = ReasonForm(request.POST)
    if form.is_valid():
        services.cancel_task(task=task, reason=form.cleaned_data["reason"], by=request.user)
    else:
        messages.error(request, _("Hãy ghi lý do hủy nhiệm vụ."))
    return redirect("plans:task_detail", task_id=task.pk)


@login_required
def dashboard(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    data = selectors.agency_dashboard(agency, today=timezone.localdate())
    chart = {
        "labels": [row["lead_unit__name"] or "—" for row in data["by_unit"]],
        "done": [row["done"] for row in data["by_unit"]],
        "open": [row["total"] - row["done"] - row["overdue"] for row in data["by_unit"]],
        "overdue": [row["overdue"] for row in data["by_unit"]],
    }
    dashboard = {"agency": agency, "chart": chart, **data}
    return render(request, "plans/dashboard.html", {"dashboard": dashboard})


@login_required
def unit_plan_new(request, unit_id):
    """A chi cục or a centre writes its own plan implementing the agency's."""
    unit = Unit.objects.select_related("agency__province").filter(pk=unit_id).first()
    if unit is None or not permissions.can_author_unit_plan(request.user, unit):
        raise Http404(_("Không tìm thấy đơn vị ban hành kế hoạch riêng mà bạn phụ trách."))
    form = PlanForm(
        request.POST or None,
        agency=unit.agency,
        unit=unit,
        initial={"kind": Plan.Kind.YEARLY, "period_year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_new_plan(
                agency=unit.agency, unit=unit, fields=form.cleaned_data, by=request.user
            )
        except DomainError as error:
            form.add_error("implements", error.message)
        else:
            messages.success(request, _("Đã tạo kế hoạch dự thảo của đơn vị; hãy thêm nhiệm vụ."))
            return redirect("plans:plan_detail", plan_id=plan.pk)
    context = {
        "form": form,
        "agency": unit.agency,
        "heading": _("Soạn kế hoạch của %(unit)s") % {"unit": unit.name},
    }
    return render(request, "plans/plan_form.html", context, status=422 if form.errors else 200)


@login_required
def plan_new(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.can_author_plan(request.user, agency):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan được soạn kế hoạch."))
    form = PlanForm(
        request.POST or None,
        agency=agency,
        initial={"kind": Plan.Kind.YEARLY, "period_year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        plan = services.create_new_plan(agency=agency, fields=form.cleaned_data, by=request.user)
        messages.success(request, _("Đã tạo kế hoạch dự thảo; hãy thêm nhiệm vụ."))
        return redirect("plans:plan_detail", plan_id=plan.pk)
    context = {"form": form, "agency": agency, "heading": _("Soạn kế hoạch mới")}
    return render(request, "plans/plan_form.html", context, status=422 if form.errors else 200)


def _plan_initial(plan):
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    initial["recipients"] = "\n".join(plan.recipients or [])
    return initial


def _versioned(form, token: str):
    """The edit form carries the version it was opened on (core/versions.py)."""
    form.fields["seen"] = forms.CharField(widget=forms.HiddenInput, required=False, initial=token)
    return form


def _show_conflict(form, conflict: EditConflict) -> list:
    """Keep what the person typed, say what the other person saved, and
    make the next Lưu a deliberate overwrite of that newer version."""
    form.add_error(None, conflict.message)
    form.data = form.data.copy()
    form.data["seen"] = conflict.token
    return conflict.differences


@login_required
def plan_edit(request, plan_id):
    plan = _plan_action(request, plan_id, permissions.can_edit_plan)
    form = _versioned(
        PlanForm(request.POST or None, agency=plan.agency, initial=_plan_initial(plan)),
        services.plan_edit_token(plan),
    )
    differences = []
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        seen = changes.pop("seen", "")
        try:
            services.update_plan(plan=plan, changes=changes, by=request.user, seen=seen)
        except EditConflict as conflict:
            differences = _show_conflict(form, conflict)
        else:
            return redirect("plans:plan_detail", plan_id=plan.pk)
    context = {
        "form": form,
        "agency": plan.agency,
        "plan": plan,
        "heading": _("Sửa kế hoạch dự thảo"),
        "differences": differences,
    }
    return render(request, "plans/plan_form.html", context, status=422 if form.errors else 200)


@login_required
def plan_versions(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    context = {
        "plan": plan,
        "versions": selectors.plan_versions(plan),
        "amendments": selectors.plan_amendments(plan),
    }
    return render(request, "plans/plan_versions.html", context)


@login_required
def plan_implementation(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    today = timezone.localdate()
    context = {
        "plan": plan,
        # The province follows its agencies; an agency follows its chi cục and centres.
        "rows": selectors.province_implementation(plan, today=today)
        if plan.agency.kind == Agency.Kind.PROVINCIAL_COMMITTEE
        else selectors.unit_implementation(plan, today=today),
        "coverage": selectors.province_coverage(plan, today=today),
    }
    return render(request, "plans/plan_implementation.html", context)


@login_required
def task_edit(request, task_id):
    task = permissions.get_task_for_user(request.user, task_id)
    if not permissions.can_edit_plan(request.user, task.plan):
        raise PermissionDenied(_("Chỉ sửa được nhiệm vụ của kế hoạch dự thảo."))
    initial = {
        "section": task.section,
        "heading": task.heading,
        "lead_unit": task.lead_unit,
        "supporting_units": list(task.supporting_units.all()),
        "target": task.target,
        "timing": task.timing,
        "timing_kind": task.timing_kind,
        "timing_day": task.timing_day,
        "due_date": task.due_date,
        "due_working_days": task.due_working_days,
    }
    form = _versioned(
        NewTaskForm(
            request.POST or None,
            agency=task.plan.agency,
            plan=task.plan,
            content_items=_content_items(task.plan),
            initial=initial,
        ),
        services.task_edit_token(task),
    )
    differences = []
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        seen = fields.pop("seen", "")
        try:
            services.edit_task(task=task, by=request.user, seen=seen, **fields)
            return redirect("plans:plan_detail", plan_id=task.plan_id)
        except EditConflict as conflict:
            differences = _show_conflict(form, conflict)
        except DomainError as error:
            form.add_error("due_date", error.message)
    context = {"plan": task.plan, "form": form, "editing": True, "differences": differences}
    return render(request, "plans/task_add.html", context, status=422 if form.errors else 200)


def _target(plan, target_id):
    target = plan.targets.select_related("document").filter(pk=target_id).first()
    if target is None:
        raise Http404(_("Không tìm thấy chỉ tiêu."))
    return target


def _target_page(request, plan_id, target_id):
    target = _target(permissions.get_plan_for_user(request.user, plan_id), target_id)
    context = selectors.target_page(request.user, target)
    initial = {"measured_by": target.measured_by, "document": target.document_id}
    context["binding_form"] = TargetBindingForm(initial=initial)
    return render(request, "plans/target_detail.html", context)


@login_required
def target_value(request, plan_id, target_id):
    """GET: the target's page (its computed figure when bound, plans.measures);
    POST: record a value typed by hand."""
    if request.method != "POST":
        return _target_page(request, plan_id, target_id)
    plan = _plan_action(request, plan_id, permissions.can_measure_plan)
    target = _target(plan, target_id)
    form = TargetValueForm(request.POST)
    if form.is_valid():
        try:
            services.record_target_value(target=target, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã cập nhật kết quả chỉ tiêu."))
    else:
        messages.error(request, _("Kết quả phải từ 0 đến 100% và có ngày cập nhật dạng dd/mm/yyyy."))
    return redirect("plans:plan_detail", plan_id=plan.pk)


@login_required
@require_POST
def target_bind(request, plan_id, target_id):
    plan = _plan_action(request, plan_id, permissions.can_measure_plan)
    target = _target(plan, target_id)
    form = TargetBindingForm(request.POST)
    if form.is_valid():
        try:
            services.bind_target(target=target, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã lưu cách tính kết quả chỉ tiêu."))
    else:
        messages.error(request, _("Cách tính hoặc văn bản không hợp lệ."))
    return redirect("plans:target_value", plan_id=plan.pk, target_id=target.pk)


# --- Outgoing documents: a plan as Word, PDF and Excel ----------------------------


@login_required
def plan_docx(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    return download(output_docx.render_plan_docx(plan), DOCX_TYPE, f"ke-hoach-{plan.pk}.docx")


@login_required
def plan_pdf(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    try:
        data = output_pdf.docx_to_pdf(output_docx.render_plan_docx(plan))
    except output_pdf.ConversionError as error:
        messages.error(request, str(error))
        return redirect("plans:plan_detail", plan_id=plan.pk)
    return download(data, PDF_TYPE, f"ke-hoach-{plan.pk}.pdf")


@login_required
@require_POST
def plan_sign(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    if not permissions.can_sign_plan(request.user, plan):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được ký số kế hoạch đã ban hành."))
    issuing.sign_from_page(
        request,
        lambda: services.sign_plan(plan=plan, by=request.user),
        done=_("Đã ký số kế hoạch. Bản PDF đã ký được lưu cùng kế hoạch."),
    )
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#ban-ky-so")


@login_required
def plan_signed_pdf(request, plan_id, copy_id):
    """A signed copy, to whoever reads the plan."""
    plan = permissions.get_plan_for_user(request.user, plan_id)
    return issuing.signed_copy_download(plan, copy_id, f"ke-hoach-{plan.pk}-da-ky.pdf")


@login_required
def plan_tasks_xlsx(request, plan_id):
    plan = permissions.get_plan_for_user(request.user, plan_id)
    return download(output_xlsx.plan_tasks_xlsx(plan), XLSX_TYPE, f"nhiem-vu-ke-hoach-{plan.pk}.xlsx")
