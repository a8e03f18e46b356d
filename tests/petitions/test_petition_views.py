"""Intake, processing and case pages of officials."""

from datetime import date

from django.urls import reverse

from danvan.petitions.models import Case, Deadline, Petition

INTAKE = {
    "received_on": "02/03/2026",
    "source": "post",
    "kind": "complaint",
    "subject": "Khiếu nại quyết định xử phạt",
    "content": "<script>alert('x')</script> Tôi không đồng ý.",
    "sender_name": "Võ Văn Kiệt",
    "signer_count": "1",
}


def test_office_officer_receives_a_petition(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(reverse("petitions:petition_create"), {**INTAKE, "agency": agency.pk})
    petition = Petition.objects.get()
    assert response.url == reverse("petitions:petition_detail", args=[petition.pk])
    assert petition.received_on == date(2026, 3, 2)


def test_invalid_intake_keeps_what_was_typed(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("petitions:petition_create"), {**INTAKE, "agency": agency.pk, "sender_name": ""}
    )
    assert response.status_code == 422
    assert "Khiếu nại quyết định xử phạt" in response.content.decode()
    assert not Petition.objects.exists()


def test_intake_cannot_file_for_another_agency(client, other_agency, office_officer):
    client.force_login(office_officer)
    response = client.post(reverse("petitions:petition_create"), {**INTAKE, "agency": other_agency.pk})
    assert response.status_code == 422 and not Petition.objects.exists()


def test_petition_text_is_shown_as_text(client, agency, office_officer):
    client.force_login(office_officer)
    client.post(reverse("petitions:petition_create"), {**INTAKE, "agency": agency.pk})
    html = client.get(reverse("petitions:petition_detail", args=[Petition.objects.get().pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_inspector_classifies_then_accepts(client, petition, inspector):
    client.force_login(inspector)
    client.post(
        reverse("petitions:petition_classify", args=[petition.pk]),
        {"kind": "complaint", "conditions_met": "1", "in_jurisdiction": "1"},
    )
    client.post(
        reverse("petitions:petition_accept", args=[petition.pk]),
        {"accepted_on": "05/03/2026", "handler": inspector.pk, "stage": "1"},
    )
    assert Case.objects.get(petition=petition).accepted_on == date(2026, 3, 5)


def test_accept_page_shows_duplicates_before_the_case_opens(client, agency, petition, inspector):
    from tests.petitions.factories import petition_for

    earlier = petition_for(agency, received_on=date(2026, 1, 5))
    client.force_login(inspector)
    html = client.get(reverse("petitions:petition_accept", args=[petition.pk])).content.decode()
    assert earlier.code in html


def test_refused_accept_shows_the_reason(client, petition, inspector):
    client.force_login(inspector)
    response = client.post(
        reverse("petitions:petition_accept", args=[petition.pk]),
        {"accepted_on": "05/03/2026", "handler": inspector.pk, "stage": "1"},
    )
    assert response.status_code == 422 and "Hãy phân loại đơn" in response.content.decode()


def test_extension_shows_the_new_due_date(client, calendar_2026, case_petition, inspector):
    client.force_login(inspector)
    client.post(
        reverse("petitions:case_action", args=[case_petition.pk, "gia-han"]),
        {"complexity": "complex", "reason": "Quyết định gia hạn số 5/QĐ-TTr"},
    )
    html = client.get(reverse("petitions:petition_detail", args=[case_petition.pk])).content.decode()
    assert "20/04/2026" in html and "gia hạn thêm 15 ngày" in html


def test_case_step_moves_the_case(client, case_petition, inspector):
    client.force_login(inspector)
    client.post(
        reverse("petitions:case_step", args=[case_petition.pk]), {"to": "verifying", "on": "06/03/2026"}
    )
    assert Case.objects.get(petition=case_petition).status == Case.Status.VERIFYING


def test_outcome_file_meets_the_notification_limit(client, agency, inspector):
    from tests.petitions.factories import classified

    petition = classified(agency, by=inspector)
    client.force_login(inspector)
    client.post(
        reverse("petitions:petition_outcome", args=[petition.pk, "luu-don"]),
        {"on": "04/03/2026", "note": "Trùng"},
    )
    assert Deadline.objects.get(petition=petition).met_on == date(2026, 3, 4)


def test_unknown_outcome_is_404(client, petition, inspector):
    client.force_login(inspector)
    assert client.get(reverse("petitions:petition_outcome", args=[petition.pk, "xoa"])).status_code == 404


def test_dashboard_counts_the_chosen_period(client, petition, inspector):
    client.force_login(inspector)
    response = client.get(reverse("petitions:dashboard"), {"start": "01/03/2026", "end": "31/03/2026"})
    row = next(row for row in response.context["figures"] if row.kind == "complaint")
    assert row.received == 1


def test_dashboard_outside_the_period_counts_nothing(client, petition, inspector):
    client.force_login(inspector)
    response = client.get(reverse("petitions:dashboard"), {"start": "01/04/2026", "end": "30/04/2026"})
    assert all(row.received == 0 for row in response.context["figures"])


def test_withdrawal_is_recorded_before_classification(client, petition, inspector):
    client.force_login(inspector)
    url = reverse("petitions:petition_outcome", args=[petition.pk, "rut-don"])
    client.post(url, {"on": "04/03/2026", "note": "Đơn rút ngày 04/03/2026"})
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.WITHDRAWN


def test_inspector_extends_a_denunciations_initial_processing(client, calendar_2026, agency, inspector):
    from tests.petitions.factories import petition_for

    petition = petition_for(agency, kind="denunciation", received_on=date(2026, 3, 5))
    client.force_login(inspector)
    client.post(
        reverse("petitions:petition_extend_check", args=[petition.pk]), {"reason": "Xác minh tại hai xã"}
    )
    assert Deadline.objects.get(petition=petition).due_date == date(2026, 3, 19)


def test_extending_a_complaints_initial_processing_is_refused(client, petition, inspector):
    client.force_login(inspector)
    response = client.post(reverse("petitions:petition_extend_check", args=[petition.pk]), {"reason": "x"})
    assert response.status_code == 422 and "đơn tố cáo" in response.content.decode()
