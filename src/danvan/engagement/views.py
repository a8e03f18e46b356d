"""Pages of the agency's dialogues with citizens and businesses: the list,
planning one, and its page where issues, minutes and commitments are written.

A refused action re-renders the page with the Vietnamese reason and
everything typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.engagement import forms, permissions, selectors, services


@login_required
def dialogue_list(request):
    context = {
        "page": page_of(selectors.dialogues_for_list(request.user), request),
        "can_plan": permissions.dialogue_agencies(request.user).exists(),
        "today": timezone.localdate(),
        "area_slug": "petitions",
    }
    return render(request, "engagement/dialogue_list.html", context)


@login_required
def dialogue_create(request):
    agencies = permissions.dialogue_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(_("Bạn không có quyền lên lịch đối thoại."))
    form = forms.DialogueForm(request.POST or None, agencies=agencies, leaders=selectors.leaders_of(agencies))
    if request.method == "POST" and form.is_valid():
        try:
            dialogue = services.plan_dialogue(**form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lên lịch buổi đối thoại."))
            return redirect("engagement:dialogue_detail", dialogue_id=dialogue.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "engagement/dialogue_form.html", {"form": form, "area_slug": "petitions"}, status=status
    )


def _page(request, dialogue, status=200, **forms_given):
    context = selectors.dialogue_page(request.user, dialogue, today=timezone.localdate())
    dialogue = context["dialogue"]
    if context["can_record"]:
        context["issue_form"] = forms_given.get("issue_form") or forms.IssueForm()
        context["minutes_form"] = forms_given.get("minutes_form") or forms.MinutesForm(
            initial={
                "minutes_on": dialogue.minutes_on or dialogue.held_on,
                "opinions": dialogue.opinions,
                "result": dialogue.result,
                "all_signed": dialogue.all_signed,
                "unsigned_reason": dialogue.unsigned_reason,
            }
        )
        context["commitment_form"] = forms_given.get("commitment_form") or _commitment_form(dialogue)
    context["area_slug"] = "petitions"
    return render(request, "engagement/dialogue_detail.html", context, status=status)


def _commitment_form(dialogue, data=None):
    return forms.CommitmentForm(
        data, units=selectors.lead_units_of(dialogue.agency_id), issues=dialogue.issues.order_by("order")
    )


@login_required
def dialogue_detail(request, dialogue_id):
    return _page(request, permissions.get_dialogue_for_user(request.user, dialogue_id))


def _act(request, dialogue, form, key, service):
    if form.is_valid():
        try:
            service(dialogue=dialogue, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("engagement:dialogue_detail", dialogue_id=dialogue.pk)
    return _page(request, dialogue, status=422, **{key: form})


@login_required
@require_POST
def dialogue_issue_add(request, dialogue_id):
    dialogue = permissions.get_dialogue_for_user(request.user, dialogue_id, action="record")
    return _act(
        request, dialogue, forms.IssueForm(request.POST), "issue_form", services.record_dialogue_issue
    )


@login_required
@require_POST
def dialogue_minutes(request, dialogue_id):
    dialogue = permissions.get_dialogue_for_user(request.user, dialogue_id, action="record")
    form = forms.MinutesForm(request.POST)
    return _act(request, dialogue, form, "minutes_form", services.record_dialogue_minutes)


@login_required
@require_POST
def dialogue_commitment_add(request, dialogue_id):
    dialogue = permissions.get_dialogue_for_user(request.user, dialogue_id, action="record")
    form = _commitment_form(dialogue, request.POST)
    return _act(request, dialogue, form, "commitment_form", services.record_commitment)
