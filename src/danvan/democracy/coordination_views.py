"""Pages of the coordination with the Fatherland Front and the socio-political
organisations (programmes, joint activities, supervision findings and the answers) and of
the agency's democracy regulation (its versions, the documents requiring a revision)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import stored_file
from danvan.core.services import DomainError
from danvan.democracy import coordination_forms as forms
from danvan.democracy import permissions, selectors, services

AREA = "democracy"


def _render(request, template, context, status=200):
    return render(request, f"democracy/{template}", {**context, "area_slug": AREA}, status=status)


# --- Coordination ---------------------------------------------------------------


def _coordination(request, agency, *, organisation_form=None, status=200):
    context = selectors.coordination_page(request.user, agency, today=timezone.localdate())
    context["organisation_form"] = organisation_form or forms.OrganisationForm()
    return _render(request, "coordination_index.html", context, status=status)


@login_required
def coordination_index(request, agency_id):
    return _coordination(request, permissions.get_agency_for_coordination(request.user, agency_id))


@login_required
@require_POST
def organisation_create(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    form = forms.OrganisationForm(request.POST)
    if form.is_valid():
        try:
            services.add_organisation(agency=agency, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm tổ chức."))
            return redirect("democracy:coordination_index", agency_id=agency.pk)
    return _coordination(request, agency, organisation_form=form, status=422)


@login_required
@require_POST
def organisation_standard(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    added = services.add_standard_organisations(agency=agency, by=request.user)
    messages.success(request, _("Đã thêm %(count)s tổ chức.") % {"count": len(added)})
    return redirect("democracy:coordination_index", agency_id=agency.pk)


@login_required
def programme_create(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    form = forms.ProgrammeForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.sign_programme(agency=agency, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi chương trình phối hợp."))
            return redirect("democracy:programme_detail", programme_id=programme.pk)
    status = 422 if request.method == "POST" else 200
    return _render(
        request, "coordination_programme_form.html", {"form": form, "agency": agency}, status=status
    )


def _programme(request, programme, *, activity_form=None, record=None, status=200):
    context = selectors.programme_page(request.user, programme, today=timezone.localdate())
    context["activity_form"] = activity_form or forms.ActivityForm(agency=programme.agency)
    for activity in context["activities"]:
        activity.record_form = (
            record[1]
            if record and record[0] == activity.pk
            else forms.ActivityRecordForm(
                prefix=f"a{activity.pk}",
                initial={"status": activity.status, "done_on": activity.done_on, "note": activity.note},
            )
        )
    return _render(request, "coordination_programme_detail.html", context, status=status)


@login_required
def programme_detail(request, programme_id):
    return _programme(request, permissions.get_programme_for_user(request.user, programme_id))


@login_required
@require_POST
def activity_create(request, programme_id):
    programme = permissions.get_programme_for_user(request.user, programme_id, action="manage")
    form = forms.ActivityForm(request.POST, agency=programme.agency)
    if form.is_valid():
        try:
            services.add_joint_activity(programme=programme, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm hoạt động phối hợp."))
            return redirect("democracy:programme_detail", programme_id=programme.pk)
    return _programme(request, programme, activity_form=form, status=422)


@login_required
@require_POST
def activity_record(request, activity_id):
    activity = permissions.get_activity_for_user(request.user, activity_id)
    form = forms.ActivityRecordForm(request.POST, prefix=f"a{activity.pk}")
    if form.is_valid():
        try:
            services.record_activity(
                activity=activity, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi hoạt động phối hợp."))
            return redirect("democracy:programme_detail", programme_id=activity.programme_id)
    programme = permissions.get_programme_for_user(request.user, activity.programme_id)
    return _programme(request, programme, record=(activity.pk, form), status=422)


@login_required
def finding_create(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    form = forms.FindingForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            finding = services.receive_finding(
                agency=agency, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả giám sát, phản biện, góp ý."))
            return redirect("democracy:finding_detail", finding_id=finding.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "coordination_finding_form.html", {"form": form, "agency": agency}, status=status)


def _finding(request, finding, *, form=None, status=200):
    context = selectors.finding_page(request.user, finding, today=timezone.localdate())
    context["answer_form"] = form or forms.FindingAnswerForm()
    return _render(request, "coordination_finding_detail.html", context, status=status)


@login_required
def finding_detail(request, finding_id):
    return _finding(request, permissions.get_finding_for_user(request.user, finding_id))


@login_required
@require_POST
def finding_answer(request, finding_id):
    finding = permissions.get_finding_for_user(request.user, finding_id, action="answer")
    form = forms.FindingAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_finding(
                finding=finding, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi câu trả lời."))
            return redirect("democracy:finding_detail", finding_id=finding.pk)
    return _finding(request, finding, form=form, status=422)


# --- The democracy regulation ----------------------------------------------------


def _regulation(request, agency, *, form=None, trigger_form=None, status=200):
    context = selectors.regulation_page(request.user, agency)
    context["form"] = form or forms.RegulationForm()
    context["trigger_form"] = trigger_form or forms.TriggerForm()
    return _render(request, "regulation_detail.html", context, status=status)


@login_required
def regulation_detail(request, agency_id):
    return _regulation(request, permissions.get_agency_for_coordination(request.user, agency_id))


@login_required
@require_POST
def regulation_register(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    form = forms.RegulationForm(request.POST, request.FILES)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "file"}
        upload = form.cleaned_data["file"]
        try:
            version = services.register_regulation(
                agency=agency,
                data=upload.read() if upload else None,
                filename=upload.name if upload else "",
                today=timezone.localdate(),
                by=request.user,
                **data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Đã ghi quy chế, lần ban hành %(version)s.") % {"version": version.version}
            )
            return redirect("democracy:regulation_detail", agency_id=agency.pk)
    return _regulation(request, agency, form=form, status=422)


@login_required
@require_POST
def regulation_trigger(request, agency_id):
    agency = permissions.get_agency_for_coordination(request.user, agency_id, action="manage")
    form = forms.TriggerForm(request.POST)
    if form.is_valid():
        try:
            services.mark_regulation_trigger(
                agency=agency, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi văn bản yêu cầu sửa đổi quy chế."))
            return redirect("democracy:regulation_detail", agency_id=agency.pk)
    return _regulation(request, agency, trigger_form=form, status=422)


@login_required
def regulation_version(request, version_id):
    version = permissions.get_regulation_version_for_user(request.user, version_id)
    return _render(request, "regulation_version.html", selectors.version_page(request.user, version))


@login_required
def regulation_file(request, version_id):
    version = permissions.get_regulation_version_for_user(request.user, version_id)
    if not version.file:
        raise Http404(_("Không tìm thấy tài liệu."))
    return stored_file(version.file, version.original_name)
