"""Matching the lead unit a plan names ("VP Sở", "Thanh tra") to the agency's units."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# Words that name every working unit of the agency at once.
_ALL_UNITS = re.compile(
    r"^(cac|tat ca|toan the)?\s*(phong|don vi|phong, don vi|phong, ban|phong ban|co quan, don vi)"
    r"(,? (chi cuc|trung tam|don vi))*( (truc thuoc|thuoc|chuyen mon|su nghiep)\b.*)?$"
)
# The units a plan means by "các phòng, đơn vị": its working units, not its
# leadership, office, party, union or boards.
WORKING_KINDS = (
    Unit.Kind.INSPECTORATE,
    Unit.Kind.DIVISION,
    Unit.Kind.SUB_DEPARTMENT,
    Unit.Kind.CENTER,
)
_SEPARATORS = re.compile(r"\s*[,;+]\s*|\s+va\s+")


@dataclass(frozen=True)
class NamedUnits:
    """Whom a plan's list of units names: units of the agency, its office
    (a text naming the office or the agency itself), and what matched nothing."""

    units: list[Unit]
    office: bool
    unmatched: list[str]


def _names_office(key: str) -> bool:
    return key.startswith("van phong") or key in ("so", "co quan", "lanh dao so", "ban lanh dao")


def _split_names(key: str, units: list[Unit]) -> list[Unit]:
    """The units of a text naming several, split at commas and "và" only
    where every piece names a unit (a name may hold "và" itself)."""
    tokens = _SEPARATORS.split(key)
    seps = _SEPARATORS.findall(key)
    if len(tokens) < 2:
        return []
    found: list[Unit] = []
    start = 0
    while start < len(tokens):
        for end in range(len(tokens), start, -1):
            text = tokens[start]
            for index in range(start + 1, end):
                text += seps[index - 1] + tokens[index]
            unit = match_unit(text, units)
            if unit is not None:
                found.append(unit)
                start = end
                break
        else:
            return []
    return found


def match_named_units(texts: list[str], units: list[Unit]) -> NamedUnits:
    """The units a plan's deadline names, each by its name or abbreviation
    without accents ("Chi cục TĐC", "TT KH&CN"); "các phòng, đơn vị" names the
    working units. A text that names several ("Chi cục TĐC và Trung tâm") is
    split. Units not named are not in the answer."""
    found: dict[int, Unit] = {}
    office = False
    unmatched: list[str] = []
    working = [unit for unit in units if unit.kind in WORKING_KINDS]
    for text in texts:
        key = normalise(str(text))
        if not key:
            continue
        if _ALL_UNITS.match(key):
            found.update({unit.pk: unit for unit in working})
            continue
        unit = match_unit(str(text), units)
        if unit is None and _names_office(key):
            office = True
            continue
        if unit is not None:
            if unit.kind == Unit.Kind.OFFICE:
                office = True
            else:
                found[unit.pk] = unit
            continue
        pieces = _split_names(key, units)
        if pieces:
            for part_unit in pieces:
                if part_unit.kind == Unit.Kind.OFFICE:
                    office = True
                else:
                    found[part_unit.pk] = part_unit
            continue
        unmatched.append(str(text))
    ordered = sorted(found.values(), key=lambda unit: unit.sort_key)
    return NamedUnits(units=ordered, office=office, unmatched=unmatched)


# --- A plan's content items against the higher plan's --------------------------

# Syllables that carry no subject of their own in a plan's content items.
_FILLER = frozenset(
    "va cac cua cho trong de tai voi theo tren den tu nhung mot la co duoc ve nham"
    " tiep tuc tang cuong day manh thuc hien trien khai to chuc cong tac nam hang".split()
)
_SYLLABLE = re.compile(r"[a-z]+")
# How alike two items must be for the one to be proposed as taking up the other.
PROPOSAL_THRESHOLD = 0.25


def _pairs(text: str) -> set[tuple[str, str]]:
    """Pairs of neighbouring syllables that carry meaning ("dan van", "quy
    che", "dan chu"): Vietnamese words are mostly two syllables, so pairs say
    more than single syllables and less than whole phrases."""
    syllables = [s for s in _SYLLABLE.findall(search_key(text)) if s not in _FILLER]
    return set(zip(syllables, syllables[1:], strict=False))


def item_similarity(first: str, second: str) -> float:
    """How alike two content items read, from 0 to 1 (Dice's coefficient on
    syllable pairs, without accents, filler words left out)."""
    a, b = _pairs(first), _pairs(second)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def propose_takeups(higher: list[tuple[int, str]], own: list[tuple[int, str]], *, limit: int = 3) -> dict:
    """For each higher item (id, text), up to ``limit`` of the plan's own items
    (id, text) that read like it, best first, as {higher id: [(own id, score)]}."""
    own_pairs = [(pk, _pairs(text)) for pk, text in own]
    proposals: dict[int, list[tuple[int, float]]] = {}
    for higher_id, text in higher:
        wanted = _pairs(text)
        scored = []
        for pk, pairs in own_pairs:
            if wanted and pairs:
                score = 2 * len(wanted & pairs) / (len(wanted) + len(pairs))
                if score >= PROPOSAL_THRESHOLD:
                    scored.append((pk, round(score, 2)))
        proposals[higher_id] = sorted(scored, key=lambda item: -item[1])[:limit]
    return proposals
