"""The page a citizen opens from the link or the QR code, with no account:
answer a published survey once from one device (or once per invited
petition), within the public pages' rate limit; a hidden field catches
programs that fill every field."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import ratelimit
from danvan.core.services import DomainError
from danvan.surveys import forms, selectors, services, tokens
from danvan.surveys.models import Survey

# Answers allowed from one client address in one window of 15 minutes
# (DANVAN_PUBLIC_SURVEY_LIMIT); a reception desk's network counts as one address.
ANSWER_LIMIT, WINDOW_SECONDS = 30, 15 * 60
THANKS_KEY = "surveys_answered"


def _unavailable(request, survey, today):
    if survey.status == Survey.Status.DRAFT:
        message, status = _("Phiếu khảo sát này chưa được công bố."), 404
    elif survey.starts_on and today < survey.starts_on and survey.status == Survey.Status.PUBLISHED:
        message = _("Cuộc khảo sát bắt đầu nhận ý kiến từ ngày %(day)s.") % {
            "day": f"{survey.starts_on:%d/%m/%Y}"
        }
        status = 403
    else:
        message, status = (
            _("Cuộc khảo sát này đã kết thúc; phiếu không còn nhận câu trả lời. Cảm ơn ông/bà đã quan tâm."),
            410,
        )
    context = {"survey": survey if status != 404 else None, "message": message}
    return render(request, "surveys/public/unavailable.jinja", context, status=status)


def _device_token(request) -> str:
    return request.get_signed_cookie(tokens.DEVICE_COOKIE, default="", salt=tokens.DEVICE_COOKIE_SALT)


def _keys(request, survey) -> tuple[str, str]:
    """(device key, petition key): an invited petition's answer counts by the petition."""
    invitation = request.POST.get("don") or request.GET.get("don") or ""
    petition_id = tokens.invited_petition(survey.pk, invitation) if invitation else None
    if petition_id is not None:
        return "", tokens.petition_key(survey.pk, petition_id)
    token = _device_token(request)
    return (tokens.device_key(survey.pk, token) if token else ""), ""


def _page(request, survey, form, questions, status=200):
    context = {
        "survey": survey,
        "form": form,
        "rows": forms.question_rows(form, questions),
        "invitation": request.POST.get("don") or request.GET.get("don") or "",
    }
    response = render(request, "surveys/public/answer.jinja", context, status=status)
    response["Cache-Control"] = "no-store"
    if not _device_token(request):
        response.set_signed_cookie(
            tokens.DEVICE_COOKIE,
            tokens.new_device_token(),
            salt=tokens.DEVICE_COOKIE_SALT,
            max_age=tokens.DEVICE_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def answer(request, slug):
    survey = get_object_or_404(Survey.objects.select_related("agency", "unit"), slug=slug)
    today = timezone.localdate()
    if not survey.accepts_answers(today):
        return _unavailable(request, survey, today)
    device_key, petition_key = _keys(request, survey)
    if survey.about_petitions and not petition_key:
        message = _("Phiếu này dành cho người đã gửi đơn: hãy mở nó từ trang tra cứu kết quả xử lý đơn.")
        return render(
            request, "surveys/public/unavailable.jinja", {"survey": survey, "message": message}, status=403
        )
    if request.method != "POST" and selectors.already_answered(survey, device_key, petition_key):
        return render(
            request, "surveys/public/thanks.jinja", {"survey": survey, "answered": False, "already": True}
        )
    questions = list(survey.questions.all())
    form = forms.AnswerForm(
        request.POST or None,
        questions=questions,
        units=selectors.unit_choices(survey),
        allow_contact=survey.allow_contact,
    )
    if request.method != "POST":
        return _page(request, survey, form, questions)
    if form.is_trap_filled():
        return redirect("surveys_public:thanks", slug=survey.slug)  # stored nothing; a program learns nothing
    if not form.is_valid():
        form.add_error(None, _("Phiếu chưa gửi được: hãy xem lại các câu được đánh dấu."))
        return _page(request, survey, form, questions, status=422)
    limit = getattr(settings, "DANVAN_PUBLIC_SURVEY_LIMIT", ANSWER_LIMIT)
    if ratelimit.over_limit(request, "surveys:answer", limit=limit, window_seconds=WINDOW_SECONDS):
        form.add_error(
            None,
            _("Có quá nhiều phiếu gửi từ cùng một mạng trong thời gian ngắn. Vui lòng thử lại sau 15 phút."),
        )
        return _page(request, survey, form, questions, status=429)
    try:
        services.submit_response(
            survey=survey,
            values=form.values(),
            today=today,
            device_key=device_key,
            petition_key=petition_key,
            unit=form.cleaned_data.get("unit"),
            contact=form.cleaned_data.get("contact", ""),
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _page(request, survey, form, questions, status=409)
    request.session[THANKS_KEY] = survey.slug
    return redirect("surveys_public:thanks", slug=survey.slug)


def thanks(request, slug):
    survey = get_object_or_404(Survey.objects.select_related("agency"), slug=slug)
    answered = request.session.pop(THANKS_KEY, None) == survey.slug
    context = {"survey": survey, "answered": answered, "already": False}
    return render(request, "surveys/public/thanks.jinja", context)
