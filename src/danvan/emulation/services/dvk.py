"""State changes of the «Dân vận khéo» register: one transaction each,
keyword arguments, the acting person as ``by``; bad input raises DomainError
and changes nothing.

A model's life (domain §12.11): registered → in progress → reported →
proposed for recognition → recognised | not recognised; a recognised model
is replicated when another unit adopts it; before the review a model can be
withdrawn with a reason. Every step is stored in ModelEvent.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import uploads
from danvan.core.models import Agency, Province, Role, Unit, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError, notify
from danvan.core.text import search_key, stored_file_name
from danvan.documents.register import hold_document_number, next_document_number
from danvan.documents.services import record_citation
from danvan.emulation.models import (
    Campaign,
    Criterion,
    Evidence,
    Field,
    GoodPractice,
    Level,
    ModelEvent,
    ProgressReport,
    RecognitionDecision,
    Score,
)
from danvan.plans.models import Task

EVIDENCE_LIMIT_BYTES = 20 * 1024 * 1024
S = GoodPractice.Status

# Each allowed step: from which statuses a model may move to the target.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.IN_PROGRESS: (S.REGISTERED,),
    S.REPORTED: (S.IN_PROGRESS,),
    S.PROPOSED: (S.REPORTED,),
    S.RECOGNISED: (S.PROPOSED,),
    S.NOT_RECOGNISED: (S.PROPOSED,),
    S.REPLICATED: (S.RECOGNISED,),
    S.WITHDRAWN: (S.REGISTERED, S.IN_PROGRESS, S.REPORTED),
}


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def _move(practice: GoodPractice, target: str, *, by: User, note: str = "") -> GoodPractice:
    """Move the model to ``target`` when it is in a status that allows it; the
    move is a conditional update, so two people moving it at once move it once."""
    source = TRANSITIONS.get(target, ())
    moved = GoodPractice.objects.filter(pk=practice.pk, status__in=source).update(status=target)
    if moved != 1:
        practice.refresh_from_db(fields=["status"])
        raise DomainError(
            _("Mô hình đang ở trạng thái «%(current)s», không chuyển sang «%(target)s» được.")
            % {"current": practice.get_status_display(), "target": S(target).label}
        )
    ModelEvent.objects.create(
        practice=practice, from_status=practice.status, to_status=target, note=note, by=by
    )
    practice.status = target
    return practice


# --- Campaigns ----------------------------------------------------------------


@transaction.atomic
def open_campaign(
    *,
    province: Province,
    agency: Agency | None,
    year: int,
    title: str,
    deadline: date,
    report_dates: Iterable[date] = (),
    units: Iterable[Unit] = (),
    agencies: Iterable[Agency] = (),
    criteria: Iterable[tuple[str, Decimal]] = (),
    council: Iterable[User] = (),
    by: User,
) -> Campaign:
    """Open a year's registration with its deadline, the units (or agencies)
    expected to register, the progress-report dates and the review criteria."""
    if not title.strip():
        raise DomainError(_("Hãy ghi tên đợt đăng ký."))
    if deadline.year != year:
        raise DomainError(_("Hạn đăng ký phải trong năm %(year)s.") % {"year": year})
    days = sorted(set(report_dates))
    if any(day <= deadline for day in days):
        raise DomainError(_("Ngày báo cáo tiến độ phải sau hạn đăng ký %(day)s.") % {"day": _day(deadline)})
    units, agencies, criteria = list(units), list(agencies), list(criteria)
    if agency is not None and any(unit.agency_id != agency.pk for unit in units):
        raise DomainError(_("Đơn vị phải đăng ký phải thuộc cơ quan phát động."))
    if agency is not None and agencies:
        raise DomainError(_("Chỉ đợt do tỉnh phát động mới giao cho các cơ quan."))
    if any(agency_.province_id != province.pk for agency_ in agencies):
        raise DomainError(_("Cơ quan phải đăng ký phải thuộc tỉnh."))
    for name, points in criteria:
        if not name.strip() or points is None or Decimal(points) <= 0:
            raise DomainError(_("Mỗi tiêu chí bình xét cần tên và điểm tối đa lớn hơn 0."))
    campaign = Campaign.objects.create(
        province=province,
        agency=agency,
        year=year,
        title=title.strip(),
        deadline=deadline,
        report_dates=[day.isoformat() for day in days],
        created_by=by,
    )
    campaign.expected_units.set(units)
    campaign.expected_agencies.set(agencies)
    campaign.council.set(list(council))
    Criterion.objects.bulk_create(
        Criterion(campaign=campaign, name=name.strip(), max_points=Decimal(points), order=index)
        for index, (name, points) in enumerate(criteria, start=1)
    )
    return campaign


@transaction.atomic
def set_council(*, campaign: Campaign, members: Iterable[User], by: User) -> Campaign:
    """Name the council that reviews the campaign's models."""
    members = list(members)
    if not members:
        raise DomainError(_("Hội đồng bình xét cần ít nhất một thành viên."))
    campaign.council.set(members)
    return campaign


# --- Registration ---------------------------------------------------------------


def _check_content(*, name, address, field, level, starts_on, ends_on) -> None:
    if not (name or "").strip():
        raise DomainError(_("Hãy ghi tên mô hình."))
    if not (address or "").strip():
        raise DomainError(_("Hãy ghi địa chỉ thực hiện mô hình."))
    if field not in Field.values:
        raise DomainError(
            _(
                "Hãy chọn lĩnh vực của mô hình (kinh tế; văn hóa – xã hội; quốc phòng – an ninh; xây dựng hệ thống chính trị)."
            )
        )
    if level not in Level.values:
        raise DomainError(_("Hãy chọn cấp của mô hình (cơ sở, ngành, tỉnh)."))
    if starts_on is None or ends_on is None:
        raise DomainError(_("Hãy ghi thời gian bắt đầu và kết thúc."))
    if ends_on <= starts_on:
        raise DomainError(_("Ngày kết thúc phải sau ngày bắt đầu."))


@transaction.atomic
def register_practice(
    *,
    campaign: Campaign,
    unit: Unit | None,
    name: str,
    address: str,
    field: str,
    level: str,
    aims: str,
    content: str,
    participants: str,
    starts_on: date,
    ends_on: date,
    expected_results: str,
    responsible: str,
    person: User | None = None,
    tasks: Iterable[Task] = (),
    late_reason: str = "",
    today: date | None = None,
    by: User,
) -> GoodPractice:
    """Register a model in the campaign. After the deadline it is taken only
    with a reason and marked late."""
    _check_content(name=name, address=address, field=field, level=level, starts_on=starts_on, ends_on=ends_on)
    day = today or timezone.localdate()
    late = campaign.is_past_deadline(day)
    if late and not late_reason.strip():
        raise DomainError(
            _("Đã quá hạn đăng ký %(day)s: hãy ghi lý do đăng ký muộn.") % {"day": _day(campaign.deadline)}
        )
    agency = unit.agency if unit is not None else (person.agency if person is not None else None)
    if agency is None:
        raise DomainError(_("Hãy chọn đơn vị (hoặc cá nhân) đăng ký mô hình."))
    if campaign.agency_id and agency.pk != campaign.agency_id:
        raise DomainError(_("Đơn vị không thuộc cơ quan phát động đợt đăng ký."))
    if agency.province_id != campaign.province_id:
        raise DomainError(_("Đơn vị không thuộc tỉnh của đợt đăng ký."))
    tasks = list(tasks)
    if any(task.plan.agency_id != agency.pk for task in tasks):
        raise DomainError(_("Chỉ gắn được nhiệm vụ của kế hoạch của cơ quan mình."))
    practice = GoodPractice.objects.create(
        campaign=campaign,
        agency=agency,
        unit=unit,
        person=person,
        name=name.strip(),
        address=address.strip(),
        field=field,
        level=level,
        aims=aims.strip(),
        content=content.strip(),
        participants=participants.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        expected_results=expected_results.strip(),
        responsible=responsible.strip(),
        is_late=late,
        late_reason=late_reason.strip() if late else "",
        registered_by=by,
        search_text=search_key(" ".join([name, address, content, responsible])),
    )
    practice.tasks.set(tasks)
    note = _("Đăng ký sau hạn: %(reason)s") % {"reason": practice.late_reason} if late else ""
    ModelEvent.objects.create(practice=practice, from_status="", to_status=S.REGISTERED, note=note, by=by)
    return practice


# --- Lifecycle ------------------------------------------------------------------


@transaction.atomic
def start_practice(*, practice: GoodPractice, by: User) -> GoodPractice:
    return _move(practice, S.IN_PROGRESS, by=by)


@transaction.atomic
def finish_practice(*, practice: GoodPractice, results: str, by: User) -> GoodPractice:
    """The unit reports the model's results: at least one progress report first."""
    if not results.strip():
        raise DomainError(_("Hãy ghi kết quả, hiệu quả của mô hình."))
    if not practice.reports.exists():
        raise DomainError(_("Mô hình chưa có báo cáo tiến độ nào."))
    _move(practice, S.REPORTED, by=by, note=results.strip())
    practice.results = results.strip()
    practice.save(update_fields=["results"])
    return practice


@transaction.atomic
def withdraw_practice(*, practice: GoodPractice, reason: str, by: User) -> GoodPractice:
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do rút đăng ký."))
    return _move(practice, S.WITHDRAWN, by=by, note=reason.strip())


@transaction.atomic
def report_progress(
    *,
    practice: GoodPractice,
    period: str,
    text: str,
    figures: str = "",
    files: Iterable[tuple[str, bytes]] = (),
    by: User,
) -> ProgressReport:
    """A periodic report on a model in progress, with its evidence files."""
    if practice.status not in (S.IN_PROGRESS, S.REPORTED):
        raise DomainError(_("Chỉ báo cáo tiến độ được khi mô hình đang thực hiện."))
    if not period.strip() or not text.strip():
        raise DomainError(_("Hãy ghi kỳ báo cáo và nội dung báo cáo."))
    files = list(files)
    for filename, data in files:
        if len(data) > EVIDENCE_LIMIT_BYTES:
            raise DomainError(
                _("Tệp %(name)s quá lớn: tối đa %(limit)s MB.")
                % {"name": filename, "limit": EVIDENCE_LIMIT_BYTES // (1024 * 1024)}
            )
        refusal = uploads.content_refusal(io.BytesIO(data))
        if refusal:
            raise DomainError(refusal)
    report = ProgressReport.objects.create(
        practice=practice, period=period.strip(), figures=figures.strip(), text=text.strip(), reported_by=by
    )
    for filename, data in files:
        evidence = Evidence(report=report, original_name=filename[:255], size=len(data), uploaded_by=by)
        evidence.file.save(stored_file_name(filename, "minh-chung"), ContentFile(data), save=True)
    return report


# --- Review ---------------------------------------------------------------------


@transaction.atomic
def score_practice(*, practice: GoodPractice, points: dict[int, Decimal], by: User) -> list[Score]:
    """A council member's points for the model, per criterion (criterion id →
    points), each between 0 and the criterion's maximum."""
    if practice.status != S.REPORTED:
        raise DomainError(_("Chỉ chấm điểm được mô hình đã báo cáo kết quả."))
    if not practice.campaign.council.filter(pk=by.pk).exists():
        raise DomainError(_("Chỉ thành viên hội đồng bình xét mới chấm điểm."))
    criteria = {criterion.pk: criterion for criterion in practice.campaign.criteria.all()}
    if set(points) != set(criteria):
        raise DomainError(_("Hãy chấm đủ mọi tiêu chí."))
    for criterion_id, value in points.items():
        criterion = criteria[criterion_id]
        if value is None or value < 0 or value > criterion.max_points:
            raise DomainError(
                _("Điểm tiêu chí «%(name)s» phải từ 0 đến %(max)s.")
                % {"name": criterion.name, "max": criterion.max_points}
            )
    scores = []
    for criterion_id, value in points.items():
        score, _created = Score.objects.update_or_create(
            practice=practice, criterion=criteria[criterion_id], member=by, defaults={"points": value}
        )
        scores.append(score)
    return scores


def average_score(practice: GoodPractice) -> Decimal | None:
    """The members' totals averaged over the members who scored."""
    totals: dict[int, Decimal] = {}
    for member_id, points in practice.scores.values_list("member_id", "points"):
        totals[member_id] = totals.get(member_id, Decimal(0)) + points
    if not totals:
        return None
    return (sum(totals.values(), Decimal(0)) / len(totals)).quantize(Decimal("0.01"))


@transaction.atomic
def propose_recognition(*, practice: GoodPractice, by: User) -> GoodPractice:
    """Propose the model for recognition once every council member scored it."""
    council = set(practice.campaign.council.values_list("pk", flat=True))
    scored = set(practice.scores.values_list("member_id", flat=True))
    if practice.status == S.REPORTED and (not council or not council <= scored):
        raise DomainError(_("Mọi thành viên hội đồng phải chấm điểm trước khi đề nghị công nhận."))
    average = average_score(practice)
    _move(practice, S.PROPOSED, by=by, note=_("Điểm bình quân: %(points)s") % {"points": average})
    practice.average_score = average
    practice.save(update_fields=["average_score"])
    return practice


# --- Recognition and replication ------------------------------------------------


@transaction.atomic
def decide_recognition(
    *,
    campaign: Campaign,
    agency: Agency,
    signed_on: date,
    level: str,
    recognised: Iterable[GoodPractice],
    not_recognised: Iterable[GoodPractice] = (),
    number: str = "",
    by: User,
) -> RecognitionDecision:
    """The decision that recognises the proposed models (and those it does
    not), issued by the agency: it takes the next number of the agency's
    series unless one is given, and enters the legal library."""
    recognised, not_recognised = list(recognised), list(not_recognised)
    if level not in Level.values:
        raise DomainError(_("Hãy chọn cấp công nhận."))
    if not recognised and not not_recognised:
        raise DomainError(_("Quyết định phải nêu ít nhất một mô hình."))
    if {p.pk for p in recognised} & {p.pk for p in not_recognised}:
        raise DomainError(_("Một mô hình không thể vừa được vừa không được công nhận."))
    for practice in [*recognised, *not_recognised]:
        if practice.campaign_id != campaign.pk or practice.status != S.PROPOSED:
            raise DomainError(
                _("Mô hình «%(name)s» chưa được đề nghị công nhận trong đợt này.") % {"name": practice.name}
            )
    number = number.strip()
    if number:
        hold_document_number(agency=agency, year=signed_on.year, number=number.split("/", 1)[0])
    else:
        number = f"{next_document_number(agency=agency, year=signed_on.year)}/QĐ-{agency.symbol_code}"
    if RecognitionDecision.objects.filter(
        agency=agency, number=number, signed_on__year=signed_on.year
    ).exists():
        raise DomainError(_("Số quyết định %(number)s đã được dùng trong năm.") % {"number": number})
    document = record_citation(
        doc_type="Quyết định", number=number, name=None, issued=signed_on, issuer=agency.name
    )
    if not document.title:
        document.title = _("Về việc công nhận mô hình «Dân vận khéo» năm %(year)s") % {"year": campaign.year}
        document.save(update_fields=["title", "search_text"])
    decision = RecognitionDecision.objects.create(
        campaign=campaign,
        agency=agency,
        number=number,
        signed_on=signed_on,
        level=level,
        document=document,
        created_by=by,
    )
    note = _("Quyết định số %(number)s ngày %(day)s") % {"number": number, "day": _day(signed_on)}
    for practice in recognised:
        _move(practice, S.RECOGNISED, by=by, note=note)
    for practice in not_recognised:
        _move(practice, S.NOT_RECOGNISED, by=by, note=note)
    GoodPractice.objects.filter(pk__in=[p.pk for p in recognised + not_recognised]).update(
        recognition=decision
    )
    for practice in recognised:
        notify(
            recipients=[practice.registered_by],
            key=f"dvk-recognised:{practice.pk}",
            text=_("Mô hình «%(name)s» được công nhận (%(decision)s).")
            % {"name": practice.name, "decision": note},
            url=reverse("emulation:dvk_practice", args=[practice.pk]),
        )
    return decision


@transaction.atomic
def replicate_practice(
    *,
    origin: GoodPractice,
    campaign: Campaign,
    unit: Unit,
    address: str,
    starts_on: date,
    ends_on: date,
    responsible: str,
    by: User,
) -> GoodPractice:
    """Another unit adopts a recognised model: a new model linked to its
    origin, in progress at once; the origin is marked replicated."""
    if not origin.is_recognised():
        raise DomainError(_("Chỉ nhân rộng được mô hình đã được công nhận."))
    if unit.pk == origin.unit_id:
        raise DomainError(_("Đơn vị đã thực hiện mô hình gốc; hãy chọn đơn vị khác."))
    practice = register_practice(
        campaign=campaign,
        unit=unit,
        name=origin.name,
        address=address,
        field=origin.field,
        level=origin.level,
        aims=origin.aims,
        content=origin.content,
        participants=origin.participants,
        starts_on=starts_on,
        ends_on=ends_on,
        expected_results=origin.expected_results,
        responsible=responsible,
        late_reason=_("Nhân rộng mô hình đã được công nhận."),
        by=by,
    )
    practice.origin = origin
    practice.save(update_fields=["origin"])
    ModelEvent.objects.filter(practice=practice).update(
        note=_("Nhân rộng mô hình «%(name)s» của %(holder)s")
        % {"name": origin.name, "holder": origin.holder_name()}
    )
    _move(practice, S.IN_PROGRESS, by=by)
    if origin.status == S.RECOGNISED:
        _move(origin, S.REPLICATED, by=by, note=_("Nhân rộng tại %(unit)s") % {"unit": unit.name})
    return practice


# --- Reminders ------------------------------------------------------------------


REMINDER_DAYS = (7, 3, 0)


def missing_registrants(campaign: Campaign) -> tuple[list[Unit], list[Agency]]:
    """The expected units and agencies that have registered no model."""
    registered = GoodPractice.objects.filter(campaign=campaign).exclude(status=S.WITHDRAWN)
    unit_ids = set(registered.values_list("unit_id", flat=True))
    agency_ids = set(registered.values_list("agency_id", flat=True))
    units = [unit for unit in campaign.expected_units.order_by("name") if unit.pk not in unit_ids]
    agencies = [
        agency for agency in campaign.expected_agencies.order_by("sort_key") if agency.pk not in agency_ids
    ]
    return units, agencies


def send_dvk_reminders(*, today: date) -> int:
    """7, 3 and 0 days before the deadline, remind the units (agencies) that
    have not registered; on a progress-report date, remind the people of the
    models in progress. Once per recipient and occasion."""
    told = 0
    for campaign in Campaign.objects.filter(deadline__gte=today, deadline__year=today.year):
        days = (campaign.deadline - today).days
        if days not in REMINDER_DAYS:
            continue
        units, agencies = missing_registrants(campaign)
        url = reverse("emulation:dvk_campaign", args=[campaign.pk])
        text = _("Hạn đăng ký mô hình «Dân vận khéo» là %(day)s (còn %(days)s ngày): %(title)s.") % {
            "day": _day(campaign.deadline),
            "days": days,
            "title": campaign.title,
        }
        for unit in units:
            recipients = holders_of(Role.UNIT_HEAD, unit=unit) or holders_of(Role.STAFF, unit=unit)
            told += len(
                notify(
                    recipients=recipients,
                    key=f"dvk-register:{campaign.pk}:u{unit.pk}:{days}",
                    text=text,
                    url=url,
                )
            )
        for agency in agencies:
            recipients = holders_of(Role.AGENCY_OFFICE, agency=agency) + holders_of(
                Role.AGENCY_LEADER, agency=agency
            )
            told += len(
                notify(
                    recipients=recipients,
                    key=f"dvk-register:{campaign.pk}:a{agency.pk}:{days}",
                    text=text,
                    url=url,
                )
            )
    iso = today.isoformat()
    for campaign in Campaign.objects.filter(year=today.year):
        if today not in campaign.report_days():
            continue
        for practice in campaign.practices.filter(status=S.IN_PROGRESS).select_related(
            "unit", "registered_by"
        ):
            recipients = [
                practice.registered_by,
                *(holders_of(Role.UNIT_HEAD, unit=practice.unit) if practice.unit else []),
            ]
            told += len(
                notify(
                    recipients=recipients,
                    key=f"dvk-progress:{practice.pk}:{iso}",
                    text=_("Đến kỳ báo cáo tiến độ mô hình «%(name)s» (%(day)s).")
                    % {"name": practice.name, "day": _day(today)},
                    url=reverse("emulation:dvk_practice", args=[practice.pk]),
                )
            )
    return told
