"""People to tell, shared by the plan services."""

from __future__ import annotations

from danvan.core.models import Agency, Unit, User


def _leaders(agency: Agency) -> list[User]:
    from danvan.core.models import Role

    return [
        a.user
        for a in agency.roleassignment_set.filter(role=Role.AGENCY_LEADER, is_active=True).select_related(
            "user"
        )
    ]


def _office(agency: Agency) -> list[User]:
    from danvan.core.models import Role

    return [
        a.user
        for a in agency.roleassignment_set.filter(role=Role.AGENCY_OFFICE, is_active=True).select_related(
            "user"
        )
    ]


def _unit_heads(unit: Unit | None) -> list[User]:
    from danvan.core.models import Role

    if unit is None:
        return []
    return [
        a.user
        for a in unit.roleassignment_set.filter(role=Role.UNIT_HEAD, is_active=True).select_related("user")
    ]
