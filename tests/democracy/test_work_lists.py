"""What the agency's leaders and office find waiting on their landing page, and
re-recording a session after someone made it up."""

from datetime import date

from django.urls import reverse

from danvan.core.models import Role
from danvan.core.selectors import todo_groups
from danvan.democracy import services
from danvan.democracy.models import Attendance, Briefing, Disclosure


def _items(person, key):
    groups = todo_groups(person, today=date(2026, 4, 1))
    return [item for group in groups for found in group["lists"] if found.key == key for item in found.items]


def test_the_office_sees_a_proposed_disclosure_and_a_waiting_request(
    agency, office_officer, unit_officer, info_request, calendar_2026
):
    Disclosure.objects.create(
        agency=agency,
        kind="work_plan",
        subject="Kế hoạch công tác năm 2026",
        decision_date=date(2026, 2, 13),
        due_date=date(2026, 2, 28),
        due_explanation="…",
    )
    disclosures = _items(office_officer, "democracy-disclosures")
    assert [(item.text, item.due) for item in disclosures] == [
        ("Kế hoạch công tác năm 2026", date(2026, 2, 28))
    ]
    requests = _items(office_officer, "democracy-requests")
    assert [item.url for item in requests] == [reverse("democracy:request_detail", args=[info_request.pk])]
    # Staff have no such list.
    assert _items(unit_officer, "democracy-requests") == []
    assert Role.AGENCY_OFFICE in {
        group["role"] for group in todo_groups(office_officer, today=date(2026, 4, 1))
    }


def test_an_answered_request_leaves_the_list(agency, office_officer, info_request):
    services.answer_request(request=info_request, answer="Đã gửi.", today=date(2026, 3, 3), by=office_officer)
    assert _items(office_officer, "democracy-requests") == []


def test_re_recording_the_first_session_keeps_the_make_up(briefing, office_officer, unit_officer, unit_head):
    marks = {unit_officer.pk: ("absent", "Ốm"), unit_head.pk: ("present", "")}
    services.record_attendance(briefing=briefing, marks=marks, today=date(2026, 4, 1), by=office_officer)
    make_up = services.schedule_briefing(
        agency=briefing.agency,
        title="Học bù",
        held_on=date(2026, 3, 20),
        form=Briefing.Form.SELF_STUDY,
        documents=briefing.documents.all(),
        people=[unit_officer],
        makes_up=briefing,
        by=office_officer,
    )
    services.record_attendance(
        briefing=make_up, marks={unit_officer.pk: ("present", "")}, today=date(2026, 4, 1), by=office_officer
    )
    services.record_attendance(briefing=briefing, marks=marks, today=date(2026, 4, 2), by=office_officer)
    line = briefing.attendances.get(person=unit_officer)
    assert (line.status, line.made_up_in) == (Attendance.Status.MADE_UP, make_up)


def test_the_head_sees_the_boards_recommendation_to_answer(agency_head, unit_officer, recommendation):
    waiting = _items(agency_head, "democracy-recommendations")
    assert [(item.due, item.urgent) for item in waiting] == [(date(2026, 3, 25), True)]
    assert _items(unit_officer, "democracy-recommendations") == []


def test_an_answered_recommendation_leaves_the_list(agency_head, recommendation):
    services.answer_recommendation(
        recommendation=recommendation,
        answer="Đã chỉ đạo",
        answered_on=date(2026, 3, 20),
        today=date(2026, 3, 20),
        by=agency_head,
    )
    assert _items(agency_head, "democracy-recommendations") == []


def test_the_board_member_finds_its_work_on_the_area_page(
    client, people_inspector, unit_officer, recommendation
):
    client.force_login(people_inspector)
    page = client.get(reverse("democracy:index")).content.decode()
    assert "Việc của Ban Thanh tra nhân dân" in page
    assert reverse("democracy:inspection_detail", args=[recommendation.inspection_id]) in page
    assert "hạn 25/03/2026" in page
    client.force_login(unit_officer)
    assert "Việc của Ban Thanh tra nhân dân" not in client.get(reverse("democracy:index")).content.decode()
