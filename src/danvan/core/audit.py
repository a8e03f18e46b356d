"""The read log of citizens' personal data.

An app calls ``record_read`` from the view that shows or hands out a
citizen's details (a page, a letter, a spreadsheet), and
``record_list_read`` from a list that shows several. Core imports no app:
the record is described by its own model label, primary key, code and
agency, read from the object given."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db import models
from django.utils import timezone

from danvan.core.models import SensitiveRead
from danvan.core.ratelimit import client_address

# What each ``what`` code is, in the reader's words ("Trang đơn", "Thư trả lời
# (Word)"): registered by the app that logs it, from its AppConfig.ready().
_KINDS: dict[str, str] = {}


def register_read_kinds(kinds: dict) -> None:
    """Name the views and exports an app logs reads through: ``{what: label}``."""
    _KINDS.update(kinds)


def read_kind_label(what: str) -> str:
    """The registered name of ``what``; a code nobody named shows as it is."""
    return str(_KINDS.get(what, what))


def _address(request) -> str | None:
    address = client_address(request)
    try:
        validate_ipv46_address(address)
    except ValidationError:
        return None
    return address


def _code(obj: models.Model) -> str:
    for name in ("code", "number"):
        value = getattr(obj, name, None)
        if value not in (None, ""):
            return str(value)[:100]
    return str(obj.pk)


def record_read(request, obj, what: str, *, agency=None, code: str | None = None) -> SensitiveRead:
    """Log that the signed-in person read ``obj``'s personal data through
    ``what`` (the view or export name). ``obj`` is a record, or a model class
    for a list or export that shows many (then ``code`` says which list)."""
    if isinstance(obj, type) and issubclass(obj, models.Model):
        model, object_pk, found_code = obj._meta.label_lower, "", ""
    else:
        model, object_pk, found_code = obj._meta.label_lower, str(obj.pk), _code(obj)
        if agency is None:
            agency_id = getattr(obj, "agency_id", None)
            agency = agency_id
    agency_id = agency.pk if isinstance(agency, models.Model) else agency
    return SensitiveRead.objects.create(
        person=request.user,
        agency_id=agency_id,
        model=model,
        object_pk=object_pk,
        code=(code if code is not None else found_code)[:100],
        what=what[:100],
        address=_address(request),
    )


def record_list_read(request, records: Iterable[models.Model], what: str) -> list[SensitiveRead]:
    """Log that the signed-in person saw each of ``records`` in a list or
    search result shown through ``what``: one row per record, under the
    record's own agency, so the inspector who searches a record's code finds
    every list that showed it. A page of rows is one INSERT."""
    address, now = _address(request), timezone.now()
    rows = [
        SensitiveRead(
            person=request.user,
            agency_id=getattr(record, "agency_id", None),
            model=record._meta.label_lower,
            object_pk=str(record.pk),
            code=_code(record),
            what=what[:100],
            address=address,
            read_at=now,
        )
        for record in records
    ]
    return SensitiveRead.objects.bulk_create(rows) if rows else []
