"""Disclosures."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import Agency, Role, User
from danvan.core.selectors import holders_of
from danvan.core.services import DomainError, notify
from danvan.democracy.models import (
    DISCLOSURE_WORKING_DAYS,
    POSTING_DAYS,
    Disclosure,
    DisclosureForm,
    DisclosureKind,
    DisclosureRequest,
)
from danvan.democracy.services._common import _day
from danvan.plans.models import Plan

# --- Disclosures ----------------------------------------------------------------


def count_disclosure_due(decision_date: date, calendar: WorkingCalendar) -> tuple[date, str]:
    due = calendar.add_working_days(decision_date, DISCLOSURE_WORKING_DAYS)
    return due, _(
        "%(count)s ngày làm việc kể từ ngày của quyết định, văn bản %(start)s "
        "(Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 Điều 47 khoản 2; tính từ ngày hôm sau, "
        "không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết) — hạn %(due)s."
    ) % {"count": DISCLOSURE_WORKING_DAYS, "start": _day(decision_date), "due": _day(due)}


def count_posting_end(posted_from: date, calendar: WorkingCalendar) -> tuple[date, str]:
    end = calendar.add_days(posted_from, POSTING_DAYS)
    last = date.fromordinal(posted_from.toordinal() + POSTING_DAYS)
    text = _(
        "%(count)s ngày liên tục kể từ ngày niêm yết %(start)s (Luật 10/2022/QH15 Điều 48 khoản 1–2; "
        "ngày thứ nhất là ngày hôm sau, Bộ luật Dân sự 2015 Điều 147)"
    ) % {"count": POSTING_DAYS, "start": _day(posted_from)}
    if end != last:
        text += _(
            "; ngày cuối %(last)s là ngày nghỉ nên kết thúc vào ngày làm việc tiếp theo (Điều 148 khoản 5)"
        ) % {"last": _day(last)}
    return end, text + _(" — niêm yết ít nhất đến hết ngày %(end)s.") % {"end": _day(end)}


def _check_disclosure(
    *, decision_date: date, forms: list[str], disclosed_on: date, posted_from, posted_until, today: date
) -> None:
    if not forms:
        raise DomainError(_("Hãy chọn ít nhất một hình thức công khai (Điều 47)."))
    if any(code not in DisclosureForm.values for code in forms):
        raise DomainError(_("Hình thức công khai không hợp lệ."))
    if disclosed_on < decision_date:
        raise DomainError(
            _(
                "Ngày công khai %(disclosed)s trước ngày của quyết định, văn bản %(decision)s: "
                "không thể công khai điều chưa có. Hãy kiểm tra lại hai ngày."
            )
            % {"disclosed": _day(disclosed_on), "decision": _day(decision_date)}
        )
    if disclosed_on > today:
        raise DomainError(_("Ngày công khai %(day)s chưa đến.") % {"day": _day(disclosed_on)})
    posted = any(code in (DisclosureForm.POSTING, DisclosureForm.PORTAL) for code in forms)
    if posted and posted_from is None:
        raise DomainError(_("Niêm yết hoặc đăng trên hệ thống: hãy ghi ngày bắt đầu niêm yết."))
    if posted_from is not None and posted_from < decision_date:
        raise DomainError(_("Ngày bắt đầu niêm yết trước ngày của quyết định, văn bản."))
    if posted_from is not None and posted_until is not None and posted_until < posted_from:
        raise DomainError(_("Ngày kết thúc niêm yết trước ngày bắt đầu."))


def _disclosure_fields(*, forms, disclosed_on, posted_from, posted_until, calendar) -> dict:
    """The fields a recorded disclosure sets, its posting end counted when it is posted (Điều 48)."""
    forms = list(dict.fromkeys(forms))
    fields = {
        "forms": forms,
        "disclosed_on": disclosed_on,
        "posted_from": posted_from,
        "posted_until": posted_until,
        "status": Disclosure.Status.DISCLOSED,
        "posting_end": None,
        "posting_explanation": "",
    }
    if posted_from is not None and Disclosure(forms=forms).needs_posting():
        fields["posting_end"], fields["posting_explanation"] = count_posting_end(posted_from, calendar)
    return fields


@transaction.atomic
def register_disclosure(
    *,
    agency: Agency,
    kind: str,
    subject: str,
    decision_date: date,
    forms: list[str],
    disclosed_on: date,
    posted_from: date | None = None,
    posted_until: date | None = None,
    today: date,
    by: User,
) -> Disclosure:
    if kind not in DisclosureKind.values:
        raise DomainError(_("Hãy chọn nội dung công khai theo Điều 46."))
    if not subject.strip():
        raise DomainError(_("Hãy ghi quyết định, văn bản được công khai."))
    _check_disclosure(
        decision_date=decision_date,
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        today=today,
    )
    calendar = WorkingCalendar.load()
    due, explanation = count_disclosure_due(decision_date, calendar)
    return Disclosure.objects.create(
        agency=agency,
        kind=kind,
        subject=subject.strip()[:500],
        decision_date=decision_date,
        due_date=due,
        due_explanation=explanation,
        created_by=by,
        **_disclosure_fields(
            forms=forms,
            disclosed_on=disclosed_on,
            posted_from=posted_from,
            posted_until=posted_until,
            calendar=calendar,
        ),
    )


@transaction.atomic
def record_disclosure(
    *,
    disclosure: Disclosure,
    forms: list[str],
    disclosed_on: date,
    posted_from: date | None = None,
    posted_until: date | None = None,
    today: date,
    by: User,
) -> Disclosure:
    """Record how and when a proposed (or already recorded) disclosure was made."""
    _check_disclosure(
        decision_date=disclosure.decision_date,
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        today=today,
    )
    fields = _disclosure_fields(
        forms=forms,
        disclosed_on=disclosed_on,
        posted_from=posted_from,
        posted_until=posted_until,
        calendar=WorkingCalendar.load(),
    )
    for name, value in fields.items():
        setattr(disclosure, name, value)
    disclosure.save(update_fields=list(fields))
    return disclosure


def propose_disclosure_for_plan(*, plan: Plan, by: User | None) -> Disclosure | None:
    """An issued work plan is to be disclosed to staff (Điều 46 k2): proposed once per plan."""
    if plan.issue_date is None or Disclosure.objects.filter(plan=plan).exists():
        return None
    due, explanation = count_disclosure_due(plan.issue_date, WorkingCalendar.load())
    reference = plan.reference
    subject = f"{_('Kế hoạch')} {reference} {plan.title}" if reference else f"{_('Kế hoạch')} {plan.title}"
    disclosure = Disclosure.objects.create(
        agency=plan.agency,
        kind=DisclosureKind.WORK_PLAN,
        subject=subject[:500],
        decision_date=plan.issue_date,
        plan=plan,
        due_date=due,
        due_explanation=explanation,
        created_by=by,
    )
    notify(
        recipients=holders_of(Role.AGENCY_OFFICE, agency=plan.agency),
        key=f"democracy-disclose-plan:{plan.pk}",
        text=_("Kế hoạch vừa ban hành cần công khai với cán bộ chậm nhất ngày %(due)s.") % {"due": _day(due)},
        url=reverse("democracy:disclosure_detail", args=[disclosure.pk]),
    )
    return disclosure


# --- Requests for information (Điều 48 k4) --------------------------------------


@transaction.atomic
def request_information(*, agency: Agency, subject: str, today: date, by: User) -> DisclosureRequest:
    if not subject.strip():
        raise DomainError(_("Hãy ghi thông tin bạn đề nghị được cung cấp."))
    request = DisclosureRequest.objects.create(
        agency=agency, subject=subject.strip(), requested_by=by, requested_on=today
    )
    notify(
        recipients=holders_of(Role.AGENCY_OFFICE, agency=agency),
        key=f"democracy-request:{request.pk}",
        text=_("Cán bộ đề nghị cung cấp thông tin chưa được công khai."),
        url=reverse("democracy:request_detail", args=[request.pk]),
    )
    return request


@transaction.atomic
def answer_request(*, request: DisclosureRequest, answer: str, today: date, by: User) -> DisclosureRequest:
    if not answer.strip():
        raise DomainError(_("Hãy ghi nội dung trả lời."))
    if request.status == DisclosureRequest.Status.ANSWERED:
        raise DomainError(_("Đề nghị này đã được trả lời."))
    request.answer = answer.strip()
    request.answered_by = by
    request.answered_on = today
    request.status = DisclosureRequest.Status.ANSWERED
    request.save(update_fields=["answer", "answered_by", "answered_on", "status"])
    notify(
        recipients=[request.requested_by] if request.requested_by_id != by.pk else [],
        key=f"democracy-request-answered:{request.pk}",
        text=_("Đề nghị cung cấp thông tin của bạn đã được trả lời."),
        url=reverse("democracy:request_detail", args=[request.pk]),
    )
    return request
