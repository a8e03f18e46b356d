"""What a successor takes over from a merged or split agency: the petitions
still open and their cases, with every legal deadline as it was counted.
Closed petitions and cases stay with the predecessor."""

from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.core.organisation import register_takeover
from danvan.petitions.models import Petition


def _move(old: Agency, new: Agency) -> int:
    petitions = list(Petition.objects.filter(agency=old).open())
    for petition in petitions:
        petition.agency = new
        petition.save(update_fields=["agency"])
    return len(petitions)


register_takeover(
    level="agency",
    label=_("đơn, vụ việc đang giải quyết"),
    count=lambda agency: Petition.objects.filter(agency=agency).open().count(),
    move=_move,
)
