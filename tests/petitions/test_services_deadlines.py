"""Every time limit of domain.md 12.2–12.4, counted on a 2026 calendar with
Tết, an extra day off, a make-up Saturday and limits ending on a weekend."""

from datetime import date

import pytest

from danvan.core.calendar import WorkingCalendar
from danvan.petitions import services
from danvan.petitions.models import Deadline, TimeLimitRule

ACCEPTED = date(2026, 3, 5)  # Thursday.

# rule code, start date, due date. 04/04/2026 and 19/04/2026 are weekends.
EVERY_LIMIT = [
    # Friday before Tết: Tết 16–20/02, day off 23/02, make-up Saturday 28/02 is the 10th.
    ("petition.notify", date(2026, 2, 6), date(2026, 2, 28)),
    ("complaint.first.accept", date(2026, 2, 6), date(2026, 2, 28)),
    ("complaint.second.accept", date(2026, 2, 6), date(2026, 2, 28)),
    ("denunciation.initial_check", date(2026, 2, 12), date(2026, 3, 2)),
    ("denunciation.forward", ACCEPTED, date(2026, 3, 12)),
    ("complaint.first.resolve", ACCEPTED, date(2026, 4, 6)),
    ("complaint.first.resolve.remote", ACCEPTED, date(2026, 4, 20)),
    ("complaint.second.resolve", ACCEPTED, date(2026, 4, 20)),
    ("complaint.second.resolve.remote", ACCEPTED, date(2026, 5, 4)),
    ("complaint.first.send_decision", ACCEPTED, date(2026, 3, 10)),
    ("complaint.second.send_decision", ACCEPTED, date(2026, 3, 12)),
    ("complaint.first.effect", ACCEPTED, date(2026, 4, 6)),
    ("complaint.first.effect.remote", ACCEPTED, date(2026, 4, 20)),
    ("complaint.second.effect", ACCEPTED, date(2026, 4, 6)),
    ("complaint.second.effect.remote", ACCEPTED, date(2026, 4, 20)),
    ("complaint.second_window", ACCEPTED, date(2026, 4, 6)),
    ("complaint.second_window.remote", ACCEPTED, date(2026, 4, 20)),
    ("complaint.limitation", ACCEPTED, date(2026, 6, 3)),
    ("denunciation.notify_acceptance", ACCEPTED, date(2026, 3, 12)),
    ("denunciation.resolve", ACCEPTED, date(2026, 4, 6)),
    ("denunciation.send_suspension", ACCEPTED, date(2026, 3, 12)),
    ("denunciation.send_conclusion", ACCEPTED, date(2026, 3, 12)),
    ("denunciation.handle_conclusion", ACCEPTED, date(2026, 3, 16)),
    ("denunciation.publish", ACCEPTED, date(2026, 3, 16)),
    ("denunciation.review_re_denunciation", ACCEPTED, date(2026, 3, 25)),
    ("denunciation.overdue_report", ACCEPTED, date(2026, 3, 12)),
]

# rule code, complexity, due date when accepted on 05/03/2026.
EXTENDED = [
    ("complaint.first.resolve", "complex", date(2026, 4, 20)),
    ("complaint.first.resolve.remote", "complex", date(2026, 5, 4)),
    ("complaint.second.resolve", "complex", date(2026, 5, 4)),
    ("complaint.second.resolve.remote", "complex", date(2026, 5, 14)),
    ("denunciation.resolve", "complex", date(2026, 5, 4)),
    ("denunciation.resolve", "especially_complex", date(2026, 6, 3)),
    ("denunciation.initial_check", "complex", date(2026, 3, 19)),
]


@pytest.mark.parametrize(("code", "start", "due"), EVERY_LIMIT)
def test_every_seeded_limit_counts_on_the_working_calendar(calendar_2026, code, start, due):
    rule = services.rule_in_force(code, on=start)
    counted, _explanation = services.count_deadline(rule, start=start, calendar=WorkingCalendar.load())
    assert counted == due


@pytest.mark.parametrize(("code", "complexity", "due"), EXTENDED)
def test_extension_for_complexity_adds_the_rule_days(calendar_2026, code, complexity, due):
    rule = services.rule_in_force(code, on=ACCEPTED)
    extension = rule.extension_for(complexity)
    counted, _ = services.count_deadline(
        rule, start=ACCEPTED, calendar=WorkingCalendar.load(), extension_days=extension
    )
    assert counted == due


def test_every_seeded_rule_cites_a_law_and_an_article(db):
    for rule in TimeLimitRule.objects.filter(effective_to__isnull=True):
        assert "Luật" in rule.legal_source and "Điều" in rule.legal_source, rule.code


def test_complaints_have_no_especially_complex_level(db):
    assert (
        services.rule_in_force("complaint.first.resolve", on=ACCEPTED).extension_for("especially_complex")
        is None
    )


def test_explanation_says_how_a_weekend_end_was_moved(calendar_2026):
    rule = services.rule_in_force("complaint.first.resolve", on=ACCEPTED)
    _due, text = services.count_deadline(rule, start=ACCEPTED, calendar=WorkingCalendar.load())
    assert text.startswith("30 ngày kể từ ngày thụ lý 05/03/2026 (Luật Khiếu nại 2011, Điều 28)")
    assert "04/04/2026 là ngày nghỉ" in text and "06/04/2026" in text


def test_set_deadline_stores_the_rule_and_explanation(calendar_2026, agency):
    from tests.petitions.factories import petition_for

    petition = petition_for(agency, received_on=date(2026, 2, 6))
    deadline = services.set_deadline(
        petition=petition, code="complaint.first.accept", start=date(2026, 2, 6), by=None
    )
    assert deadline.due_date == date(2026, 2, 28)
    assert deadline.rule.code == "complaint.first.accept" and "ngày làm việc" in deadline.explanation


def test_recompute_deadline_adds_extension_and_paused_days(calendar_2026, agency):
    from tests.petitions.factories import petition_for

    petition = petition_for(agency)
    deadline = services.set_deadline(petition=petition, code="denunciation.resolve", start=ACCEPTED, by=None)
    services.recompute_deadline(deadline=deadline, extension_days=30, paused_days=10, by=None)
    assert Deadline.objects.get(pk=deadline.pk).due_date == date(2026, 5, 14)


# --- Rule versions by effective date ---------------------------------------------


@pytest.fixture
def amended_rule(db):
    # A hypothetical amendment effective 01/07/2026 shortening the limit to 20 days.
    old = TimeLimitRule.objects.get(code="complaint.first.resolve")
    old.effective_to = date(2026, 6, 30)
    old.save(update_fields=["effective_to"])
    return TimeLimitRule.objects.create(
        code=old.code,
        name=old.name,
        kind=old.kind,
        unit=old.unit,
        count=20,
        complex_extension=10,
        start_event=old.start_event,
        legal_source="Luật 136/2025/QH15, Điều 1",
        effective_from=date(2026, 7, 1),
    )


def test_case_accepted_before_an_amendment_keeps_the_old_rule(amended_rule):
    assert services.rule_in_force("complaint.first.resolve", on=date(2026, 6, 30)).count == 30


def test_case_accepted_on_the_amendment_date_gets_the_new_rule(amended_rule):
    assert services.rule_in_force("complaint.first.resolve", on=date(2026, 7, 1)) == amended_rule


def test_no_rule_before_the_law_took_effect_is_a_clear_error(db):
    with pytest.raises(services.DomainError, match="Chưa có quy tắc thời hạn"):
        services.rule_in_force("denunciation.resolve", on=date(2018, 12, 31))
