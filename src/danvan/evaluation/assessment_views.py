"""Assessment pages: opening the year's assessment, scoring each leaf with its evidence,
submitting, the province's review, the agency's answer and the final result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, XLSX_TYPE, download, stored_file
from danvan.core.models import User
from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.evaluation import codec, exports, forms, permissions, selectors, services
from danvan.evaluation.models import Evidence, LeafScore, Reviewer


def _back(assessment, anchor: str = ""):
    response = redirect("evaluation:assessment_detail", assessment_id=assessment.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _page(request, assessment, *, status=200, **extra):
    context = selectors.assessment_page(request.user, assessment)
    context["link_form"] = forms.EvidenceLinkForm(
        choices=selectors.evidence_choices(request.user, assessment)
    )
    context["file_form"] = forms.EvidenceFileForm()
    context["answer_form"] = extra.pop("answer_form", None) or forms.AnswerForm()
    context["finalise_form"] = forms.FinaliseForm(events=dict(context["rules"].events))
    context["decide_form"] = forms.DecideBandForm(bands=[band.name for band in context["rules"].bands])
    context["reviewer_form"] = forms.ReviewerForm(people=_council_people(assessment))
    _attach_leaf_forms(context, extra.pop("failed", None))
    context["area_slug"] = "evaluation"
    context.update(extra)
    return render(request, "evaluation/assessment_detail.html", context, status=status)


def _council_people(assessment):
    """Officials of the assessed agency's province, from whom the council is named."""
    return User.objects.filter(is_active=True, agency__province_id=assessment.agency.province_id).order_by(
        "full_name"
    )


def _attach_leaf_forms(context, failed) -> None:
    """One form per leaf for whoever may score or review it; the refused one keeps what was typed."""
    review = context["can_review"]
    if not (context["can_score"] or review):
        return
    label = _("Lý do thay đổi điểm") if review else _("Lý do không dùng số liệu hệ thống đề xuất")
    for line in context["lines"]:
        if not hasattr(line, "leaf"):
            continue
        node = context["criteria"].node(line.node.key)
        if failed is not None and failed.node.key == node.key:
            line.form = failed
            continue
        entered = line.entered
        if review and line.leaf.reviewed_entered:
            entered = codec.input_from_json(line.leaf.reviewed_entered)
        initial = forms.LeafForm.initial_from(entered, line.leaf.explanation)
        initial["reason"] = line.leaf.review_reason if review else line.leaf.override_reason
        line.form = forms.LeafForm(
            initial=initial, node=node, reason_label=label, prefix=f"leaf{line.leaf.pk}"
        )


def _missing_by_province(person, year: int) -> list[tuple]:
    """For a province's reviewer: the agencies that have submitted nothing for the year."""
    return [
        (province, list(selectors.missing_agencies(province.pk, year)))
        for province in permissions.criteria_provinces(person).order_by("name")
    ]


@login_required
def assessment_list(request):
    agencies = permissions.assessing_agencies(request.user)
    year = _year_of(request)
    context = {
        "page": page_of(selectors.assessments_for_list(request.user), request),
        "open_form": forms.OpenAssessmentForm(agencies=agencies, initial={"year": timezone.localdate().year})
        if agencies.exists()
        else None,
        "year": year,
        "missing": _missing_by_province(request.user, year),
        "area_slug": "evaluation",
    }
    return render(request, "evaluation/assessment_list.html", context)


def _year_of(request) -> int:
    text = request.GET.get("nam", "")
    return int(text) if text.isdecimal() and 2000 <= int(text) <= 2100 else timezone.localdate().year


@login_required
@require_POST
def missing_record(request, province_id, year):
    provinces = permissions.criteria_provinces(request.user)
    province = get_object_or_404(provinces, pk=province_id)
    count = services.record_missing_assessments(province=province, year=year, by=request.user)
    if count:
        messages.success(
            request, _("Đã ghi nhận %(count)s cơ quan không gửi bản tự đánh giá.") % {"count": count}
        )
    else:
        messages.info(
            request, _("Chưa hết thời hạn gửi, hoặc bộ tiêu chí không có quy định cho trường hợp không gửi.")
        )
    return redirect(f"{reverse('evaluation:assessment_list')}?nam={year}")


@login_required
@require_POST
def assessment_open(request):
    agencies = permissions.assessing_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(_("Chỉ lãnh đạo hoặc văn phòng cơ quan mới mở bản tự đánh giá."))
    form = forms.OpenAssessmentForm(request.POST, agencies=agencies)
    if form.is_valid():
        try:
            assessment = services.open_assessment(
                agency=form.cleaned_data["agency"], year=form.cleaned_data["year"], by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã mở bản tự đánh giá, chấm điểm."))
            return _back(assessment)
    context = {"page": page_of(selectors.assessments_for_list(request.user), request), "open_form": form}
    return render(
        request, "evaluation/assessment_list.html", context | {"area_slug": "evaluation"}, status=422
    )


@login_required
def assessment_detail(request, assessment_id):
    return _page(request, permissions.get_assessment_for_user(request.user, assessment_id))


def _leaf_of(assessment, leaf_id) -> LeafScore:
    return get_object_or_404(
        LeafScore.objects.select_related("node", "assessment"), pk=leaf_id, assessment=assessment
    )


def _leaf_form(request, assessment, leaf, *, review: bool):
    criteria, _rules = services.stored_criteria(assessment.criteria_set)
    label = _("Lý do thay đổi điểm") if review else _("Lý do không dùng số liệu hệ thống đề xuất")
    return forms.LeafForm(
        request.POST, node=criteria.node(leaf.node.key), reason_label=label, prefix=f"leaf{leaf.pk}"
    )


@login_required
@require_POST
def leaf_score(request, assessment_id, leaf_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    leaf = _leaf_of(assessment, leaf_id)
    form = _leaf_form(request, assessment, leaf, review=False)
    if form.is_valid():
        try:
            services.score_leaf_of(
                leaf=leaf,
                entered=form.cleaned_data["entered"],
                explanation=form.cleaned_data["explanation"],
                override_reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi điểm tiêu chí %(code)s.") % {"code": leaf.node.code})
            return _back(assessment, f"leaf-{leaf.pk}")
    return _page(request, assessment, failed=form, status=422)


@login_required
@require_POST
def leaf_accept(request, assessment_id, leaf_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    leaf = _leaf_of(assessment, leaf_id)
    try:
        services.accept_proposal(leaf=leaf, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã dùng số liệu hệ thống cho tiêu chí %(code)s.") % {"code": leaf.node.code}
        )
    return _back(assessment, f"leaf-{leaf.pk}")


@login_required
@require_POST
def proposals_refresh(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    count = services.refresh_proposals(assessment=assessment)
    messages.success(request, _("Đã cập nhật số liệu hệ thống cho %(count)s tiêu chí.") % {"count": count})
    return _back(assessment)


@login_required
@require_POST
def evidence_link(request, assessment_id, leaf_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    leaf = _leaf_of(assessment, leaf_id)
    form = forms.EvidenceLinkForm(request.POST, choices=selectors.evidence_choices(request.user, assessment))
    if form.is_valid():
        kind, object_id = form.cleaned_data["target"]
        try:
            services.add_evidence_link(leaf=leaf, kind=kind, object_id=object_id, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã thêm tài liệu kiểm chứng."))
            return _back(assessment, f"leaf-{leaf.pk}")
    else:
        messages.error(request, _("Hãy chọn một tài liệu có trong danh sách."))
    return _page(request, assessment, status=422)


@login_required
@require_POST
def evidence_upload(request, assessment_id, leaf_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    leaf = _leaf_of(assessment, leaf_id)
    form = forms.EvidenceFileForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.add_evidence_file(
                leaf=leaf,
                data=upload.read(),
                filename=upload.name,
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã tải lên tài liệu kiểm chứng."))
            return _back(assessment, f"leaf-{leaf.pk}")
    else:
        messages.error(request, _("Hãy chọn tệp để tải lên."))
    return _page(request, assessment, status=422)


def _evidence_of(assessment, evidence_id) -> Evidence:
    return get_object_or_404(
        Evidence.objects.select_related("score"), pk=evidence_id, score__assessment=assessment
    )


@login_required
@require_POST
def evidence_remove(request, assessment_id, evidence_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="score")
    evidence = _evidence_of(assessment, evidence_id)
    services.remove_evidence(evidence=evidence, by=request.user)
    messages.success(request, _("Đã bỏ tài liệu kiểm chứng."))
    return _back(assessment, f"leaf-{evidence.score_id}")


@login_required
def evidence_file(request, evidence_id):
    evidence = get_object_or_404(Evidence.objects.select_related("score"), pk=evidence_id)
    permissions.get_assessment_for_user(request.user, evidence.score.assessment_id)
    if not evidence.file:
        raise Http404(_("Không tìm thấy tệp."))
    return stored_file(evidence.file, evidence.file_name)


@login_required
@require_POST
def assessment_submit(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="submit")
    try:
        services.submit_assessment(assessment=assessment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã duyệt và gửi bản tự đánh giá, chấm điểm."))
    return _back(assessment)


@login_required
@require_POST
def leaf_review(request, assessment_id, leaf_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="review")
    leaf = _leaf_of(assessment, leaf_id)
    form = _leaf_form(request, assessment, leaf, review=True)
    if form.is_valid():
        try:
            services.review_leaf(
                leaf=leaf,
                entered=form.cleaned_data["entered"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Đã ghi điểm thẩm định tiêu chí %(code)s.") % {"code": leaf.node.code}
            )
            return _back(assessment, f"leaf-{leaf.pk}")
    return _page(request, assessment, failed=form, status=422)


@login_required
@require_POST
def review_send(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="send_review")
    try:
        services.send_review(assessment=assessment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã gửi kết quả thẩm định cho cơ quan."))
    return _back(assessment)


@login_required
@require_POST
def review_answer(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="answer")
    form = forms.AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_review(assessment=assessment, text=form.cleaned_data["answer"], by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã gửi ý kiến phản hồi."))
            return _back(assessment)
    return _page(request, assessment, answer_form=form, status=422)


@login_required
@require_POST
def assessment_finalise(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="finalise")
    _criteria, rules = services.stored_criteria(assessment.criteria_set)
    form = forms.FinaliseForm(request.POST, events=dict(rules.events))
    if form.is_valid():
        try:
            services.finalise_assessment(
                assessment=assessment, events=form.cleaned_data["events"], by=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã công nhận kết quả đánh giá, xếp loại."))
            return _back(assessment)
    return _page(request, assessment, finalise_form=form, status=422)


@login_required
@require_POST
def assessment_decide(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="decide")
    _criteria, rules = services.stored_criteria(assessment.criteria_set)
    form = forms.DecideBandForm(request.POST, bands=[band.name for band in rules.bands])
    if form.is_valid():
        try:
            services.decide_band(
                assessment=assessment,
                band=form.cleaned_data["band"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã quyết định mức xếp loại."))
            return _back(assessment)
    return _page(request, assessment, decide_form=form, status=422)


@login_required
@require_POST
def council_add(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="council")
    form = forms.ReviewerForm(request.POST, people=_council_people(assessment))
    if form.is_valid():
        services.assign_reviewer(
            assessment=assessment,
            person=form.cleaned_data["person"],
            position=form.cleaned_data["position"],
            by=request.user,
        )
        messages.success(request, _("Đã thêm thành viên hội đồng thẩm định."))
        return _back(assessment)
    return _page(request, assessment, reviewer_form=form, status=422)


@login_required
@require_POST
def council_remove(request, assessment_id, reviewer_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id, action="council")
    reviewer = get_object_or_404(Reviewer, pk=reviewer_id, assessment=assessment)
    services.remove_reviewer(reviewer=reviewer, by=request.user)
    messages.success(request, _("Đã bỏ thành viên khỏi hội đồng thẩm định."))
    return _back(assessment)


@login_required
def assessment_docx(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id)
    filename = _("Báo cáo tự đánh giá %(year)s - %(agency)s.docx") % {
        "year": assessment.year,
        "agency": assessment.agency.name,
    }
    return download(exports.self_assessment_docx(assessment), DOCX_TYPE, filename)


@login_required
def assessment_xlsx(request, assessment_id):
    assessment = permissions.get_assessment_for_user(request.user, assessment_id)
    filename = _("Bảng điểm %(year)s - %(agency)s.xlsx") % {
        "year": assessment.year,
        "agency": assessment.agency.name,
    }
    sheet = exports.score_sheet_xlsx(
        assessment, show_review=permissions.can_read_review(request.user, assessment)
    )
    return download(sheet, XLSX_TYPE, filename)
