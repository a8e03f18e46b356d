"""The Board's programmes and reports, the staff petitions it receives, the
written ballot after two failed conferences and the reminders of briefing tasks."""

from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from danvan.core.models import Notification, Role, RoleAssignment, User
from danvan.core.selectors import todo_groups
from danvan.core.services import DomainError
from danvan.democracy import permissions, services
from danvan.democracy.models import BallotItem, BoardProgramme, BoardReport, StaffPetition, WrittenBallot
from danvan.democracy.selectors import BRIEFED_SOURCE
from danvan.plans.models import Plan, Target, Task
from tests.factories import person_with_role

# --- Programmes and reports ------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "number", "start", "end"),
    [
        ("quarter", 1, date(2026, 1, 1), date(2026, 3, 31)),
        ("quarter", 4, date(2026, 10, 1), date(2026, 12, 31)),
        ("half_year", 2, date(2026, 7, 1), date(2026, 12, 31)),
        ("year", 1, date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_a_period_runs_from_its_first_to_its_last_day(period, number, start, end):
    assert services.period_bounds(period, 2026, number) == (start, end)


def test_a_fifth_quarter_is_refused():
    with pytest.raises(DomainError, match="Kỳ số 5"):
        services.period_bounds("quarter", 2026, 5)


def test_the_report_is_due_on_the_periods_last_day_and_says_why():
    due, explanation = services.count_report_due("half_year", 2026, 1)
    assert due == date(2026, 6, 30)
    assert "Nghị định 59/2023/NĐ-CP Điều 22" in explanation and "30/06/2026" in explanation


def test_the_board_adopts_a_programme_with_its_items(board, people_inspector):
    programme = services.adopt_programme(
        board=board,
        period="quarter",
        year=2026,
        number=2,
        items=["Kiểm tra quỹ phúc lợi", " ", "Giám sát"],
        by=people_inspector,
    )
    assert (programme.starts_on, programme.ends_on) == (date(2026, 4, 1), date(2026, 6, 30))
    assert [item.content for item in programme.items.all()] == ["Kiểm tra quỹ phúc lợi", "Giám sát"]
    with pytest.raises(DomainError, match="đã được ghi"):
        services.adopt_programme(
            board=board, period="quarter", year=2026, number=2, items=["Khác"], by=people_inspector
        )
    with pytest.raises(DomainError, match="ít nhất một nội dung"):
        services.adopt_programme(
            board=board, period="year", year=2026, number=1, items=[" "], by=people_inspector
        )
    assert BoardProgramme.objects.count() == 1


def test_a_report_is_overdue_after_its_periods_end(board_report):
    assert board_report.due == date(2026, 3, 31)
    assert board_report.submitted_to == BoardReport.SubmittedTo.UNION
    assert not board_report.is_overdue(date(2026, 3, 31))
    assert board_report.is_overdue(date(2026, 4, 1))


def test_the_yearly_report_goes_to_the_staff_conference(board, people_inspector):
    report = services.schedule_report(board=board, period="year", year=2026, number=1, by=people_inspector)
    assert report.submitted_to == BoardReport.SubmittedTo.CONFERENCE


def test_submitting_a_report_stores_its_file_and_late_is_flagged(board_report, people_inspector):
    late = services.submit_report(
        report=board_report,
        submitted_on=date(2026, 4, 3),
        submitted_to="union",
        content="",
        data=b"%PDF-1.4\n",
        filename="bc.pdf",
        today=date(2026, 4, 3),
        by=people_inspector,
    )
    assert late.file and late.file_name == "bc.pdf" and late.is_overdue()
    with pytest.raises(DomainError, match="đã được gửi"):
        services.submit_report(
            report=late,
            submitted_on=date(2026, 4, 3),
            submitted_to="union",
            content="x",
            today=date(2026, 4, 3),
            by=people_inspector,
        )


def test_a_report_file_that_is_not_a_document_stores_nothing(board_report, people_inspector):
    before = default_storage.listdir("democracy") if default_storage.exists("democracy") else ([], [])
    with pytest.raises(DomainError):
        services.submit_report(
            report=board_report,
            submitted_on=date(2026, 3, 31),
            submitted_to="union",
            content="x",
            data=b"PK\x03\x04 not a zip",
            filename="bc.docx",
            today=date(2026, 4, 1),
            by=people_inspector,
        )
    board_report.refresh_from_db()
    assert board_report.submitted_on is None and not board_report.file
    after = default_storage.listdir("democracy") if default_storage.exists("democracy") else ([], [])
    assert before == after


def test_the_report_file_is_downloaded_only_by_who_reads_the_board(
    client, board_report_with_file, people_inspector, unit_officer
):
    url = reverse("democracy:board_report_file", args=[board_report_with_file.pk])
    client.force_login(people_inspector)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(unit_officer)
    assert client.get(url).status_code == 404


def test_the_board_submits_a_report_through_the_page(client, board_report, people_inspector, settings):
    client.force_login(people_inspector)
    response = client.post(
        reverse("democracy:board_report_submit", args=[board_report.pk]),
        {"submitted_on": "31/03/2026", "submitted_to": "union", "content": "Báo cáo quý I"},
    )
    assert response.status_code == 302
    board_report.refresh_from_db()
    assert board_report.submitted_on == date(2026, 3, 31)


# --- Staff petitions ---------------------------------------------------------------


def test_a_petition_is_verified_recommended_answered_and_closed(
    staff_petition, recommendation, people_inspector
):
    services.verify_staff_petition(petition=staff_petition, verification="Đúng một phần", by=people_inspector)
    assert staff_petition.status == StaffPetition.Status.VERIFYING
    services.link_petition_recommendation(
        petition=staff_petition, recommendation=recommendation, by=people_inspector
    )
    assert staff_petition.status == StaffPetition.Status.RECOMMENDED
    with pytest.raises(DomainError, match="trả lời người gửi trước"):
        services.close_staff_petition(
            petition=staff_petition, closed_on=date(2026, 3, 20), today=date(2026, 3, 20), by=people_inspector
        )
    services.answer_staff_petition(
        petition=staff_petition,
        answer="Đã kiến nghị Giám đốc",
        answered_on=date(2026, 3, 15),
        today=date(2026, 3, 20),
        by=people_inspector,
    )
    services.close_staff_petition(
        petition=staff_petition, closed_on=date(2026, 3, 20), today=date(2026, 3, 20), by=people_inspector
    )
    staff_petition.refresh_from_db()
    assert staff_petition.status == StaffPetition.Status.CLOSED
    assert staff_petition.recommendation == recommendation
    with pytest.raises(DomainError, match="đã kết thúc"):
        services.verify_staff_petition(petition=staff_petition, verification="x", by=people_inspector)


def test_a_petition_from_outside_the_agency_or_empty_is_refused(
    board, other_agency_officer, people_inspector
):
    with pytest.raises(DomainError, match="không phải cán bộ"):
        services.receive_staff_petition(
            board=board,
            sender=other_agency_officer,
            received_on=date(2026, 3, 1),
            content="x",
            today=date(2026, 3, 1),
            by=people_inspector,
        )
    with pytest.raises(DomainError, match="Hãy ghi nội dung"):
        services.receive_staff_petition(
            board=board,
            sender=people_inspector,
            received_on=date(2026, 3, 1),
            content=" ",
            today=date(2026, 3, 1),
            by=people_inspector,
        )
    assert not StaffPetition.objects.exists()


def test_only_board_members_see_a_confidential_sender(
    staff_petition, people_inspector, agency_head, office_officer, system_admin, confidential_sender
):
    assert permissions.can_see_petition_sender(people_inspector, staff_petition)
    assert permissions.can_see_petition_sender(confidential_sender, staff_petition)
    # The head, the office (even one sitting on the Board) and the administrator never do.
    for person in (agency_head, office_officer, system_admin):
        assert not permissions.can_see_petition_sender(person, staff_petition)


def test_the_board_receives_and_handles_a_petition_through_the_pages(
    client, board, people_inspector, confidential_sender
):
    client.force_login(people_inspector)
    response = client.post(
        reverse("democracy:staff_petition_create", args=[board.pk]),
        {
            "sender": confidential_sender.pk,
            "received_on": "01/03/2026",
            "content": "Phản ánh",
            "keep_name_confidential": "on",
        },
    )
    assert response.status_code == 302
    petition = StaffPetition.objects.get()
    assert petition.keep_name_confidential
    response = client.post(
        reverse("democracy:staff_petition_step", args=[petition.pk, "xac-minh"]), {"verification": "Có cơ sở"}
    )
    assert response.status_code == 302
    empty = client.post(reverse("democracy:staff_petition_step", args=[petition.pk, "tra-loi"]), {})
    assert empty.status_code == 422
    petition.refresh_from_db()
    assert petition.verification == "Có cơ sở" and petition.answer == ""


# --- Written ballot ----------------------------------------------------------------


def _attempt(agency, by, day, present, expected=30):
    return services.record_attempt(
        agency=agency,
        work_year=2025,
        held_on=day,
        expected=expected,
        present=present,
        today=date(2026, 3, 1),
        by=by,
    )


def test_the_quorum_of_an_attempt_is_two_thirds_exactly(agency, office_officer):
    assert _attempt(agency, office_officer, date(2026, 1, 5), 20).is_quorate()
    assert not _attempt(agency, office_officer, date(2026, 1, 6), 19).is_quorate()


def test_a_ballot_needs_two_failed_attempts_and_the_unions_agreement(agency, office_officer):
    kwargs = {
        "agency": agency,
        "work_year": 2025,
        "opened_on": date(2026, 2, 2),
        "staff_count": 30,
        "items": ["Quy chế"],
        "today": date(2026, 3, 1),
        "by": office_officer,
    }
    _attempt(agency, office_officer, date(2026, 1, 10), 19)
    _attempt(agency, office_officer, date(2026, 1, 12), 20)  # quorate: does not count
    assert services.failed_attempts(agency, 2025) == 1
    assert not services.may_collect_in_writing(agency, 2025)
    with pytest.raises(DomainError, match="có 1 lần"):
        services.open_written_ballot(union_agreed=True, **kwargs)
    _attempt(agency, office_officer, date(2026, 1, 20), 10)
    assert services.may_collect_in_writing(agency, 2025)
    with pytest.raises(DomainError, match="công đoàn"):
        services.open_written_ballot(union_agreed=False, **kwargs)
    assert not WrittenBallot.objects.exists()
    ballot = services.open_written_ballot(union_agreed=True, **kwargs)
    assert [item.title for item in ballot.items.all()] == ["Quy chế"]


@pytest.mark.parametrize(("votes_for", "passes"), [(15, False), (16, True)])
def test_a_ballot_item_passes_with_more_than_half_of_all_staff(ballot, office_officer, votes_for, passes):
    item = ballot.items.get()
    services.count_ballots(item=item, returned=20, votes_for=votes_for, by=office_officer)
    item.refresh_from_db()
    assert item.passes() is passes


def test_counting_more_ballots_than_staff_or_votes_than_ballots_is_refused(ballot, office_officer):
    item = ballot.items.get()
    with pytest.raises(DomainError, match="nhiều hơn tổng số cán bộ"):
        services.count_ballots(item=item, returned=31, votes_for=10, by=office_officer)
    with pytest.raises(DomainError, match="nhiều hơn số phiếu thu về"):
        services.count_ballots(item=item, returned=10, votes_for=11, by=office_officer)
    assert BallotItem.objects.get(pk=item.pk).returned is None


def test_no_attempt_once_the_conference_was_held(conference, agency, office_officer):
    with pytest.raises(DomainError, match="đã được tổ chức"):
        _attempt(agency, office_officer, date(2026, 1, 5), 10)


# --- Briefing task reminders -------------------------------------------------------


@pytest.fixture
def briefing_task(agency, lead_unit, office_officer, chi_thi_33):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch dân vận 2026",
        period_year=2026,
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    target = Target.objects.create(
        plan=plan,
        text="100% cán bộ được quán triệt Chỉ thị 33",
        measured_by=BRIEFED_SOURCE.code,
        document=chi_thi_33,
    )
    return Task.objects.create(
        plan=plan,
        heading="Quán triệt Chỉ thị 33",
        lead_unit=lead_unit,
        due_date=date(2026, 4, 10),
        target=target,
    )


def test_a_briefing_task_due_soon_with_people_missing_reminds_the_office_and_lead_unit_head(
    briefing_task, office_officer, unit_head
):
    assert services.remind_briefing_tasks(today=date(2026, 4, 2)) == 0  # 8 days before: not yet
    sent = services.remind_briefing_tasks(today=date(2026, 4, 3))
    assert sent == 2
    notes = Notification.objects.filter(key__startswith="democracy-briefing-task:")
    assert {n.recipient for n in notes} == {office_officer, unit_head}
    note = notes.first()
    assert "chưa được quán triệt" in note.text and "?van_ban=" in note.text
    assert note.url == reverse(
        "democracy:coverage", args=[briefing_task.plan.agency_id, briefing_task.target.document_id]
    )
    assert services.remind_briefing_tasks(today=date(2026, 4, 3)) == 0  # once per day
    assert services.remind_briefing_tasks(today=date(2026, 4, 12)) == 2  # past due: again
    assert "quá hạn" in Notification.objects.filter(key__endswith=":20260412").first().text


def test_a_briefing_task_with_everyone_briefed_reminds_nobody(
    briefing_task, agency, office_officer, chi_thi_33
):
    staff = list(User.objects.filter(agency=agency, is_active=True))
    briefing = services.schedule_briefing(
        agency=agency,
        title="Quán triệt",
        held_on=date(2026, 4, 1),
        form="conference",
        documents=[chi_thi_33],
        people=staff,
        by=office_officer,
    )
    services.record_attendance(
        briefing=briefing,
        marks={p.pk: ("present", "") for p in staff},
        today=date(2026, 4, 3),
        by=office_officer,
    )
    assert services.remind_briefing_tasks(today=date(2026, 4, 3)) == 0


def test_a_done_briefing_task_reminds_nobody(briefing_task):
    Task.objects.filter(pk=briefing_task.pk).update(status=Task.Status.DONE)
    assert services.remind_briefing_tasks(today=date(2026, 4, 3)) == 0


# --- The Board member's landing page -----------------------------------------------


def test_a_board_member_sees_their_work_first_on_the_landing_page(
    client, people_inspector, inspection, recommendation, staff_petition, board_report
):
    groups = todo_groups(people_inspector, today=date(2026, 3, 20))
    assert groups[0]["role"] == Role.PEOPLE_INSPECTOR
    keys = [found.key for found in groups[0]["lists"]]
    assert keys == [
        "democracy-board-inspections",
        "democracy-board-recommendations",
        "democracy-board-petitions",
        "democracy-board-reports",
    ]
    assert all(found.items for found in groups[0]["lists"])
    client.force_login(people_inspector)
    page = client.get("/").content.decode()
    assert reverse("democracy:staff_petition_detail", args=[staff_petition.pk]) in page
    assert reverse("democracy:board_report_detail", args=[board_report.pk]) in page


def test_a_board_member_who_is_also_staff_sees_the_board_group_before_staff(lead_unit, agency, board):
    person = person_with_role(Role.STAFF, unit=lead_unit)
    RoleAssignment.objects.create(user=person, role=Role.PEOPLE_INSPECTOR, agency=agency)
    roles = [group["role"] for group in todo_groups(person, today=date(2026, 3, 20))]
    assert roles.index(Role.PEOPLE_INSPECTOR) < (
        roles.index(Role.STAFF) if Role.STAFF in roles else len(roles)
    )
