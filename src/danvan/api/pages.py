"""A person's own API tokens: make one (shown once), see and revoke them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from danvan.api import services
from danvan.api.forms import PersonalTokenForm
from danvan.api.models import PersonalToken
from danvan.api.scopes import SCOPES
from danvan.core.services import DomainError


def _page(request, form, *, new_token: str = "", status: int = 200):
    context = {
        "form": form,
        "tokens": PersonalToken.objects.filter(person=request.user),
        "new_token": new_token,
        "scopes": SCOPES,
    }
    return render(request, "api/tokens.html", context, status=status)


@never_cache
@login_required
def tokens(request):
    if request.method != "POST":
        return _page(request, PersonalTokenForm())
    form = PersonalTokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=422)
    try:
        _record, token = services.create_personal_token(
            person=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            days=form.cleaned_data["days"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _page(request, form, status=422)
    messages.success(request, _("Đã tạo mã truy cập. Hãy sao chép ngay: mã chỉ hiện một lần này."))
    return _page(request, PersonalTokenForm(), new_token=token)


@login_required
@require_POST
def revoke(request, token_id: int):
    # Another person's token is simply not found.
    token = get_object_or_404(PersonalToken, pk=token_id, person=request.user)
    services.revoke_personal_token(token=token, by=request.user)
    messages.success(request, _("Đã thu hồi mã truy cập «%(name)s».") % {"name": token.name})
    return redirect("api_tokens:list")
