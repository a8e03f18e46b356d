"""What a successor takes over from a merged or split agency: the petitions
still open, and those accepted whose case (thụ lý giải quyết khiếu nại, tố
cáo) is still being resolved, with every legal deadline as it was counted.
Closed petitions and cases closed or terminated stay with the predecessor."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.core.organisation import register_takeover
from danvan.petitions.models import Case, Petition

# A case is over when it is closed and filed, or terminated (đình chỉ).
CASE_OVER = (Case.Status.CLOSED, Case.Status.TERMINATED)


def open_work(agency: Agency) -> QuerySet[Petition]:
    """The agency's petitions still to be dealt with: open, or accepted with a case not over."""
    in_progress = Q(case__isnull=False) & ~Q(case__status__in=CASE_OVER)
    return (
        Petition.objects.filter(agency=agency)
        .filter(~Q(status__in=Petition.CLOSED_STATUSES) | in_progress)
        .order_by("received_on", "pk")
    )


def _move(petitions, new: Agency) -> int:
    moved = 0
    for petition in petitions:
        # The deadlines hang on the petition and keep their dates: only the agency changes.
        petition.agency = new
        petition.save(update_fields=["agency"])
        moved += 1
    return moved


register_takeover(
    level="agency",
    label=_("đơn, vụ việc đang giải quyết"),
    count=lambda agency: open_work(agency).count(),
    move=lambda old, new: _move(list(open_work(old)), new),
    items=open_work,
    move_items=_move,
)
