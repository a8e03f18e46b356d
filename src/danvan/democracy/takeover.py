"""What a successor takes over from a merged or split agency of its
democracy work (Luật 10/2022): the disclosures not yet made, the requests
for information not yet answered, the consultations still open and the staff
conference whose resolution checks are still due, each with its due date as
it was counted. What is done stays with the predecessor."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from danvan.core.models import Agency
from danvan.core.organisation import hand_over, register_takeover
from danvan.democracy.models import (
    Consultation,
    Disclosure,
    DisclosureRequest,
    ResolutionCheck,
    StaffConference,
)


def _open_work(agency: Agency) -> list:
    pending_check = ResolutionCheck.objects.filter(conference=OuterRef("pk"), checked_on__isnull=True)
    return [
        Disclosure.objects.filter(agency=agency, status=Disclosure.Status.PROPOSED),
        DisclosureRequest.objects.filter(agency=agency, status=DisclosureRequest.Status.WAITING),
        Consultation.objects.filter(agency=agency, status=Consultation.Status.OPEN),
        StaffConference.objects.filter(Exists(pending_check), agency=agency),
    ]


def _count(agency: Agency) -> int:
    return sum(rows.count() for rows in _open_work(agency))


def _move(old: Agency, new: Agency) -> int:
    disclosures, requests, consultations, conferences = _open_work(old)
    moved = hand_over(disclosures, agency=new) + hand_over(requests, agency=new)
    moved += hand_over(consultations, agency=new)
    # One conference a year per agency: the successor's own of that year stays its own.
    taken = set(StaffConference.objects.filter(agency=new).values_list("work_year", flat=True))
    return moved + hand_over([row for row in conferences if row.work_year not in taken], agency=new)


register_takeover(
    level="agency",
    label=_("việc thực hiện dân chủ chưa xong (công khai, đề nghị cung cấp thông tin, lấy ý kiến, hội nghị)"),
    count=_count,
    move=_move,
)
