"""People to tell, shared by the plan services."""

from __future__ import annotations

from danvan.core.models import Agency, Role, Unit, User
from danvan.core.selectors import holders_of


def _leaders(agency: Agency) -> list[User]:
    return holders_of(Role.AGENCY_LEADER, agency=agency)


def _office(agency: Agency) -> list[User]:
    return holders_of(Role.AGENCY_OFFICE, agency=agency)


def _unit_heads(unit: Unit | None) -> list[User]:
    return holders_of(Role.UNIT_HEAD, unit=unit) if unit is not None else []
