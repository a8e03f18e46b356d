"""The emulation register: "Dân vận khéo" models (``models.dvk``), emulation
movements and commendation (``models.commendation``)."""

from danvan.emulation.models.commendation import (
    Candidate,
    CommendationCondition,
    CommendationTitle,
    ConditionCheck,
    CouncilMeeting,
    CouncilMember,
    DisciplineRecord,
    Movement,
    Proposal,
    Registration,
    TitleRecord,
)
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
    "Candidate",
    "CommendationCondition",
    "CommendationTitle",
    "ConditionCheck",
    "CouncilMeeting",
    "CouncilMember",
    "Criterion",
    "DisciplineRecord",
    "Evidence",
    "Field",
    "GoodPractice",
    "Level",
    "ModelEvent",
    "Movement",
    "ProgressReport",
    "Proposal",
    "RecognitionDecision",
    "Registration",
    "Score",
    "TitleRecord",
]
