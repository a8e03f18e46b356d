"""Changes to the one-stop figures: one transaction each, keyword arguments,
the acting person as ``by``. A refused import writes nothing."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency, User
from danvan.core.services import DomainError
from danvan.core.text import search_key
from danvan.onestop import sheets
from danvan.onestop.models import LateDossier, OnestopSetting, StatisticsPeriod, StatisticsRow
from danvan.onestop.selectors import SOURCE_CODE
from danvan.plans.models import Target
from danvan.plans.services import refresh_measured_target


class ImportRefused(DomainError):
    """A sheet with errors: every one of them, each with its sheet and row."""

    def __init__(self, message: str, problems: list[sheets.Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _setting(agency: Agency) -> OnestopSetting:
    found, _created = OnestopSetting.objects.select_for_update().get_or_create(agency=agency)
    return found


def _remember(agency: Agency, kind: str, table: sheets.Table, mapping: dict) -> None:
    setting = _setting(agency)
    remembered = dict(setting.column_mapping or {})
    remembered[kind] = sheets.mapping_to_remember(table, mapping)
    setting.column_mapping = remembered
    setting.save(update_fields=["column_mapping"])


def _refresh_targets(agency: Agency) -> None:
    targets = Target.objects.filter(plan__agency=agency, measured_by=SOURCE_CODE).select_related(
        "plan__agency"
    )
    for target in targets:
        refresh_measured_target(target=target, on=timezone.localdate())


def _checked(table: sheets.Table, kind: str, mapping: dict) -> sheets.Reading:
    reading = sheets.read_rows(table, kind, mapping)
    if reading.errors:
        raise ImportRefused(
            _("Bảng có %(count)s lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.")
            % {"count": len(reading.errors)},
            reading.errors,
        )
    return reading


@transaction.atomic
def import_statistics(
    *,
    agency: Agency,
    starts_on: date,
    ends_on: date,
    table: sheets.Table,
    mapping: dict,
    source_name: str,
    replace: bool,
    by: User,
) -> StatisticsPeriod:
    """Store the period's figures from the one-stop system's export.

    Outcomes: a new period; the same period replaced when ``replace`` (its
    old rows removed); refused with every row's error, or when the period
    exists and was not confirmed, or overlaps another one. The confirmed
    columns are remembered for the agency's next import."""
    if starts_on > ends_on:
        raise DomainError(_("Ngày bắt đầu kỳ phải trước hoặc bằng ngày kết thúc."))
    reading = _checked(table, sheets.STATISTICS, mapping)
    periods = StatisticsPeriod.objects.select_for_update().filter(agency=agency)
    same = periods.filter(starts_on=starts_on, ends_on=ends_on).first()
    overlapping = periods.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
    if same is not None:
        overlapping = overlapping.exclude(pk=same.pk)
    other = overlapping.first()
    if other is not None:
        raise DomainError(
            _(
                "Kỳ %(start)s–%(end)s trùng một phần với kỳ %(other)s đã nhập; mỗi hồ sơ chỉ được tính trong một kỳ."
            )
            % {"start": _day(starts_on), "end": _day(ends_on), "other": other}
        )
    if same is not None and not replace:
        raise DomainError(
            _("Kỳ %(period)s đã được nhập; hãy xác nhận để thay số liệu cũ bằng số liệu của tệp này.")
            % {"period": same}
        )
    if same is None:
        period = StatisticsPeriod.objects.create(
            agency=agency, starts_on=starts_on, ends_on=ends_on, source_name=source_name[:255], imported_by=by
        )
    else:
        period = same
        period.rows.all().delete()
        period.source_name, period.imported_by = source_name[:255], by
        period.save(update_fields=["source_name", "imported_by", "imported_at"])
    StatisticsRow.objects.bulk_create(
        StatisticsRow(
            period=period,
            procedure=line["procedure"],
            unit_name=line["unit_name"],
            received=line["received"],
            early=line["early"],
            on_time=line["on_time"],
            late=line["late"],
            in_progress=line["in_progress"],
            withdrawn=line["withdrawn"],
            source_row=line["row"],
        )
        for line in reading.rows
    )
    _remember(agency, sheets.STATISTICS, table, mapping)
    _refresh_targets(agency)
    return period


def _cause(reason: str) -> str:
    """ "Do lỗi cán bộ", "công chức chậm xử lý": the official's fault; else not."""
    key = search_key(reason)
    if "khong do loi" in key or "khong phai loi" in key:
        return LateDossier.Cause.OTHER
    if "can bo" in key or "cong chuc" in key or "vien chuc" in key:
        return LateDossier.Cause.OFFICIAL
    return LateDossier.Cause.OTHER


@transaction.atomic
def import_late_dossiers(*, agency: Agency, table: sheets.Table, mapping: dict, by: User) -> int:
    """Add the late dossiers of the one-stop system's list, or update those
    already in the register (same code). A dossier whose new date was given
    already keeps it: a different one in the sheet is refused (one new date
    only). Returns how many rows were written."""
    reading = _checked(table, sheets.LATE, mapping)
    existing = {
        dossier.code: dossier for dossier in LateDossier.objects.select_for_update().filter(agency=agency)
    }
    problems = []
    for line in reading.rows:
        found = existing.get(line["code"])
        if (
            found is not None
            and found.new_due_date
            and line["new_due_date"]
            and line["new_due_date"] != found.new_due_date
        ):
            problems.append(
                sheets.Problem(
                    table.sheet,
                    line["row"],
                    _("hồ sơ %(code)s đã được hẹn lại ngày %(day)s; ngày hẹn trả chỉ được hẹn lại một lần.")
                    % {"code": found.code, "day": _day(found.new_due_date)},
                )
            )
        if line["new_due_date"] and line["new_due_date"] <= line["due_date"]:
            problems.append(
                sheets.Problem(table.sheet, line["row"], _("ngày hẹn trả mới phải sau ngày hẹn trả ban đầu."))
            )
    if problems:
        raise ImportRefused(
            _("Bảng có %(count)s lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.")
            % {"count": len(problems)},
            problems,
        )
    fields = ["procedure", "unit_name", "applicant", "received_on", "due_date", "returned_on", "reason"]
    for line in reading.rows:
        values = {name: line[name] or (None if name.endswith(("_on", "_date")) else "") for name in fields}
        values["procedure"], values["applicant"] = line["procedure"][:500], line["applicant"][:255]
        values["unit_name"] = line["unit_name"][:255]
        values["cause"] = _cause(line["reason"])
        dossier = existing.get(line["code"])
        if dossier is None:
            system_sent = line["apology_sent_on"] is not None
            LateDossier.objects.create(
                agency=agency,
                code=line["code"][:60],
                created_by=by,
                apology_sent_on=line["apology_sent_on"],
                apology_by_system=system_sent,
                new_due_date=line["new_due_date"],
                **values,
            )
            continue
        changed = [name for name, value in [*values.items()] if getattr(dossier, name) != value]
        for name in changed:
            setattr(dossier, name, values[name])
        if line["apology_sent_on"] and dossier.apology_sent_on is None:
            dossier.apology_sent_on, dossier.apology_by_system = line["apology_sent_on"], True
            changed += ["apology_sent_on", "apology_by_system"]
        if line["new_due_date"] and dossier.new_due_date is None:
            dossier.new_due_date = line["new_due_date"]
            changed.append("new_due_date")
        if changed:
            dossier.save(update_fields=changed)
    _remember(agency, sheets.LATE, table, mapping)
    _refresh_targets(agency)
    return len(reading.rows)


@transaction.atomic
def record_late_dossier(
    *,
    agency: Agency,
    code: str,
    procedure: str,
    applicant: str,
    due_date: date,
    by: User,
    unit_name: str = "",
    received_on: date | None = None,
    returned_on: date | None = None,
    cause: str = LateDossier.Cause.OTHER,
    reason: str = "",
) -> LateDossier:
    """Enter a late dossier by hand. Refused: a code already in the register,
    a return date before the receipt."""
    code = code.strip()
    if not code or not procedure.strip() or not applicant.strip():
        raise DomainError(_("Hãy ghi mã hồ sơ, thủ tục và tổ chức, cá nhân nộp hồ sơ."))
    if LateDossier.objects.filter(agency=agency, code=code).exists():
        raise DomainError(_("Hồ sơ mã %(code)s đã có trong sổ hồ sơ trễ hạn.") % {"code": code})
    if received_on and due_date < received_on:
        raise DomainError(_("Ngày hẹn trả phải sau ngày tiếp nhận."))
    return LateDossier.objects.create(
        agency=agency,
        code=code,
        procedure=procedure.strip(),
        unit_name=unit_name.strip(),
        applicant=applicant.strip(),
        received_on=received_on,
        due_date=due_date,
        returned_on=returned_on,
        cause=cause,
        reason=reason.strip(),
        created_by=by,
    )


@transaction.atomic
def record_apology(
    *, dossier: LateDossier, sent_on: date, new_due_date: date, reason: str, by_system: bool, by: User
) -> LateDossier:
    """Record the apology letter (Mẫu 04) and the new date it promises.

    Refused (spec/domain.md §5.2): a letter dated later than 01 day before the
    due date; a new date not after the due date; a second new date, since the
    return date may be re-scheduled only once."""
    dossier = LateDossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.new_due_date is not None:
        raise DomainError(
            _(
                "Hồ sơ %(code)s đã được hẹn lại ngày trả kết quả %(day)s; theo quy định, ngày hẹn trả chỉ "
                "được hẹn lại một lần."
            )
            % {"code": dossier.code, "day": _day(dossier.new_due_date)}
        )
    if sent_on > dossier.apology_deadline:
        raise DomainError(
            _(
                "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) phải gửi chậm nhất 01 ngày trước ngày hẹn "
                "trả %(due)s, tức là chậm nhất ngày %(last)s."
            )
            % {"due": _day(dossier.due_date), "last": _day(dossier.apology_deadline)}
        )
    if new_due_date <= dossier.due_date:
        raise DomainError(
            _("Ngày hẹn trả mới phải sau ngày hẹn trả ban đầu %(due)s.") % {"due": _day(dossier.due_date)}
        )
    dossier.apology_sent_on, dossier.new_due_date, dossier.apology_by_system = (
        sent_on,
        new_due_date,
        by_system,
    )
    fields = ["apology_sent_on", "new_due_date", "apology_by_system"]
    if reason.strip():
        dossier.reason = reason.strip()
        fields.append("reason")
    dossier.save(update_fields=fields)
    _refresh_targets(dossier.agency)
    return dossier


@transaction.atomic
def set_apology_rule(*, agency: Agency, apology_clears_late: bool, by: User) -> OnestopSetting:
    """Whether a late dossier apologised for in time, whose new date was kept,
    counts as not late in the agency's on-time rate (default: it stays late)."""
    setting = _setting(agency)
    if setting.apology_clears_late != apology_clears_late:
        setting.apology_clears_late = apology_clears_late
        setting.save(update_fields=["apology_clears_late"])
        _refresh_targets(agency)
    return setting
