"""Optimistic versions of an edited record: an edit form carries the version
of what it showed, and a save over somebody else's newer save is refused
with both versions side by side, never silently overwriting theirs.

The version is a digest of the fields the form edits, so it changes with any
save of them, by any page, process or import, with no counter to keep.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from danvan.core.services import DomainError


@dataclass(frozen=True)
class Difference:
    label: str
    theirs: str
    yours: str


class EditConflict(DomainError):
    """Someone saved the record after the form was opened: nothing was saved."""

    def __init__(self, message: str, *, differences: list[Difference], token: str) -> None:
        super().__init__(message)
        self.differences = differences
        self.token = token


def _stored(instance, name: str) -> Any:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return sorted(instance.pk and getattr(instance, name).values_list("pk", flat=True) or [])
    return getattr(instance, field.attname)


def edit_token(instance, fields: Iterable[str]) -> str:
    values = {name: _stored(instance, name) for name in fields}
    return hashlib.sha256(json.dumps(values, default=str, sort_keys=True).encode()).hexdigest()[:32]


def shown(value: Any) -> str:
    """A value as the person reads it: dd/mm/yyyy dates, "—" for nothing."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list | tuple) or hasattr(value, "model"):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)


def check_not_stale(
    current, fields: Iterable[str], *, seen: str, typed: Mapping[str, Any], what: str
) -> None:
    """Refuse the save when ``current`` (read for update) is no longer the
    version ``seen``; the differences are the fields whose stored value is not
    what the person typed."""
    fields = list(fields)
    token = edit_token(current, fields)
    if token == seen:
        return
    differences = []
    for name in fields:
        field = current._meta.get_field(name)
        theirs = getattr(current, name).all() if field.many_to_many else getattr(current, name)
        theirs_text, yours_text = (
            shown(list(theirs) if field.many_to_many else theirs),
            shown(typed.get(name)),
        )
        if name in typed and theirs_text != yours_text:
            differences.append(Difference(str(field.verbose_name), theirs_text, yours_text))
    raise EditConflict(
        _(
            "Người khác đã lưu %(what)s này sau khi bạn mở trang. Chưa lưu gì: hãy xem hai bản dưới đây; "
            "bấm Lưu lần nữa để ghi bản của bạn."
        )
        % {"what": what},
        differences=differences,
        token=token,
    )
