"""Who manages and who reads an agency's emulation work, on core's scopes."""

from __future__ import annotations

from danvan.core.models import Role

MANAGING_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE)
