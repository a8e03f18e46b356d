"""A criteria set and the rules that classify an agency, as plain data.

A set is a tree: groups (I, II…) hold criteria (1, 2…) which hold
sub-criteria (1.1, a…); only leaves carry a scoring method. A node is found
by its key, the codes from the root joined by "/" ("II/3/3.1"), because
annexes reuse "1" under every group. Points are Decimal, kept to 2 decimals.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def to_points(value: Decimal) -> Decimal:
    """Points kept to 2 decimals, halves rounded up (0.125 → 0.13)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def show_points(value: Decimal) -> str:
    """Points as written in Vietnamese: 95 → "95", 95.50 → "95,5", 1.25 → "1,25"."""
    text = f"{to_points(value):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if text != "-0" else "0"


class Kind(enum.Enum):
    """What a group's points do to the total."""

    BASE = "base"  # the criteria proper: their maxima add up to the set's maximum
    BONUS = "bonus"  # điểm thưởng, added within the group's maximum
    PENALTY = "penalty"  # điểm trừ, subtracted within the group's maximum


class WhenNotApplicable(enum.Enum):
    """What "không áp dụng" on a leaf gives, as the rules say."""

    REFUSED = "refused"  # the rules do not allow it
    FULL_POINTS = "full"  # counted as the leaf's maximum
    EXCLUDED = "excluded"  # left out of both the score and the maximum


# --- Scoring methods of a leaf --------------------------------------------------


@dataclass(frozen=True)
class AllOrNothing:
    """Done: the leaf's maximum; not done: 0."""


@dataclass(frozen=True)
class Steps:
    """The assessor picks one of the allowed steps (e.g. 0, 1, 2, 3) and explains it."""

    steps: tuple[Decimal, ...]
    note_required: bool = True


@dataclass(frozen=True)
class RatioBand:
    """From `from_percent` (inclusive) up to the next band: `points`."""

    from_percent: Decimal
    points: Decimal


@dataclass(frozen=True)
class RatioBands:
    """Points by bands of a ratio (e.g. % of staff trained); below the lowest band: 0."""

    bands: tuple[RatioBand, ...]


@dataclass(frozen=True)
class RatioLinear:
    """0 at or below `zero_at` %, the maximum at or above `full_at` %, linear between."""

    zero_at: Decimal
    full_at: Decimal


@dataclass(frozen=True)
class Deduction:
    """The maximum minus `amount` per occurrence (points, or % of the leaf's maximum)."""

    amount: Decimal
    as_percent: bool = False
    floor_at_zero: bool = True


@dataclass(frozen=True)
class PerItem:
    """A bonus or penalty item: `points` per occurrence, at most the leaf's maximum."""

    points: Decimal


Method = AllOrNothing | Steps | RatioBands | RatioLinear | Deduction | PerItem


@dataclass(frozen=True)
class Node:
    key: str
    code: str
    name: str
    max_points: Decimal
    kind: Kind
    depth: int  # 1 for a group, 2 for a criterion, 3 for a sub-criterion…
    children: tuple[Node, ...] = ()
    method: Method | None = None
    cap_at_max: bool = False  # a group total never above its maximum
    when_not_applicable: WhenNotApplicable = WhenNotApplicable.REFUSED
    row: int | None = None  # the row it was read from, for messages
    evidence: str = ""  # the evidence required, as the annex words it
    note: str = ""
    indicator: str = ""  # the code of a figure the system computes for this leaf, proposed as its score

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> list[Node]:
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


@dataclass(frozen=True)
class CriteriaSet:
    name: str
    roots: tuple[Node, ...]
    floor_total_at_zero: bool = True
    # With excluded leaves, the base score is brought back to the base maximum
    # (score × base maximum ÷ applicable maximum) when the rules say so.
    rescale_when_excluded: bool = False

    def nodes(self) -> list[Node]:
        return [node for root in self.roots for node in root.walk()]

    def node(self, key: str) -> Node:
        for node in self.nodes():
            if node.key == key:
                return node
        raise KeyError(key)

    def leaves(self) -> list[Node]:
        return [node for node in self.nodes() if node.is_leaf]

    def max_of(self, kind: Kind) -> Decimal:
        return sum((root.max_points for root in self.roots if root.kind is kind), Decimal(0))

    @property
    def base_max(self) -> Decimal:
        return self.max_of(Kind.BASE)

    @property
    def bonus_cap(self) -> Decimal:
        return self.max_of(Kind.BONUS)

    @property
    def penalty_cap(self) -> Decimal:
        return self.max_of(Kind.PENALTY)


# --- What the assessor enters for a leaf ----------------------------------------


@dataclass(frozen=True)
class Done:
    done: bool


@dataclass(frozen=True)
class StepChoice:
    points: Decimal
    note: str = ""


@dataclass(frozen=True)
class Ratio:
    """`numerator` of `denominator` (e.g. 45 of 50 staff trained)."""

    numerator: Decimal
    denominator: Decimal


@dataclass(frozen=True)
class Occurrences:
    count: int


@dataclass(frozen=True)
class NotApplicable:
    reason: str = ""


LeafInput = Done | StepChoice | Ratio | Occurrences | NotApplicable


# --- Scores ---------------------------------------------------------------------


@dataclass(frozen=True)
class NodeScore:
    key: str
    code: str
    kind: Kind
    depth: int
    max_points: Decimal
    points: Decimal | None  # None: excluded ("không áp dụng")
    is_leaf: bool
    capped: bool = False  # the children added up to more than the maximum
    applicable_max: Decimal | None = None  # the maximum without excluded leaves (None: max_points)

    @property
    def reachable(self) -> Decimal:
        return self.max_points if self.applicable_max is None else self.applicable_max


@dataclass(frozen=True)
class Scorecard:
    nodes: dict[str, NodeScore]
    base: Decimal  # the criteria proper, after group caps (and rescaling)
    bonus: Decimal  # after the bonus cap
    penalty: Decimal  # after the penalty cap, as a positive number
    total: Decimal
    base_max: Decimal
    applicable_max: Decimal  # base_max without excluded leaves


# --- Classification rules -------------------------------------------------------


@dataclass(frozen=True)
class NoLeafAtZero:
    """No leaf of the criteria proper scored 0 (excluded leaves do not count)."""


@dataclass(frozen=True)
class NoNodeAtZero:
    """No node at `depth` (2: every criterion) of the criteria proper scored 0."""

    depth: int


@dataclass(frozen=True)
class MinimumShare:
    """Every node at `depth` of the criteria proper has at least `percent` % of its maximum."""

    percent: Decimal
    depth: int


Condition = NoLeafAtZero | NoNodeAtZero | MinimumShare


@dataclass(frozen=True)
class Band:
    name: str
    lower: Decimal  # inclusive: "từ 95 điểm trở lên"
    conditions: tuple[Condition, ...] = ()
    council_vote: bool = False  # reaching it only makes the agency eligible for a council's vote


@dataclass(frozen=True)
class ForceBand:
    """An event that puts the agency in `band` whatever its score."""

    event: str
    band: str


@dataclass(frozen=True)
class CapBand:
    """An event that keeps the agency at `band` or below."""

    event: str
    band: str


@dataclass(frozen=True)
class Quota:
    """At most `percent` % of the agencies in `relative_to` may be in `band`."""

    band: str
    relative_to: str
    percent: Decimal


@dataclass(frozen=True)
class Rules:
    bands: tuple[Band, ...]  # highest first
    forces: tuple[ForceBand, ...] = ()
    caps: tuple[CapBand, ...] = ()
    quotas: tuple[Quota, ...] = ()
    events: dict[str, str] = field(default_factory=dict)  # event code -> its name, for messages
    commendation_from: str | None = None  # only this band or above may be proposed

    def band(self, name: str) -> Band:
        for band in self.bands:
            if band.name == name:
                return band
        raise KeyError(name)

    def rank(self, name: str) -> int:
        """0 for the highest band."""
        return [band.name for band in self.bands].index(name)

    def event_name(self, code: str) -> str:
        return self.events.get(code, code)


@dataclass(frozen=True)
class Classification:
    band: str | None  # None: undecided
    reason: str  # why this band, or why the rules do not decide
    total: Decimal
    score_band: str | None = None  # the band the points alone give
    notes: tuple[str, ...] = ()
    needs_review: bool = False  # the reviewer has to look (undecided, quota cut, tie)
    council_vote: bool = False  # eligible only: a council votes

    @property
    def decided(self) -> bool:
        return self.band is not None
