"""State changes of the emulation register: one transaction each, keyword
arguments, the acting person as ``by``; bad input raises DomainError and
changes nothing."""

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
]
