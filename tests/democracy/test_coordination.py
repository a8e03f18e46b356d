"""Coordination with the Fatherland Front and the socio-political organisations:
programmes, joint activities, supervision findings and the agency's answer."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.calendar import WorkingCalendar
from danvan.core.jobs import daily_steps
from danvan.core.services import DomainError
from danvan.democracy import selectors, services
from danvan.democracy.indicators import supervision_answered_on_time
from danvan.democracy.models import JointActivity, Organisation, SupervisionFinding
from danvan.plans.models import Plan, Task


def test_the_standard_organisations_are_added_once(agency, office_officer):
    first = services.add_standard_organisations(agency=agency, by=office_officer)
    second = services.add_standard_organisations(agency=agency, by=office_officer)
    names = [organisation.name for organisation in first]
    assert len(first) == 7 and second == []
    assert any(name.startswith("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh") for name in names)


def test_an_agency_adds_its_own_organisation_but_not_twice(agency, office_officer, front):
    with pytest.raises(DomainError):
        services.add_organisation(
            agency=agency, kind="other", name=" " + front.name.upper(), by=office_officer
        )
    services.add_organisation(agency=agency, kind="youth_union", name="Chi đoàn Sở", by=office_officer)
    assert Organisation.objects.filter(agency=agency).count() == 2


def test_a_programme_with_another_agencys_organisation_is_refused(other_agency, front, office_officer):
    with pytest.raises(DomainError):
        services.sign_programme(
            agency=other_agency,
            organisation=front,
            kind="programme",
            title="Chương trình",
            signed_on=date(2026, 1, 1),
            valid_from=date(2026, 1, 1),
            by=office_officer,
        )


def test_a_programme_ending_before_it_starts_is_refused(agency, front, office_officer):
    with pytest.raises(DomainError):
        services.sign_programme(
            agency=agency,
            organisation=front,
            kind="regulation",
            title="Quy chế phối hợp",
            signed_on=date(2026, 1, 1),
            valid_from=date(2026, 1, 1),
            valid_until=date(2025, 1, 1),
            by=office_officer,
        )


def test_a_joint_activity_can_be_a_task_of_the_agencys_plan(programme, agency, office_officer):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch 2026", period_year=2026, created_by=office_officer
    )
    task = Task.objects.create(plan=plan, order=0, heading="Phối hợp tuyên truyền pháp luật")
    activity = services.add_joint_activity(programme=programme, title="", task=task, by=office_officer)
    assert activity.title == "Phối hợp tuyên truyền pháp luật"
    with pytest.raises(DomainError):
        services.record_activity(
            activity=activity,
            status="done",
            done_on=date(2026, 3, 1),
            today=date(2026, 3, 2),
            by=office_officer,
        )


def test_a_task_of_another_agency_is_refused(programme, other_agency, office_officer):
    plan = Plan.objects.create(
        agency=other_agency, title="Kế hoạch", period_year=2026, created_by=office_officer
    )
    task = Task.objects.create(plan=plan, order=0, heading="Việc của cơ quan khác")
    with pytest.raises(DomainError):
        services.add_joint_activity(programme=programme, title="", task=task, by=office_officer)
    assert not programme.activities.exists()


def test_an_activity_without_a_day_or_a_task_is_refused(programme, office_officer):
    with pytest.raises(DomainError):
        services.add_joint_activity(programme=programme, title="Hội nghị", by=office_officer)


def test_an_activity_of_its_own_is_recorded_done_and_is_overdue_before(activity, office_officer):
    assert activity.is_overdue(date(2026, 6, 11))
    services.record_activity(
        activity=activity,
        status="done",
        done_on=date(2026, 6, 10),
        note="120 người dự",
        today=date(2026, 6, 11),
        by=office_officer,
    )
    activity.refresh_from_db()
    assert activity.status == JointActivity.Status.DONE and not activity.is_overdue(date(2026, 6, 11))


def test_done_without_a_day_is_refused(activity, office_officer):
    with pytest.raises(DomainError):
        services.record_activity(
            activity=activity, status="done", done_on=None, today=date(2026, 6, 11), by=office_officer
        )


def test_the_answer_is_due_15_days_after_receipt_when_the_organisation_sets_none(agency_head, finding):
    # 02/03/2026 + 15 days = 17/03/2026, a Tuesday.
    assert finding.answer_due == date(2026, 3, 17)
    assert "15 ngày" in finding.answer_explanation and "403/2017" in finding.answer_explanation
    assert agency_head.notifications.filter(key=f"democracy-finding:{finding.pk}").exists()


def test_the_organisations_own_due_date_wins(agency, front, office_officer):
    finding = services.receive_finding(
        agency=agency,
        organisation=front,
        kind="comment",
        received_on=date(2026, 3, 2),
        content="Góp ý",
        recommendations="Đề nghị",
        due_set_by_organisation=date(2026, 3, 31),
        today=date(2026, 3, 5),
        by=office_officer,
    )
    assert finding.answer_due == date(2026, 3, 31)
    assert "theo văn bản kiến nghị của tổ chức" in finding.answer_explanation


def test_count_supervision_due_moves_a_last_day_off_to_the_next_working_day(db):
    due, text = services.count_supervision_due(date(2026, 3, 6), WorkingCalendar.load())
    # 06/03 + 15 = Saturday 21/03 → Monday 23/03.
    assert due == date(2026, 3, 23) and "21/03/2026" in text


def test_a_finding_without_recommendations_is_refused(agency, front, office_officer):
    with pytest.raises(DomainError):
        services.receive_finding(
            agency=agency,
            organisation=front,
            kind="supervision",
            received_on=date(2026, 3, 2),
            content="Giám sát",
            recommendations=" ",
            today=date(2026, 3, 5),
            by=office_officer,
        )
    assert not SupervisionFinding.objects.exists()


def test_answering_twice_is_refused(finding, agency_head):
    services.answer_finding(
        finding=finding,
        answer="Sở đã niêm yết lại.",
        answered_on=date(2026, 3, 10),
        today=date(2026, 3, 10),
        by=agency_head,
    )
    with pytest.raises(DomainError):
        services.answer_finding(
            finding=finding,
            answer="Lần hai",
            answered_on=date(2026, 3, 11),
            today=date(2026, 3, 11),
            by=agency_head,
        )
    finding.refresh_from_db()
    assert finding.answer == "Sở đã niêm yết lại." and finding.answered_by == agency_head


def test_an_overdue_finding_is_urgent_in_the_offices_todo(finding, office_officer):
    lists = {todo.key: todo for todo in selectors.todo_lists(office_officer, today=date(2026, 3, 18))}
    item = lists["democracy-findings"].items[0]
    assert item.urgent and item.due == date(2026, 3, 17)


def test_reminders_are_sent_before_on_and_after_the_due_day_once_each(finding, office_officer):
    assert services.send_supervision_reminders(today=date(2026, 3, 10)) == 0
    assert services.send_supervision_reminders(today=date(2026, 3, 14)) >= 1
    assert services.send_supervision_reminders(today=date(2026, 3, 14)) == 0
    assert services.send_supervision_reminders(today=date(2026, 3, 18)) >= 1
    assert office_officer.notifications.filter(key__startswith="democracy-finding-reminder").count() == 2
    assert "democracy.send_supervision_reminders" in [step.name for step in daily_steps()]


def test_the_indicator_counts_answers_by_their_due_date(finding, agency, agency_head):
    services.answer_finding(
        finding=finding,
        answer="Đã trả lời",
        answered_on=date(2026, 3, 20),
        today=date(2026, 3, 20),
        by=agency_head,
    )
    figure = supervision_answered_on_time(agency, 2026)
    assert (figure.numerator, figure.denominator) == (0, 1)


def test_the_office_records_a_finding_through_the_page(client, office_officer, agency, front):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:finding_create", args=[agency.pk]),
        {
            "organisation": front.pk,
            "kind": "criticism",
            "received_on": "02/03/2026",
            "content": "Phản biện dự thảo kế hoạch",
            "recommendations": "Bổ sung chỉ tiêu",
        },
    )
    assert response.status_code == 302
    assert SupervisionFinding.objects.get().received_on == date(2026, 3, 2)


def test_the_leader_answers_on_the_finding_page(client, agency_head, finding):
    client.force_login(agency_head)
    url = reverse("democracy:finding_answer", args=[finding.pk])
    response = client.post(url, {"answer": "Sở tiếp thu.", "answered_on": "10/03/2026"})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == SupervisionFinding.Status.ANSWERED


def test_the_programme_page_shows_its_activities(client, unit_officer, activity):
    client.force_login(unit_officer)
    page = client.get(reverse("democracy:programme_detail", args=[activity.programme_id])).content.decode()
    assert "Hội nghị đối thoại với đoàn viên, hội viên" in page
    assert "10/06/2026" in page


def test_the_office_adds_the_standard_organisations_from_the_page(client, office_officer, agency):
    client.force_login(office_officer)
    response = client.post(reverse("democracy:organisation_standard", args=[agency.pk]))
    assert response.status_code == 302
    assert Organisation.objects.filter(agency=agency).count() == 7


def test_staff_may_not_add_an_organisation(client, unit_officer, agency):
    client.force_login(unit_officer)
    response = client.post(
        reverse("democracy:organisation_create", args=[agency.pk]),
        {"kind": "other", "name": "Hội Khuyến học"},
    )
    assert response.status_code == 403
    assert not Organisation.objects.exists()


def test_another_agency_does_not_see_the_coordination(client, other_agency_officer, agency):
    client.force_login(other_agency_officer)
    assert client.get(reverse("democracy:coordination_index", args=[agency.pk])).status_code == 404
