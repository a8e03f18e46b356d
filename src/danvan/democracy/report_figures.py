"""What the democracy register adds to an agency's periodic report
(reports/figures.py): briefings, disclosures, consultations, the staff
conference and the answers owed to the Fatherland Front, in the period."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from danvan.core.models import Agency
from danvan.democracy.models import Briefing, Consultation, Disclosure, StaffConference, SupervisionFinding


def _counted(rows, **parts: Q) -> dict[str, int]:
    """All the rows and each part of them, counted in one query."""
    return rows.aggregate(all=Count("pk"), **{name: Count("pk", filter=part) for name, part in parts.items()})


def period_figures(agency: Agency, start: date, end: date) -> list[tuple[str, str]]:
    disclosed = _counted(
        Disclosure.objects.filter(agency=agency, disclosed_on__range=(start, end)),
        on_time=Q(disclosed_on__lte=F("due_date")),
    )
    consulted = _counted(
        Consultation.objects.filter(agency=agency, deadline__range=(start, end)),
        explained=Q(status=Consultation.Status.PUBLISHED),
    )
    findings = _counted(
        SupervisionFinding.objects.filter(agency=agency, answer_due__range=(start, end)),
        answered=Q(answered_on__isnull=False, answered_on__lte=F("answer_due")),
    )
    held = StaffConference.objects.filter(agency=agency, held_on__range=(start, end)).exists()
    return [
        (
            _("Buổi quán triệt, học tập văn bản"),
            str(Briefing.objects.filter(agency=agency, held_on__range=(start, end)).count()),
        ),
        (_("Nội dung công khai đúng hạn / đã công khai"), f"{disclosed['on_time']}/{disclosed['all']}"),
        (
            _("Việc lấy ý kiến cán bộ đã công khai giải trình / tổng số"),
            f"{consulted['explained']}/{consulted['all']}",
        ),
        (_("Hội nghị cán bộ, công chức, viên chức trong kỳ"), _("Đã tổ chức") if held else _("Chưa tổ chức")),
        (
            _("Kiến nghị của Mặt trận, đoàn thể trả lời đúng hạn / đến hạn"),
            f"{findings['answered']}/{findings['all']}",
        ),
    ]
