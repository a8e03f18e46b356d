"""One-stop pages: the agencies' rates, an agency's trend, a period's figures,
the import of the one-stop system's exports with its column mapping, and the
register of late dossiers with the apology letter (Mẫu 04)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from danvan.core.audit import record_read
from danvan.core.downloads import DOCX_TYPE, download
from danvan.core.paging import page_of
from danvan.core.services import DomainError
from danvan.onestop import forms, letters, permissions, selectors, services, sheets
from danvan.onestop.models import LateDossier, StatisticsPeriod

AREA = "onestop"
SESSION_KEY = "onestop_import"


@login_required
def index(request):
    context = {**selectors.index_page(request.user), "area_slug": AREA}
    return render(request, "onestop/index.html", context)


@login_required
def agency(request, agency_id):
    found = permissions.get_agency_for_user(request.user, agency_id)
    context = {**selectors.agency_page(request.user, found), "area_slug": AREA}
    context["rule_form"] = forms.ApologyRuleForm(
        initial={"apology_clears_late": context["setting"].apology_clears_late}
    )
    return render(request, "onestop/agency.html", context)


@login_required
@require_POST
def apology_rule(request, agency_id):
    found = permissions.get_agency_for_user(request.user, agency_id, action="import")
    form = forms.ApologyRuleForm(request.POST)
    form.is_valid()
    services.set_apology_rule(
        agency=found, apology_clears_late=form.cleaned_data.get("apology_clears_late", False), by=request.user
    )
    messages.success(request, _("Đã lưu cách tính hồ sơ trễ hạn có phiếu xin lỗi."))
    return redirect("onestop:agency", agency_id=found.pk)


@login_required
def period(request, period_id):
    found = permissions.get_period_for_user(request.user, period_id)
    context = {**selectors.period_page(request.user, found), "area_slug": AREA}
    return render(request, "onestop/period.html", context)


# --- Import -----------------------------------------------------------------------


@login_required
def import_start(request, agency_id):
    """Step 1: the file, its kind and (for figures) the period. Nothing is
    stored: the table read from it waits in the session for step 2."""
    found = permissions.get_agency_for_user(request.user, agency_id, action="import")
    form = forms.SheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        try:
            table = sheets.read_table(upload.read(), upload.name, kind)
        except sheets.SheetRefused as error:
            form.add_error("file", error.message)
        else:
            starts_on, ends_on = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
            request.session[SESSION_KEY] = {
                "agency": found.pk,
                "kind": kind,
                "starts_on": starts_on.isoformat() if starts_on else "",
                "ends_on": ends_on.isoformat() if ends_on else "",
                "name": upload.name,
                "table": table.as_dict(),
            }
            return redirect("onestop:import_mapping", agency_id=found.pk)
    status = 422 if request.method == "POST" else 200
    context = {"agency": found, "form": form, "area_slug": AREA}
    return render(request, "onestop/import_start.html", context, status=status)


def _pending(request, agency_id):
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("agency") != agency_id:
        return None
    return pending


@login_required
def import_mapping(request, agency_id):
    """Step 2: the columns as guessed (or as the agency confirmed last time),
    a preview, and the import itself once the office confirms them."""
    found = permissions.get_agency_for_user(request.user, agency_id, action="import")
    pending = _pending(request, found.pk)
    if pending is None:
        messages.info(request, _("Hãy chọn lại tệp cần nhập."))
        return redirect("onestop:import_start", agency_id=found.pk)
    kind, table = pending["kind"], sheets.Table.from_dict(pending["table"])
    remembered = (selectors.setting_of(found).column_mapping or {}).get(kind, {})
    guessed = sheets.guess_mapping(table, kind, remembered)
    form = forms.MappingForm(request.POST or None, kind=kind, header=table.header, initial_mapping=guessed)
    mapping = guessed
    problems: list = []
    status = 200
    starts_on = ends_on = None
    if pending["starts_on"]:
        starts_on = date.fromisoformat(pending["starts_on"])
        ends_on = date.fromisoformat(pending["ends_on"])
    existing = (
        StatisticsPeriod.objects.filter(agency=found, starts_on=starts_on, ends_on=ends_on).first()
        if kind == sheets.STATISTICS
        else None
    )
    if request.method == "POST":
        status = 422
        if form.is_valid():
            mapping = form.mapping()
            try:
                if kind == sheets.STATISTICS:
                    result = services.import_statistics(
                        agency=found,
                        starts_on=starts_on,
                        ends_on=ends_on,
                        table=table,
                        mapping=mapping,
                        source_name=pending["name"],
                        replace=form.cleaned_data["replace"],
                        by=request.user,
                    )
                else:
                    count = services.import_late_dossiers(
                        agency=found, table=table, mapping=mapping, by=request.user
                    )
            except services.ImportRefused as error:
                messages.error(request, error.message)
                problems = error.problems
            except DomainError as error:
                messages.error(request, error.message)
            else:
                del request.session[SESSION_KEY]
                if kind == sheets.STATISTICS:
                    messages.success(request, _("Đã nhập số liệu kỳ %(period)s.") % {"period": result})
                    return redirect("onestop:period", period_id=result.pk)
                messages.success(request, _("Đã nhập %(count)s hồ sơ trễ hạn.") % {"count": count})
                return redirect("onestop:late_list", agency_id=found.pk)
    reading = sheets.read_rows(table, kind, mapping)
    context = {
        "agency": found,
        "form": form,
        "kind": kind,
        "pending": pending,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "existing": existing,
        "table": table,
        "preview": table.rows[:10],
        "reading": reading,
        "problems": problems or reading.errors,
        "warnings": reading.warnings,
        "area_slug": AREA,
    }
    return render(request, "onestop/import_mapping.html", context, status=status)


# --- Late dossiers -------------------------------------------------------------------


@never_cache
@login_required
def late_list(request, agency_id):
    found = permissions.get_agency_for_user(request.user, agency_id, action="late")
    page = page_of(selectors.late_dossiers(request.user, found), request)
    if page.object_list:
        record_read(request, LateDossier, "onestop.late_list", agency=found)
    context = {
        "agency": found,
        "page": page,
        "can_import": permissions.can_import_onestop(request.user, found),
        "area_slug": AREA,
    }
    return render(request, "onestop/late_list.html", context)


@never_cache
@login_required
def late_create(request, agency_id):
    found = permissions.get_agency_for_user(request.user, agency_id, action="import")
    form = forms.LateDossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.record_late_dossier(agency=found, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi hồ sơ trễ hạn."))
            return redirect("onestop:late_detail", dossier_id=dossier.pk)
    status = 422 if request.method == "POST" else 200
    context = {"agency": found, "form": form, "area_slug": AREA}
    return render(request, "onestop/late_form.html", context, status=status)


def _late_page(request, dossier, form=None, status=200):
    record_read(request, dossier, "onestop.late_detail")
    context = selectors.late_dossier_page(request.user, dossier, today=timezone.localdate())
    context["form"] = form or forms.ApologyForm(initial={"reason": dossier.reason})
    context["area_slug"] = AREA
    return render(request, "onestop/late_detail.html", context, status=status)


@never_cache
@login_required
def late_detail(request, dossier_id):
    return _late_page(request, permissions.get_late_dossier_for_user(request.user, dossier_id))


@never_cache
@login_required
@require_POST
def late_apology(request, dossier_id):
    dossier = permissions.get_late_dossier_for_user(request.user, dossier_id, action="manage")
    form = forms.ApologyForm(request.POST)
    if form.is_valid():
        try:
            services.record_apology(dossier=dossier, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi phiếu xin lỗi và ngày hẹn trả mới."))
            return redirect("onestop:late_detail", dossier_id=dossier.pk)
    return _late_page(request, dossier, form=form, status=422)


@never_cache
@login_required
def late_letter(request, dossier_id):
    dossier = permissions.get_late_dossier_for_user(request.user, dossier_id)
    record_read(request, dossier, "onestop.late_letter")
    response = download(letters.apology_docx(dossier), DOCX_TYPE, f"phieu-xin-loi-{dossier.code}.docx")
    response["Cache-Control"] = "no-store"
    return response
