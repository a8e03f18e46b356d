"""What the democracy services share."""

from __future__ import annotations

from datetime import date

MATERIAL_LIMIT_BYTES = 20 * 1024 * 1024


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"
