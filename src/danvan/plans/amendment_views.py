"""Pages of an amendment to an issued plan: the office writes its changes and
submits it, the leader issues or returns it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, download
from danvan.core.services import DomainError
from danvan.documents import issuing
from danvan.documents import selectors as document_selectors
from danvan.plans import permissions, selectors, services
from danvan.plans.amendment_document import render_amendment_docx
from danvan.plans.forms import (
    AmendmentForm,
    NewTaskForm,
    PlanForm,
    ReasonForm,
    ReturnPlanForm,
    TaskChangeForm,
)
from danvan.plans.models import AmendmentChange, PlanAmendment, Task


@login_required
def plan_amend(request, plan_id):
    """Start an amendment of an issued plan, or go on with the one being written."""
    plan = permissions.get_plan_for_user(request.user, plan_id)
    if not permissions.can_amend_plan(request.user, plan):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan sửa đổi, bổ sung kế hoạch đã ban hành."))
    current = services.open_amendment(plan)
    if current is not None:
        return redirect("plans:amendment_detail", amendment_id=current.pk)
    form = AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = services.start_amendment(
                plan=plan, reason=form.cleaned_data["reason"], by=request.user
            )
        except DomainError as error:
            form.add_error("reason", error.message)
        else:
            return redirect("plans:amendment_detail", amendment_id=amendment.pk)
    return render(
        request,
        "plans/amendment_start.html",
        {"plan": plan, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def amendment_detail(request, amendment_id):
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    editable = permissions.can_edit_amendment(request.user, amendment)
    may_decide = permissions.can_decide_amendment(request.user, amendment)
    context = {
        "amendment": amendment,
        "plan": amendment.plan,
        "changes": selectors.amendment_changes(amendment),
        "may_edit": editable,
        "may_decide": may_decide,
        "offers_signing": may_decide and issuing.offers_signing(request.user, amendment.plan.agency),
        "may_sign": permissions.can_sign_amendment(request.user, amendment),
        "signed_copies": document_selectors.signed_copies_of(amendment),
        "reason_form": AmendmentForm(initial={"reason": amendment.reason}) if editable else None,
        "open_tasks": amendment.plan.tasks.exclude(
            status__in=[Task.Status.DONE, Task.Status.CANCELLED]
        ).select_related("lead_unit")
        if editable
        else [],
    }
    return render(request, "plans/amendment_detail.html", context)


def _editable(request, amendment_id) -> PlanAmendment:
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    if not permissions.can_edit_amendment(request.user, amendment):
        raise PermissionDenied(_("Văn bản sửa đổi này không còn sửa được, hoặc bạn không có quyền sửa."))
    return amendment


def _amendment_task(amendment: PlanAmendment, task_id: int):
    task = amendment.plan.tasks.select_related("lead_unit", "plan__agency").filter(pk=task_id).first()
    if task is None:
        raise Http404(_("Không tìm thấy nhiệm vụ trong kế hoạch này."))
    return task


@login_required
@require_POST
def amendment_reason(request, amendment_id):
    amendment = _editable(request, amendment_id)
    form = AmendmentForm(request.POST)
    if form.is_valid():
        services.edit_amendment_reason(
            amendment=amendment, reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(request, _("Đã lưu lý do sửa đổi, bổ sung."))
    else:
        messages.error(request, _("Hãy ghi lý do sửa đổi, bổ sung."))
    return redirect("plans:amendment_detail", amendment_id=amendment.pk)


@login_required
def amendment_add_task(request, amendment_id):
    amendment = _editable(request, amendment_id)
    plan = amendment.plan
    items = [section for section, _count in selectors.plan_content_items(plan)]
    form = NewTaskForm(request.POST or None, agency=plan.agency, plan=plan, content_items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_new_task(amendment=amendment, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm nhiệm vụ bổ sung vào văn bản sửa đổi."))
            return redirect("plans:amendment_detail", amendment_id=amendment.pk)
    context = {"amendment": amendment, "plan": plan, "form": form, "heading": _("Bổ sung nhiệm vụ")}
    return render(request, "plans/amendment_form.html", context, status=422 if form.errors else 200)


@login_required
def amendment_change_task(request, amendment_id, task_id):
    amendment = _editable(request, amendment_id)
    task = _amendment_task(amendment, task_id)
    initial = {
        "heading": task.heading,
        "lead_unit": task.lead_unit,
        "timing": task.timing,
        "due_date": task.due_date,
    }
    form = TaskChangeForm(request.POST or None, task=task, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_task_change(amendment=amendment, task=task, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi nội dung sửa đổi nhiệm vụ vào văn bản."))
            return redirect("plans:amendment_detail", amendment_id=amendment.pk)
    context = {
        "amendment": amendment,
        "plan": amendment.plan,
        "task": task,
        "form": form,
        "heading": _("Sửa đổi nhiệm vụ"),
        "cancel_form": ReasonForm(),
    }
    return render(request, "plans/amendment_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def amendment_cancel_task(request, amendment_id, task_id):
    amendment = _editable(request, amendment_id)
    task = _amendment_task(amendment, task_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do bãi bỏ nhiệm vụ."))
        return redirect("plans:amendment_change_task", amendment_id=amendment.pk, task_id=task.pk)
    try:
        services.propose_task_cancellation(
            amendment=amendment, task=task, reason=form.cleaned_data["reason"], by=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đưa nhiệm vụ vào danh sách bãi bỏ của văn bản."))
    return redirect("plans:amendment_detail", amendment_id=amendment.pk)


@login_required
def amendment_plan_text(request, amendment_id):
    amendment = _editable(request, amendment_id)
    plan = amendment.plan
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    initial["recipients"] = "\n".join(plan.recipients or [])
    proposed = amendment.changes.filter(kind=AmendmentChange.Kind.PLAN).first()
    if proposed is not None:
        initial.update(proposed.values)
        if isinstance(initial.get("recipients"), list):
            initial["recipients"] = "\n".join(initial["recipients"])
    form = PlanForm(request.POST or None, agency=plan.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_plan_change(amendment=amendment, changes=form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi nội dung sửa đổi của kế hoạch vào văn bản."))
            return redirect("plans:amendment_detail", amendment_id=amendment.pk)
    context = {"amendment": amendment, "plan": plan, "form": form, "heading": _("Sửa đổi nội dung kế hoạch")}
    return render(request, "plans/amendment_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def amendment_withdraw(request, amendment_id, change_id):
    amendment = _editable(request, amendment_id)
    change = amendment.changes.filter(pk=change_id).first()
    if change is None:
        messages.error(request, _("Nội dung này không còn trong văn bản sửa đổi."))
    else:
        services.withdraw_change(change=change, by=request.user)
        messages.success(request, _("Đã bỏ nội dung này khỏi văn bản sửa đổi."))
    return redirect("plans:amendment_detail", amendment_id=amendment.pk)


@login_required
@require_POST
def amendment_submit(request, amendment_id):
    amendment = _editable(request, amendment_id)
    try:
        services.submit_amendment(amendment=amendment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã trình lãnh đạo văn bản sửa đổi, bổ sung."))
    return redirect("plans:amendment_detail", amendment_id=amendment.pk)


def _decidable(request, amendment_id) -> PlanAmendment:
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    if not permissions.can_decide_amendment(request.user, amendment):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan ban hành hoặc trả lại văn bản sửa đổi đã trình."))
    return amendment


@login_required
@require_POST
def amendment_issue(request, amendment_id):
    amendment = _decidable(request, amendment_id)
    try:
        amendment = services.issue_amendment(amendment=amendment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:amendment_detail", amendment_id=amendment.pk)
    messages.success(
        request,
        _("Đã ban hành văn bản sửa đổi, bổ sung số %(ref)s; kế hoạch và các nhiệm vụ đã được cập nhật.")
        % {"ref": amendment.reference},
    )
    if issuing.wants_signing(request) and permissions.can_sign_amendment(request.user, amendment):
        issuing.sign_issued(request, lambda: services.sign_amendment(amendment=amendment, by=request.user))
    return redirect("plans:plan_versions", plan_id=amendment.plan_id)


@login_required
@require_POST
def amendment_sign(request, amendment_id):
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    if not permissions.can_sign_amendment(request.user, amendment):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được ký số văn bản sửa đổi đã ban hành."))
    issuing.sign_from_page(
        request,
        lambda: services.sign_amendment(amendment=amendment, by=request.user),
        done=_("Đã ký số văn bản sửa đổi. Bản PDF đã ký được lưu cùng văn bản."),
    )
    return redirect(reverse("plans:amendment_detail", args=[amendment.pk]) + "#ban-ky-so")


@login_required
def amendment_signed_pdf(request, amendment_id, copy_id):
    """A signed copy, to whoever reads the amendment."""
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    return issuing.signed_copy_download(
        amendment, copy_id, f"sua-doi-ke-hoach-{amendment.plan_id}-{amendment.pk}-da-ky.pdf"
    )


@login_required
@require_POST
def amendment_return(request, amendment_id):
    amendment = _decidable(request, amendment_id)
    form = ReturnPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi ý kiến khi trả lại văn bản sửa đổi."))
    else:
        services.return_amendment(amendment=amendment, comment=form.cleaned_data["comment"], by=request.user)
        messages.success(request, _("Đã trả lại văn bản sửa đổi kèm ý kiến."))
    return redirect("plans:amendment_detail", amendment_id=amendment.pk)


@login_required
def amendment_docx(request, amendment_id):
    """The amendment as a Word document of the NĐ 30/2020 layout."""
    amendment = permissions.get_amendment_for_user(request.user, amendment_id)
    return download(
        render_amendment_docx(amendment),
        DOCX_TYPE,
        f"sua-doi-ke-hoach-{amendment.plan_id}-{amendment.pk}.docx",
    )
