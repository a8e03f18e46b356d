"""State changes of the democracy register: one transaction each, keyword
arguments, the acting person as ``by``; bad input raises DomainError and
changes nothing.

Time limits are counted on the working calendar (danvan.core.calendar) and
stored with a sentence saying how: a disclosure is due no later than 5 working
days after its decision (Luật 10/2022 Điều 47 k2); a posting lasts at least 20
consecutive days (Điều 48 k1–k2), counted as the Civil Code counts days (day 1
is the day after posting starts, BLDS 2015 Điều 147; a last day off moves to
the next working day, Điều 148 k5).
"""

from danvan.democracy.services._common import MATERIAL_LIMIT_BYTES
from danvan.democracy.services.ballots import (
    count_ballots,
    failed_attempts,
    may_collect_in_writing,
    open_written_ballot,
    record_attempt,
)
from danvan.democracy.services.board import (
    answer_recommendation,
    count_answer_due,
    count_notice_latest,
    count_recognition_due,
    elect_board,
    plan_inspection,
    recommend,
    record_inspection_result,
    record_recognition,
    term_end_of,
)
from danvan.democracy.services.board_work import (
    adopt_programme,
    answer_staff_petition,
    close_staff_petition,
    count_report_due,
    link_petition_recommendation,
    period_bounds,
    receive_staff_petition,
    schedule_report,
    submit_report,
    verify_staff_petition,
)
from danvan.democracy.services.briefings import (
    attach_material,
    record_attendance,
    remind_briefing_tasks,
    schedule_briefing,
)
from danvan.democracy.services.conference import (
    check_dates,
    count_conference_deadline,
    hold_conference,
    record_check,
    record_vote,
)
from danvan.democracy.services.consultations import (
    comment_on_consultation,
    open_consultation,
    publish_explanation,
)
from danvan.democracy.services.coordination import (
    add_joint_activity,
    add_organisation,
    add_standard_organisations,
    answer_finding,
    count_supervision_due,
    receive_finding,
    record_activity,
    send_supervision_reminders,
    sign_programme,
)
from danvan.democracy.services.disclosures import (
    answer_request,
    count_disclosure_due,
    count_posting_end,
    propose_disclosure_for_plan,
    record_disclosure,
    register_disclosure,
    request_information,
)
from danvan.democracy.services.regulation import mark_regulation_trigger, register_regulation

__all__ = [
    "MATERIAL_LIMIT_BYTES",
    "schedule_briefing",
    "record_attendance",
    "attach_material",
    "count_disclosure_due",
    "count_posting_end",
    "register_disclosure",
    "record_disclosure",
    "propose_disclosure_for_plan",
    "request_information",
    "answer_request",
    "count_recognition_due",
    "count_notice_latest",
    "count_answer_due",
    "term_end_of",
    "elect_board",
    "record_recognition",
    "plan_inspection",
    "record_inspection_result",
    "recommend",
    "answer_recommendation",
    "count_conference_deadline",
    "check_dates",
    "hold_conference",
    "record_vote",
    "record_check",
    "add_organisation",
    "add_standard_organisations",
    "sign_programme",
    "add_joint_activity",
    "record_activity",
    "count_supervision_due",
    "receive_finding",
    "answer_finding",
    "send_supervision_reminders",
    "register_regulation",
    "mark_regulation_trigger",
    "open_consultation",
    "comment_on_consultation",
    "publish_explanation",
    "period_bounds",
    "count_report_due",
    "adopt_programme",
    "schedule_report",
    "submit_report",
    "receive_staff_petition",
    "verify_staff_petition",
    "link_petition_recommendation",
    "answer_staff_petition",
    "close_staff_petition",
    "record_attempt",
    "failed_attempts",
    "may_collect_in_writing",
    "open_written_ballot",
    "count_ballots",
    "remind_briefing_tasks",
]
