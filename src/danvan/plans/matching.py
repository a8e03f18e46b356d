"""Matching the lead unit a plan names ("VP Sở", "Thanh tra") to the agency's units."""

from __future__ import annotations

import re

from danvan.core.models import Unit
from danvan.core.text import search_key

# Abbreviations of unit names as plans write them, already accent-free.
_ABBREVIATIONS = [
    (re.compile(r"\bvp\b"), "van phong"),
    (re.compile(r"\btt\b\.?"), "trung tam"),
    (re.compile(r"\bcc\b\.?"), "chi cuc"),
    (re.compile(r"\bp\.\s*"), "phong "),
    (re.compile(r"\bkh&cn\b|\bkhcn\b"), "khoa hoc va cong nghe"),
    (re.compile(r"\btdc\b"), "tieu chuan do luong chat luong"),
]
# Words after the unit that say what it does, not who it is.
_QUALIFIERS = re.compile(r"\s+(chu tri|phoi hop|thuc hien|tham muu|theo doi)\b.*$")


def normalise(name: str) -> str:
    key = search_key(name).strip(" .;:,")
    key = _QUALIFIERS.sub("", key)
    for pattern, expansion in _ABBREVIATIONS:
        key = pattern.sub(expansion, key)
    return re.sub(r"\s+", " ", key).strip()


def match_unit(lead: str, units: list[Unit]) -> Unit | None:
    """The one unit the text names, or None when it names none or several."""
    key = normalise(lead)
    if not key:
        return None
    by_name = {normalise(unit.name): unit for unit in units}
    by_short = {normalise(unit.short_name): unit for unit in units if unit.short_name}
    for variant in (key, f"{key} so"):
        if variant in by_name:
            return by_name[variant]
        if variant in by_short:
            return by_short[variant]
    if len(key.split()) < 2:
        # One word ("Phòng", "Tổ") is a kind of unit, not a name.
        return None
    starting = [unit for name, unit in by_name.items() if name.startswith(key + " ")]
    return starting[0] if len(starting) == 1 else None
