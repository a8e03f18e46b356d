import re
from urllib.parse import urlsplit

from django.apps import apps as django_apps
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from danvan.core import audit, guide, permissions, search, selectors, services
from danvan.core.calendar import WorkingCalendar
from danvan.core.context_processors import AREAS
from danvan.core.downloads import XLSX_TYPE, download, stored_file
from danvan.core.forms import AgencyContactForm, CalendarYearForm, OrganisationUploadForm, ReadLogSearchForm
from danvan.core.orgsheet import template_workbook
from danvan.core.paging import page_of


@login_required
def home(request):
    context = selectors.landing_for(request.user, today=timezone.localdate())
    return render(request, "core/home.html", context)


@login_required
def area(request, slug):
    titles = {key: (label, icon) for key, label, icon, _url_name in AREAS}
    if slug not in titles:
        raise Http404(_("Không tìm thấy trang."))
    label, icon = titles[slug]
    return render(
        request, f"core/areas/{slug}.html", {"area_title": label, "area_icon": icon, "area_slug": slug}
    )


@login_required
def agency_list(request):
    return render(
        request, "core/agency_list.html", {"agencies": selectors.agencies_for_directory(request.user)}
    )


@login_required
def agency_detail(request, agency_id):
    agency = permissions.get_agency_for_user(request.user, agency_id)
    context = selectors.agency_directory(request.user, agency)
    context["former_names"] = agency.former_names.all()
    context["predecessors"] = agency.predecessors.order_by("valid_to", "sort_key")
    return render(request, "core/agency_detail.html", context)


@login_required
def unit_detail(request, unit_id):
    unit = permissions.get_unit_for_user(request.user, unit_id)
    context = selectors.unit_page(unit)
    for section in context["sections"]:
        section.page = page_of(section.rows, request)
    return render(request, "core/unit_detail.html", context)


@login_required
def organisation_import(request, agency_id):
    agency = permissions.get_agency_for_user(request.user, agency_id, action="manage")
    form = OrganisationUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = services.upload_organisation_sheet(
                agency=agency, data=upload.read(), filename=upload.name, by=request.user
            )
        except services.DomainError as error:
            form.add_error("file", error.message)
        else:
            return redirect("core:organisation_import_preview", agency_id=agency.pk, import_id=record.pk)
    status = 422 if request.method == "POST" else 200
    context = {"agency": agency, "form": form, "imports": selectors.recent_imports(agency)}
    return render(request, "core/organisation_import.html", context, status=status)


@login_required
def agency_contact(request, agency_id):
    agency = permissions.get_agency_for_user(request.user, agency_id, action="manage")
    initial = {"address": agency.address, "hotline": agency.hotline, "email": agency.email}
    form = AgencyContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_agency_contact(agency=agency, **form.cleaned_data, by=request.user)
        messages.success(request, _("Đã lưu thông tin liên hệ của cơ quan."))
        return redirect("core:agency_detail", agency_id=agency.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "core/agency_contact.html", {"agency": agency, "form": form}, status=status)


@login_required
@require_GET
def organisation_template(request, agency_id):
    permissions.get_agency_for_user(request.user, agency_id, action="manage")
    return download(template_workbook(), XLSX_TYPE, "mau-nhap-don-vi-can-bo.xlsx")


@login_required
def organisation_import_preview(request, agency_id, import_id):
    agency = permissions.get_agency_for_user(request.user, agency_id, action="manage")
    record = selectors.get_import(agency, import_id)
    return render(request, "core/organisation_import_preview.html", {"agency": agency, "record": record})


@login_required
@require_GET
def organisation_import_file(request, agency_id, import_id):
    agency = permissions.get_agency_for_user(request.user, agency_id)
    if not permissions.can_manage_organisation(request.user, agency):
        raise Http404(_("Không tìm thấy lần nhập."))
    record = selectors.get_import(agency, import_id)
    return stored_file(record.file, record.original_name)


@login_required
@require_POST
def organisation_import_apply(request, agency_id, import_id):
    agency = permissions.get_agency_for_user(request.user, agency_id, action="manage")
    record = selectors.get_import(agency, import_id)
    try:
        record = services.apply_organisation_import(record=record, by=request.user)
    except services.DomainError as error:
        messages.error(request, error.message)
        return redirect("core:organisation_import_preview", agency_id=agency.pk, import_id=record.pk)
    context = {"agency": agency, "record": record, "new_passwords": record.new_passwords}
    return render(request, "core/organisation_import_preview.html", context)


@login_required
@require_POST
def organisation_import_cancel(request, agency_id, import_id):
    agency = permissions.get_agency_for_user(request.user, agency_id, action="manage")
    services.cancel_organisation_import(record=selectors.get_import(agency, import_id), by=request.user)
    messages.info(request, _("Đã hủy lần nhập này. Tệp vẫn được lưu trong lịch sử nhập."))
    return redirect("core:organisation_import", agency_id=agency.pk)


@login_required
def notifications(request):
    if request.method == "POST" and "digest" in request.POST:
        services.set_notification_digest(person=request.user, digest=request.POST["digest"] == "1")
        return redirect("core:notifications")
    if request.method == "POST":
        services.mark_notifications_read(person=request.user)
        return redirect("core:notifications")
    return render(
        request,
        "core/notifications.html",
        {"page": page_of(selectors.notifications_for(request.user), request)},
    )


@login_required
def search_page(request):
    """The search box's results: every kind the person may see, best first."""
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("loai", "")
    kind = kind if kind in search.KINDS else ""
    context = {"query": query, "kind": kind, "has_words": bool(search.words(query))}
    if context["has_words"]:
        entries = search.search_entries(request.user, query, kind=kind).select_related("agency")
        page = page_of(entries, request, per_page=20)
        search.record_result_reads(request, page.object_list)
        counts = search.kind_counts(request.user, query)
        context.update(
            page=page,
            results=search.results(page.object_list, query),
            kinds=[(name, found.label, counts.get(name, 0)) for name, found in search.KINDS.items()],
            total=sum(counts.values()),
        )
    return render(request, "core/search.html", context)


@login_required
def working_calendar(request):
    this_year = timezone.localdate().year
    form = CalendarYearForm(request.GET or {"nam": this_year})
    year = form.cleaned_data["nam"] if form.is_valid() else this_year
    days = WorkingCalendar.load().days_off_in_year(year)
    context = {
        "form": form,
        "year": year,
        "days": days,
        "can_edit": permissions.can_manage_calendar(request.user),
    }
    return render(request, "core/calendar.html", context)


@never_cache
def password_change(request):
    if not request.user.is_authenticated:
        return redirect("login")
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = services.change_password(
            person=request.user, new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, person)
        messages.success(request, _("Đã đổi mật khẩu."))
        return redirect("core:home")
    status = 422 if request.method == "POST" else 200
    return render(request, "registration/password_change_form.html", {"form": form}, status=status)


# The user guide is read before signing in too: it explains how to.
@require_GET
def guide_index(request):
    return render(request, "core/guide.html", guide.guide_page(guide.INDEX))


@require_GET
def guide_page(request, slug):
    return render(request, "core/guide.html", guide.guide_page(slug))


@require_GET
def guide_image(request, name):
    return FileResponse(guide.image_path(name).open("rb"), content_type="image/png")


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def forbidden(request, exception=None):
    message = (
        str(exception) if exception and str(exception) else _("Bạn không có quyền thực hiện thao tác này.")
    )
    return render(request, "403.html", {"message": message}, status=403)


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Không tìm thấy."), "ma": "khong_tim_thay"}, status=404)
    return render(request, "404.html", status=404)


# Fields never shown again after a refused form: secrets and the form's own token.
_SECRET_FIELD = re.compile(r"password|mat_khau|mật khẩu|token|secret|csrf", re.IGNORECASE)
_TYPED = re.compile(r"[^\W\d_]|\s")


def _same_site(request, url: str) -> bool:
    parsed = urlsplit(url)
    return bool(parsed.netloc) and parsed.netloc == request.get_host() and parsed.scheme == request.scheme


def _given_back(request) -> dict:
    """What the person posted, to show again and to send again on a fresh form."""
    fields, had_secret = [], False
    for name, values in request.POST.lists():
        if _SECRET_FIELD.search(name):
            had_secret = had_secret or "csrf" not in name.lower()
            continue
        text = "\n".join(values)
        fields.append(
            {
                "name": name,
                "values": values,
                "text": text,
                "id": f"noi-dung-{len(fields) + 1}",
                # Words a person typed are shown; ids, flags and choices only travel.
                "typed": bool(_TYPED.search(text)),
            }
        )
    origin = request.headers.get("Origin") or request.headers.get("Referer") or ""
    from_here = _same_site(request, origin)
    referer = request.headers.get("Referer", "")
    return {
        "fields": fields,
        "typed_fields": [field for field in fields if field["typed"]],
        "action": request.path,
        "can_resend": bool(fields) and from_here and request.user.is_authenticated and not had_secret,
        "back_url": referer if _same_site(request, referer) else reverse("core:home"),
        "had_secret": had_secret,
        "had_files": bool(request.FILES),
    }


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (the person signed out or in again in
    another tab, or the page was open too long): say so in Vietnamese and give
    back what they typed, to copy, or to send again on a fresh form after they
    confirm it."""
    context = _given_back(request)
    return render(request, "403_csrf.html", context, status=403)


def storage_unavailable(request):
    """The disk cannot take the file now: nothing was saved (the record and
    its files go together), and what the person typed is given back."""
    return render(request, "503_storage.html", _given_back(request), status=503)


def session_ended(request, *, back: str | None):
    """An HTMX request (an autosave) from a browser whose session has ended:
    nothing was saved, and the page is told so (``danvan:session-ended``),
    with a link to sign in again and come back to the same page."""
    login = reverse("login") + ("?" + urlencode({"next": back}) if back else "")
    response = render(request, "includes/session_ended.html", {"login_url": login}, status=401)
    response["HX-Trigger"] = "danvan:session-ended"
    response["HX-Reswap"] = "none"
    response["Cache-Control"] = "no-store"
    return response


def method_not_allowed(request, *, related: str):
    """A GET of an address that only takes a form's POST (a bookmark, the
    address after signing in again): a page saying so, with the page the
    form is on, instead of an empty 405."""
    return render(request, "405.html", {"related": related}, status=405)


@never_cache
@login_required
def read_log(request):
    """The read log of citizens' personal data, searched by the inspector of
    the agency or the system administrator. It names records by their code,
    never the citizen."""
    if not permissions.can_search_read_log(request.user):
        raise PermissionDenied(
            _("Chỉ thanh tra và quản trị hệ thống được tra cứu nhật ký đọc dữ liệu cá nhân.")
        )
    form = ReadLogSearchForm(request.GET or None)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "who": data["person"].strip(),
            "code": data["code"].strip(),
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }
    rows = selectors.read_log_search(request.user, **filters)
    if form.errors:
        rows = rows.none()
    page = page_of(rows, request)
    for row in page.object_list:
        row.kind = _record_kind(row.model)
        row.what_label = audit.read_kind_label(row.what)
    return render(request, "core/read_log.html", {"form": form, "page": page})


def _record_kind(label: str) -> str:
    """The record type's own name ("đơn", "lượt tiếp công dân") for its model label."""
    try:
        return str(django_apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label
