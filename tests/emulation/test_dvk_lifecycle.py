# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""Every allowed and every refused step of a model's life (domain §12.11)."""

import pytest

from danvan.core.services import DomainError
from danvan.emulation import services
from danvan.emulation.models import GoodPractice, ModelEvent
from danvan.emulation.services.dvk import TRANSITIONS, _move
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401

S = GoodPractice.Status
ALLOWED = [(source, target) for target, sources in TRANSITIONS.items() for source in sources]
REFUSED = [
    (source, target)
    for source in S.values
    for target in S.values
    if (source, target) not in ALLOWED and target != S.REGISTERED
]
REACHABLE = [
    S.REGISTERED,
    S.IN_PROGRESS,
    S.REPORTED,
    S.PROPOSED,
    S.RECOGNISED,
    S.NOT_RECOGNISED,
    S.REPLICATED,
    S.WITHDRAWN,
]


def test_the_allowed_steps_are_those_of_the_register():
    assert sorted(ALLOWED) == sorted(
        [
            (S.REGISTERED, S.IN_PROGRESS),
            (S.IN_PROGRESS, S.REPORTED),
            (S.REPORTED, S.PROPOSED),
            (S.PROPOSED, S.RECOGNISED),
            (S.PROPOSED, S.NOT_RECOGNISED),
            (S.RECOGNISED, S.REPLICATED),
            (S.REGISTERED, S.WITHDRAWN),
            (S.IN_PROGRESS, S.WITHDRAWN),
            (S.REPORTED, S.WITHDRAWN),
        ]
    )


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_an_allowed_step_moves_and_is_stored_with_who_and_when(practice, office_officer, source, target):
    advance(practice, source, by=office_officer)
    _move(practice, target, by=office_officer, note="Ghi chú")
    practice.refresh_from_db()
    assert practice.status == target
    event = ModelEvent.objects.filter(practice=practice).last()
    assert (event.from_status, event.to_status, event.by, event.note) == (
        source,
        target,
        office_officer,
        "Ghi chú",
    )
    assert event.at is not None


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_a_refused_step_raises_in_vietnamese_and_changes_nothing(practice, office_officer, source, target):
    # Put the model straight into the source status: the step itself is what is tested.
    GoodPractice.objects.filter(pk=practice.pk).update(status=source)
    practice.status = source
    events = ModelEvent.objects.filter(practice=practice).count()
    with pytest.raises(DomainError) as error:
        _move(practice, target, by=office_officer)
    assert "không chuyển sang" in error.value.message
    practice.refresh_from_db()
    assert practice.status == source
    assert ModelEvent.objects.filter(practice=practice).count() == events


@pytest.mark.parametrize("status", REACHABLE)
def test_every_status_is_reached_through_the_services(practice, office_officer, status):
    assert advance(practice, status, by=office_officer).status == status


def test_the_history_lists_every_step_in_order(practice, office_officer):
    advance(practice, S.REPLICATED, by=office_officer)
    steps = list(ModelEvent.objects.filter(practice=practice).values_list("to_status", flat=True))
    assert steps == [S.REGISTERED, S.IN_PROGRESS, S.REPORTED, S.PROPOSED, S.RECOGNISED, S.REPLICATED]


def test_withdrawing_needs_a_reason(practice, office_officer):
    with pytest.raises(DomainError, match="lý do rút"):
        services.withdraw_practice(practice=practice, reason=" ", by=office_officer)
    practice.refresh_from_db()
    assert practice.status == S.REGISTERED


def test_a_withdrawn_model_cannot_start(practice, office_officer):
    services.withdraw_practice(practice=practice, reason="Đơn vị sáp nhập", by=office_officer)
    with pytest.raises(DomainError, match="Đã rút đăng ký"):
        services.start_practice(practice=practice, by=office_officer)


def test_finishing_needs_a_progress_report_first(practice, office_officer):
    services.start_practice(practice=practice, by=office_officer)
    with pytest.raises(DomainError, match="chưa có báo cáo tiến độ"):
        services.finish_practice(practice=practice, results="Tốt", by=office_officer)
    practice.refresh_from_db()
    assert practice.status == S.IN_PROGRESS
