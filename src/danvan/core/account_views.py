"""Signing in with the password and the second step, and the person's own
sign-in settings (authenticator app, recovery codes)."""

import logging

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from mozilla_django_oidc.views import OIDCAuthenticationRequestView
from requests import RequestException

from danvan.core import oidc, permissions, secondfactor, services
from danvan.core.forms import AppConfirmForm, LoginForm, PasswordConfirmForm, SecondFactorCodeForm


class SignInView(auth_views.LoginView):
    """The password step; a person who owes a second step is sent to it."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "oidc_enabled": settings.DANVAN_OIDC_ENABLED}

    def form_valid(self, form):
        response = super().form_valid(form)
        step = secondfactor.pending_step(self.request)
        if step == secondfactor.VERIFY:
            return redirect(reverse("second_step") + "?" + urlencode({"next": self.get_success_url()}))
        if step == secondfactor.ENROL:
            return redirect("otp_enrol")
        return response


logger = logging.getLogger(__name__)


class ProviderSignInView(OIDCAuthenticationRequestView):
    """The button "Đăng nhập bằng tài khoản định danh của tỉnh": off to the
    provider's sign-in page with state, nonce and the PKCE challenge."""

    def get(self, request):
        if not settings.DANVAN_OIDC_ENABLED:
            raise Http404
        return super().get(request)


def _after_provider_sign_in(request, person) -> str:
    target = request.session.pop("oidc_login_next", None) or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = reverse(settings.LOGIN_REDIRECT_URL)
    step = secondfactor.pending_step(request)
    if step == secondfactor.VERIFY:
        return reverse("second_step") + "?" + urlencode({"next": target})
    if step == secondfactor.ENROL:
        return reverse("otp_enrol")
    return target


def _provider_refusal(request, reason: str, status: int, subject: str = ""):
    context = {"reason": reason, "subject": subject}
    return render(request, "registration/provider_refused.html", context, status=status)


@never_cache
def provider_callback(request):
    """The provider sends the browser back here with a code (or an error).
    The state must be one this session started; the code is exchanged with
    the PKCE verifier, the ID token checked, the person found by the
    identity the administrator linked."""
    if not settings.DANVAN_OIDC_ENABLED:
        raise Http404
    states = request.session.get("oidc_states") or {}
    state = request.GET.get("state", "")
    started = states.pop(state, None) if state else None
    request.session["oidc_states"] = states
    if request.GET.get("error"):
        return _provider_refusal(request, "cancelled", 400)
    if started is None or not request.GET.get("code"):
        return _provider_refusal(request, "state", 400)
    backend = oidc.ProvinceIdentityBackend()
    try:
        person = backend.authenticate(
            request, nonce=started["nonce"], code_verifier=started.get("code_verifier")
        )
    except oidc.SignInRefused as refusal:
        logger.warning("Đăng nhập định danh bị từ chối (%s): %s", refusal.reason, refusal.subject)
        # The person's own identifier, to give the administrator who links it.
        return _provider_refusal(request, refusal.reason, 403, subject=refusal.subject)
    except (RequestException, SuspiciousOperation, ValueError) as error:
        logger.warning("Đăng nhập định danh không thành công: %s", error)
        return _provider_refusal(request, "provider", 502)
    if person is None:
        return _provider_refusal(request, "provider", 502)
    auth.login(request, person, backend=oidc.BACKEND)
    return redirect(_after_provider_sign_in(request, person))


class SignOutView(auth_views.LogoutView):
    """Signing out; a session that came from the province's provider is also
    ended there when the provider has an end_session endpoint."""

    def post(self, request, *args, **kwargs):
        from_provider = request.user.is_authenticated and oidc.signed_in_by_provider(request)
        id_token = request.session.get("oidc_id_token", "")
        response = super().post(request, *args, **kwargs)
        if from_provider and settings.DANVAN_OIDC_ENABLED and settings.DANVAN_OIDC_END_SESSION_ENDPOINT:
            after = request.build_absolute_uri(reverse("login"))
            return redirect(oidc.end_session_url(id_token=id_token, after=after))
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
