"""What a successor takes over from a merged or split agency of its one-stop
work: the late dossiers whose result is not yet returned, with the dates
promised to the applicant (the first and the new one of the apology, Mẫu 04)
as they were. Dossiers returned and the imported figures stay with the
predecessor."""

from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.core.organisation import hand_over, register_takeover
from danvan.onestop.models import LateDossier


def open_dossiers(agency: Agency):
    return LateDossier.objects.filter(agency=agency, returned_on__isnull=True).order_by("due_date", "pk")


def _move(old: Agency, new: Agency) -> int:
    # A dossier code is the agency's own: one the successor already holds stays.
    taken = set(LateDossier.objects.filter(agency=new).values_list("code", flat=True))
    return hand_over([row for row in open_dossiers(old) if row.code not in taken], agency=new)


register_takeover(
    level="agency",
    label=_("hồ sơ một cửa trễ hạn chưa trả kết quả"),
    count=lambda agency: open_dossiers(agency).count(),
    move=_move,
)
