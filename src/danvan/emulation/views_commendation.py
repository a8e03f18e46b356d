"""Pages of emulation movements, the council's review and commendation proposals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.downloads import DOCX_TYPE, download
from danvan.core.models import Agency
from danvan.core.permissions import can_view_agency
from danvan.core.services import DomainError
from danvan.emulation import exports, permissions, selectors_commendation, services
from danvan.emulation import forms_commendation as forms
from danvan.emulation.models import Candidate, ConditionCheck


def _agency_to_manage(request, agency_id: int):
    agency = permissions.commendation_agencies(request.user).filter(pk=agency_id).first()
    if agency is None:
        seen = Agency.objects.filter(pk=agency_id).first()
        if seen is not None and can_view_agency(request.user, seen):
            raise PermissionDenied(_("Chỉ lãnh đạo, văn phòng cơ quan quản lý phong trào thi đua."))
        raise Http404(_("Không tìm thấy cơ quan."))
    return agency


@login_required
def movement_create(request, agency_id):
    agency = _agency_to_manage(request, agency_id)
    form = forms.MovementForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            movement = services.launch_movement(agency=agency, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã phát động phong trào thi đua."))
            return redirect("emulation:movement_detail", movement.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "emulation/movement_form.html", {"form": form, "agency": agency}, status=status)


@login_required
def movement_detail(request, movement_id):
    movement = permissions.get_movement_for_user(request.user, movement_id)
    registrations = permissions.visible_registrations(request.user, movement).select_related("person", "unit")
    return render(
        request,
        "emulation/movement_detail.html",
        {
            "movement": movement,
            "registrations": registrations.prefetch_related("titles"),
            "may_manage": permissions.can_manage_commendation(request.user, movement.agency),
        },
    )


def _proposal_page(request, proposal, *, candidate_form=None, status=200):
    may_manage = permissions.can_manage_commendation(request.user, proposal.agency) and (
        proposal.status == proposal.Status.DRAFT
    )
    rows = selectors_commendation.proposal_candidates(proposal)
    if not permissions.sees_whole_proposal(request.user, proposal):
        rows = [row for row in rows if row["candidate"].person_id == request.user.pk]
    return render(
        request,
        "emulation/proposal_detail.html",
        {
            "proposal": proposal,
            "rows": rows,
            "may_manage": may_manage,
            "may_vote": permissions.can_vote_commendation(request.user, proposal),
            "may_decide": permissions.can_manage_commendation(request.user, proposal.agency)
            and proposal.status == proposal.Status.SUBMITTED,
            "candidate_form": candidate_form or forms.CandidateForm(agency=proposal.agency),
            "vote_form": forms.VoteForm(),
        },
        status=status,
    )


@login_required
def proposal_detail(request, proposal_id):
    return _proposal_page(request, permissions.get_proposal_for_user(request.user, proposal_id))


@login_required
@require_POST
def candidate_add(request, proposal_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="manage")
    form = forms.CandidateForm(request.POST, agency=proposal.agency)
    if form.is_valid():
        try:
            services.add_candidate(proposal=proposal, **form.cleaned_data, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm vào danh sách đề nghị."))
            return redirect("emulation:proposal_detail", proposal.pk)
    return _proposal_page(request, proposal, candidate_form=form, status=422)


@login_required
@require_POST
def vote_record(request, proposal_id, candidate_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="vote")
    candidate = get_object_or_404(Candidate, pk=candidate_id, proposal=proposal)
    form = forms.VoteForm(request.POST)
    if form.is_valid():
        try:
            services.record_vote(
                candidate=candidate,
                votes_for=form.cleaned_data["votes_for"],
                written_votes_for=form.cleaned_data["written_votes_for"] or 0,
                by=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã ghi kết quả bỏ phiếu."))
            return redirect("emulation:proposal_detail", proposal.pk)
    else:
        messages.error(request, _("Số phiếu không hợp lệ."))
    return _proposal_page(request, proposal, status=422)


@login_required
def proposal_download(request, proposal_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="manage")
    return download(
        exports.proposal_docx(proposal), DOCX_TYPE, f"Ho so de nghi khen thuong {proposal.year}.docx"
    )


@login_required
def minutes_download(request, proposal_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id)
    if not permissions.sees_whole_proposal(request.user, proposal):
        raise PermissionDenied(_("Chỉ hội đồng và văn phòng cơ quan tải biên bản."))
    return download(
        exports.minutes_docx(proposal.meeting), DOCX_TYPE, f"Bien ban hoi dong {proposal.year}.docx"
    )


def _act(request, proposal, form, action, done: str):
    """Run ``action(**cleaned_data)`` for a valid form; a refusal shows on the page (422)."""
    if form.is_valid():
        try:
            action(**form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
            return redirect("emulation:proposal_detail", proposal.pk)
    else:
        messages.error(request, _("Thông tin chưa hợp lệ."))
    return _proposal_page(request, proposal, status=422)


@login_required
@require_POST
def condition_confirm(request, proposal_id, check_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="manage")
    check = get_object_or_404(ConditionCheck, pk=check_id, candidate__proposal=proposal)
    return _act(
        request,
        proposal,
        forms.ConfirmForm(request.POST),
        lambda note: services.confirm_condition(check=check, note=note, by=request.user),
        _("Đã xác nhận điều kiện."),
    )


@login_required
@require_POST
def proposal_submit(request, proposal_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="manage")
    return _act(
        request,
        proposal,
        forms.SubmitForm(request.POST),
        lambda submitted_on: services.submit_proposal(
            proposal=proposal, submitted_on=submitted_on, by=request.user
        ),
        _("Đã trình hồ sơ đề nghị khen thưởng."),
    )


@login_required
@require_POST
def proposal_decision(request, proposal_id):
    proposal = permissions.get_proposal_for_user(request.user, proposal_id, action="manage")
    return _act(
        request,
        proposal,
        forms.DecisionForm(request.POST),
        lambda number, decided_on: services.record_decision(
            proposal=proposal, number=number, decided_on=decided_on, by=request.user
        ),
        _("Đã ghi quyết định khen thưởng."),
    )


@login_required
def council_create(request, agency_id):
    """The council's year-end meeting, which opens the year's proposal file."""
    agency = _agency_to_manage(request, agency_id)
    form = forms.CouncilForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        absent = set(data["absent"])
        try:
            meeting = services.hold_council_meeting(
                agency=agency,
                year=data["year"],
                held_on=data["held_on"],
                chaired_by=data["chaired_by"],
                members=[(person, person not in absent) for person in data["members"]],
                by=request.user,
            )
            proposal = services.open_proposal(meeting=meeting, by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi cuộc họp hội đồng và mở hồ sơ đề nghị."))
            return redirect("emulation:proposal_detail", proposal.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "emulation/proposal_council_form.html", {"form": form, "agency": agency}, status=status
    )


@login_required
def registration_create(request, movement_id):
    movement = permissions.get_movement_for_user(request.user, movement_id, action="manage")
    form = forms.RegistrationForm(request.POST or None, agency=movement.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_for_emulation(
                movement=movement,
                **{**form.cleaned_data, "titles": list(form.cleaned_data["titles"])},
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi đăng ký thi đua."))
            return redirect("emulation:movement_detail", movement.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "emulation/movement_registration_form.html",
        {"form": form, "movement": movement},
        status=status,
    )
