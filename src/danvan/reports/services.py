"""State changes of reporting. Each function runs in one transaction, takes the
acting person as ``by`` and returns what it changed; a refused action raises
DomainError with a message for the person."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import search, uploads
from danvan.core.models import Agency, Province, Role, Unit, User
from danvan.core.selectors import agency_leaders, agency_office, holders_by, holders_of, unit_heads
from danvan.core.services import DomainError, notify
from danvan.core.text import search_key, stored_file_name
from danvan.documents.register import next_document_number
from danvan.plans.models import Plan, PlanDeadline
from danvan.reports import selectors
from danvan.reports.models import (
    CutOffRule,
    PeriodKind,
    Report,
    ReportAttachment,
    ReportingPeriod,
    ReportRequest,
    ReportVersion,
)
from danvan.reports.periods import NATIONAL_CUT_OFF_DAY, PeriodError, cut_off_window, window_rule

AUTOSAVE_MERGE_MINUTES = 10
ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024


class ReportConflict(DomainError):
    """Someone saved the draft since this person opened it. Their text is the
    report's now; this person's text is kept as a version and shown beside it."""

    def __init__(self, report: Report, mine: dict[str, str], version: ReportVersion) -> None:
        super().__init__(
            _(
                "Trong lúc bạn soạn, %(person)s đã lưu báo cáo này. Nội dung của bạn đã được giữ lại "
                "(phiên bản %(number)s) và hiển thị bên dưới cạnh nội dung mới nhất: hãy hợp nhất rồi lưu lại."
            )
            % {"person": report.updated_by.full_name if report.updated_by else "—", "number": version.number}
        )
        self.report = report
        self.mine = mine
        self.version = version


# --- Periods -----------------------------------------------------------------------


def _cut_off(province: Province, kind: str) -> tuple[int, str]:
    rule = CutOffRule.objects.filter(province=province, kind=kind).first()
    if rule is None:
        return NATIONAL_CUT_OFF_DAY, ""
    return rule.cut_off_day, rule.source


def get_or_create_period(*, province: Province, kind: str, year: int, number: int = 0) -> ReportingPeriod:
    """The province's period, its window computed by its cut-off rule the
    first time it is asked for (and stored, so a later rule change does not
    move a period that reports were already made for)."""
    if kind not in PeriodKind.values:
        raise DomainError(_("Loại kỳ báo cáo không hợp lệ."))
    if not 2000 <= year <= 2100:
        raise DomainError(_("Năm của kỳ báo cáo không hợp lệ."))
    try:
        cut_off_day, source = _cut_off(province, kind)
        start, end = cut_off_window(kind, year, number, cut_off_day=cut_off_day)
    except PeriodError as error:
        raise DomainError(str(error)) from error
    number = number if kind in (PeriodKind.MONTH, PeriodKind.QUARTER) else 0
    period, _made = ReportingPeriod.objects.get_or_create(
        province=province,
        kind=kind,
        year=year,
        number=number,
        defaults={"start": start, "end": end, "rule": window_rule(cut_off_day, source)[:255]},
    )
    return period


@transaction.atomic
def set_cut_off_rule(*, province: Province, kind: str, cut_off_day: int, source: str, by: User) -> CutOffRule:
    """The province's own cut-off day. Periods nobody has reported on yet
    follow it at once; periods with requests keep the window they were asked for."""
    if not 0 <= cut_off_day <= 28:
        raise DomainError(_("Ngày chốt số liệu phải từ 0 (hết tháng) đến 28."))
    if not source.strip():
        raise DomainError(_("Hãy ghi căn cứ (văn bản quy định ngày chốt số liệu)."))
    rule, _made = CutOffRule.objects.update_or_create(
        province=province, kind=kind, defaults={"cut_off_day": cut_off_day, "source": source.strip()[:255]}
    )
    for period in ReportingPeriod.objects.filter(province=province, kind=kind, requests__isnull=True):
        period.start, period.end = cut_off_window(kind, period.year, period.number, cut_off_day=cut_off_day)
        period.rule = window_rule(cut_off_day, rule.source)[:255]
        period.save(update_fields=["start", "end", "rule"])
    return rule


@transaction.atomic
def correct_period(
    *, period: ReportingPeriod, start: date, end: date, reason: str, by: User
) -> ReportingPeriod:
    """Set a period's window by hand (a province decision for one period)."""
    if end < start:
        raise DomainError(_("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."))
    if (end - start).days > 400:
        raise DomainError(_("Một kỳ báo cáo không dài quá một năm."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi căn cứ điều chỉnh kỳ báo cáo."))
    period.start, period.end = start, end
    period.rule = (_("Điều chỉnh: %(reason)s") % {"reason": reason.strip()})[:255]
    period.save(update_fields=["start", "end", "rule"])
    return period


# --- Requests ----------------------------------------------------------------------


def _check_due(due_date: date, period: ReportingPeriod) -> None:
    if due_date < period.start:
        raise DomainError(_("Hạn nộp báo cáo không được trước ngày bắt đầu của kỳ báo cáo."))


@transaction.atomic
def request_agency_reports(
    *,
    province: Province,
    period: ReportingPeriod,
    title: str,
    due_date: date,
    agencies,
    by: User,
    kind: str = ReportRequest.Kind.PERIODIC,
    note: str = "",
    recipient: str = "",
) -> ReportRequest:
    """The province asks agencies for their report of the period."""
    agencies = list(agencies)
    if period.province_id != province.pk or any(a.province_id != province.pk for a in agencies):
        raise DomainError(_("Chỉ yêu cầu báo cáo các cơ quan thuộc tỉnh của mình."))
    if not agencies:
        raise DomainError(_("Hãy chọn ít nhất một cơ quan phải báo cáo."))
    _check_due(due_date, period)
    request = ReportRequest.objects.create(
        province=province,
        level=ReportRequest.Level.AGENCIES,
        kind=kind,
        period=period,
        title=title.strip()[:300],
        note=note.strip(),
        due_date=due_date,
        recipient=recipient.strip()[:255],
        created_by=by,
    )
    Report.objects.bulk_create([Report(request=request, agency=agency) for agency in agencies])
    search.index_all("report", request.reports.select_related("request", "agency", "unit"))
    offices = holders_by(Role.AGENCY_OFFICE, field="agency", ids=[agency.pk for agency in agencies])
    for report in request.reports.all():
        notify(
            recipients=offices.get(report.agency_id, []),
            key=f"report-requested:{report.pk}",
            text=_("Yêu cầu báo cáo: %(title)s — hạn nộp %(day)s")
            % {"title": request.title[:150], "day": f"{due_date:%d/%m/%Y}"},
            url=reverse("reports:request_detail", args=[request.pk]),
        )
    return request


@transaction.atomic
def request_unit_reports(
    *,
    agency: Agency,
    period: ReportingPeriod,
    title: str,
    due_date: date,
    units,
    by: User,
    kind: str = ReportRequest.Kind.PERIODIC,
    note: str = "",
    parent: ReportRequest | None = None,
    source_deadline: PlanDeadline | None = None,
) -> ReportRequest:
    """The agency office asks its units for their report, due before the
    agency's own report is due upward."""
    units = list(units)
    if any(unit.agency_id != agency.pk for unit in units):
        raise DomainError(_("Chỉ yêu cầu báo cáo các đơn vị thuộc cơ quan của mình."))
    if not units:
        raise DomainError(_("Hãy chọn ít nhất một đơn vị phải báo cáo."))
    if period.province_id != agency.province_id:
        raise DomainError(_("Kỳ báo cáo không thuộc tỉnh của cơ quan."))
    _check_due(due_date, period)
    if parent is not None:
        if parent.level != ReportRequest.Level.AGENCIES or not parent.reports.filter(agency=agency).exists():
            raise DomainError(_("Yêu cầu cấp trên được chọn không gửi đến cơ quan này."))
        if due_date > parent.due_date:
            raise DomainError(
                _("Hạn nộp của các đơn vị phải trước hạn cơ quan báo cáo cấp trên (%(day)s).")
                % {"day": f"{parent.due_date:%d/%m/%Y}"}
            )
    request = ReportRequest.objects.create(
        province_id=agency.province_id,
        agency=agency,
        level=ReportRequest.Level.UNITS,
        kind=kind,
        period=period,
        title=title.strip()[:300],
        note=note.strip(),
        due_date=due_date,
        recipient=_("Văn phòng %(agency)s") % {"agency": agency.short_name or agency.name},
        parent=parent,
        source_deadline=source_deadline,
        created_by=by,
    )
    Report.objects.bulk_create([Report(request=request, agency=agency, unit=unit) for unit in units])
    search.index_all("report", request.reports.select_related("request", "agency", "unit"))
    heads = holders_by(Role.UNIT_HEAD, field="unit", ids=[unit.pk for unit in units])
    for report in request.reports.all():
        notify(
            recipients=heads.get(report.unit_id or 0, []),
            key=f"report-requested:{report.pk}",
            text=_("Đơn vị cần nộp báo cáo: %(title)s — hạn %(day)s")
            % {"title": request.title[:150], "day": f"{due_date:%d/%m/%Y}"},
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    return request


# How a plan's "Tổ chức thực hiện" names the period of a report it asks for.
_PERIOD_WORDS = (
    (re.compile(r"\b9 thang\b|\bchin thang\b"), PeriodKind.NINE_MONTHS),
    (re.compile(r"\b6 thang\b|\bsau thang\b|\bso ket\b"), PeriodKind.HALF),
    (re.compile(r"\bquy\b"), PeriodKind.QUARTER),
    (re.compile(r"\bthang\b(?! \d)"), PeriodKind.MONTH),
)
_UPWARD_WORDS = re.compile(r"\b(so noi vu|ubnd|uy ban|ban dan van|tinh uy|bo |van phong ubnd)")
_UNITS_WORDS = re.compile(r"\b(cac phong|cac don vi|don vi|phong|chi cuc|trung tam)\b")


def _deadline_period_kind(action: str) -> str:
    key = search_key(action)
    for pattern, kind in _PERIOD_WORDS:
        if pattern.search(key):
            return kind
    return PeriodKind.YEAR


def requests_from_plan(*, plan: Plan, by: User) -> list[ReportRequest]:
    """When a plan is issued, its reporting deadlines become requests: the
    units' reports to the office, and the agency's own report upward (which the
    units' requests of the same period then serve). Deadlines that are not
    about reports ("báo cáo") are left to the plan."""
    agency = plan.agency
    made: list[ReportRequest] = []
    deadlines = [d for d in plan.deadlines.order_by("due_date", "order") if "bao cao" in search_key(d.action)]
    upward: dict[int, ReportRequest] = {}
    units = list(
        agency.units.filter(is_active=True).exclude(kind__in=[Unit.Kind.LEADERSHIP, Unit.Kind.OFFICE])
    )
    for deadline in sorted(deadlines, key=lambda d: not _is_upward(d)):
        if ReportRequest.objects.filter(source_deadline=deadline).exists():
            continue
        kind = _deadline_period_kind(deadline.action)
        number = (
            ((deadline.due_date.month - 1) // 3 + 1)
            if kind == PeriodKind.QUARTER
            else deadline.due_date.month
        )
        period = get_or_create_period(
            province=agency.province,
            kind=kind,
            year=plan.period_year or deadline.due_date.year,
            number=number,
        )
        title = _("Báo cáo %(what)s — %(period)s") % {
            "what": _strip_report_word(deadline.action),
            "period": period.label,
        }
        if _is_upward(deadline):
            request = request_agency_reports(
                province=agency.province,
                period=period,
                title=title,
                due_date=max(deadline.due_date, period.start),
                agencies=[agency],
                recipient=deadline.recipient,
                by=by,
            )
            ReportRequest.objects.filter(pk=request.pk).update(source_deadline=deadline)
            upward[period.pk] = request
        elif units:
            parent = upward.get(period.pk)
            if parent is not None and deadline.due_date > parent.due_date:
                parent = None
            request = request_unit_reports(
                agency=agency,
                period=period,
                title=title,
                due_date=max(deadline.due_date, period.start),
                units=units,
                parent=parent,
                source_deadline=deadline,
                by=by,
            )
        else:
            continue
        made.append(request)
    return made


def _is_upward(deadline: PlanDeadline) -> bool:
    """A report the agency sends to a higher body (Sở Nội vụ, UBND tỉnh, Ban
    Dân vận), rather than one its units send to its office."""
    recipient = search_key(deadline.recipient)
    if recipient and _UPWARD_WORDS.search(recipient):
        return True
    units = search_key(" ".join(str(u) for u in deadline.units))
    return not (units and _UNITS_WORDS.search(units)) and bool(
        _UPWARD_WORDS.search(search_key(deadline.action))
    )


def _strip_report_word(action: str) -> str:
    text = action.strip().rstrip(".;")
    text = re.sub(r"^(gửi\s+)?báo cáo\s+", "", text, flags=re.IGNORECASE)
    return text[:1].lower() + text[1:] if text else text


# --- Writing a report ----------------------------------------------------------------


def _next_version_number(report: Report) -> int:
    last = report.versions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _record_version(
    report: Report, event: str, by: User, *, sections=None, comment: str = ""
) -> ReportVersion:
    return ReportVersion.objects.create(
        report=report,
        number=_next_version_number(report),
        event=event,
        sections=sections if sections is not None else report.sections(),
        comment=comment,
        created_by=by,
    )


def _clean_sections(sections: dict) -> dict[str, str]:
    return {name: str(sections.get(name, "") or "").replace("\r\n", "\n") for name in Report.SECTIONS}


def save_report(
    *, report: Report, sections: dict, base_revision: int, by: User, autosave: bool = False
) -> Report:
    """Save the draft. ``base_revision`` is the revision the person started
    from: if someone saved since, nothing of theirs is overwritten — this
    person's text is kept as a conflict version (committed) and
    ReportConflict raised for the page to show both texts."""
    with transaction.atomic():
        current = (
            Report.objects.select_for_update(of=("self",))
            .select_related("updated_by", "request__period", "agency", "unit")
            .get(pk=report.pk)
        )
        if current.is_locked():
            raise DomainError(_("Báo cáo đã gửi nên không sửa được. Chỉ sửa khi báo cáo bị trả lại."))
        mine = _clean_sections(sections)
        if mine == current.sections():
            return current
        if base_revision != current.revision:
            conflict = ReportConflict(
                current, mine, _record_version(current, ReportVersion.Event.CONFLICT, by, sections=mine)
            )
        else:
            conflict = None
            for name, text in mine.items():
                setattr(current, name, text)
            current.revision = F("revision") + 1
            current.updated_by, current.updated_at = by, timezone.now()
            current.save(update_fields=[*Report.SECTIONS, "revision", "updated_by", "updated_at"])
            current.refresh_from_db(fields=["revision"])
            _keep_draft_version(current, by, autosave=autosave)
    if conflict is not None:
        raise conflict
    return current


def _keep_draft_version(report: Report, by: User, *, autosave: bool) -> None:
    """Every save is a version; a run of autosaves by one person within a few
    minutes is one version, updated, so the list stays readable."""
    latest = report.versions.order_by("-number").first()
    recent = timezone.now() - timedelta(minutes=AUTOSAVE_MERGE_MINUTES)
    if (
        autosave
        and latest is not None
        and latest.event == ReportVersion.Event.AUTOSAVED
        and latest.created_by_id == by.pk
        and latest.updated_at >= recent
    ):
        latest.sections = report.sections()
        latest.save(update_fields=["sections", "updated_at"])
        return
    event = ReportVersion.Event.AUTOSAVED if autosave else ReportVersion.Event.SAVED
    _record_version(report, event, by)


def start_report(*, report: Report, by: User) -> Report:
    """Pre-fill an empty unit report's results from the period's progress."""
    if report.unit is None or report.is_locked() or any(report.sections().values()):
        return report
    data = selectors.unit_period_data(report.unit, report.request.period)
    outline = selectors.results_outline(data)
    if not outline:
        return report
    return save_report(report=report, sections={"results": outline}, base_revision=report.revision, by=by)


def _fresh(report: Report) -> Report:
    """The report as stored now, locked for this transaction."""
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("request__period", "agency__province", "unit")
        .get(pk=report.pk)
    )


def _claim(report: Report, *, source: tuple[str, ...], **fields) -> Report:
    """Move the report only if it is still in a source state (two people
    pressing the same button: one wins, the other is told)."""
    changed = Report.objects.filter(pk=report.pk, status__in=source).update(**fields)
    if changed != 1:
        raise DomainError(_("Báo cáo vừa được người khác xử lý. Hãy tải lại trang."))
    report.refresh_from_db()
    return report


@transaction.atomic
def submit_report(*, report: Report, by: User, today: date | None = None) -> Report:
    """Send the report: a unit's to its office, an agency's to its leader.
    The period's figures are kept with it as they were when sent."""
    today = today or timezone.localdate()
    report = _fresh(report)
    if report.is_agency_report:
        figures = agency_report_figures(report, today=today)
    else:
        figures = selectors.unit_period_data(report.unit, report.request.period)  # type: ignore[arg-type]
    if not any(text.strip() for text in report.sections().values()):
        raise DomainError(_("Báo cáo chưa có nội dung. Hãy viết ít nhất phần kết quả đạt được."))
    now = timezone.now()
    fields = {"status": Report.Status.SUBMITTED, "figures": figures, "submitted_by": by, "return_comment": ""}
    if not report.is_agency_report:
        fields["sent_at"] = now
        if report.first_sent_at is None:
            fields["first_sent_at"] = now
    report = _claim(report, source=(Report.Status.PENDING, Report.Status.RETURNED), **fields)
    _record_version(report, ReportVersion.Event.SUBMITTED, by)
    if report.is_agency_report:
        notify(
            recipients=agency_leaders(report.agency),
            key=f"report-submitted:{report.pk}:{report.versions.count()}",
            text=_("Văn phòng trình duyệt báo cáo: %(title)s") % {"title": report.request.title[:150]},
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    else:
        late = report.days_late(today)
        text = (
            _("%(unit)s đã nộp báo cáo: %(title)s")
            % {
                "unit": report.unit.name,  # type: ignore[union-attr]
                "title": report.request.title[:150],
            }
        )
        if late:
            text += " " + _("(muộn %(days)s ngày)") % {"days": late}
        notify(
            recipients=agency_office(report.agency),
            key=f"report-submitted:{report.pk}:{report.versions.count()}",
            text=text,
            url=reverse("reports:report_detail", args=[report.pk]),
        )
    return report


@transaction.atomic
def return_report(*, report: Report, comment: str, by: User) -> Report:
    """Send a report back with comments; it opens for editing again."""
    if not comment.strip():
        raise DomainError(_("Hãy ghi ý kiến để đơn vị biết cần sửa gì."))
    report = _claim(
        report,
        source=(Report.Status.SUBMITTED,),
        status=Report.Status.RETURNED,
        return_comment=comment.strip(),
    )
    _record_version(report, ReportVersion.Event.RETURNED, by, comment=comment.strip())
    writers = agency_office(report.agency) if report.is_agency_report else unit_heads(report.unit)
    notify(
        recipients=writers,
        key=f"report-returned:{report.pk}:{report.versions.count()}",
        text=_("Báo cáo bị trả lại: %(title)s — %(comment)s")
        % {"title": report.request.title[:120], "comment": comment.strip()[:200]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report


@transaction.atomic
def approve_report(*, report: Report, by: User, today: date | None = None) -> Report:
    """The leader approves the agency's report: it takes the next number of
    the agency's document series and goes to the province."""
    if not report.is_agency_report:
        raise DomainError(_("Chỉ báo cáo của cơ quan mới cần lãnh đạo duyệt."))
    today = today or timezone.localdate()
    now = timezone.now()
    fields = {"status": Report.Status.APPROVED, "approved_by": by, "sent_at": now, "issue_date": today}
    if report.first_sent_at is None:
        fields["first_sent_at"] = now
    report = _claim(report, source=(Report.Status.SUBMITTED,), **fields)
    report.number = next_document_number(agency=report.agency, year=today.year)
    report.symbol = report.symbol or f"BC-{report.agency.symbol_code}"
    report.save(update_fields=["number", "symbol"])
    _record_version(report, ReportVersion.Event.APPROVED, by)
    reviewers = _province_reviewers(report.agency)
    notify(
        recipients=[*reviewers, *agency_office(report.agency)],
        key=f"report-approved:{report.pk}",
        text=_("%(agency)s đã gửi báo cáo: %(title)s")
        % {"agency": report.agency.name, "title": report.request.title[:150]},
        url=reverse("reports:report_detail", args=[report.pk]),
    )
    return report


# --- The agency's report ---------------------------------------------------------------


def agency_report_figures(report: Report, *, today: date) -> dict:
    """The agency's figures of the period, and how its units reported."""
    figures = selectors.agency_period_data(report.agency, report.request.period, today=today)
    units = selectors.unit_reports_for(report)
    figures["units"] = {
        "asked": len(units),
        "on_time": sum(1 for unit in units if unit.timeliness(today)[0] == "on_time"),
        "late": sum(1 for unit in units if unit.timeliness(today)[0] == "late"),
        "missing": sum(1 for unit in units if unit.first_sent_at is None),
        "rows": [
            {
                "unit": unit.unit.name,  # type: ignore[union-attr]
                "status": unit.status,
                "timeliness": str(unit.timeliness(today)[1]),
                "sent_on": timezone.localtime(unit.first_sent_at).date().isoformat()
                if unit.first_sent_at
                else None,
            }
            for unit in units
        ],
    }
    figures["table"] = selectors.table_row_figures(figures)
    return figures


@transaction.atomic
def compose_agency_report(*, unit_request: ReportRequest, by: User, today: date | None = None) -> Report:
    """Write the agency's report from its units' reports: each section joins
    the units' texts under their names, ready to edit. The report answers the
    province's request the units' request serves."""
    today = today or timezone.localdate()
    if unit_request.level != ReportRequest.Level.UNITS or unit_request.agency_id is None:
        raise DomainError(_("Chỉ tổng hợp từ yêu cầu báo cáo gửi các đơn vị."))
    if unit_request.parent_id is None:
        raise DomainError(
            _(
                "Yêu cầu này chưa gắn với yêu cầu báo cáo của cấp trên. Hãy chọn yêu cầu cấp trên trước khi tổng hợp."
            )
        )
    report = Report.objects.select_for_update().get(
        request_id=unit_request.parent_id, agency_id=unit_request.agency_id, unit__isnull=True
    )
    if report.is_locked():
        raise DomainError(_("Báo cáo của cơ quan đã trình hoặc đã gửi, không tổng hợp lại được."))
    sent = [
        unit_report
        for unit_report in Report.objects.filter(request=unit_request)
        .exclude(first_sent_at__isnull=True)
        .select_related("unit")
        .order_by("unit__sort_key")
        if unit_report.status == Report.Status.SUBMITTED
    ]
    if not sent:
        raise DomainError(_("Chưa có đơn vị nào nộp báo cáo để tổng hợp."))
    sections = report.sections()
    for name in Report.SECTIONS:
        if sections[name].strip():
            continue  # what the office already wrote stays
        parts = [
            f"{unit_report.respondent}:\n{getattr(unit_report, name).strip()}"
            for unit_report in sent
            if getattr(unit_report, name).strip()
        ]
        sections[name] = "\n\n".join(parts)
    Report.objects.filter(pk=report.pk).update(composed_from=unit_request)
    report.composed_from = unit_request
    report = save_report(report=report, sections=sections, base_revision=report.revision, by=by)
    if not report.signer_title:
        leader = next(iter(agency_leaders(report.agency)), None)
        position = leader.position.strip() if leader else ""
        report.signer_authority = signing_authority(position)
        report.signer_title = position.upper()
        report.signer_name = leader.full_name if leader else ""
        report.recipients = [report.request.recipient or _("Sở Nội vụ"), "Lãnh đạo cơ quan"]
        report.save(update_fields=["signer_authority", "signer_title", "signer_name", "recipients"])
    return report


@transaction.atomic
def set_report_signature(
    *,
    report: Report,
    recipients: list[str],
    signer_authority: str,
    signer_title: str,
    signer_name: str,
    by: User,
) -> Report:
    """The agency report's "Nơi nhận" and signature block, before it is sent."""
    report = _fresh(report)
    if report.is_locked():
        raise DomainError(_("Báo cáo đã gửi nên không sửa được. Chỉ sửa khi báo cáo bị trả lại."))
    if report.unit_id is not None:
        raise DomainError(_("Chỉ báo cáo của cơ quan có nơi nhận và người ký."))
    report.recipients = [line.strip() for line in recipients if line.strip()][:30]
    report.signer_authority = signer_authority.strip()[:100]
    report.signer_title = signer_title.strip()[:100]
    report.signer_name = signer_name.strip()[:100]
    report.updated_by, report.updated_at = by, timezone.now()
    report.save(
        update_fields=[
            "recipients",
            "signer_authority",
            "signer_title",
            "signer_name",
            "updated_by",
            "updated_at",
        ]
    )
    return report


def signing_authority(position: str) -> str:
    """A deputy signs on the head's behalf (Nghị định 30/2020, Phụ lục I:
    "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"); the head signs without a prefix."""
    if position.lower().startswith("phó "):
        return f"KT. {position[4:].strip().upper()}"
    return ""


@transaction.atomic
def attach_to_report(*, report: Report, data: bytes, filename: str, by: User) -> ReportAttachment:
    report = _fresh(report)
    if report.is_locked():
        raise DomainError(_("Báo cáo đã gửi nên không thêm tệp được."))
    if len(data) > ATTACHMENT_LIMIT_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": ATTACHMENT_LIMIT_BYTES // (1024 * 1024)}
        )
    refusal = uploads.content_refusal(io.BytesIO(data))
    if refusal:
        raise DomainError(refusal)
    attachment = ReportAttachment(report=report, original_name=filename[:255], size=len(data), uploaded_by=by)
    attachment.file.save(stored_file_name(filename, "tep"), ContentFile(data), save=True)
    return attachment


# --- Reminders -----------------------------------------------------------------------


def send_report_reminders(*, today: date) -> int:
    """Remind the writers of each unsent report N days before it is due (the
    agency's reminder days) and on the day; once overdue, tell the requester
    too. Keys make a second run send nothing new."""
    sent = 0
    waiting = Report.objects.filter(
        first_sent_at__isnull=True, status__in=[Report.Status.PENDING, Report.Status.RETURNED]
    ).select_related("request", "agency", "unit")
    for report in waiting:
        due = report.request.due_date
        days = (due - today).days
        if days > 0 and days not in (report.agency.reminder_days or []):
            continue  # nothing to say today: no one to look up
        writers = unit_heads(report.unit) if report.unit_id else agency_office(report.agency)
        url = reverse("reports:report_detail", args=[report.pk])
        if days < 0:
            askers = agency_office(report.agency) if report.unit_id else _province_reviewers(report.agency)
            sent += len(
                notify(
                    recipients=[*writers, *askers],
                    key=f"report-overdue:{report.pk}:{due:%Y%m%d}",
                    text=_("Quá hạn nộp báo cáo (hạn %(day)s): %(who)s — %(title)s")
                    % {
                        "day": f"{due:%d/%m/%Y}",
                        "who": report.respondent,
                        "title": report.request.title[:120],
                    },
                    url=url,
                )
            )
            continue
        text = (
            _("Hôm nay là hạn nộp báo cáo: %(title)s") % {"title": report.request.title[:150]}
            if days == 0
            else _("Còn %(days)s ngày đến hạn nộp báo cáo (%(day)s): %(title)s")
            % {"days": days, "day": f"{due:%d/%m/%Y}", "title": report.request.title[:150]}
        )
        sent += len(
            notify(
                recipients=writers, key=f"report-reminder:{report.pk}:{due:%Y%m%d}:{days}", text=text, url=url
            )
        )
    return sent


def _province_reviewers(agency: Agency) -> list[User]:
    return holders_of(Role.PROVINCE_REVIEWER, province=agency.province_id)
