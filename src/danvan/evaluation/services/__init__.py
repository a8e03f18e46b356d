"""State changes of the evaluation. Each function runs in one transaction, takes
the acting person as ``by`` and returns what it changed; a refused action
raises DomainError with a message for the person.

``criteria`` holds the province's criteria sets, ``assessments`` an agency's
yearly assessment from self-scoring to the final result; this package
exports them all.
"""

from danvan.evaluation.services.assessments import (
    EVIDENCE_KINDS,
    NO_SELF_ASSESSMENT,
    accept_proposal,
    add_evidence_file,
    add_evidence_link,
    answer_review,
    assign_reviewer,
    covering_set,
    decide_band,
    evidence_url,
    finalise_assessment,
    open_assessment,
    record_missing_assessments,
    refresh_proposals,
    remove_evidence,
    remove_reviewer,
    review_leaf,
    score_leaf_of,
    scorecard,
    send_assessment_reminders,
    send_review,
    submission_window,
    submit_assessment,
)
from danvan.evaluation.services.criteria import (
    SetDetails,
    copy_criteria_set,
    export_criteria_set,
    import_criteria_set,
    import_new_version,
    put_in_use,
    stored_criteria,
)

__all__ = [
    "EVIDENCE_KINDS",
    "NO_SELF_ASSESSMENT",
    "SetDetails",
    "accept_proposal",
    "add_evidence_file",
    "add_evidence_link",
    "answer_review",
    "assign_reviewer",
    "copy_criteria_set",
    "covering_set",
    "decide_band",
    "evidence_url",
    "export_criteria_set",
    "finalise_assessment",
    "import_criteria_set",
    "import_new_version",
    "open_assessment",
    "put_in_use",
    "record_missing_assessments",
    "refresh_proposals",
    "remove_evidence",
    "remove_reviewer",
    "review_leaf",
    "score_leaf_of",
    "scorecard",
    "send_assessment_reminders",
    "send_review",
    "stored_criteria",
    "submission_window",
    "submit_assessment",
]
