"""Consultation pages: the head puts a draft out for staff's comments, staff
comment, the head publishes what was taken in and why (Luật 10/2022 Điều 53–55)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import stored_file
from danvan.core.services import DomainError
from danvan.democracy import permissions, selectors, services
from danvan.democracy.consultation_forms import CommentForm, ConsultationOpenForm, ExplanationForm
from danvan.democracy.models import ConsultationTopic
from danvan.plans.models import Plan

AREA = "democracy"


def _render(request, template, context, status=200):
    return render(request, f"democracy/{template}", {**context, "area_slug": AREA}, status=status)


def _plan_initial(request, agency):
    """``?ke_hoach=<id>``: the agency's draft plan put out for comment."""
    plan = Plan.objects.filter(pk=request.GET.get("ke_hoach") or 0, agency=agency).first()
    if plan is None:
        return None, {}
    initial = {"topic": ConsultationTopic.WORK_PLAN, "title": _("Dự thảo: %(title)s") % {"title": plan.title}}
    return plan, initial


@login_required
def consultation_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    plan, initial = _plan_initial(request, agency)
    form = ConsultationOpenForm(request.POST or None, request.FILES or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("draft")
        try:
            consultation = services.open_consultation(
                agency=agency,
                forms=data.pop("consultation_forms"),
                plan=plan,
                draft_data=upload.read() if upload else None,
                draft_name=upload.name if upload else "",
                by=request.user,
                **data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã mở lấy ý kiến cán bộ."))
            return redirect("democracy:consultation_detail", consultation_id=consultation.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "agency": agency, "plan": plan}
    return _render(request, "consultation_form.html", context, status=status)


def _page(request, consultation, *, comment_form=None, explanation_form=None, status=200):
    context = selectors.consultation_page(request.user, consultation, today=timezone.localdate())
    if context["can_comment"]:
        context["comment_form"] = comment_form or CommentForm(
            consultation=consultation, has_unit=request.user.unit_id is not None
        )
    if context["can_publish"]:
        context["explanation_form"] = explanation_form or ExplanationForm()
    return _render(request, "consultation_detail.html", context, status=status)


@login_required
def consultation_detail(request, consultation_id):
    return _page(request, permissions.get_consultation_for_user(request.user, consultation_id))


@login_required
@require_POST
def consultation_comment(request, consultation_id):
    consultation = permissions.get_consultation_for_user(request.user, consultation_id, action="comment")
    form = CommentForm(request.POST, consultation=consultation, has_unit=request.user.unit_id is not None)
    if form.is_valid():
        try:
            services.comment_on_consultation(
                consultation=consultation,
                text=form.cleaned_data["text"],
                anonymous=form.cleaned_data.get("anonymous", False),
                unit=request.user.unit if form.cleaned_data.get("for_unit") else None,
                today=timezone.localdate(),
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã gửi ý kiến."))
            return redirect("democracy:consultation_detail", consultation_id=consultation.pk)
    return _page(request, consultation, comment_form=form, status=422)


@login_required
@require_POST
def consultation_publish(request, consultation_id):
    consultation = permissions.get_consultation_for_user(request.user, consultation_id, action="publish")
    form = ExplanationForm(request.POST)
    if form.is_valid():
        try:
            services.publish_explanation(
                consultation=consultation, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã công khai tiếp thu, giải trình với cán bộ."))
            return redirect("democracy:consultation_detail", consultation_id=consultation.pk)
    return _page(request, consultation, explanation_form=form, status=422)


@login_required
def consultation_draft(request, consultation_id):
    consultation = permissions.get_consultation_for_user(request.user, consultation_id)
    if not consultation.draft_file:
        raise Http404(_("Không có tệp dự thảo."))
    return stored_file(consultation.draft_file, consultation.draft_file_name)
