"""The engine's scoring methods and classification rules as JSON, the way the database keeps them.

Points and percentages are written as strings ("0.5") so that nothing is lost
to floating point.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from danvan.evaluation.engine.model import (
    AllOrNothing,
    Band,
    CapBand,
    Classification,
    Condition,
    Deduction,
    Done,
    ForceBand,
    LeafInput,
    Method,
    MinimumShare,
    NoLeafAtZero,
    NoNodeAtZero,
    NotApplicable,
    Occurrences,
    PerItem,
    Quota,
    Ratio,
    RatioBand,
    RatioBands,
    RatioLinear,
    Rules,
    StepChoice,
    Steps,
)

METHOD_NAMES = {
    AllOrNothing: "all_or_nothing",
    Steps: "steps",
    RatioBands: "ratio_bands",
    RatioLinear: "ratio_linear",
    Deduction: "deduction",
    PerItem: "per_item",
}


def method_to_json(method: Method) -> tuple[str, dict[str, Any]]:
    name = METHOD_NAMES[type(method)]
    if isinstance(method, Steps):
        return name, {"steps": [str(step) for step in method.steps], "note_required": method.note_required}
    if isinstance(method, RatioBands):
        bands = [
            {"from_percent": str(band.from_percent), "points": str(band.points)} for band in method.bands
        ]
        return name, {"bands": bands}
    if isinstance(method, RatioLinear):
        return name, {"zero_at": str(method.zero_at), "full_at": str(method.full_at)}
    if isinstance(method, Deduction):
        return name, {
            "amount": str(method.amount),
            "as_percent": method.as_percent,
            "floor_at_zero": method.floor_at_zero,
        }
    if isinstance(method, PerItem):
        return name, {"points": str(method.points)}
    return name, {}


def method_from_json(name: str, parameters: dict[str, Any]) -> Method | None:
    if not name:
        return None
    if name == "all_or_nothing":
        return AllOrNothing()
    if name == "steps":
        return Steps(
            tuple(Decimal(step) for step in parameters["steps"]), bool(parameters.get("note_required", True))
        )
    if name == "ratio_bands":
        return RatioBands(
            tuple(
                RatioBand(Decimal(band["from_percent"]), Decimal(band["points"]))
                for band in parameters["bands"]
            )
        )
    if name == "ratio_linear":
        return RatioLinear(Decimal(parameters["zero_at"]), Decimal(parameters["full_at"]))
    if name == "deduction":
        return Deduction(
            Decimal(parameters["amount"]),
            as_percent=bool(parameters.get("as_percent", False)),
            floor_at_zero=bool(parameters.get("floor_at_zero", True)),
        )
    if name == "per_item":
        return PerItem(Decimal(parameters["points"]))
    raise ValueError(name)


def _condition_to_json(condition: Condition) -> dict[str, Any]:
    if isinstance(condition, NoLeafAtZero):
        return {"type": "no_leaf_at_zero"}
    if isinstance(condition, NoNodeAtZero):
        return {"type": "no_node_at_zero", "depth": condition.depth}
    return {"type": "minimum_share", "depth": condition.depth, "percent": str(condition.percent)}


def _condition_from_json(data: dict[str, Any]) -> Condition:
    if data["type"] == "no_leaf_at_zero":
        return NoLeafAtZero()
    if data["type"] == "no_node_at_zero":
        return NoNodeAtZero(int(data["depth"]))
    return MinimumShare(Decimal(data["percent"]), int(data["depth"]))


def rules_to_json(rules: Rules) -> dict[str, Any]:
    return {
        "bands": [
            {
                "name": band.name,
                "lower": str(band.lower),
                "conditions": [_condition_to_json(condition) for condition in band.conditions],
                "council_vote": band.council_vote,
            }
            for band in rules.bands
        ],
        "forces": [{"event": force.event, "band": force.band} for force in rules.forces],
        "caps": [{"event": cap.event, "band": cap.band} for cap in rules.caps],
        "quotas": [
            {"band": quota.band, "relative_to": quota.relative_to, "percent": str(quota.percent)}
            for quota in rules.quotas
        ],
        "events": dict(rules.events),
        "commendation_from": rules.commendation_from,
    }


def rules_from_json(data: dict[str, Any]) -> Rules:
    return Rules(
        bands=tuple(
            Band(
                band["name"],
                Decimal(band["lower"]),
                tuple(_condition_from_json(condition) for condition in band.get("conditions", [])),
                bool(band.get("council_vote", False)),
            )
            for band in data.get("bands", [])
        ),
        forces=tuple(ForceBand(force["event"], force["band"]) for force in data.get("forces", [])),
        caps=tuple(CapBand(cap["event"], cap["band"]) for cap in data.get("caps", [])),
        quotas=tuple(
            Quota(quota["band"], quota["relative_to"], Decimal(quota["percent"]))
            for quota in data.get("quotas", [])
        ),
        events=dict(data.get("events", {})),
        commendation_from=data.get("commendation_from"),
    )


# --- What the assessor entered for a leaf -----------------------------------------


def input_to_json(entered: LeafInput) -> dict[str, Any]:
    if isinstance(entered, Done):
        return {"type": "done", "done": entered.done}
    if isinstance(entered, StepChoice):
        return {"type": "step", "points": str(entered.points), "note": entered.note}
    if isinstance(entered, Ratio):
        return {"type": "ratio", "numerator": str(entered.numerator), "denominator": str(entered.denominator)}
    if isinstance(entered, Occurrences):
        return {"type": "occurrences", "count": entered.count}
    return {"type": "not_applicable", "reason": entered.reason}


def input_from_json(data: dict[str, Any] | None) -> LeafInput | None:
    if not data:
        return None
    kind = data.get("type")
    if kind == "done":
        return Done(bool(data["done"]))
    if kind == "step":
        return StepChoice(Decimal(data["points"]), data.get("note", ""))
    if kind == "ratio":
        return Ratio(Decimal(data["numerator"]), Decimal(data["denominator"]))
    if kind == "occurrences":
        return Occurrences(int(data["count"]))
    if kind == "not_applicable":
        return NotApplicable(data.get("reason", ""))
    return None


def classification_to_json(result: Classification) -> dict[str, Any]:
    return {
        "band": result.band,
        "reason": result.reason,
        "score_band": result.score_band,
        "notes": list(result.notes),
        "needs_review": result.needs_review,
        "council_vote": result.council_vote,
        "total": str(result.total),
    }


def classification_from_json(data: dict[str, Any]) -> Classification:
    return Classification(
        band=data.get("band"),
        reason=data.get("reason", ""),
        total=Decimal(data.get("total", "0")),
        score_band=data.get("score_band"),
        notes=tuple(data.get("notes", ())),
        needs_review=bool(data.get("needs_review", False)),
        council_vote=bool(data.get("council_vote", False)),
    )
