"""The emulation register: "Dân vận khéo" models (``models.dvk``), emulation
movements and commendation (``models.commendation``)."""

from danvan.emulation.models.dvk import (
    Campaign,
    Criterion,
    Evidence,
    Field,
    GoodPractice,
    Level,
    ModelEvent,
    ProgressReport,
    RecognitionDecision,
    Score,
)

__all__ = [
    "Campaign",
    "Criterion",
    "Evidence",
    "Field",
    "GoodPractice",
    "Level",
    "ModelEvent",
    "ProgressReport",
    "RecognitionDecision",
    "Score",
]
