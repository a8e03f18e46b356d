"""Legal time limits: the rule in force, how a deadline is counted, stored and recounted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.calendar import WorkingCalendar
from danvan.core.models import User
from danvan.core.services import DomainError
from danvan.petitions.models import (
    Deadline,
    Petition,
    TimeLimitRule,
)

# --- Deadlines -------------------------------------------------------------------


def rule_in_force(code: str, *, on: date) -> TimeLimitRule:
    rule = TimeLimitRule.objects.in_force(code, on).order_by("-effective_from").first()
    if rule is None:
        raise DomainError(
            _("Chưa có quy tắc thời hạn «%(code)s» áp dụng cho ngày %(day)s.")
            % {"code": code, "day": f"{on:%d/%m/%Y}"}
        )
    return rule


def count_deadline(
    rule: TimeLimitRule,
    *,
    start: date,
    calendar: WorkingCalendar,
    extension_days: int = 0,
    paused_days: int = 0,
) -> tuple[date, str]:
    """The due date of ``rule`` counted from ``start``, and how it was counted.

    Counting starts the day after ``start`` (Bộ luật Dân sự 2015 Điều 147 k2);
    a limit in days that ends on a day off ends on the next working day
    (Điều 148 k5). Extension and paused days are added to the count.
    """
    total = rule.count + extension_days + paused_days
    parts = [
        _("%(count)s %(unit)s kể từ %(event)s %(start)s (%(source)s)")
        % {
            "count": rule.count,
            "unit": rule.get_unit_display(),
            "event": rule.start_event,
            "start": f"{start:%d/%m/%Y}",
            "source": rule.legal_source,
        }
    ]
    if extension_days:
        parts.append(
            _("gia hạn thêm %(days)s %(unit)s") % {"days": extension_days, "unit": rule.get_unit_display()}
        )
    if paused_days:
        parts.append(
            _("không tính %(days)s %(unit)s tạm đình chỉ")
            % {"days": paused_days, "unit": rule.get_unit_display()}
        )
    if rule.unit == TimeLimitRule.Unit.WORKING_DAYS:
        due = calendar.add_working_days(start, total)
        parts.append(_("hạn %(due)s.") % {"due": f"{due:%d/%m/%Y}"})
        return due, " — ".join(parts)
    due = calendar.add_days(start, total)
    last = date.fromordinal(start.toordinal() + total)
    if due != last:
        parts.append(
            _("ngày cuối %(last)s là ngày nghỉ nên hạn chuyển sang ngày làm việc tiếp theo %(due)s.")
            % {"last": f"{last:%d/%m/%Y}", "due": f"{due:%d/%m/%Y}"}
        )
    else:
        parts.append(_("hạn %(due)s.") % {"due": f"{due:%d/%m/%Y}"})
    return due, " — ".join(parts)


@transaction.atomic
def set_deadline(*, petition: Petition, code: str, start: date, by: User | None) -> Deadline:
    """Store the deadline of rule ``code`` for the petition, counted from ``start``
    with the rule version in force on ``start``."""
    rule = rule_in_force(code, on=start)
    due, explanation = count_deadline(rule, start=start, calendar=WorkingCalendar.load())
    deadline, _created = Deadline.objects.update_or_create(
        petition=petition,
        code=code,
        defaults={
            "rule": rule,
            "start_date": start,
            "due_date": due,
            "explanation": explanation,
            "extension_days": 0,
            "paused_days": 0,
            "met_on": None,
        },
    )
    return deadline


@transaction.atomic
def recompute_deadline(
    *, deadline: Deadline, extension_days: int, paused_days: int, by: User | None
) -> Deadline:
    """Count the deadline again with the same rule version, after an
    extension or a suspension."""
    due, explanation = count_deadline(
        deadline.rule,
        start=deadline.start_date,
        calendar=WorkingCalendar.load(),
        extension_days=extension_days,
        paused_days=paused_days,
    )
    deadline.extension_days, deadline.paused_days = extension_days, paused_days
    deadline.due_date, deadline.explanation = due, explanation
    deadline.save(update_fields=["extension_days", "paused_days", "due_date", "explanation"])
    return deadline


def _meet_deadlines(petition: Petition, codes: Iterable[str], on: date) -> None:
    Deadline.objects.filter(petition=petition, code__in=list(codes), met_on__isnull=True).update(met_on=on)
