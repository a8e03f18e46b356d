"""What the emulation register adds to an agency's periodic report
(reports/figures.py): its «Dân vận khéo» models and the commendations
decided in the period."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency
from danvan.emulation.models import GoodPractice, TitleRecord


def _moment(day: date, last: bool) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max if last else time.min))


def period_figures(agency: Agency, start: date, end: date) -> list[tuple[str, str]]:
    registered = Q(registered_at__range=(_moment(start, False), _moment(end, True))) & ~Q(
        status=GoodPractice.Status.WITHDRAWN
    )
    # The agency's models counted four ways in one query.
    practices = GoodPractice.objects.filter(agency=agency).aggregate(
        registered=Count("pk", filter=registered),
        running=Count(
            "pk",
            filter=Q(
                status__in=(GoodPractice.Status.IN_PROGRESS, GoodPractice.Status.REPORTED), starts_on__lte=end
            ),
        ),
        recognised=Count("pk", filter=Q(recognition__signed_on__range=(start, end))),
        replicated=Count("pk", filter=registered & Q(origin__isnull=False)),
    )
    granted = TitleRecord.objects.filter(
        Q(person__agency=agency) | Q(unit__agency=agency), decision_date__range=(start, end)
    )
    return [
        (_("Mô hình «Dân vận khéo» đăng ký trong kỳ"), str(practices["registered"])),
        (_("Mô hình «Dân vận khéo» đang thực hiện"), str(practices["running"])),
        (_("Mô hình «Dân vận khéo» được công nhận trong kỳ"), str(practices["recognised"])),
        (_("Mô hình nhân rộng từ mô hình đã công nhận"), str(practices["replicated"])),
        (_("Tập thể, cá nhân được khen thưởng trong kỳ"), str(granted.count())),
    ]
