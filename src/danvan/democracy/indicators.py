"""What the democracy register measures for the yearly evaluation (``core.indicators``).

``democracy.staff_briefed``: for every document covered by a briefing the
agency held in the year, each of the agency's active staff is one pair
(document, person); the pair counts when the person attended (present) or
made up any briefing of the agency covering that document. The ratio sums
the pairs over the documents.

``democracy.disclosures_on_time``: the disclosures whose decision is dated in
the year; one counts when it was disclosed no later than its due date (5
working days after the decision, Luật 10/2022 Điều 47 k2).

``democracy.conference_held``: done when the staff conference for the work
year before was held no later than 31/03 of the year and was quorate (two
thirds present, Điều 51 k1 and k3).

``democracy.board_recommendations_answered``: the People's Inspection Board's
recommendations whose 15-day answer fell due in the year; one counts when
the head answered it by then (Điều 63 k1).

``democracy.supervision_answered_on_time``: the recommendations of the
Fatherland Front and the socio-political organisations whose answer fell due
in the year; one counts when the agency answered it by its due date (the
organisation's own, or SUPERVISION_ANSWER_DAYS after receipt).

``democracy.consultations_held``: the consultations of staff (Điều 53) whose
deadline for comments fell in the year; one counts when the head published
the summary and explanation (tiếp thu, giải trình, Điều 55 k1).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.indicators import Figure, Kind, Line, indicator
from danvan.core.models import Agency
from danvan.democracy.models import (
    BoardRecommendation,
    Consultation,
    Disclosure,
    StaffConference,
    SupervisionFinding,
)
from danvan.democracy.selectors import coverage
from danvan.documents.models import LegalDocument


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


@indicator(
    code="democracy.staff_briefed",
    name=gettext_lazy("Tỷ lệ cán bộ, công chức, viên chức được quán triệt các văn bản trong năm"),
    kind=Kind.RATIO,
)
def staff_briefed(agency: Agency, year: int) -> Figure:
    documents = LegalDocument.objects.filter(
        briefings__agency=agency, briefings__held_on__range=(date(year, 1, 1), date(year, 12, 31))
    ).distinct()
    numerator = denominator = 0
    lines = []
    for document in documents.order_by("date", "pk"):
        found = coverage(agency, document)
        numerator += found.briefed
        denominator += found.total
        missing = ", ".join(person.full_name or person.username for person in found.missing[:20])
        lines.append(
            Line(
                label=str(document),
                url=reverse("democracy:coverage", args=[agency.pk, document.pk]),
                detail=_("%(briefed)s/%(total)s cán bộ đã được quán triệt")
                % {"briefed": found.briefed, "total": found.total}
                + (_("; chưa: %(names)s") % {"names": missing} if missing else ""),
                counts=found.briefed == found.total,
            )
        )
    return Figure(
        numerator=Decimal(numerator),
        denominator=Decimal(denominator),
        lines=tuple(lines),
        note=_(
            "Mỗi văn bản được quán triệt trong năm × mỗi cán bộ đang làm việc của cơ quan; "
            "tính khi người đó có mặt hoặc đã học bù ở một buổi quán triệt văn bản ấy."
        ),
    )


@indicator(
    code="democracy.disclosures_on_time",
    name=gettext_lazy("Tỷ lệ nội dung công khai với cán bộ đúng hạn 05 ngày làm việc"),
    kind=Kind.RATIO,
)
def disclosures_on_time(agency: Agency, year: int) -> Figure:
    rows = Disclosure.objects.filter(
        agency=agency, decision_date__range=(date(year, 1, 1), date(year, 12, 31))
    ).order_by("decision_date", "pk")
    lines = []
    for row in rows:
        on_time = row.disclosed_on is not None and row.disclosed_on <= row.due_date
        disclosed = (
            _("công khai ngày %(day)s") % {"day": _day(row.disclosed_on)}
            if row.disclosed_on
            else _("chưa công khai")
        )
        lines.append(
            Line(
                label=row.subject,
                url=reverse("democracy:disclosure_detail", args=[row.pk]),
                detail=_("Quyết định ngày %(decision)s – hạn %(due)s – %(disclosed)s")
                % {"decision": _day(row.decision_date), "due": _day(row.due_date), "disclosed": disclosed},
                counts=on_time,
            )
        )
    return Figure(
        numerator=Decimal(sum(1 for line in lines if line.counts)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Nội dung có quyết định, văn bản trong năm; đúng hạn khi công khai chậm nhất 05 ngày làm việc sau đó."
        ),
    )


@indicator(
    code="democracy.conference_held",
    name=gettext_lazy(
        "Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động đúng hạn, đủ hai phần ba"
    ),
    kind=Kind.DONE,
)
def conference_held(agency: Agency, year: int) -> Figure:
    conference = StaffConference.objects.filter(agency=agency, work_year=year - 1).first()
    lines = []
    if conference is not None:
        done = not conference.is_late() and conference.is_quorate()
        lines.append(
            Line(
                label=_("Hội nghị năm %(year)s") % {"year": conference.work_year},
                url=reverse("democracy:conference_detail", args=[conference.pk]),
                detail=_("Ngày %(day)s (hạn %(due)s), có mặt %(present)s/%(expected)s")
                % {
                    "day": _day(conference.held_on),
                    "due": _day(conference.deadline),
                    "present": conference.present,
                    "expected": conference.expected,
                },
                counts=done,
            )
        )
    return Figure(
        numerator=Decimal(1 if lines and lines[0].counts else 0),
        lines=tuple(lines),
        note=_(
            "Hội nghị của năm công tác trước, tổ chức chậm nhất ngày 31/03 và có ít nhất hai phần ba số "
            "người được triệu tập có mặt."
        ),
    )


@indicator(
    code="democracy.board_recommendations_answered",
    name=gettext_lazy("Tỷ lệ kiến nghị của Ban Thanh tra nhân dân được trả lời trong 15 ngày"),
    kind=Kind.RATIO,
)
def board_recommendations_answered(agency: Agency, year: int) -> Figure:
    rows = BoardRecommendation.objects.filter(
        inspection__board__agency=agency, answer_due__range=(date(year, 1, 1), date(year, 12, 31))
    ).order_by("answer_due", "pk")
    lines = []
    for row in rows:
        answered = (
            _("trả lời ngày %(day)s") % {"day": _day(row.answered_on)}
            if row.answered_on
            else _("chưa trả lời")
        )
        lines.append(
            Line(
                label=row.text[:120],
                url=reverse("democracy:inspection_detail", args=[row.inspection_id]),
                detail=_("Gửi ngày %(sent)s – hạn %(due)s – %(answered)s")
                % {"sent": _day(row.sent_on), "due": _day(row.answer_due), "answered": answered},
                counts=row.answered_on is not None and row.answered_on <= row.answer_due,
            )
        )
    return Figure(
        numerator=Decimal(sum(1 for line in lines if line.counts)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Kiến nghị có hạn trả lời trong năm; đúng hạn khi được trả lời chậm nhất 15 ngày sau khi gửi."
        ),
    )


@indicator(
    code="democracy.supervision_answered_on_time",
    name=gettext_lazy(
        "Tỷ lệ kiến nghị giám sát, phản biện, góp ý của Mặt trận, các tổ chức chính trị - xã hội được trả lời đúng hạn"
    ),
    kind=Kind.RATIO,
)
def supervision_answered_on_time(agency: Agency, year: int) -> Figure:
    rows = (
        SupervisionFinding.objects.filter(
            agency=agency, answer_due__range=(date(year, 1, 1), date(year, 12, 31))
        )
        .select_related("organisation")
        .order_by("answer_due", "pk")
    )
    lines = []
    for row in rows:
        answered = (
            _("trả lời ngày %(day)s") % {"day": _day(row.answered_on)}
            if row.answered_on
            else _("chưa trả lời")
        )
        lines.append(
            Line(
                label=f"{row.organisation.name}: {row.recommendations[:100]}",
                url=reverse("democracy:finding_detail", args=[row.pk]),
                detail=_("Nhận ngày %(received)s – hạn %(due)s – %(answered)s")
                % {"received": _day(row.received_on), "due": _day(row.answer_due), "answered": answered},
                counts=row.answered_on is not None and row.answered_on <= row.answer_due,
            )
        )
    return Figure(
        numerator=Decimal(sum(1 for line in lines if line.counts)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Kiến nghị có hạn trả lời trong năm; đúng hạn khi cơ quan trả lời chậm nhất vào hạn do tổ chức "
            "đề nghị, hoặc 15 ngày sau khi nhận nếu văn bản không ghi hạn."
        ),
    )


@indicator(
    code="democracy.consultations_held",
    name=gettext_lazy("Tỷ lệ việc lấy ý kiến cán bộ đã công khai tiếp thu, giải trình"),
    kind=Kind.RATIO,
)
def consultations_held(agency: Agency, year: int) -> Figure:
    rows = Consultation.objects.filter(
        agency=agency, deadline__range=(date(year, 1, 1), date(year, 12, 31))
    ).order_by("deadline", "pk")
    lines = []
    for row in rows:
        published = (
            _("công khai giải trình ngày %(day)s") % {"day": _day(row.published_on)}
            if row.published_on
            else _("chưa công khai giải trình")
        )
        lines.append(
            Line(
                label=row.title[:120],
                url=reverse("democracy:consultation_detail", args=[row.pk]),
                detail=_("%(topic)s – hạn góp ý %(due)s – %(published)s")
                % {"topic": row.get_topic_display(), "due": _day(row.deadline), "published": published},
                counts=row.status == Consultation.Status.PUBLISHED,
            )
        )
    return Figure(
        numerator=Decimal(sum(1 for line in lines if line.counts)),
        denominator=Decimal(len(lines)),
        lines=tuple(lines),
        note=_(
            "Việc lấy ý kiến (Điều 53) có hạn góp ý trong năm; được tính khi người đứng đầu "
            "đã công khai tổng hợp, tiếp thu, giải trình (Điều 55 khoản 1)."
        ),
    )
