"""The pages: scheduling a briefing, attendance, the make-up session, the plan
target counted from attendance, disclosures and requests for information."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.democracy.models import Attendance, Briefing, BriefingMaterial, Disclosure, DisclosureRequest
from danvan.plans.models import Plan, Target, Task
from danvan.plans.services import approve_plan, bind_target, submit_plan


def _absent(client, briefing, absent):
    data = {}
    for line in briefing.attendances.all():
        if line.person in absent:
            data[f"status_{line.person_id}"], data[f"reason_{line.person_id}"] = "absent", "Nghỉ phép"
        else:
            data[f"status_{line.person_id}"], data[f"reason_{line.person_id}"] = "present", ""
    return client.post(reverse("democracy:briefing_attendance", args=[briefing.pk]), data)


def test_the_office_schedules_a_briefing(client, agency, office_officer, lead_unit, unit_officer, chi_thi_33):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:briefing_create", args=[agency.pk]),
        {
            "title": "Hội nghị quán triệt Chỉ thị 33/CT-TTg",
            "held_on": "10/03/2026",
            "form": "conference",
            "documents": [chi_thi_33.pk],
            "units": [lead_unit.pk],
            "presenter_text": "Phó Giám đốc Sở",
        },
    )
    briefing = Briefing.objects.get()
    assert response.status_code == 302
    assert briefing.held_on == date(2026, 3, 10)
    assert list(briefing.attendances.values_list("person", flat=True)) == [unit_officer.pk]


def test_a_document_not_in_the_library_is_refused_with_a_link_to_add_it(
    client, agency, office_officer, lead_unit, unit_officer
):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:briefing_create", args=[agency.pk]),
        {
            "title": "Quán triệt Nghị quyết mới",
            "held_on": "10/03/2026",
            "form": "conference",
            "other_document": "Nghị quyết 99/NQ-CP",
            "units": [lead_unit.pk],
        },
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Nghị quyết 99/NQ-CP» chưa có trong thư viện" in page
    assert f'<a href="{reverse("documents:library")}">thư viện văn bản</a>' in page
    assert 'value="Quán triệt Nghị quyết mới"' in page
    assert not Briefing.objects.exists() and not Attendance.objects.exists()


def test_an_administrator_is_offered_the_library_add_page(
    client, agency, system_admin, lead_unit, unit_officer
):
    client.force_login(system_admin)
    response = client.post(
        reverse("democracy:briefing_create", args=[agency.pk]),
        {
            "title": "Quán triệt",
            "held_on": "10/03/2026",
            "form": "online",
            "other_document": "Luật 99/2026/QH15",
        },
    )
    assert response.status_code == 422
    link = f'<a href="{reverse("admin:documents_legaldocument_add")}">Thêm văn bản vào thư viện</a>'
    assert link in response.content.decode()
    assert not Briefing.objects.exists()


def test_staff_find_the_briefed_document_in_the_library(
    client, unit_officer, other_agency_officer, briefing, chi_thi_33
):
    url = reverse("documents:document_detail", args=[chi_thi_33.pk])
    client.force_login(unit_officer)
    assert client.get(url).status_code == 200
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_attendance_then_a_make_up_for_the_missing(
    client, agency, office_officer, briefing, unit_officer, unit_head, chi_thi_33
):
    client.force_login(office_officer)
    assert _absent(client, briefing, [unit_head]).status_code == 302
    coverage = client.get(reverse("democracy:coverage", args=[agency.pk, chi_thi_33.pk])).content.decode()
    assert unit_head.full_name in coverage

    # "Tổ chức học bù": the form comes pre-filled with who is missing.
    url = reverse("democracy:briefing_create", args=[agency.pk]) + f"?van_ban={chi_thi_33.pk}"
    assert url in coverage
    form = client.get(url).context["form"]
    missing = {person.pk for person in form.initial["people"]}
    assert missing == {unit_head.pk, office_officer.pk} - {None}
    assert form.initial["makes_up"] == briefing

    response = client.post(
        url,
        {
            "title": form.initial["title"],
            "held_on": "20/03/2026",
            "form": "self_study",
            "documents": [chi_thi_33.pk],
            "people": sorted(missing),
            "makes_up": briefing.pk,
        },
    )
    make_up = Briefing.objects.exclude(pk=briefing.pk).get()
    assert response.status_code == 302 and make_up.makes_up == briefing
    assert _absent(client, make_up, []).status_code == 302
    line = briefing.attendances.get(person=unit_head)
    assert (line.status, line.made_up_in) == (Attendance.Status.MADE_UP, make_up)


def test_an_absence_without_a_reason_keeps_what_was_typed(client, office_officer, briefing, unit_officer):
    client.force_login(office_officer)
    data = {f"status_{line.person_id}": "present" for line in briefing.attendances.all()}
    data[f"status_{unit_officer.pk}"] = "absent"
    response = client.post(reverse("democracy:briefing_attendance", args=[briefing.pk]), data)
    assert response.status_code == 422
    assert "Hãy ghi lý do vắng" in response.content.decode()
    assert not briefing.attendances.exclude(status=Attendance.Status.EXPECTED).exists()


@pytest.fixture
def quan_triet_target(agency, office_officer, chi_thi_33):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch công tác dân vận chính quyền năm 2026",
        period_year=2026,
        symbol="KH-SKHCN",
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )
    return Target.objects.create(
        plan=plan,
        text="100% công chức, viên chức, người lao động được quán triệt Chỉ thị 33/CT-TTg",
        percent=100,
    )


def test_the_plan_target_shows_the_computed_share_and_who_is_missing(
    client,
    agency,
    office_officer,
    agency_head,
    unit_officer,
    unit_head,
    briefing,
    quan_triet_target,
    chi_thi_33,
):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:target_bind", args=[quan_triet_target.plan_id, quan_triet_target.pk]),
        {"measured_by": "democracy.staff_briefed", "document": chi_thi_33.pk},
    )
    assert response.status_code == 302
    quan_triet_target.refresh_from_db()
    assert (quan_triet_target.measured_by, quan_triet_target.document) == (
        "democracy.staff_briefed",
        chi_thi_33,
    )

    _absent(client, briefing, [unit_head])
    # Staff of the agency: office officer, leader, unit head, unit officer; only the unit officer came.
    url = reverse("plans:target_value", args=[quan_triet_target.plan_id, quan_triet_target.pk])
    page = client.get(url).content.decode()
    assert "25%" in page and "(1/4)" in page
    for person in (unit_head, office_officer, agency_head):
        assert person.full_name in page
    assert unit_officer.full_name not in page.split("Chưa đạt")[1]
    # The figure is the target's current value too: the plan page, dashboard and report read it.
    quan_triet_target.refresh_from_db()
    assert quan_triet_target.current_value == Decimal("25.00")


def test_a_bound_target_is_not_typed_by_hand(client, office_officer, quan_triet_target, chi_thi_33, briefing):
    bind_target(
        target=quan_triet_target,
        measured_by="democracy.staff_briefed",
        document=chi_thi_33,
        by=office_officer,
    )
    client.force_login(office_officer)
    url = reverse("plans:target_value", args=[quan_triet_target.plan_id, quan_triet_target.pk])
    client.post(url, {"value": "100", "measured_on": "01/04/2026"})
    quan_triet_target.refresh_from_db()
    assert quan_triet_target.current_value == Decimal("0.00")
    plan_page = client.get(reverse("plans:plan_detail", args=[quan_triet_target.plan_id])).content.decode()
    assert f'action="{url}"' not in plan_page and f'href="{url}"' in plan_page


def test_binding_a_target_needs_a_document(quan_triet_target, office_officer):
    with pytest.raises(DomainError, match="Hãy chọn văn bản"):
        bind_target(
            target=quan_triet_target, measured_by="democracy.staff_briefed", document=None, by=office_officer
        )
    quan_triet_target.refresh_from_db()
    assert quan_triet_target.measured_by == ""


def test_staff_cannot_bind_a_target(client, unit_officer, quan_triet_target, chi_thi_33):
    client.force_login(unit_officer)
    url = reverse("plans:target_bind", args=[quan_triet_target.plan_id, quan_triet_target.pk])
    response = client.post(url, {"measured_by": "democracy.staff_briefed", "document": chi_thi_33.pk})
    assert response.status_code == 403
    quan_triet_target.refresh_from_db()
    assert quan_triet_target.measured_by == ""


def _issue(agency, office_officer, agency_head):
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch công tác năm 2026", period_year=2026, created_by=office_officer
    )
    Task.objects.create(plan=plan, heading="Tuyên truyền, quán triệt Chỉ thị 33")
    submit_plan(plan=plan, by=office_officer)
    return approve_plan(plan=plan, by=agency_head, issue_date=date(2026, 2, 13))


def test_an_issued_plan_is_proposed_for_disclosure(agency, office_officer, agency_head, calendar_2026):
    plan = _issue(agency, office_officer, agency_head)
    disclosure = Disclosure.objects.get(plan=plan)
    assert (disclosure.kind, disclosure.status, disclosure.decision_date, disclosure.due_date) == (
        "work_plan",
        Disclosure.Status.PROPOSED,
        date(2026, 2, 13),
        date(2026, 2, 28),
    )
    assert office_officer.notifications.filter(key=f"democracy-disclose-plan:{plan.pk}").exists()


def test_the_head_records_the_disclosure_of_the_plan_and_sees_the_posting_end(
    client, agency, office_officer, agency_head, calendar_2026
):
    plan = _issue(agency, office_officer, agency_head)
    disclosure = Disclosure.objects.get(plan=plan)
    client.force_login(agency_head)
    url = reverse("democracy:disclosure_record", args=[disclosure.pk])
    response = client.post(
        url, {"forms": ["posting", "portal"], "disclosed_on": "24/02/2026", "posted_from": "24/02/2026"}
    )
    assert response.status_code == 302
    page = client.get(reverse("democracy:disclosure_detail", args=[disclosure.pk])).content.decode()
    assert "16/03/2026" in page  # 24/02 + 20 days
    assert "Công khai chậm" not in page


def test_a_disclosure_dated_before_its_decision_is_refused_on_the_page(client, agency, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("democracy:disclosure_create", args=[agency.pk]),
        {
            "kind": "personnel",
            "subject": "Quyết định bổ nhiệm Trưởng phòng",
            "decision_date": "10/03/2026",
            "forms": ["written_notice"],
            "disclosed_on": "09/03/2026",
        },
    )
    assert response.status_code == 422
    assert "trước ngày của quyết định" in response.content.decode()
    assert 'value="Quyết định bổ nhiệm Trưởng phòng"' in response.content.decode()
    assert not Disclosure.objects.exists()


def test_a_request_is_tracked_to_its_answer(client, agency, unit_officer, office_officer):
    client.force_login(unit_officer)
    response = client.post(
        reverse("democracy:request_create"), {"agency": agency.pk, "subject": "Kết quả thi đua năm 2025"}
    )
    request = DisclosureRequest.objects.get()
    assert response.status_code == 302 and request.requested_by == unit_officer
    client.force_login(office_officer)
    client.post(reverse("democracy:request_answer", args=[request.pk]), {"answer": "Đã gửi bản sao qua thư."})
    request.refresh_from_db()
    assert (request.status, request.answered_by, request.answer) == (
        DisclosureRequest.Status.ANSWERED,
        office_officer,
        "Đã gửi bản sao qua thư.",
    )
    assert request.answered_on is not None
    assert unit_officer.notifications.filter(key=f"democracy-request-answered:{request.pk}").exists()


def test_a_material_is_uploaded_and_downloaded(client, office_officer, briefing, unit_officer):
    client.force_login(office_officer)
    upload = SimpleUploadedFile("Đề cương.pdf", b"%PDF-1.4\n% de cuong\n")
    response = client.post(reverse("democracy:material_upload", args=[briefing.pk]), {"file": upload})
    material = BriefingMaterial.objects.get()
    assert response.status_code == 302
    client.force_login(unit_officer)
    download = client.get(reverse("democracy:material_download", args=[briefing.pk, material.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    assert download["Content-Type"] == "application/octet-stream"


def test_a_program_is_refused_as_material(client, office_officer, briefing):
    client.force_login(office_officer)
    upload = SimpleUploadedFile("de-cuong.pdf", b"MZ\x90\x00program")
    response = client.post(reverse("democracy:material_upload", args=[briefing.pk]), {"file": upload})
    assert response.status_code == 422
    assert not BriefingMaterial.objects.exists()
