"""Survey pages of officials: the list, building a survey and its questions,
publishing and closing it, its results, the Excel file and the printable QR page."""

from io import BytesIO

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.audit import record_read
from danvan.core.downloads import XLSX_TYPE, download
from danvan.core.models import Unit
from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.surveys import exports, forms, permissions, selectors, services
from danvan.surveys.models import Survey

AREA = "surveys"


def _units(agency_id: int):
    return Unit.objects.filter(agency=agency_id, is_active=True).order_by("sort_key", "name")


@login_required
def survey_list(request):
    context = {
        "page": page_of(selectors.surveys_for_list(request.user), request),
        "agencies": list(permissions.survey_agencies(request.user)),
        "area_slug": AREA,
    }
    return render(request, "surveys/survey_list.html", context)


@login_required
def survey_create(request):
    agencies = permissions.survey_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(_("Chỉ văn phòng cơ quan mới tạo được phiếu khảo sát."))
    units = Unit.objects.filter(agency__in=agencies, is_active=True).select_related("agency")
    form = forms.NewSurveyForm(
        request.POST or None, agencies=agencies, units=units.order_by("agency", "sort_key")
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(**form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã tạo phiếu khảo sát; hãy thêm câu hỏi rồi công bố."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "title": _("Tạo phiếu khảo sát"), "area_slug": AREA}
    return render(request, "surveys/survey_form.html", context, status=status)


@login_required
@require_POST
def survey_from_template(request):
    agency = permissions.survey_agencies(request.user).filter(pk=request.POST.get("agency") or 0).first()
    if agency is None:
        raise PermissionDenied(_("Chỉ văn phòng cơ quan mới tạo được phiếu khảo sát."))
    survey = services.create_criteria_survey(agency=agency, by=request.user)
    messages.success(request, _("Đã tạo phiếu theo mẫu 12 tiêu chí; hãy xem lại rồi công bố."))
    return redirect("surveys:survey_detail", survey_id=survey.pk)


@login_required
def survey_detail(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id)
    context = {**selectors.survey_page(request.user, survey), "area_slug": AREA}
    return render(request, "surveys/survey_detail.html", context)


@login_required
def survey_edit(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id, action="manage")
    initial = {name: getattr(survey, name) for name in services.SURVEY_FIELDS}
    form = forms.SurveyForm(request.POST or None, initial=initial, units=_units(survey.agency_id))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(survey=survey, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu phiếu khảo sát."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "survey": survey, "title": _("Sửa phiếu khảo sát"), "area_slug": AREA}
    return render(request, "surveys/survey_form.html", context, status=status)


def _question_page(request, survey, form, question=None, status=200):
    title = _("Sửa câu hỏi") if question else _("Thêm câu hỏi")
    context = {"form": form, "survey": survey, "question": question, "title": title, "area_slug": AREA}
    return render(request, "surveys/question_form.html", context, status=status)


@login_required
def question_add(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id, action="manage")
    form = forms.QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(survey=survey, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm câu hỏi."))
            return redirect("surveys:survey_detail", survey_id=survey.pk)
    return _question_page(request, survey, form, status=422 if request.method == "POST" else 200)


@login_required
def question_edit(request, survey_id, question_id):
    question = permissions.get_question_for_user(request.user, survey_id, question_id)
    initial = {
        "kind": question.kind,
        "text": question.text,
        "required": question.required,
        "choices": "\n".join(question.choices),
    }
    form = forms.QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_question(question=question, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu câu hỏi."))
            return redirect("surveys:survey_detail", survey_id=survey_id)
    status = 422 if request.method == "POST" else 200
    return _question_page(request, question.survey, form, question=question, status=status)


def _act(request, survey, action, done: str):
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("surveys:survey_detail", survey_id=survey.pk)


@login_required
@require_POST
def question_remove(request, survey_id, question_id):
    question = permissions.get_question_for_user(request.user, survey_id, question_id)
    return _act(
        request,
        question.survey,
        lambda: services.remove_question(question=question, by=request.user),
        _("Đã xóa câu hỏi."),
    )


@login_required
@require_POST
def survey_publish(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id, action="manage")
    today = timezone.localdate()
    return _act(
        request,
        survey,
        lambda: services.publish_survey(survey=survey, on=today, by=request.user),
        _("Đã công bố phiếu khảo sát: người dân trả lời được qua đường dẫn và mã QR."),
    )


@login_required
@require_POST
def survey_close(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id, action="manage")
    today = timezone.localdate()
    return _act(
        request,
        survey,
        lambda: services.close_survey(survey=survey, on=today, by=request.user),
        _("Đã kết thúc cuộc khảo sát; phiếu không nhận thêm câu trả lời."),
    )


@login_required
def survey_results(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id)
    context = {**selectors.survey_results(request.user, survey), "area_slug": AREA}
    if context["contacts"]:
        record_read(request, survey, "surveys.survey_results")
    return render(request, "surveys/survey_results.html", context)


@login_required
def survey_export(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id)
    results = selectors.survey_results(request.user, survey)
    if results["contacts"]:
        record_read(request, survey, "surveys.survey_export")
    data = exports.results_workbook(results)
    today = timezone.localdate()
    return download(data, XLSX_TYPE, f"ket-qua-khao-sat-{survey.pk}-{today:%d-%m-%Y}.xlsx")


def _qr(survey: Survey) -> segno.QRCode:
    return segno.make(selectors.public_url(survey), error="m")


@login_required
def survey_poster(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id)
    context = {
        "survey": survey,
        "public_url": selectors.public_url(survey),
        "qr_svg": _qr(survey).svg_inline(
            scale=8, title=_("Mã QR mở phiếu khảo sát"), svgclass="qr-code qr-poster"
        ),
        "area_slug": AREA,
    }
    return render(request, "surveys/survey_poster.html", context)


@login_required
def survey_qr(request, survey_id):
    survey = permissions.get_survey_for_user(request.user, survey_id)
    out = BytesIO()
    _qr(survey).save(out, kind="png", scale=12, border=4)
    return download(out.getvalue(), "image/png", f"ma-qr-khao-sat-{survey.pk}.png")
