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

__all__ = [
    "Candidate",
    "CommendationCondition",
    "CommendationTitle",
    "ConditionCheck",
    "CouncilMeeting",
    "CouncilMember",
    "DisciplineRecord",
    "Movement",
    "Proposal",
    "Registration",
    "TitleRecord",
]

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
