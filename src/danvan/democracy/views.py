"""Democracy pages: briefings and their attendance, who is briefed on a document,
disclosures to staff and staff's requests for information."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import download, stored_file
from danvan.core.permissions import can_use_admin_site
from danvan.core.services import DomainError
from danvan.democracy import exports, forms, permissions, selectors, services
from danvan.democracy.models import Briefing
from danvan.documents.models import LegalDocument

AREA = "democracy"


def _render(request, template, context, status=200):
    return render(request, f"democracy/{template}", {**context, "area_slug": AREA}, status=status)


@login_required
def index(request):
    context = {**selectors.index_page(request.user), **selectors.coordination_section(request.user)}
    return _render(request, "index.html", context)


# --- Briefings ------------------------------------------------------------------


def _makeup_initial(request, agency):
    """``?van_ban=<id>``: a make-up session for who is not yet briefed on the document."""
    document = LegalDocument.objects.filter(pk=request.GET.get("van_ban") or 0).first()
    if document is None:
        return {}
    found = selectors.coverage(agency, document)
    last = Briefing.objects.filter(agency=agency, documents=document).order_by("-held_on", "-pk").first()
    title = _("Quán triệt bù: %(doc)s") % {"doc": document}
    return {"title": title, "documents": [document], "people": found.missing, "makes_up": last}


@login_required
def briefing_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    form = forms.BriefingForm(
        request.POST or None,
        agency=agency,
        initial=_makeup_initial(request, agency),
        may_add_to_library=can_use_admin_site(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "other_document"}
        try:
            briefing = services.schedule_briefing(agency=agency, by=request.user, **data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lên lịch buổi quán triệt."))
            return redirect("democracy:briefing_detail", briefing_id=briefing.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "briefing_form.html", {"form": form, "agency": agency}, status=status)


def _briefing_page(request, briefing, *, attendance_form=None, material_form=None, status=200):
    context = selectors.briefing_page(request.user, briefing)
    if context["can_manage"]:
        lines = [line for line in context["attendances"]]
        context["attendance_form"] = attendance_form or forms.AttendanceForm(lines=lines)
        context["material_form"] = material_form or forms.MaterialForm()
    return _render(request, "briefing_detail.html", context, status=status)


@login_required
def briefing_detail(request, briefing_id):
    return _briefing_page(request, permissions.get_briefing_for_user(request.user, briefing_id))


@login_required
@require_POST
def briefing_attendance(request, briefing_id):
    briefing = permissions.get_briefing_for_user(request.user, briefing_id, action="manage")
    lines = briefing.attendances.select_related("person__unit").order_by(
        "person__unit__sort_key", "person__full_name"
    )
    form = forms.AttendanceForm(request.POST, lines=lines)
    if form.is_valid():
        try:
            services.record_attendance(
                briefing=briefing, marks=form.marks(), today=timezone.localdate(), by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi điểm danh."))
            return redirect("democracy:briefing_detail", briefing_id=briefing.pk)
    return _briefing_page(request, briefing, attendance_form=form, status=422)


@login_required
@require_POST
def material_upload(request, briefing_id):
    briefing = permissions.get_briefing_for_user(request.user, briefing_id, action="manage")
    form = forms.MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.attach_material(
                briefing=briefing, data=upload.read(), filename=upload.name, by=request.user
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("Đã thêm tài liệu."))
            return redirect("democracy:briefing_detail", briefing_id=briefing.pk)
    return _briefing_page(request, briefing, material_form=form, status=422)


@login_required
def material_download(request, briefing_id, material_id):
    briefing = permissions.get_briefing_for_user(request.user, briefing_id)
    material = briefing.materials.filter(pk=material_id).first()
    if material is None:
        raise Http404(_("Không tìm thấy tài liệu."))
    return stored_file(material.file, material.original_name)


@login_required
def coverage(request, agency_id, document_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="oversee")
    document = LegalDocument.objects.filter(pk=document_id).first()
    if document is None:
        raise Http404(_("Không tìm thấy văn bản."))
    context = {
        "coverage": selectors.coverage(agency, document),
        "can_manage": permissions.can_manage_democracy(request.user, agency),
    }
    return _render(request, "coverage.html", context)


# --- Disclosures ----------------------------------------------------------------


@login_required
def disclosure_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    form = forms.DisclosureRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            disclosure = services.register_disclosure(
                agency=agency, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi vào sổ công khai."))
            return redirect("democracy:disclosure_detail", disclosure_id=disclosure.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "disclosure_form.html", {"form": form, "agency": agency}, status=status)


def _disclosure_page(request, disclosure, *, form=None, status=200):
    context = selectors.disclosure_page(request.user, disclosure, today=timezone.localdate())
    if context["can_manage"]:
        initial = {
            "forms": disclosure.forms,
            "disclosed_on": disclosure.disclosed_on,
            "posted_from": disclosure.posted_from,
            "posted_until": disclosure.posted_until,
        }
        context["form"] = form or forms.DisclosureRecordForm(initial=initial)
    return _render(request, "disclosure_detail.html", context, status=status)


@login_required
def disclosure_detail(request, disclosure_id):
    return _disclosure_page(request, permissions.get_disclosure_for_user(request.user, disclosure_id))


@login_required
@require_POST
def disclosure_record(request, disclosure_id):
    disclosure = permissions.get_disclosure_for_user(request.user, disclosure_id, action="manage")
    form = forms.DisclosureRecordForm(request.POST)
    if form.is_valid():
        try:
            services.record_disclosure(
                disclosure=disclosure, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi việc công khai."))
            return redirect("democracy:disclosure_detail", disclosure_id=disclosure.pk)
    disclosure.refresh_from_db()
    return _disclosure_page(request, disclosure, form=form, status=422)


# --- Requests for information (Điều 48 k4) --------------------------------------


@login_required
def request_create(request):
    agencies = permissions.working_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(
            _("Chỉ người làm việc ở một cơ quan mới đề nghị cơ quan ấy cung cấp thông tin.")
        )
    form = forms.RequestForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            found = services.request_information(
                **form.cleaned_data, today=timezone.localdate(), by=request.user
            )
        except DomainError as error:
            form.add_error("subject", error.message)
        else:
            messages.success(request, _("Đã gửi đề nghị."))
            return redirect("democracy:request_detail", request_id=found.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "request_form.html", {"form": form}, status=status)


def _request_page(request, found, *, form=None, status=200):
    context = {"info_request": found, "can_answer": permissions.can_answer_request(request.user, found)}
    context["form"] = form or forms.AnswerForm()
    return _render(request, "request_detail.html", context, status=status)


@login_required
def request_detail(request, request_id):
    return _request_page(request, permissions.get_request_for_user(request.user, request_id))


@login_required
@require_POST
def request_answer(request, request_id):
    found = permissions.get_request_for_user(request.user, request_id, action="answer")
    form = forms.AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_request(
                request=found, answer=form.cleaned_data["answer"], today=timezone.localdate(), by=request.user
            )
        except DomainError as error:
            form.add_error("answer", error.message)
        else:
            messages.success(request, _("Đã trả lời đề nghị."))
            return redirect("democracy:request_detail", request_id=found.pk)
    return _request_page(request, found, form=form, status=422)


# --- The People's Inspection Board ----------------------------------------------


@login_required
def board_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    initial = {"staff_count": selectors.staff_of(agency).count()}
    form = forms.BoardForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("elected_on", "staff_count", "recognised_on")}
        try:
            board = services.elect_board(
                agency=agency, seats=form.seats(), today=timezone.localdate(), by=request.user, **data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi Ban Thanh tra nhân dân."))
            return redirect("democracy:board_detail", board_id=board.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "board_form.html", {"form": form, "agency": agency}, status=status)


def _board_page(request, board, *, recognition_form=None, status=200):
    context = selectors.board_page(request.user, board, today=timezone.localdate())
    context["recognition_form"] = recognition_form or forms.RecognitionForm()
    return _render(request, "board_detail.html", context, status=status)


@login_required
def board_detail(request, board_id):
    return _board_page(request, permissions.get_board_for_user(request.user, board_id))


@login_required
@require_POST
def board_recognition(request, board_id):
    board = permissions.get_board_for_user(request.user, board_id, action="manage")
    form = forms.RecognitionForm(request.POST)
    if form.is_valid():
        try:
            services.record_recognition(
                board=board, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi ngày công nhận."))
            return redirect("democracy:board_detail", board_id=board.pk)
    board.refresh_from_db()
    return _board_page(request, board, recognition_form=form, status=422)


@login_required
def inspection_create(request, board_id):
    board = permissions.get_board_for_user(request.user, board_id, action="inspect")
    form = forms.InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.plan_inspection(board=board, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kế hoạch kiểm tra."))
            return redirect("democracy:inspection_detail", inspection_id=inspection.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "inspection_form.html", {"form": form, "board": board}, status=status)


def _inspection_page(
    request, inspection, *, result_form=None, recommendation_form=None, answer=None, status=200
):
    context = selectors.inspection_page(request.user, inspection, today=timezone.localdate())
    initial = {"notified_on": inspection.notified_on, "result": inspection.result}
    context["result_form"] = result_form or forms.InspectionResultForm(initial=initial)
    context["recommendation_form"] = recommendation_form or forms.RecommendationForm()
    for item in context["recommendations"]:
        item.answer_form = (
            answer[1]
            if answer and answer[0] == item.pk
            else forms.RecommendationAnswerForm(prefix=f"r{item.pk}")
        )
    return _render(request, "inspection_detail.html", context, status=status)


@login_required
def inspection_detail(request, inspection_id):
    return _inspection_page(request, permissions.get_inspection_for_user(request.user, inspection_id))


@login_required
@require_POST
def inspection_result(request, inspection_id):
    inspection = permissions.get_inspection_for_user(request.user, inspection_id, action="inspect")
    form = forms.InspectionResultForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.record_inspection_result(
                inspection=inspection,
                notified_on=form.cleaned_data["notified_on"],
                result=form.cleaned_data["result"],
                data=upload.read() if upload else None,
                filename=upload.name if upload else "",
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm tra."))
            return redirect("democracy:inspection_detail", inspection_id=inspection.pk)
    inspection.refresh_from_db()
    return _inspection_page(request, inspection, result_form=form, status=422)


@login_required
def inspection_file(request, inspection_id):
    inspection = permissions.get_inspection_for_user(request.user, inspection_id)
    if not inspection.result_file:
        raise Http404(_("Không tìm thấy tài liệu."))
    return stored_file(inspection.result_file, inspection.result_file_name)


@login_required
@require_POST
def recommendation_create(request, inspection_id):
    inspection = permissions.get_inspection_for_user(request.user, inspection_id, action="inspect")
    form = forms.RecommendationForm(request.POST)
    if form.is_valid():
        try:
            services.recommend(inspection=inspection, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã gửi kiến nghị."))
            return redirect("democracy:inspection_detail", inspection_id=inspection.pk)
    return _inspection_page(request, inspection, recommendation_form=form, status=422)


@login_required
@require_POST
def recommendation_answer(request, recommendation_id):
    recommendation = permissions.get_recommendation_for_user(request.user, recommendation_id)
    form = forms.RecommendationAnswerForm(request.POST, prefix=f"r{recommendation.pk}")
    if form.is_valid():
        try:
            services.answer_recommendation(
                recommendation=recommendation,
                today=timezone.localdate(),
                by=request.user,
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã trả lời kiến nghị."))
            return redirect("democracy:inspection_detail", inspection_id=recommendation.inspection_id)
    inspection = recommendation.inspection
    return _inspection_page(request, inspection, answer=(recommendation.pk, form), status=422)


# --- The staff conference -------------------------------------------------------

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def conference_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    initial = {"work_year": timezone.localdate().year - 1, "staff_count": selectors.staff_of(agency).count()}
    form = forms.ConferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            conference = services.hold_conference(
                agency=agency,
                items=form.items(),
                today=timezone.localdate(),
                by=request.user,
                **form.service_data(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi hội nghị."))
            return redirect("democracy:conference_detail", conference_id=conference.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "conference_form.html", {"form": form, "agency": agency}, status=status)


def _conference_page(request, conference, *, vote=None, check=None, status=200):
    context = selectors.conference_page(request.user, conference)
    for item in context["items"]:
        item.vote_form = vote[1] if vote and vote[0] == item.pk else forms.VoteForm(prefix=f"v{item.pk}")
    for line in context["checks"]:
        line.form = check[1] if check and check[0] == line.pk else forms.CheckForm(prefix=f"c{line.pk}")
    return _render(request, "conference_detail.html", context, status=status)


@login_required
def conference_detail(request, conference_id):
    return _conference_page(request, permissions.get_conference_for_user(request.user, conference_id))


@login_required
@require_POST
def conference_vote(request, conference_id, item_id):
    conference = permissions.get_conference_for_user(request.user, conference_id, action="manage")
    item = conference.items.filter(pk=item_id).first()
    if item is None:
        raise Http404(_("Không tìm thấy nội dung."))
    form = forms.VoteForm(request.POST, prefix=f"v{item.pk}")
    if form.is_valid():
        try:
            services.record_vote(item=item, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả biểu quyết."))
            return redirect("democracy:conference_detail", conference_id=conference.pk)
    return _conference_page(request, conference, vote=(item.pk, form), status=422)


@login_required
@require_POST
def conference_check(request, conference_id, check_id):
    conference = permissions.get_conference_for_user(request.user, conference_id, action="manage")
    check = conference.checks.filter(pk=check_id).first()
    if check is None:
        raise Http404(_("Không tìm thấy lần kiểm tra."))
    form = forms.CheckForm(request.POST, prefix=f"c{check.pk}")
    if form.is_valid():
        try:
            services.record_check(
                check=check, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm tra."))
            return redirect("democracy:conference_detail", conference_id=conference.pk)
    return _conference_page(request, conference, check=(check.pk, form), status=422)


@login_required
def conference_resolution(request, conference_id):
    conference = permissions.get_conference_for_user(request.user, conference_id)
    filename = f"Nghi quyet hoi nghi can bo nam {conference.work_year}.docx"
    return download(exports.resolution_docx(conference), DOCX, filename)


# --- The Board's programmes, reports and staff petitions -------------------------


def _board_work_page(
    request, board, *, programme_form=None, report_form=None, petition_form=None, status=200
):
    context = selectors.board_work_page(request.user, board, today=timezone.localdate())
    context["programme_form"] = programme_form or forms.ProgrammeForm()
    context["report_form"] = report_form or forms.ReportScheduleForm()
    return _render(request, "board_work.html", context, status=status)


@login_required
def board_work(request, board_id):
    board = permissions.get_board_for_user(request.user, board_id, action="work")
    return _board_work_page(request, board)


@login_required
@require_POST
def programme_create(request, board_id):
    board = permissions.get_board_for_user(request.user, board_id, action="inspect")
    form = forms.ProgrammeForm(request.POST)
    if form.is_valid():
        try:
            services.adopt_programme(board=board, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi chương trình công tác."))
            return redirect("democracy:board_work", board_id=board.pk)
    return _board_work_page(request, board, programme_form=form, status=422)


@login_required
@require_POST
def report_create(request, board_id):
    board = permissions.get_board_for_user(request.user, board_id, action="inspect")
    form = forms.ReportScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_report(board=board, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kỳ báo cáo."))
            return redirect("democracy:board_work", board_id=board.pk)
    return _board_work_page(request, board, report_form=form, status=422)


@login_required
def staff_petition_create(request, board_id):
    """On its own page: the list of the agency's staff to pick the sender from
    never stands beside the petitions already received."""
    board = permissions.get_board_for_user(request.user, board_id, action="inspect")
    form = forms.StaffPetitionForm(request.POST or None, agency=board.agency)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.receive_staff_petition(
                board=board, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã tiếp nhận kiến nghị, phản ánh."))
            return redirect("democracy:staff_petition_detail", petition_id=petition.pk)
    status = 422 if request.method == "POST" else 200
    return _render(request, "staff_petition_form.html", {"board": board, "form": form}, status=status)


def _report_page(request, report, *, form=None, status=200):
    context = selectors.board_report_page(request.user, report, today=timezone.localdate())
    context["form"] = form or forms.ReportSubmitForm(initial={"submitted_to": report.submitted_to})
    return _render(request, "board_report_detail.html", context, status=status)


@login_required
def board_report_detail(request, report_id):
    return _report_page(request, permissions.get_board_report_for_user(request.user, report_id))


@login_required
@require_POST
def board_report_submit(request, report_id):
    report = permissions.get_board_report_for_user(request.user, report_id, action="submit")
    form = forms.ReportSubmitForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data.pop("file")
        try:
            services.submit_report(
                report=report,
                data=upload.read() if upload else None,
                filename=upload.name if upload else "",
                today=timezone.localdate(),
                by=request.user,
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi việc gửi báo cáo."))
            return redirect("democracy:board_report_detail", report_id=report.pk)
    report.refresh_from_db()
    return _report_page(request, report, form=form, status=422)


@login_required
def board_report_file(request, report_id):
    report = permissions.get_board_report_for_user(request.user, report_id)
    if not report.file:
        raise Http404(_("Không tìm thấy tài liệu."))
    return stored_file(report.file, report.file_name)


def _petition_page(request, petition, *, failed=None, status=200):
    context = selectors.staff_petition_page(request.user, petition)
    board = petition.board
    context["verify_form"] = forms.PetitionVerifyForm(initial={"verification": petition.verification})
    context["recommendation_form"] = forms.PetitionRecommendationForm(board=board)
    context["answer_form"] = forms.PetitionAnswerForm()
    context["close_form"] = forms.PetitionCloseForm()
    if failed:
        context[failed[0]] = failed[1]
    return _render(request, "staff_petition_detail.html", context, status=status)


@login_required
def staff_petition_detail(request, petition_id):
    return _petition_page(request, permissions.get_staff_petition_for_user(request.user, petition_id))


PETITION_STEPS = {
    "xac-minh": ("verify_form", forms.PetitionVerifyForm, services.verify_staff_petition, False),
    "kien-nghi": (
        "recommendation_form",
        forms.PetitionRecommendationForm,
        services.link_petition_recommendation,
        False,
    ),
    "tra-loi": ("answer_form", forms.PetitionAnswerForm, services.answer_staff_petition, True),
    "ket-thuc": ("close_form", forms.PetitionCloseForm, services.close_staff_petition, True),
}


@login_required
@require_POST
def staff_petition_step(request, petition_id, step):
    petition = permissions.get_staff_petition_for_user(request.user, petition_id, action="handle")
    if step not in PETITION_STEPS:
        raise Http404(_("Không tìm thấy trang."))
    name, form_class, service, dated = PETITION_STEPS[step]
    extra = {"board": petition.board} if form_class is forms.PetitionRecommendationForm else {}
    form = form_class(request.POST, **extra)
    if form.is_valid():
        when = {"today": timezone.localdate()} if dated else {}
        try:
            service(petition=petition, by=request.user, **when, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi việc xử lý kiến nghị, phản ánh."))
            return redirect("democracy:staff_petition_detail", petition_id=petition.pk)
    petition.refresh_from_db()
    return _petition_page(request, petition, failed=(name, form), status=422)


# --- Written ballot (Điều 50) ------------------------------------------------------


def _ballots_page(request, agency, *, attempt_form=None, ballot_form=None, status=200):
    context = selectors.ballots_page(request.user, agency)
    context["attempt_form"] = attempt_form or forms.AttemptForm()
    context["ballot_form"] = ballot_form or forms.BallotForm()
    return _render(request, "ballots.html", context, status=status)


@login_required
def ballots(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id)
    return _ballots_page(request, agency)


@login_required
@require_POST
def attempt_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    form = forms.AttemptForm(request.POST)
    if form.is_valid():
        try:
            services.record_attempt(
                agency=agency, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi lần triệu tập hội nghị."))
            return redirect("democracy:ballots", agency_id=agency.pk)
    return _ballots_page(request, agency, attempt_form=form, status=422)


@login_required
@require_POST
def ballot_create(request, agency_id):
    agency = permissions.get_agency_for_democracy(request.user, agency_id, action="manage")
    form = forms.BallotForm(request.POST)
    if form.is_valid():
        try:
            ballot = services.open_written_ballot(
                agency=agency, today=timezone.localdate(), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi đợt lấy ý kiến bằng phiếu."))
            return redirect("democracy:ballot_detail", ballot_id=ballot.pk)
    return _ballots_page(request, agency, ballot_form=form, status=422)


def _ballot_page(request, ballot, *, failed=None, status=200):
    context = selectors.ballot_page(request.user, ballot)
    for item in context["items"]:
        item.count_form = (
            failed[1] if failed and failed[0] == item.pk else forms.BallotCountForm(prefix=f"b{item.pk}")
        )
    return _render(request, "ballot_detail.html", context, status=status)


@login_required
def ballot_detail(request, ballot_id):
    return _ballot_page(request, permissions.get_ballot_for_user(request.user, ballot_id))


@login_required
@require_POST
def ballot_count(request, item_id):
    item = permissions.get_ballot_item_for_user(request.user, item_id)
    form = forms.BallotCountForm(request.POST, prefix=f"b{item.pk}")
    if form.is_valid():
        try:
            services.count_ballots(item=item, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm phiếu."))
            return redirect("democracy:ballot_detail", ballot_id=item.ballot_id)
    return _ballot_page(request, item.ballot, failed=(item.pk, form), status=422)
