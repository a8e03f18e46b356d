"""State changes of petitions and cases. Each function runs in one
transaction, takes keyword arguments and the acting person as ``by``, and
returns what it changed or raises ``DomainError`` with a Vietnamese message.

Every legal time limit is computed here, once, from the ``TimeLimitRule`` in
force on the day its clock starts, and stored as a ``Deadline`` with the
explanation of how it was counted.

The modules group the functions by workflow; this package exports them all.
"""

from danvan.core.services import DomainError
from danvan.petitions.services.cases import (
    ACTIVE_STATUSES,
    COMPLEXITY_CRITERIA,
    S,
    extend_case,
    move_case,
    next_steps,
    resume_case,
    suspend_case,
    terminate_case,
)
from danvan.petitions.services.deadlines import (
    count_deadline,
    recompute_deadline,
    rule_in_force,
    set_deadline,
)
from danvan.petitions.services.identity import (
    grant_identity_access,
    read_denouncer_identity,
)
from danvan.petitions.services.intake import (
    ATTACHMENT_SIGNATURES,
    CODE_ALPHABET,
    MAX_ATTACHMENT_BYTES,
    attach_file,
    attachment_type,
    new_case_code,
    receive_online_petition,
    receive_petition,
)
from danvan.petitions.services.processing import (
    OPEN_FOR_PROCESSING,
    PROCESSING_CODES,
    accept_petition,
    answer_petition,
    classify_petition,
    extend_initial_check,
    file_petition,
    forward_petition,
    guide_petition,
    resolve_code,
    return_petition,
    split_petition,
    withdraw_petition,
)
from danvan.petitions.services.reception import (
    PUBLISH_AHEAD_WORKING_DAYS,
    open_petition_from_reception,
    postpone_reception_day,
    publish_reception_day,
    record_reception,
    schedule_reception_day,
)
from danvan.petitions.services.scan import (
    NOT_RUNNING,
    escalate_overdue_deadlines,
    send_deadline_reminders,
)
from danvan.petitions.services.signing import sign_petition_letter

__all__ = [
    "sign_petition_letter",
    "ACTIVE_STATUSES",
    "ATTACHMENT_SIGNATURES",
    "CODE_ALPHABET",
    "COMPLEXITY_CRITERIA",
    "DomainError",
    "MAX_ATTACHMENT_BYTES",
    "NOT_RUNNING",
    "OPEN_FOR_PROCESSING",
    "PROCESSING_CODES",
    "PUBLISH_AHEAD_WORKING_DAYS",
    "S",
    "accept_petition",
    "answer_petition",
    "attach_file",
    "attachment_type",
    "classify_petition",
    "count_deadline",
    "escalate_overdue_deadlines",
    "extend_case",
    "extend_initial_check",
    "file_petition",
    "forward_petition",
    "grant_identity_access",
    "guide_petition",
    "move_case",
    "new_case_code",
    "next_steps",
    "open_petition_from_reception",
    "postpone_reception_day",
    "publish_reception_day",
    "read_denouncer_identity",
    "receive_online_petition",
    "receive_petition",
    "recompute_deadline",
    "record_reception",
    "resolve_code",
    "resume_case",
    "return_petition",
    "rule_in_force",
    "schedule_reception_day",
    "send_deadline_reminders",
    "set_deadline",
    "split_petition",
    "suspend_case",
    "terminate_case",
    "withdraw_petition",
]
