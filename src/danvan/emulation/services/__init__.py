"""State changes of the emulation app: one transaction each, keyword arguments,
the acting person as ``by``; bad input raises DomainError and changes nothing."""

from danvan.emulation.services.commendation import (
    add_candidate,
    confirm_condition,
    hold_council_meeting,
    launch_movement,
    open_proposal,
    record_decision,
    record_discipline,
    record_title,
    record_vote,
    register_for_emulation,
    submit_proposal,
)

__all__ = [
    "add_candidate",
    "confirm_condition",
    "hold_council_meeting",
    "launch_movement",
    "open_proposal",
    "record_decision",
    "record_discipline",
    "record_title",
    "record_vote",
    "register_for_emulation",
    "submit_proposal",
]
