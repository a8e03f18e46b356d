from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, PDF_TYPE, XLSX_TYPE, download, stored_file
from danvan.core.models import Province
from danvan.core.paging import page_of
from danvan.core.permissions import get_agency_for_user
from danvan.core.services import DomainError
from danvan.documents import issuing
from danvan.documents import selectors as document_selectors
from danvan.documents.output import report as report_output
from danvan.documents.output.pdf import ConversionError, docx_to_pdf
from danvan.documents.output.report import render_report_docx, report_annex_xlsx
from danvan.plans import permissions as plan_permissions
from danvan.reports import permissions, selectors, services
from danvan.reports.forms import (
    AgencyRequestForm,
    AttachmentForm,
    CutOffRuleForm,
    PeriodCorrectionForm,
    ReportForm,
    ReturnForm,
    SignatureForm,
    UnitRequestForm,
)
from danvan.reports.models import Report, ReportingPeriod


def _province_for(request, province_id: int, rule=permissions.can_request_agency_reports) -> Province:
    """The province, when ``rule`` lets the person act on it; "not found" otherwise."""
    province = Province.objects.filter(pk=province_id).first()
    if province is None or not rule(request.user, province):
        raise Http404(_("Không tìm thấy tỉnh."))
    return province


@login_required
def index(request):
    person = request.user
    provinces = permissions.report_request_provinces(person)
    context = {
        "my_reports": page_of(selectors.my_reports(person), request),
        "requests": page_of(selectors.requests_for_index(person), request, param="trang_yeu_cau"),
        "office_agencies": permissions.report_request_agencies(person),
        "provinces": provinces,
        "today": timezone.localdate(),
    }
    return render(request, "reports/index.html", context)


def _period(form, province):
    data = form.cleaned_data
    return services.get_or_create_period(
        province=province,
        kind=data["period_kind"],
        year=data["period_year"],
        number=data["period_number"] or 0,
    )


def _request_page(request, form, send, done: str, context: dict):
    """The request form: on a valid POST, ``send(data)`` makes the request;
    a refusal stays on the form with everything typed."""
    if request.method == "POST" and form.is_valid():
        try:
            made = send(form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done % {"count": made.reports.count()})
            return redirect("reports:request_detail", request_id=made.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "reports/request_form.html", {"form": form, **context}, status=status)


def _request_fields(form, province) -> dict:
    data = form.cleaned_data
    return {
        "period": _period(form, province),
        "title": data["title"],
        "due_date": data["due_date"],
        "kind": data["kind"],
        "note": data["note"],
    }


@login_required
def request_units(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.can_request_unit_reports(request.user, agency):
        raise PermissionDenied(_("Chỉ văn phòng cơ quan yêu cầu các đơn vị báo cáo."))
    year = {"period_year": timezone.localdate().year}
    form = UnitRequestForm(request.POST or None, agency=agency, initial=year)

    def send(data):
        return services.request_unit_reports(
            agency=agency,
            units=data["units"],
            parent=data["parent"],
            by=request.user,
            **_request_fields(form, agency.province),
        )

    done = _("Đã gửi yêu cầu báo cáo đến %(count)s đơn vị.")
    return _request_page(request, form, send, done, {"agency": agency})


@login_required
def plan_requests(request, plan_id):
    """The plan's report deadlines its units answer: the office confirms the
    units each is sent to (those the plan names are ticked) and sends it."""
    plan = plan_permissions.get_plan_for_user(request.user, plan_id)
    if not permissions.can_request_reports_of_plan(request.user, plan):
        raise PermissionDenied(_("Chỉ văn phòng cơ quan gửi yêu cầu báo cáo theo kế hoạch đã ban hành."))
    rows = selectors.plan_report_deadlines(plan)
    status = 200
    if request.method == "POST":
        row = next((r for r in rows if str(r["deadline"].pk) == request.POST.get("deadline")), None)
        if row is None:
            raise Http404(_("Không tìm thấy hạn báo cáo trong kế hoạch."))
        wanted = set(request.POST.getlist("units"))
        units = [unit for unit in row["units"] if str(unit.pk) in wanted]
        try:
            made = services.request_reports_for_deadline(
                deadline=row["deadline"], units=units, by=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
            status = 422
        else:
            messages.success(
                request, _("Đã gửi yêu cầu báo cáo đến %(count)s đơn vị.") % {"count": len(units)}
            )
            return redirect("reports:request_detail", request_id=made.pk)
    return render(request, "reports/plan_requests.html", {"plan": plan, "rows": rows}, status=status)


@login_required
def request_agencies(request, province_id):
    province = _province_for(request, province_id)
    year = {"period_year": timezone.localdate().year}
    form = AgencyRequestForm(request.POST or None, province=province, initial=year)

    def send(data):
        return services.request_agency_reports(
            province=province,
            agencies=data["agencies"],
            recipient=data["recipient"],
            by=request.user,
            **_request_fields(form, province),
        )

    done = _("Đã gửi yêu cầu báo cáo đến %(count)s cơ quan.")
    return _request_page(request, form, send, done, {"province": province})


@login_required
def request_detail(request, request_id):
    report_request = permissions.get_report_request_for_user(request.user, request_id)
    today = timezone.localdate()
    rows = [
        {
            "report": report,
            "timeliness": report.timeliness(today),
            "readable": permissions.can_view_report(request.user, report),
        }
        for report in selectors.reports_of_request(report_request)
    ]
    can_compose = report_request.parent_id is not None and permissions.can_compose_agency_report(
        request.user, report_request
    )
    composed = report_request.composed_reports.select_related("agency").first()
    context = {
        "report_request": report_request,
        "rows": rows,
        "answered": selectors.timeliness_rates([row["timeliness"][0] for row in rows]),
        "can_compose": can_compose,
        "composed": composed if composed and permissions.can_view_report(request.user, composed) else None,
        "today": today,
    }
    return render(request, "reports/request_detail.html", context)


@login_required
@require_POST
def request_compose(request, request_id):
    report_request = permissions.get_report_request_for_user(request.user, request_id)
    if not permissions.can_compose_agency_report(request.user, report_request):
        raise PermissionDenied(_("Chỉ văn phòng cơ quan tổng hợp báo cáo."))
    try:
        report = services.compose_agency_report(unit_request=report_request, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reports:request_detail", request_id=report_request.pk)
    messages.success(
        request, _("Đã tổng hợp báo cáo của các đơn vị. Hãy rà soát, chỉnh sửa rồi trình lãnh đạo.")
    )
    return redirect("reports:report_detail", report_id=report.pk)


def _report_context(
    request, report, *, form=None, conflict=None, return_form=None, attachment_form=None, signature_form=None
) -> dict:
    person, today = request.user, timezone.localdate()
    editable = permissions.can_edit_report(person, report)
    if report.is_locked() or report.figures:
        data = report.figures
    elif report.is_agency_report:
        data = selectors.agency_report_figures(report, today=today)
    else:
        data = selectors.unit_period_data(report.unit, report.request.data_period)
    if editable and form is None:
        sections = report.sections()
        if report.unit_id is not None and not any(sections.values()):
            # A first draft starts from the period's progress; saved only when the person saves.
            sections["results"] = selectors.results_outline(data)
        form = ReportForm(initial={"revision": report.revision, **sections})
    shown = selectors.report_page(report)
    can_approve = permissions.can_approve_report(person, report)
    return {
        "report": report,
        "data": data,
        "timeliness": report.timeliness(today),
        "form": form if editable else None,
        "conflict": conflict,
        "can_submit": permissions.can_submit_report(person, report),
        "can_return": permissions.can_return_report(person, report),
        "can_approve": can_approve,
        "offers_signing": can_approve and issuing.offers_signing(person, report.agency),
        "can_sign": permissions.can_sign_report(person, report),
        "signed_copies": document_selectors.signed_copies_of(report),
        "missing_units": services.missing_unit_reports(report)
        if report.is_agency_report and report.status == report.Status.SUBMITTED
        else [],
        "return_form": return_form or ReturnForm(),
        "attachment_form": attachment_form or AttachmentForm(),
        "signature_form": _signature_form(report, signature_form)
        if editable and report.is_agency_report
        else None,
        "unit_reports": [(unit, unit.timeliness(today)) for unit in selectors.unit_reports_for(report)],
        **shown,
        "versions": page_of(shown["versions"], request, param="trang_phien_ban"),
    }


def _signature_form(report, bound=None) -> SignatureForm:
    if bound is not None:
        return bound
    return SignatureForm(
        initial={
            "recipients": "\n".join(report.recipients or []),
            "signer_authority": report.signer_authority,
            "signer_title": report.signer_title,
            "signer_name": report.signer_name,
        }
    )


@login_required
def report_detail(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id)
    return render(request, "reports/report_detail.html", _report_context(request, report))


@login_required
@require_POST
def report_save(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id, action="edit")
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(
            request, "reports/report_detail.html", _report_context(request, report, form=form), status=422
        )
    try:
        services.save_report(
            report=report,
            sections=form.sections(),
            base_revision=form.cleaned_data["revision"],
            by=request.user,
        )
    except services.ReportConflict as conflict:
        return _conflict_response(request, conflict)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reports:report_detail", report_id=report.pk)
    messages.success(request, _("Đã lưu báo cáo."))
    return redirect("reports:report_detail", report_id=report.pk)


def _conflict_response(request, conflict, *, template="reports/report_detail.html"):
    """Show the newest text in the form (saving it loses nothing: the
    person's own text is a kept version, shown beside each section)."""
    report = conflict.report
    form = ReportForm(initial={"revision": report.revision, **conflict.mine})
    context = _report_context(request, report, form=form, conflict=conflict)
    return render(request, template, context, status=409)


@login_required
@require_POST
def report_autosave(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id, action="edit")
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "reports/includes/autosave.html",
            {"error": _("Chưa lưu được: nội dung không hợp lệ.")},
            status=422,
        )
    try:
        saved = services.save_report(
            report=report,
            sections=form.sections(),
            base_revision=form.cleaned_data["revision"],
            by=request.user,
            autosave=True,
        )
    except services.ReportConflict as conflict:
        context = {"conflict": conflict, "report": conflict.report}
        return render(request, "reports/includes/autosave.html", context, status=409)
    except DomainError as error:
        return render(request, "reports/includes/autosave.html", {"error": error.message}, status=409)
    return render(
        request, "reports/includes/autosave.html", {"report": saved, "saved_at": timezone.localtime()}
    )


def _act(request, report, call, success: str):
    try:
        call()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("reports:report_detail", report_id=report.pk)


@login_required
@require_POST
def report_submit(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id)
    if not permissions.can_submit_report(request.user, report):
        if report.is_locked():
            messages.error(
                request, _("Báo cáo đã gửi nên không nộp lại được. Chỉ nộp lại khi báo cáo bị trả lại.")
            )
            return redirect("reports:report_detail", report_id=report.pk)
        raise PermissionDenied(_("Bạn không có quyền nộp báo cáo này."))
    done = _("Đã trình lãnh đạo duyệt báo cáo.") if report.is_agency_report else _("Đã nộp báo cáo.")
    return _act(request, report, lambda: services.submit_report(report=report, by=request.user), done)


@login_required
@require_POST
def report_return(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id)
    if not permissions.can_return_report(request.user, report):
        raise PermissionDenied(_("Bạn không có quyền trả lại báo cáo này."))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        context = _report_context(request, report, return_form=form)
        return render(request, "reports/report_detail.html", context, status=422)

    def call():
        return services.return_report(report=report, comment=form.cleaned_data["comment"], by=request.user)

    return _act(request, report, call, _("Đã trả lại báo cáo kèm ý kiến."))


@login_required
@require_POST
def report_approve(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id)
    if not permissions.can_approve_report(request.user, report):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan duyệt báo cáo đã trình."))
    despite_missing = request.POST.get("despite_missing") == "1"
    try:
        approved = services.approve_report(report=report, by=request.user, despite_missing=despite_missing)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reports:report_detail", report_id=report.pk)
    messages.success(request, _("Đã duyệt và gửi báo cáo lên cấp trên."))
    if issuing.wants_signing(request) and permissions.can_sign_report(request.user, approved):
        issuing.sign_issued(request, lambda: services.sign_report(report=approved, by=request.user))
        return redirect(reverse("reports:report_detail", args=[report.pk]) + "#ban-ky-so")
    return redirect("reports:report_detail", report_id=report.pk)


@login_required
@require_POST
def report_sign(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id)
    if not permissions.can_sign_report(request.user, report):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được ký số báo cáo đã duyệt và gửi."))
    issuing.sign_from_page(
        request,
        lambda: services.sign_report(report=report, by=request.user),
        done=_("Đã ký số báo cáo. Bản PDF đã ký được lưu cùng báo cáo."),
    )
    return redirect(reverse("reports:report_detail", args=[report.pk]) + "#ban-ky-so")


@login_required
def report_signed_pdf(request, report_id, copy_id):
    """A signed copy, to whoever reads the report."""
    report = permissions.get_report_for_user(request.user, report_id)
    return issuing.signed_copy_download(report, copy_id, f"bao-cao-{report.pk}-da-ky.pdf")


@login_required
@require_POST
def report_signature(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id, action="edit")
    form = SignatureForm(request.POST)
    if not form.is_valid():
        context = _report_context(request, report, signature_form=form)
        return render(request, "reports/report_detail.html", context, status=422)

    def call():
        return services.set_report_signature(report=report, by=request.user, **form.cleaned_data)

    return _act(request, report, call, _("Đã lưu nơi nhận và người ký."))


@login_required
@require_POST
def report_attach(request, report_id):
    report = permissions.get_report_for_user(request.user, report_id, action="edit")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _report_context(request, report, attachment_form=form)
        return render(request, "reports/report_detail.html", context, status=422)
    upload = form.cleaned_data["file"]

    def call():
        return services.attach_to_report(
            report=report, data=upload.read(), filename=upload.name, by=request.user
        )

    return _act(request, report, call, _("Đã đính kèm tệp."))


@login_required
def attachment_download(request, report_id, attachment_id):
    report = permissions.get_report_for_user(request.user, report_id)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(_("Không tìm thấy tệp đính kèm."))
    return stored_file(attachment.file, attachment.original_name)


@login_required
def version_detail(request, report_id, number):
    report = permissions.get_report_for_user(request.user, report_id)
    version = report.versions.select_related("created_by").filter(number=number).first()
    if version is None:
        raise Http404(_("Không tìm thấy phiên bản."))
    sections = [
        (Report._meta.get_field(name).verbose_name, version.sections.get(name, ""))
        for name in Report.SECTIONS
    ]
    return render(
        request, "reports/version_detail.html", {"report": report, "version": version, "sections": sections}
    )


def _chosen_period(request, province) -> tuple[list[ReportingPeriod], ReportingPeriod | None, bool]:
    """The province's periods (one query, also the page's choice list), the
    one asked for by ``?period=`` or else the newest, and whether the asked
    value was refused (not a period of this province)."""
    periods = list(selectors.periods_of(province))
    asked = request.GET.get("period")
    if asked is None:
        return periods, (periods[0] if periods else None), False
    chosen = next((period for period in periods if str(period.pk) == asked), None)
    if chosen is None:
        return periods, (periods[0] if periods else None), True
    return periods, chosen, False


@login_required
def province_table(request, province_id):
    province = _province_for(request, province_id)
    periods, period, refused = _chosen_period(request, province)
    table = selectors.province_table(province, period, today=timezone.localdate()) if period else None
    context = {"province": province, "periods": periods, "period": period, "refused": refused, "table": table}
    return render(request, "reports/province_table.html", context)


@login_required
def province_table_xlsx(request, province_id):
    province = _province_for(request, province_id)
    _periods, period, refused = _chosen_period(request, province)
    if period is None or refused or "period" not in request.GET:
        raise Http404(_("Không tìm thấy kỳ báo cáo."))
    table = selectors.province_table(province, period, today=timezone.localdate())
    title = _("Tổng hợp báo cáo các cơ quan — %(period)s") % {"period": period.label}
    return download(
        report_output.province_table_xlsx(table, title=title), XLSX_TYPE, f"tong-hop-bao-cao-{period.pk}.xlsx"
    )


@login_required
def periods(request, province_id):
    province = _province_for(request, province_id, permissions.can_manage_periods)
    rule_form = CutOffRuleForm(request.POST or None)
    if request.method == "POST" and rule_form.is_valid():
        try:
            services.set_cut_off_rule(province=province, by=request.user, **rule_form.cleaned_data)
        except DomainError as error:
            rule_form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu ngày chốt số liệu của tỉnh."))
            return redirect("reports:periods", province_id=province.pk)
    context = {
        "province": province,
        "rule_form": rule_form,
        "rules": province.cut_off_rules.all(),
        "periods": page_of(selectors.periods_of(province), request),
        "correction_form": PeriodCorrectionForm(),
    }
    return render(request, "reports/periods.html", context, status=422 if rule_form.errors else 200)


@login_required
@require_POST
def period_correct(request, province_id, period_id):
    province = _province_for(request, province_id, permissions.can_manage_periods)
    period = ReportingPeriod.objects.filter(pk=period_id, province=province).first()
    if period is None:
        raise Http404(_("Không tìm thấy kỳ báo cáo."))
    form = PeriodCorrectionForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [
            _("Hãy nhập đúng ngày theo dạng dd/mm/yyyy và căn cứ điều chỉnh.")
        ]:
            messages.error(request, error)
        return redirect("reports:periods", province_id=province.pk)
    try:
        services.correct_period(period=period, by=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã điều chỉnh kỳ báo cáo."))
    return redirect("reports:periods", province_id=province.pk)


def _printable(request, report_id):
    """Word, PDF and annex of a sent report (its figures are fixed then)."""
    report = permissions.get_report_for_user(request.user, report_id)
    if not report.figures:
        messages.error(
            request, _("Báo cáo chưa gửi nên chưa có số liệu chốt để in. Hãy nộp hoặc trình báo cáo trước.")
        )
        return report, redirect("reports:report_detail", report_id=report.pk)
    return report, None


@login_required
def report_docx(request, report_id):
    report, refused = _printable(request, report_id)
    return refused or download(render_report_docx(report), DOCX_TYPE, f"bao-cao-{report.pk}.docx")


@login_required
def report_pdf(request, report_id):
    report, refused = _printable(request, report_id)
    if refused:
        return refused
    try:
        data = docx_to_pdf(render_report_docx(report))
    except ConversionError as error:
        messages.error(request, str(error))
        return redirect("reports:report_detail", report_id=report.pk)
    return download(data, PDF_TYPE, f"bao-cao-{report.pk}.pdf")


@login_required
def report_xlsx(request, report_id):
    report, refused = _printable(request, report_id)
    return refused or download(report_annex_xlsx(report), XLSX_TYPE, f"phu-luc-bao-cao-{report.pk}.xlsx")
