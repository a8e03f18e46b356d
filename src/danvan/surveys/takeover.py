"""What a successor takes over from a merged or split agency or unit: the
surveys being written or still collecting answers, with their dates and the
answers received. Closed surveys stay with the predecessor."""

from django.utils.translation import gettext_lazy as _

from danvan.core.models import Unit
from danvan.core.organisation import hand_over, register_takeover
from danvan.surveys.models import Survey

OPEN = (Survey.Status.DRAFT, Survey.Status.PUBLISHED)


def open_surveys(**where):
    return Survey.objects.filter(status__in=OPEN, **where).order_by("pk")


register_takeover(
    level="agency",
    label=_("phiếu khảo sát đang soạn hoặc đang nhận ý kiến"),
    count=lambda agency: open_surveys(agency=agency).count(),
    move=lambda old, new: hand_over(list(open_surveys(agency=old)), agency=new),
    items=lambda agency: open_surveys(agency=agency),
    move_items=lambda surveys, new: hand_over(surveys, agency=new),
)


def _move_unit(old: Unit, new: Unit) -> int:
    return hand_over(list(open_surveys(unit=old)), unit=new, agency=new.agency)


register_takeover(
    level="unit",
    label=_("phiếu khảo sát của đơn vị chưa kết thúc"),
    count=lambda unit: open_surveys(unit=unit).count(),
    move=_move_unit,
)
