"""Factories for petitions and cases; services make the rows, so the
deadlines a test depends on are the ones the code would store."""

from datetime import date

from danvan.petitions import services
from danvan.petitions.models import Petition


def petition_for(agency, *, by=None, kind=Petition.Kind.COMPLAINT, **overrides):
    fields = {
        "agency": agency,
        "source": Petition.Source.POST,
        "kind": kind,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND của xã.",
        "received_on": date(2026, 3, 2),
        "sender_name": "Trần Thị Bưởi",
        "sender_address": "Ấp Bàu Sen, xã Tân Hòa",
        "identity_number": "072180001234",
        "phone": "0912 345 678",
        "by": by,
    }
    fields.update(overrides)
    return services.receive_petition(**fields)


def classified(agency, *, by, handler=None, **overrides):
    petition = petition_for(agency, by=by, **overrides)
    return services.classify_petition(
        petition=petition,
        kind=petition.kind,
        conditions_met=True,
        in_jurisdiction=True,
        handler=handler,
        by=by,
    )


def case_for(agency, *, by, accepted_on=date(2026, 3, 5), instance=1, remote_area=False, **overrides):
    petition = classified(agency, by=by, **overrides)
    return services.accept_petition(
        petition=petition,
        accepted_on=accepted_on,
        handler=by,
        instance=instance,
        remote_area=remote_area,
        by=by,
    )
