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
