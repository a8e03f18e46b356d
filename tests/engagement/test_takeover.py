"""A merged agency's dialogues still to be held or followed up go to its
successor with their dates; a dialogue held and followed up stays."""

from datetime import date

from danvan.engagement.models import Commitment, Dialogue
from danvan.plans.models import Plan, Task
from tests.factories import merge_agencies


def dialogue(agency, leader, **fields):
    values = {
        "kind": Dialogue.Kind.CITIZENS,
        "held_on": date(2025, 7, 20),
        "place": "Hội trường Sở",
        "leader": leader,
        "subject": "Đối thoại về thủ tục đất đai",
        "participants": "Lãnh đạo Sở, 30 hộ dân",
        "created_by": leader,
    }
    values.update(fields)
    return Dialogue.objects.create(agency=agency, **values)


def test_the_successor_takes_the_dialogues_not_finished(agency, other_agency, office_officer, system_admin):
    planned = dialogue(agency, office_officer)
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch thực hiện cam kết",
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    held = dialogue(agency, office_officer, status=Dialogue.Status.HELD, held_on=date(2025, 5, 5))
    promise = Task.objects.create(plan=plan, heading="Giải quyết hồ sơ tồn", due_date=date(2025, 9, 30))
    Commitment.objects.create(
        dialogue=held, text="Giải quyết hồ sơ tồn", task=promise, created_by=office_officer
    )
    finished = dialogue(agency, office_officer, status=Dialogue.Status.HELD, held_on=date(2024, 5, 5))
    kept = Task.objects.create(plan=plan, heading="Trả lời bằng văn bản", status=Task.Status.DONE)
    Commitment.objects.create(dialogue=finished, text="Trả lời", task=kept, created_by=office_officer)

    preview = merge_agencies([agency], other_agency, by=system_admin)

    assert (
        dict((label, count) for _p, label, count in preview.work)[
            "đối thoại chưa xong (chưa tổ chức hoặc còn cam kết đang thực hiện)"
        ]
        == 2
    )
    for row in (planned, held, finished):
        row.refresh_from_db()
    assert planned.agency == other_agency and planned.held_on == date(2025, 7, 20)
    assert held.agency == other_agency
    assert finished.agency == agency
    promise.refresh_from_db()
    assert promise.plan.agency == other_agency and promise.due_date == date(2025, 9, 30)
