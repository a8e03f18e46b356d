"""Where a plan target's current value comes from when the system can count it.

A target such as "100% công chức … được quán triệt Chỉ thị 33/CT-TTg" is bound
to a source (``Target.measured_by``, the source's code) and, when the source
needs one, to a document of the legal library (``Target.document``). An app
above plans registers a ``TargetSource`` from its ``AppConfig.ready()``; plans
knows no app, and the target's page asks the registry for the reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from danvan.plans.models import Target


@dataclass(frozen=True)
class Reading:
    """What a source counts for one target today."""

    value: Decimal | None  # percent, None when there is nothing to count
    counted: int  # e.g. people briefed
    total: int  # e.g. staff of the agency
    missing: tuple[str, ...] = ()  # who or what is not counted yet, by name
    note: str = ""  # how it was counted, in words
    url: str = ""  # the page with the details


@dataclass(frozen=True)
class TargetSource:
    code: str
    label: str | Promise  # translated when shown
    read: Callable[[Target], Reading]
    needs_document: bool = True


_SOURCES: dict[str, TargetSource] = {}


def register_target_source(source: TargetSource) -> TargetSource:
    """Registering a code again replaces it."""
    _SOURCES[source.code] = source
    return source


def target_source(code: str) -> TargetSource | None:
    return _SOURCES.get(code)


def target_sources() -> list[TargetSource]:
    return sorted(_SOURCES.values(), key=lambda source: source.code)


def read_target(target: Target) -> Reading | None:
    """The computed reading of a bound target, or None when it is typed by hand."""
    source = _SOURCES.get(target.measured_by) if target.measured_by else None
    if source is None or (source.needs_document and target.document_id is None):
        return None
    return source.read(target)
