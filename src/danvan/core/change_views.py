"""Pages of the organisation changes: the list, a new change at a level, its
preview (what it will move, who goes where, confirmed person by person) and
applying it. Only the administrator reaches them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import organisation, permissions
from danvan.core.forms import OrganisationChangeForm
from danvan.core.models import OrganisationChange
from danvan.core.paging import page_of
from danvan.core.services import DomainError

LEVELS = dict(OrganisationChange.Level.choices)


def _admin_only(request) -> None:
    if not permissions.can_manage_organisation_changes(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được thay đổi tổ chức."))


def _change(change_id: int) -> OrganisationChange:
    change = (
        OrganisationChange.objects.select_related("created_by", "applied_by").filter(pk=change_id).first()
    )
    if change is None:
        raise Http404(_("Không tìm thấy thay đổi tổ chức."))
    return change


@login_required
def change_list(request):
    _admin_only(request)
    changes = (
        OrganisationChange.objects.select_related("created_by", "applied_by")
        .annotate(party_count=Count("parties"))
        .order_by("-effective_on", "-pk")
    )
    page = page_of(changes.prefetch_related("parties__agency", "parties__unit", "parties__province"), request)
    return render(request, "core/change_list.html", {"page": page, "levels": LEVELS})


@login_required
def change_new(request):
    _admin_only(request)
    level = request.GET.get("cap", "agency")
    if level not in LEVELS:
        raise Http404(_("Không có cấp này."))
    form = OrganisationChangeForm(request.POST or None, level=level)
    if request.method == "POST" and form.is_valid():
        before, after = form.sides()
        try:
            change = organisation.draft_change(
                kind=form.cleaned_data["kind"],
                level=level,
                effective_on=form.cleaned_data["effective_on"],
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                before=before,
                after=after,
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lập thay đổi. Kiểm tra những gì sẽ chuyển rồi áp dụng."))
            return redirect("core:change_detail", change_id=change.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "level": level, "level_label": LEVELS[level]}
    return render(request, "core/change_form.html", context, status=status)


@login_required
def change_detail(request, change_id):
    _admin_only(request)
    change = _change(change_id)
    preview = organisation.preview_change(change)
    people = list(change.people.select_related("person", "from_agency", "from_unit", "to_agency", "to_unit"))
    # Nobody is ticked until the administrator ticks them, or asks to tick everyone.
    context = {
        "change": change,
        "preview": preview,
        "recorded_people": people,
        # Those not confirmed, or with roles left behind: the administrator handles them next.
        "waiting": [row for row in people if not row.moved or row.roles_left],
        "all_ticked": request.GET.get("chon-tat-ca") == "1",
    }
    return render(request, "core/change_detail.html", context)


@login_required
@require_POST
def change_apply(request, change_id):
    _admin_only(request)
    change = _change(change_id)
    confirmed = [int(value) for value in request.POST.getlist("confirmed") if value.isdecimal()]
    roles = [int(value) for value in request.POST.getlist("role") if value.isdecimal()]
    destinations, work = {}, {}
    for key, value in request.POST.items():
        if key.startswith("destination-") and key[12:].isdecimal() and value.isdecimal():
            destinations[int(key[12:])] = int(value)
        elif key.startswith("work-") and value.isdecimal():
            work[key] = int(value)
    try:
        organisation.apply_change(
            change=change,
            confirmed=confirmed,
            confirmed_roles=roles,
            nobody_confirmed=request.POST.get("nobody") == "1",
            destinations=destinations,
            work_destinations=work,
            by=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã áp dụng thay đổi tổ chức."))
    return redirect("core:change_detail", change_id=change.pk)


@login_required
@require_POST
def change_cancel(request, change_id):
    _admin_only(request)
    change = _change(change_id)
    try:
        organisation.cancel_change(change=change)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("core:change_detail", change_id=change.pk)
    messages.success(request, _("Đã hủy thay đổi chưa áp dụng."))
    return redirect("core:change_list")
