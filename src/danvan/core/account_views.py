"""Signing in with the password and the second step, and the person's own
sign-in settings (authenticator app, recovery codes)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from danvan.core import permissions, secondfactor, services
from danvan.core.forms import AppConfirmForm, LoginForm, PasswordConfirmForm, SecondFactorCodeForm


class SignInView(auth_views.LoginView):
    """The password step; a person who owes a second step is sent to it."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        step = secondfactor.pending_step(self.request)
        if step == secondfactor.VERIFY:
            return redirect(reverse("second_step") + "?" + urlencode({"next": self.get_success_url()}))
        if step == secondfactor.ENROL:
            return redirect("otp_enrol")
        return response


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("core:home")


@never_cache
def second_step(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if secondfactor.pending_step(request) != secondfactor.VERIFY:
        return redirect(_next_url(request))
    form = SecondFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.verify_second_factor(person=request.user, code=form.cleaned_data["code"])
        except services.DomainError as error:
            form.add_error("code", error.message)
        else:
            otp_login(request, device)
            secondfactor.step_done(request)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("Bạn vừa dùng một mã khôi phục; còn %(left)s mã. Hãy tạo mã mới nếu sắp hết.")
                    % {"left": left},
                )
            return redirect(_next_url(request))
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "next": _next_url(request)}
    return render(request, "registration/second_step.html", context, status=status)


@never_cache
@login_required
def security(request):
    context = {
        "status": secondfactor.status_of(request.user),
        "required": permissions.must_use_second_factor(request.user),
        "remove_form": PasswordConfirmForm(request.user),
    }
    return render(request, "core/security.html", context)


@never_cache
@login_required
def otp_enrol(request):
    person = request.user
    if secondfactor.status_of(person).app is not None:
        messages.info(
            request, _("Bạn đã thiết lập ứng dụng xác thực. Gỡ thiết bị cũ trước khi thêm thiết bị mới.")
        )
        return redirect("otp_security")
    form = AppConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.confirm_authenticator(person=person, code=form.cleaned_data["code"])
        except services.DomainError as error:
            form.add_error("code", error.message)
        else:
            otp_login(request, device)
            secondfactor.step_done(request)
            messages.success(request, _("Đã bật xác thực hai bước."))
            return render(request, "core/recovery_codes.html", {"codes": codes})
    device = services.start_authenticator_setup(person=person)
    context = {
        "form": form,
        "qr_svg": secondfactor.qr_svg(device),
        "secret": secondfactor.secret_text(device),
        "required": secondfactor.pending_step(request) == secondfactor.ENROL,
    }
    return render(request, "core/otp_enrol.html", context, status=422 if request.method == "POST" else 200)


@never_cache
@login_required
@require_POST
def otp_recovery_codes(request):
    if secondfactor.status_of(request.user).app is None:
        return redirect("otp_enrol")
    codes = services.renew_recovery_codes(person=request.user)
    messages.success(request, _("Đã tạo 10 mã khôi phục mới; các mã cũ không còn dùng được."))
    return render(request, "core/recovery_codes.html", {"codes": codes})


@never_cache
@login_required
@require_POST
def otp_remove(request):
    form = PasswordConfirmForm(request.user, request.POST)
    if not form.is_valid():
        context = {
            "status": secondfactor.status_of(request.user),
            "required": permissions.must_use_second_factor(request.user),
            "remove_form": form,
        }
        return render(request, "core/security.html", context, status=422)
    services.remove_second_factor(person=request.user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    messages.success(request, _("Đã gỡ ứng dụng xác thực và các mã khôi phục."))
    if permissions.must_use_second_factor(request.user):
        secondfactor.owe_setup(request)
        return redirect("otp_enrol")
    return redirect("otp_security")
