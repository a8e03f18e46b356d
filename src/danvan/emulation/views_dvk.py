"""«Dân vận khéo» pages: campaigns, registration, a model's life, the
library of recognised models and the province's table."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import XLSX_TYPE, download, stored_file
from danvan.core.models import Agency, Province, User
from danvan.core.permissions import scopes_of
from danvan.core.services import DomainError
from danvan.emulation import exports_dvk, permissions, selectors, services
from danvan.emulation import forms_dvk as forms
from danvan.emulation.models import Campaign, GoodPractice

AREA = "good_practices"


def _render(request, template, context, status=200):
    return render(request, f"emulation/{template}", {**context, "area_slug": AREA}, status=status)


def _campaign_form(request, data=None):
    scopes = scopes_of(request.user)
    provinces = permissions.person_provinces(request.user)
    if scopes.system_admin:
        provinces = set(Province.objects.values_list("pk", flat=True))
    agencies = permissions.campaign_openings(request.user)
    province_agencies = Agency.objects.active().filter(province__in=provinces).order_by("sort_key")
    people = User.objects.filter(is_active=True, agency__province__in=provinces).order_by("full_name", "pk")
    return forms.CampaignForm(
        data,
        agencies=agencies,
        province_agencies=province_agencies,
        people=people,
        provincial=bool(scopes.reviewed_provinces) or scopes.system_admin,
    )


@login_required
def campaign_list(request):
    context = {
        "campaigns": selectors.campaigns_for_list(request.user),
        "can_open": permissions.campaign_openings(request.user).exists()
        or permissions.can_view_dvk_province(request.user),
    }
    return _render(request, "dvk_campaign_list.html", context)


@login_required
def campaign_create(request):
    form = _campaign_form(request, request.POST or None)
    if not form.fields["agency"].queryset.exists() and not form.provincial:
        raise PermissionDenied(_("Bạn không phát động được đợt đăng ký mô hình."))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agency = data["agency"]
        province = agency.province if agency else _reviewed_province(request.user)
        if not permissions.can_open_dvk_campaign(
            request.user, agency=agency, province_id=province and province.pk
        ):
            raise PermissionDenied(_("Bạn không phát động được đợt đăng ký mô hình."))
        try:
            campaign = services.open_campaign(
                province=province,
                agency=agency,
                year=data["year"],
                title=data["title"],
                deadline=data["deadline"],
                report_dates=data["report_dates"],
                units=data["units"],
                agencies=data["agencies"] if agency is None else [],
                criteria=data["criteria"],
                council=data["council"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã phát động đợt đăng ký."))
            return redirect("emulation:dvk_campaign", campaign_id=campaign.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "dvk_campaign_form.html", {"form": form}, status=status)


def _reviewed_province(person):
    reviewed = sorted(scopes_of(person).reviewed_provinces)
    return Province.objects.filter(pk__in=reviewed).first() if reviewed else Province.objects.first()


def _campaign_page(request, campaign, decision_form=None, status=200):
    context = selectors.campaign_page(request.user, campaign)
    proposed = GoodPractice.objects.filter(campaign=campaign, status=GoodPractice.Status.PROPOSED)
    context["decision_form"] = decision_form or forms.DecisionForm(proposed=proposed)
    return _render(request, "dvk_campaign_detail.html", context, status=status)


@login_required
def campaign_detail(request, campaign_id):
    return _campaign_page(request, permissions.get_campaign_for_user(request.user, campaign_id))


@login_required
@require_POST
def campaign_decide(request, campaign_id):
    campaign = permissions.get_campaign_for_user(request.user, campaign_id, action="manage")
    proposed = GoodPractice.objects.filter(campaign=campaign, status=GoodPractice.Status.PROPOSED)
    form = forms.DecisionForm(request.POST, proposed=proposed)
    if form.is_valid():
        try:
            decision = services.decide_recognition(
                campaign=campaign,
                agency=campaign.agency or _decision_agency(request.user, campaign),
                signed_on=form.cleaned_data["signed_on"],
                level=form.cleaned_data["level"],
                recognised=form.cleaned_data["recognised"],
                not_recognised=form.cleaned_data["not_recognised"],
                number=form.cleaned_data["number"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi quyết định số %(number)s.") % {"number": decision.number})
            return redirect("emulation:dvk_campaign", campaign_id=campaign.pk)
    return _campaign_page(request, campaign, decision_form=form, status=422)


def _decision_agency(person, campaign: Campaign):
    """A provincial campaign's decision is issued by the agency the reviewer works in."""
    agency = Agency.objects.filter(pk=person.agency_id).first()
    if agency is None:
        raise PermissionDenied(_("Hãy gắn tài khoản với cơ quan ban hành quyết định."))
    return agency


@login_required
def practice_register(request, campaign_id):
    campaign = permissions.get_campaign_for_user(request.user, campaign_id, action="register")
    form = forms.PracticeForm(
        request.POST or None, units=permissions.registering_units(request.user, campaign)
    )
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.register_practice(campaign=campaign, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã đăng ký mô hình."))
            return redirect("emulation:dvk_practice", practice_id=practice.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "campaign": campaign, "late": campaign.is_past_deadline(timezone.localdate())}
    return _render(request, "dvk_practice_form.html", context, status=status)


def _practice_page(request, practice, status=200, **forms_given):
    context = selectors.practice_page(request.user, practice)
    context["progress_form"] = forms_given.get("progress_form") or forms.ProgressForm()
    context["reason_form"] = forms_given.get("reason_form") or forms.ReasonForm()
    context["results_form"] = forms_given.get("results_form") or forms.ResultsForm()
    context["score_form"] = forms_given.get("score_form") or forms.ScoreForm(criteria=context["criteria"])
    context["error"] = forms_given.get("error", "")
    return _render(request, "dvk_practice_detail.html", context, status=status)


@login_required
def practice_detail(request, practice_id):
    return _practice_page(request, permissions.get_practice_for_user(request.user, practice_id))


def _step(request, practice, call, success):
    try:
        call()
    except DomainError as error:
        return _practice_page(request, practice, status=422, error=error.message)
    messages.success(request, success)
    return redirect("emulation:dvk_practice", practice_id=practice.pk)


@login_required
@require_POST
def practice_start(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="manage")
    return _step(
        request,
        practice,
        lambda: services.start_practice(practice=practice, by=request.user),
        _("Đã bắt đầu thực hiện."),
    )


@login_required
@require_POST
def practice_finish(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="manage")
    form = forms.ResultsForm(request.POST)
    if not form.is_valid():
        return _practice_page(request, practice, status=422, results_form=form)
    results = form.cleaned_data["results"]
    return _step(
        request,
        practice,
        lambda: services.finish_practice(practice=practice, results=results, by=request.user),
        _("Đã báo cáo kết quả mô hình."),
    )


@login_required
@require_POST
def practice_withdraw(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="manage")
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        return _practice_page(request, practice, status=422, reason_form=form)
    reason = form.cleaned_data["reason"]
    return _step(
        request,
        practice,
        lambda: services.withdraw_practice(practice=practice, reason=reason, by=request.user),
        _("Đã rút đăng ký mô hình."),
    )


@login_required
@require_POST
def practice_report(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="manage")
    form = forms.ProgressForm(request.POST, request.FILES)
    if not form.is_valid():
        return _practice_page(request, practice, status=422, progress_form=form)
    data = form.cleaned_data
    files = [(data["evidence"].name, data["evidence"].read())] if data["evidence"] else []
    return _step(
        request,
        practice,
        lambda: services.report_progress(
            practice=practice,
            period=data["period"],
            text=data["text"],
            figures=data["figures"],
            files=files,
            by=request.user,
        ),
        _("Đã gửi báo cáo tiến độ."),
    )


@login_required
@require_POST
def practice_score(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="score")
    form = forms.ScoreForm(request.POST, criteria=list(practice.campaign.criteria.all()))
    if not form.is_valid():
        return _practice_page(request, practice, status=422, score_form=form)
    return _step(
        request,
        practice,
        lambda: services.score_practice(practice=practice, points=form.points(), by=request.user),
        _("Đã ghi điểm bình xét."),
    )


@login_required
@require_POST
def practice_propose(request, practice_id):
    practice = permissions.get_practice_for_user(request.user, practice_id, action="propose")
    return _step(
        request,
        practice,
        lambda: services.propose_recognition(practice=practice, by=request.user),
        _("Đã đề nghị công nhận mô hình."),
    )


@login_required
def practice_replicate(request, practice_id):
    origin = permissions.get_practice_for_user(request.user, practice_id, action="replicate")
    units = permissions.registering_units(request.user, origin.campaign)
    form = forms.ReplicateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.replicate_practice(
                origin=origin, campaign=origin.campaign, **form.cleaned_data, by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã đăng ký nhân rộng mô hình."))
            return redirect("emulation:dvk_practice", practice_id=practice.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "dvk_replicate_form.html", {"form": form, "origin": origin}, status=status)


@login_required
def evidence_download(request, practice_id, evidence_id):
    evidence = permissions.get_evidence_for_user(request.user, practice_id, evidence_id)
    return stored_file(evidence.file, evidence.original_name)


@login_required
def library(request):
    form = forms.LibraryForm(request.GET or None, agencies=selectors.library_agencies(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.library(
        request.user,
        query=filters.get("q") or "",
        field=filters.get("field") or "",
        level=filters.get("level") or "",
        agency_id=filters["agency"].pk if filters.get("agency") else None,
        year=filters.get("year"),
    )
    return _render(request, "dvk_library.html", {"form": form, "practices": rows})


def _year(request) -> int:
    value = request.GET.get("nam", "")
    return int(value) if value.isdecimal() and 2000 <= int(value) <= 2100 else timezone.localdate().year


@login_required
def province(request):
    if not permissions.can_view_dvk_province(request.user):
        raise PermissionDenied(_("Chỉ cán bộ theo dõi cấp tỉnh xem được bảng tổng hợp."))
    year = _year(request)
    rows = selectors.province_view(request.user, year=year)
    if request.GET.get("xuat") == "excel":
        return download(exports_dvk.province_xlsx(rows, year=year), XLSX_TYPE, f"dan-van-kheo-{year}.xlsx")
    return _render(request, "dvk_province.html", {"rows": rows, "year": year})
