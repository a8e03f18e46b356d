"""What the emulation register adds to an agency's periodic report
(reports/figures.py): its «Dân vận khéo» models and the commendations
decided in the period."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.models import Agency
from danvan.emulation.models import GoodPractice, TitleRecord


def _moment(day: date, last: bool) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max if last else time.min))


def period_figures(agency: Agency, start: date, end: date) -> list[tuple[str, str]]:
    practices = GoodPractice.objects.filter(agency=agency)
    registered = practices.filter(registered_at__range=(_moment(start, False), _moment(end, True))).exclude(
        status=GoodPractice.Status.WITHDRAWN
    )
    recognised = practices.filter(recognition__signed_on__range=(start, end))
    replicated = registered.filter(origin__isnull=False)
    running = practices.filter(
        status__in=(GoodPractice.Status.IN_PROGRESS, GoodPractice.Status.REPORTED), starts_on__lte=end
    )
    granted = TitleRecord.objects.filter(
        Q(person__agency=agency) | Q(unit__agency=agency), decision_date__range=(start, end)
    )
    return [
        (_("Mô hình «Dân vận khéo» đăng ký trong kỳ"), str(registered.count())),
        (_("Mô hình «Dân vận khéo» đang thực hiện"), str(running.count())),
        (_("Mô hình «Dân vận khéo» được công nhận trong kỳ"), str(recognised.count())),
        (_("Mô hình nhân rộng từ mô hình đã công nhận"), str(replicated.count())),
        (_("Tập thể, cá nhân được khen thưởng trong kỳ"), str(granted.count())),
    ]
