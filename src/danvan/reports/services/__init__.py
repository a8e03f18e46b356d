"""State changes of reporting. Each function runs in one transaction, takes the
acting person as ``by`` and returns what it changed; a refused action raises
DomainError with a message for the person.

The modules group the functions by workflow; this package exports them all.
"""

from danvan.core.services import DomainError
from danvan.reports.services.composing import (
    compose_agency_report,
    set_report_signature,
    signing_authority,
)
from danvan.reports.services.periods import correct_period, get_or_create_period, set_cut_off_rule
from danvan.reports.services.reminders import send_report_reminders
from danvan.reports.services.requests import (
    asks_units,
    request_agency_reports,
    request_reports_for_deadline,
    request_unit_reports,
    requests_from_plan,
    units_named_by,
)
from danvan.reports.services.sending import (
    approve_report,
    missing_unit_reports,
    return_report,
    submit_report,
)
from danvan.reports.services.signing import sign_report
from danvan.reports.services.writing import (
    ATTACHMENT_LIMIT_BYTES,
    AUTOSAVE_MERGE_MINUTES,
    ReportConflict,
    attach_to_report,
    save_report,
    start_report,
)

__all__ = [
    "ATTACHMENT_LIMIT_BYTES",
    "AUTOSAVE_MERGE_MINUTES",
    "DomainError",
    "ReportConflict",
    "approve_report",
    "attach_to_report",
    "compose_agency_report",
    "correct_period",
    "get_or_create_period",
    "missing_unit_reports",
    "asks_units",
    "request_agency_reports",
    "request_reports_for_deadline",
    "request_unit_reports",
    "requests_from_plan",
    "return_report",
    "units_named_by",
    "save_report",
    "send_report_reminders",
    "set_cut_off_rule",
    "set_report_signature",
    "sign_report",
    "signing_authority",
    "start_report",
    "submit_report",
]
