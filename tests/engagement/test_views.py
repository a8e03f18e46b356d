from datetime import date

from django.urls import reverse

from danvan.engagement.models import Commitment, Dialogue, DialogueIssue


def test_office_plans_a_dialogue(client, agency, agency_head, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_create"),
        {
            "agency": agency.pk,
            "kind": Dialogue.Kind.BUSINESSES,
            "held_on": "20/05/2026",
            "place": "Hội trường Sở",
            "leader": agency_head.pk,
            "subject": "Tháo gỡ vướng mắc thủ tục đầu tư",
            "participants": "Hiệp hội doanh nghiệp tỉnh",
        },
    )
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302 and dialogue.held_on == date(2026, 5, 20)


def test_planning_with_missing_fields_keeps_what_was_typed(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_create"), {"agency": agency.pk, "place": "Hội trường Sở"}
    )
    assert response.status_code == 422 and "Hội trường Sở" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_unit_officer_may_not_plan_a_dialogue(client, unit_officer):
    client.force_login(unit_officer)
    assert client.get(reverse("engagement:dialogue_create")).status_code == 403


def test_detail_shows_commitment_task_status(client, dialogue, lead_unit, office_officer):
    from danvan.engagement import services

    services.record_commitment(
        dialogue=dialogue,
        text="Rà soát đơn giá",
        lead_unit=lead_unit,
        due_date=date(2026, 5, 30),
        by=office_officer,
    )
    client.force_login(office_officer)
    html = client.get(reverse("engagement:dialogue_detail", args=[dialogue.pk])).content.decode()
    assert "Rà soát đơn giá" in html and "Chưa thực hiện" in html and "30/05/2026" in html


def test_officer_of_other_agency_gets_404(client, dialogue, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("engagement:dialogue_detail", args=[dialogue.pk])).status_code == 404


def test_unit_officer_sees_the_dialogue_but_gets_403_recording(client, dialogue, unit_officer):
    client.force_login(unit_officer)
    assert client.get(reverse("engagement:dialogue_detail", args=[dialogue.pk])).status_code == 200
    response = client.post(
        reverse("engagement:dialogue_issue_add", args=[dialogue.pk]), {"raised_by": "A", "question": "B"}
    )
    assert response.status_code == 403 and not DialogueIssue.objects.exists()


def test_office_records_an_issue(client, dialogue, office_officer):
    client.force_login(office_officer)
    client.post(
        reverse("engagement:dialogue_issue_add", args=[dialogue.pk]),
        {"raised_by": "Ông Nguyễn Văn A", "question": "Khi nào chi trả?", "answer": "Trong tháng 5."},
    )
    assert DialogueIssue.objects.get().answer == "Trong tháng 5."


def test_minutes_without_signatures_need_a_reason(client, dialogue, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_minutes", args=[dialogue.pk]),
        {"minutes_on": "15/04/2026", "opinions": "Ý kiến", "result": "Kết quả"},
    )
    assert response.status_code == 422 and "lý do" in response.content.decode()
    dialogue.refresh_from_db()
    assert not dialogue.is_held()


def test_office_records_the_minutes(client, dialogue, office_officer):
    client.force_login(office_officer)
    client.post(
        reverse("engagement:dialogue_minutes", args=[dialogue.pk]),
        {"minutes_on": "15/04/2026", "opinions": "Ý kiến", "result": "Kết quả", "all_signed": "on"},
    )
    dialogue.refresh_from_db()
    assert dialogue.is_held() and dialogue.all_signed


def test_office_records_a_commitment_as_a_task(client, dialogue, lead_unit, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_commitment_add", args=[dialogue.pk]),
        {"text": "Rà soát đơn giá", "lead_unit": lead_unit.pk, "due_date": "30/05/2026"},
    )
    assert response.status_code == 302
    assert Commitment.objects.get().task.lead_unit == lead_unit


def test_a_commitment_due_before_the_dialogue_is_refused(client, dialogue, lead_unit, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_commitment_add", args=[dialogue.pk]),
        {"text": "Rà soát đơn giá", "lead_unit": lead_unit.pk, "due_date": "01/04/2026"},
    )
    assert response.status_code == 422 and "sau ngày đối thoại" in response.content.decode()
    assert not Commitment.objects.exists()


def test_forged_unit_of_another_agency_is_not_a_choice(client, dialogue, other_unit, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("engagement:dialogue_commitment_add", args=[dialogue.pk]),
        {"text": "Việc", "lead_unit": other_unit.pk, "due_date": "30/05/2026"},
    )
    assert response.status_code == 422 and not Commitment.objects.exists()
