"""The page where the office writes a draft plan's parts besides its tasks:
targets, the basis chosen from the legal library, the organisation of
implementation paragraph by paragraph, and the dated obligations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.services import DomainError
from danvan.documents import selectors as document_selectors
from danvan.plans import implementation, permissions, services
from danvan.plans.forms import DeadlineForm, NewCitationForm, TargetForm
from danvan.plans.models import Plan

SEARCH_RESULTS = 20


def _draft(request, plan_id) -> Plan:
    plan = permissions.get_plan_for_user(request.user, plan_id)
    if not permissions.can_edit_plan(request.user, plan):
        raise PermissionDenied(_("Chỉ Văn phòng cơ quan sửa các phần của kế hoạch dự thảo."))
    return plan


def _page(request, plan, *, status=200, **forms):
    query = request.GET.get("tim", "").strip()[:200]
    found = (
        list(document_selectors.citable_documents(request.user, query=query)[:SEARCH_RESULTS])
        if query
        else []
    )
    cited = set(plan.plancitation_set.values_list("document_id", flat=True))
    units = list(plan.agency.units.filter(is_active=True).order_by("sort_key"))
    context = {
        "plan": plan,
        "targets": plan.targets.all(),
        "citations": plan.plancitation_set.select_related("document"),
        "deadlines": plan.deadlines.all(),
        "duties": implementation.duties(plan, units),
        "units": units,
        "query": query,
        "found": [(document, document.pk in cited) for document in found],
        "target_form": forms.get("target_form") or TargetForm(),
        "citation_form": forms.get("citation_form") or NewCitationForm(),
        "deadline_form": forms.get("deadline_form") or DeadlineForm(),
    }
    return render(request, "plans/plan_parts.html", context, status=status)


def _back(plan, anchor: str):
    return redirect(reverse("plans:plan_parts", args=[plan.pk]) + anchor)


@login_required
def plan_parts(request, plan_id):
    return _page(request, _draft(request, plan_id))


@login_required
@require_POST
def part_target_add(request, plan_id):
    plan = _draft(request, plan_id)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            services.add_target(plan=plan, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm chỉ tiêu."))
            return _back(plan, "#chi-tieu")
    return _page(request, plan, status=422, target_form=form)


@login_required
@require_POST
def part_target_remove(request, plan_id, target_id):
    plan = _draft(request, plan_id)
    target = plan.targets.filter(pk=target_id).first()
    if target is None:
        raise Http404(_("Không tìm thấy chỉ tiêu trong kế hoạch này."))
    try:
        services.remove_target(target=target, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã bỏ chỉ tiêu."))
    return _back(plan, "#chi-tieu")


@login_required
@require_POST
def part_citation_add(request, plan_id):
    plan = _draft(request, plan_id)
    document_id = request.POST.get("van_ban", "")
    document = (
        document_selectors.citable_documents(request.user).filter(pk=int(document_id)).first()
        if document_id.isdecimal()
        else None
    )
    if document is None:
        messages.error(request, _("Không tìm thấy văn bản này trong thư viện; hãy tìm lại."))
    else:
        try:
            services.cite_document(plan=plan, document=document, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã thêm căn cứ: %(document)s") % {"document": document})
    return _back(plan, "#can-cu")


@login_required
@require_POST
def part_citation_new(request, plan_id):
    plan = _draft(request, plan_id)
    form = NewCitationForm(request.POST)
    if form.is_valid():
        try:
            citation = services.cite_new_document(plan=plan, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm căn cứ: %(document)s") % {"document": citation.document})
            return _back(plan, "#can-cu")
    return _page(request, plan, status=422, citation_form=form)


@login_required
@require_POST
def part_citation_remove(request, plan_id, document_id):
    plan = _draft(request, plan_id)
    citation = plan.plancitation_set.filter(document_id=document_id).select_related("document").first()
    if citation is None:
        raise Http404(_("Kế hoạch không có căn cứ này."))
    services.uncite_document(plan=plan, document=citation.document, by=request.user)
    messages.success(request, _("Đã bỏ căn cứ."))
    return _back(plan, "#can-cu")


@login_required
@require_POST
def part_deadline_add(request, plan_id):
    plan = _draft(request, plan_id)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.add_deadline(plan=plan, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("due_date", error.message)
        else:
            messages.success(request, _("Đã thêm hạn."))
            return _back(plan, "#han")
    return _page(request, plan, status=422, deadline_form=form)


@login_required
@require_POST
def part_deadline_remove(request, plan_id, deadline_id):
    plan = _draft(request, plan_id)
    deadline = plan.deadlines.filter(pk=deadline_id).first()
    if deadline is None:
        raise Http404(_("Không tìm thấy hạn này trong kế hoạch."))
    services.remove_deadline(deadline=deadline, by=request.user)
    messages.success(request, _("Đã bỏ hạn."))
    return _back(plan, "#han")


def _index(request) -> int:
    try:
        return int(request.POST.get("doan", ""))
    except ValueError:
        raise Http404(_("Không tìm thấy đoạn này trong phần Tổ chức thực hiện.")) from None


@login_required
@require_POST
def part_duty_task(request, plan_id):
    """A paragraph of "Tổ chức thực hiện" made a task of its unit."""
    plan = _draft(request, plan_id)
    unit = None
    if request.POST.get("don_vi"):
        chosen = request.POST["don_vi"]
        unit = plan.agency.units.filter(pk=chosen, is_active=True).first() if chosen.isdecimal() else None
        if unit is None:
            messages.error(request, _("Đơn vị đã chọn không thuộc cơ quan ban hành kế hoạch."))
            return _back(plan, "#to-chuc-thuc-hien")
    try:
        task = services.make_duty_task(plan=plan, index=_index(request), unit=unit, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã giao thành nhiệm vụ của %(unit)s: %(task)s")
            % {"unit": task.lead_unit.name, "task": task.heading[:120]},
        )
    return _back(plan, "#to-chuc-thuc-hien")


@login_required
@require_POST
def part_duty_dates(request, plan_id):
    """The dates a paragraph of "Tổ chức thực hiện" sets, entered as the plan's deadlines."""
    plan = _draft(request, plan_id)
    try:
        entered = services.enter_duty_dates(plan=plan, index=_index(request), by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã ghi hạn %(days)s vào các hạn của kế hoạch.")
            % {"days": ", ".join(f"{deadline.due_date:%d/%m/%Y}" for deadline in entered)},
        )
    return _back(plan, "#to-chuc-thuc-hien")
