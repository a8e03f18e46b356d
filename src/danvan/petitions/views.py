"""Pages of officials: the petition list and dashboard, intake, processing,
cases, the denouncer's identity, the reception register and schedule.

Every action page shows its form on GET and acts on POST; a refused action
re-renders the form with the Vietnamese reason and everything typed.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core import ratelimit
from danvan.core.audit import record_list_read, record_read
from danvan.core.downloads import DOCX_TYPE, PDF_TYPE, download, stored_file
from danvan.core.models import Agency
from danvan.core.paging import page_of
from danvan.core.permissions import get_agency_for_user
from danvan.core.services import DomainError
from danvan.core.storage import StorageUnavailable
from danvan.documents import issuing
from danvan.documents.output.pdf import ConversionError, docx_to_pdf
from danvan.petitions import forms, letters, permissions, selectors, services
from danvan.petitions.models import Petition
from danvan.petitions.public_links import public_links


def _action_page(request, petition, form, title, submit, status=200):
    context = {"petition": petition, "form": form, "title": title, "submit": submit}
    return render(request, "petitions/action_form.html", context, status=status)


def _refused(request, petition, form, title, submit, error):
    form.add_error(None, error.message)
    return _action_page(request, petition, form, title, submit, status=422)


@login_required
def index(request):
    filters = {key: request.GET.get(key, "") for key in ("q", "status", "kind")}
    petitions = selectors.petitions_for_list(
        request.user, query=filters["q"], status=filters["status"], kind=filters["kind"]
    )
    # The agency of each row by its name on the day the petition came in.
    page = page_of(petitions.prefetch_related("agency__former_names"), request)
    record_list_read(
        request, [row for row in page.object_list if row.shows_sender()], "petitions.petition_list"
    )
    context = {
        "page": page,
        "filters": filters,
        "statuses": Petition.Status.choices,
        "kinds": Petition.Kind.choices,
        "can_receive": permissions.receiving_agencies(request.user).exists(),
        "area_slug": "petitions",
    }
    return render(request, "petitions/index.html", context)


@login_required
def dashboard(request):
    if not permissions.petition_agencies(request.user).exists():
        raise PermissionDenied(_("Bạn không theo dõi đơn thư của cơ quan nào."))
    today = timezone.localdate()
    form = forms.PeriodForm(request.GET or {"start": today.replace(month=1, day=1), "end": today})
    period = form.cleaned_data if form.is_valid() else {"start": today.replace(month=1, day=1), "end": today}
    context = {
        **{
            name: page_of(rows, request, per_page=20, param=f"trang_{name}")
            for name, rows in selectors.hot_spots(request.user, today=today).items()
        },
        "figures": selectors.figures(request.user, start=period["start"], end=period["end"], today=today),
        **period,
        "form": form,
        "area_slug": "petitions",
    }
    return render(request, "petitions/dashboard.html", context)


@login_required
def petition_create(request):
    agencies = permissions.receiving_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(_("Bạn không có quyền tiếp nhận đơn."))
    form = forms.PetitionForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("attachment")
        try:
            petition = services.receive_petition(**data, by=request.user)
            if upload:
                services.attach_file(
                    petition=petition, data=upload.read(), filename=upload.name, by=request.user
                )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã tiếp nhận đơn %(code)s.") % {"code": petition.code})
            return redirect("petitions:petition_detail", petition_id=petition.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "petitions/petition_form.html", {"form": form, "area_slug": "petitions"}, status=status
    )


@login_required
def petition_detail(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id)
    if petition.citizen_id:
        record_read(request, petition, "petitions.petition_detail")
    return render(request, "petitions/petition_detail.html", selectors.petition_page(request.user, petition))


@login_required
def attachment_download(request, petition_id, attachment_id):
    """A file the citizen sent. A denunciation's files may show who wrote it
    (handwriting, signature), so they open only with a grant to read the
    denouncer's identity, and each opening is logged as a read of it."""
    petition = permissions.get_petition_for_user(request.user, petition_id)
    attachment = petition.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(_("Không tìm thấy tài liệu kèm theo."))
    if petition.is_denunciation:
        if not permissions.can_read_denouncer_identity(request.user, petition):
            raise Http404(_("Không tìm thấy tài liệu kèm theo."))
        services.read_denouncer_identity(petition=petition, by=request.user)
    record_read(request, petition, "petitions.attachment_download")
    return stored_file(attachment.file, attachment.original_name, personal=True)


CLASSIFY = gettext_lazy("Phân loại đơn")


@login_required
def petition_classify(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    form = forms.ClassifyForm(
        request.POST or None,
        initial={"kind": petition.kind},
        duplicates=selectors.duplicate_candidates(petition),
        handlers=selectors.handlers_for(petition.agency_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.classify_petition(petition=petition, **form.cleaned_data, by=request.user)
        except DomainError as error:
            return _refused(request, petition, form, CLASSIFY, CLASSIFY, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _action_page(
        request, petition, form, CLASSIFY, CLASSIFY, status=422 if request.method == "POST" else 200
    )


ACCEPT = gettext_lazy("Thụ lý đơn")


@login_required
def petition_accept(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    handlers = selectors.handlers_for(petition.agency_id)
    form = forms.AcceptForm(request.POST or None, handlers=handlers, initial={"handler": petition.handler})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.accept_petition(
                petition=petition,
                accepted_on=data["accepted_on"],
                handler=data["handler"],
                instance=data["stage"],
                remote_area=data["remote_area"],
                by=request.user,
            )
        except DomainError as error:
            return _refused(request, petition, form, ACCEPT, ACCEPT, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    context = {"duplicates": selectors.duplicate_candidates(petition)}
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "petitions/action_form.html",
        {"petition": petition, "form": form, "title": ACCEPT, "submit": ACCEPT, **context},
        status=status,
    )


OUTCOMES = {
    "huong-dan": (services.guide_petition, gettext_lazy("Hướng dẫn người gửi đến cơ quan có thẩm quyền")),
    "chuyen-don": (services.forward_petition, gettext_lazy("Chuyển đơn đến cơ quan có thẩm quyền")),
    "tra-lai": (services.return_petition, gettext_lazy("Trả lại đơn cho cơ quan đã chuyển")),
    "tra-loi": (services.answer_petition, gettext_lazy("Trả lời người gửi đơn")),
    "luu-don": (services.file_petition, gettext_lazy("Lưu đơn, không xử lý")),
    "rut-don": (services.withdraw_petition, gettext_lazy("Ghi nhận người gửi rút đơn")),
}


@login_required
def petition_outcome(request, petition_id, outcome):
    if outcome not in OUTCOMES:
        raise Http404(_("Không tìm thấy trang."))
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    service, title = OUTCOMES[outcome]
    form = forms.OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if service is not services.answer_petition:
            data.pop("public_answer")
        try:
            service(petition=petition, **data, by=request.user)
        except DomainError as error:
            return _refused(request, petition, form, title, title, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _action_page(
        request, petition, form, title, title, status=422 if request.method == "POST" else 200
    )


@login_required
def petition_letter(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    if not letters.has_letter(petition):
        raise Http404(_("Đơn chưa có văn bản trả lời."))
    record_read(request, petition, "petitions.petition_letter")
    return download(letters.letter_docx(petition), DOCX_TYPE, f"don-{petition.code}.docx")


@login_required
def petition_letter_pdf(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    if not letters.has_letter(petition):
        raise Http404(_("Đơn chưa có văn bản trả lời."))
    try:
        data = docx_to_pdf(letters.letter_docx(petition))
    except ConversionError as error:
        messages.error(request, str(error))
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    record_read(request, petition, "petitions.petition_letter_pdf")
    return download(data, PDF_TYPE, f"don-{petition.code}.pdf")


@login_required
@require_POST
def petition_letter_sign(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id)
    if not permissions.can_sign_petition_letter(request.user, petition):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được ký số văn bản xử lý đơn."))
    issuing.sign_from_page(
        request,
        lambda: services.sign_petition_letter(petition=petition, by=request.user),
        done=_("Đã ký số văn bản. Bản PDF đã ký được lưu cùng đơn."),
    )
    return redirect(reverse("petitions:petition_detail", args=[petition.pk]) + "#ban-ky-so")


@login_required
def petition_signed_letter(request, petition_id, copy_id):
    """A signed letter, to those who download the letter itself."""
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    response = issuing.signed_copy_download(
        petition, copy_id, f"don-{petition.code}-da-ky.pdf", personal=True
    )
    record_read(request, petition, "petitions.petition_signed_letter")
    return response


SPLIT = gettext_lazy("Tách đơn nhiều nội dung")


@login_required
def petition_split(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    form = forms.SplitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.split_petition(petition=petition, parts=form.parts(petition.content), by=request.user)
        except DomainError as error:
            return _refused(request, petition, form, SPLIT, SPLIT, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _action_page(
        request, petition, form, SPLIT, SPLIT, status=422 if request.method == "POST" else 200
    )


EXTEND_CHECK = gettext_lazy("Gia hạn xử lý ban đầu đơn tố cáo")


@login_required
def petition_extend_check(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="process")
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.extend_initial_check(
                petition=petition, reason=form.cleaned_data["reason"], by=request.user
            )
        except DomainError as error:
            return _refused(request, petition, form, EXTEND_CHECK, EXTEND_CHECK, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    status = 422 if request.method == "POST" else 200
    return _action_page(request, petition, form, EXTEND_CHECK, EXTEND_CHECK, status=status)


STEP = gettext_lazy("Chuyển bước giải quyết")


@login_required
def case_step(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="handle")
    case = selectors.get_petition_case(petition)
    form = forms.CaseStepForm(request.POST or None, steps=services.next_steps(case))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.move_case(
                case, to=data["to"], on=data["on"], result=data["result"], note=data["note"], by=request.user
            )
        except DomainError as error:
            return _refused(request, petition, form, STEP, STEP, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _action_page(request, petition, form, STEP, STEP, status=422 if request.method == "POST" else 200)


CASE_ACTIONS = {
    "gia-han": (forms.ExtendForm, services.extend_case, gettext_lazy("Gia hạn giải quyết")),
    "tam-dinh-chi": (forms.SuspendForm, services.suspend_case, gettext_lazy("Tạm đình chỉ giải quyết")),
    "tiep-tuc": (forms.ResumeForm, services.resume_case, gettext_lazy("Tiếp tục giải quyết")),
    "dinh-chi": (forms.SuspendForm, services.terminate_case, gettext_lazy("Đình chỉ giải quyết")),
}


@login_required
def case_action(request, petition_id, action):
    if action not in CASE_ACTIONS:
        raise Http404(_("Không tìm thấy trang."))
    petition = permissions.get_petition_for_user(request.user, petition_id, action="handle")
    case = selectors.get_petition_case(petition)
    form_class, service, title = CASE_ACTIONS[action]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(case=case, **form.cleaned_data, by=request.user)
        except DomainError as error:
            return _refused(request, petition, form, title, title, error)
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _action_page(
        request, petition, form, title, title, status=422 if request.method == "POST" else 200
    )


@login_required
def denouncer_identity(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="identity")
    identity = services.read_denouncer_identity(petition=petition, by=request.user)
    record_read(
        request, identity, "petitions.denouncer_identity", agency=petition.agency_id, code=petition.code
    )
    grants = identity.grants.select_related("person").order_by("granted_at")
    reads = page_of(identity.reads.select_related("person"), request)
    can_grant = permissions.can_grant_identity_access(request.user, petition)
    form = forms.GrantForm(people=selectors.handlers_for(petition.agency_id)) if can_grant else None
    context = {"petition": petition, "identity": identity, "grants": grants, "reads": reads, "form": form}
    return render(request, "petitions/identity.html", context)


@login_required
def identity_grant(request, petition_id):
    petition = permissions.get_petition_for_user(request.user, petition_id, action="grant")
    if request.method != "POST":
        return redirect("petitions:denouncer_identity", petition_id=petition.pk)
    form = forms.GrantForm(request.POST, people=selectors.handlers_for(petition.agency_id))
    if form.is_valid():
        try:
            services.grant_identity_access(
                petition=petition, person=form.cleaned_data["person"], by=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Hãy chọn cán bộ được xem."))
    return redirect("petitions:denouncer_identity", petition_id=petition.pk)


# --- Reception -------------------------------------------------------------------------


@login_required
def reception_list(request):
    if not permissions.petition_agencies(request.user).exists():
        raise PermissionDenied(_("Bạn không theo dõi việc tiếp công dân của cơ quan nào."))
    query = request.GET.get("q", "").strip()[:200]
    page = page_of(selectors.reception_register(request.user, query=query), request)
    record_list_read(request, page.object_list, "petitions.reception_list")
    context = {
        "page": page,
        "query": query,
        "schedule_agencies": permissions.petition_agencies(request.user).order_by("sort_key")[:50],
        "can_record": permissions.receiving_agencies(request.user).exists(),
        "area_slug": "petitions",
    }
    return render(request, "petitions/reception_list.html", context)


@login_required
def reception_create(request):
    agencies = permissions.receiving_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(_("Bạn không có quyền ghi sổ tiếp công dân."))
    form = forms.ReceptionForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        reception = services.record_reception(**form.cleaned_data, by=request.user)
        messages.success(request, _("Đã ghi sổ tiếp công dân, số %(number)s.") % {"number": reception.number})
        return redirect("petitions:reception_detail", reception_id=reception.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "petitions/reception_form.html", {"form": form, "area_slug": "petitions"}, status=status
    )


@login_required
def reception_detail(request, reception_id):
    reception = permissions.get_reception_for_user(request.user, reception_id)
    record_read(request, reception, "petitions.reception_detail")
    context = {
        **selectors.reception_page(request.user, reception),
        "form": forms.OpenPetitionForm(),
        "can_receive": permissions.can_receive_petition(request.user, reception.agency),
        "can_open": permissions.can_open_petition_from_reception(request.user, reception),
    }
    return render(request, "petitions/reception_detail.html", context)


@login_required
def reception_receipt(request, reception_id):
    reception = permissions.get_reception_for_user(request.user, reception_id, action="receipt")
    record_read(request, reception, "petitions.reception_receipt")
    return render(
        request, "petitions/reception_receipt.html", selectors.reception_page(request.user, reception)
    )


@login_required
def reception_open_petition(request, reception_id):
    reception = permissions.get_reception_for_user(request.user, reception_id, action="open_petition")
    form = forms.OpenPetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.open_petition_from_reception(
                reception=reception, **form.cleaned_data, by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("petitions:petition_detail", petition_id=petition.pk)
    record_read(request, reception, "petitions.reception_open_petition")
    context = {
        **selectors.reception_page(request.user, reception),
        "form": form,
        "can_receive": True,
        "can_open": True,
    }
    return render(
        request, "petitions/reception_detail.html", context, status=422 if request.method == "POST" else 200
    )


@login_required
def reception_schedule(request, agency_id):
    agency = get_agency_for_user(request.user, agency_id)
    if not permissions.petition_agencies(request.user).filter(pk=agency.pk).exists():
        raise Http404(_("Không tìm thấy cơ quan."))
    can_manage = permissions.can_manage_reception_schedule(request.user, agency)
    form = forms.ReceptionDayForm(request.POST or None, leaders=selectors.leaders_of(agency))
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(_("Bạn không có quyền lập lịch tiếp công dân."))
        if form.is_valid():
            try:
                services.schedule_reception_day(agency=agency, **form.cleaned_data, by=request.user)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return redirect("petitions:reception_schedule", agency_id=agency.pk)
    year = timezone.localdate().year
    context = {**selectors.reception_schedule(agency, year=year), "form": form, "can_manage": can_manage}
    return render(request, "petitions/reception_schedule.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def reception_day_publish(request, day_id):
    day = selectors.reception_day_for(request.user, day_id)
    try:
        services.publish_reception_day(day=day, on=timezone.localdate(), by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã công bố lịch tiếp ngày %(day)s.") % {"day": f"{day.date:%d/%m/%Y}"})
    return redirect("petitions:reception_schedule", agency_id=day.agency_id)


@login_required
def reception_day_postpone(request, day_id):
    day = selectors.reception_day_for(request.user, day_id)
    form = forms.PostponeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.postpone_reception_day(day=day, note=form.cleaned_data["note"], by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("petitions:reception_schedule", agency_id=day.agency_id)
    status = 422 if request.method == "POST" else 200
    return render(request, "petitions/reception_postpone.html", {"day": day, "form": form}, status=status)


# --- Public pages (no account) ----------------------------------------------------------

# Per client address (core/ratelimit.py: through the trusted proxies, counted
# in the database by every process together): lookups and submissions allowed
# in one window of 15 minutes. DANVAN_PUBLIC_LOOKUP_LIMIT and
# DANVAN_PUBLIC_SUBMIT_LIMIT (settings, from the environment) change them.
LOOKUP_LIMIT, SUBMIT_LIMIT, WINDOW_SECONDS = 20, 5, 15 * 60
# What a lookup shows for a petition's kind and status (lazy: in the asker's language).
KIND_LABELS, STATUS_LABELS = dict(Petition.Kind.choices), dict(Petition.Status.choices)
NOT_FOUND = gettext_lazy(
    "Không tìm thấy hồ sơ với mã và 4 số điện thoại hoặc thư điện tử này. Hãy kiểm tra lại."
)


def _over_limit(request, scope: str, default: int) -> bool:
    limit = getattr(settings, f"DANVAN_PUBLIC_{scope.upper()}_LIMIT", default)
    return ratelimit.over_limit(request, f"petitions:{scope}", limit=limit, window_seconds=WINDOW_SECONDS)


def _chosen_agency(request, agencies):
    """The agency the citizen writes to, whose identity the page shows: the
    one chosen in the form, named in the link (``?co-quan=``), or the only one."""
    wanted = request.POST.get("agency") or request.GET.get("co-quan") or ""
    if wanted.isdecimal():
        return agencies.filter(pk=int(wanted)).first()
    return agencies.first() if agencies.count() == 1 else None


def public_submit(request):
    agencies = Agency.objects.active()
    chosen = _chosen_agency(request, agencies)
    form = forms.PublicPetitionForm(
        request.POST or None,
        request.FILES or None,
        agencies=agencies,
        initial={"agency": chosen.pk} if chosen else None,
    )
    if request.method == "POST" and form.is_valid():
        if _over_limit(request, "submit", SUBMIT_LIMIT):
            form.add_error(
                None, _("Bạn đã gửi nhiều đơn trong thời gian ngắn. Vui lòng thử lại sau 15 phút.")
            )
        else:
            data = form.cleaned_data
            try:
                petition = services.receive_online_petition(
                    agency=data["agency"],
                    source=Petition.Source.ONLINE,
                    kind=data["kind"],
                    subject=data["subject"],
                    content=data["content"],
                    received_on=timezone.localdate(),
                    sender_name=data["full_name"],
                    sender_address=data["address"],
                    phone=data["phone"],
                    email=data["email"],
                    attachment=data["attachment"] or None,
                    by=None,
                )
            except StorageUnavailable:
                form.add_error(
                    None,
                    _(
                        "Máy chủ hiện không lưu được tệp đính kèm nên đơn của bạn CHƯA được gửi. "
                        "Nội dung bạn nhập vẫn còn dưới đây: hãy thử lại sau ít phút, hoặc gửi đơn không kèm tệp."
                    ),
                )
                context = {"form": form, "agency": chosen}
                return render(request, "petitions/public/submit.jinja", context, status=503)
            request.session["petitions_new_code"] = petition.code
            request.session["petitions_new_agency"] = petition.agency_id
            return redirect("petitions_public:submitted")
    return render(
        request,
        "petitions/public/submit.jinja",
        {"form": form, "agency": chosen},
        status=422 if form.errors else 200,
    )


def public_submitted(request):
    code = request.session.pop("petitions_new_code", None)
    if code is None:
        return redirect("petitions_public:submit")
    agency = Agency.objects.filter(pk=request.session.pop("petitions_new_agency", None)).first()
    return render(request, "petitions/public/submitted.jinja", {"code": code, "agency": agency})


def public_lookup(request):
    form = forms.LookupForm(request.POST or None)
    petition = None
    if request.method == "POST" and form.is_valid():
        if _over_limit(request, "lookup", LOOKUP_LIMIT):
            form.add_error(None, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút."))
        else:
            data = form.cleaned_data
            petition = selectors.public_status(data["code"], data["digits"], data["email"])
            if petition is None:
                form.add_error(None, NOT_FOUND)
    context = {
        "form": form,
        "petition": petition,
        "holder": selectors.public_case_holder(petition) if petition else None,
        "kinds": KIND_LABELS,
        "statuses": STATUS_LABELS,
        # What other areas offer on the petition found (public_links.py).
        "links": public_links(petition) if petition is not None else [],
        "errors": None,  # the whole page shows them in the form
    }
    # The page's script posts the form and shows the answer in place: only
    # that part is rendered (the whole page still answers without script).
    if request.htmx:
        response = render(request, "petitions/public/lookup_result.jinja", {**context, "errors": form.errors})
    else:
        response = render(request, "petitions/public/lookup.jinja", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def public_schedule(request):
    context = selectors.public_reception_days(today=timezone.localdate())
    return render(request, "petitions/public/schedule.jinja", context)
