"""State changes of the emulation register: one transaction each, keyword
arguments, the acting person as ``by``; bad input raises DomainError and
changes nothing. ``dvk`` holds the «Dân vận khéo» models, ``commendation``
the emulation movements and commendation proposals."""


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
from danvan.emulation.services.dvk import (
    EVIDENCE_LIMIT_BYTES,
    TRANSITIONS,
    average_score,
    decide_recognition,
    finish_practice,
    missing_registrants,
    open_campaign,
    propose_recognition,
    register_practice,
    replicate_practice,
    report_progress,
    score_practice,
    send_dvk_reminders,
    set_council,
    start_practice,
    withdraw_practice,
)

__all__ = [
    "EVIDENCE_LIMIT_BYTES",
    "TRANSITIONS",
    "average_score",
    "decide_recognition",
    "finish_practice",
    "missing_registrants",
    "open_campaign",
    "propose_recognition",
    "register_practice",
    "replicate_practice",
    "report_progress",
    "score_practice",
    "send_dvk_reminders",
    "set_council",
    "start_practice",
    "withdraw_practice",
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
