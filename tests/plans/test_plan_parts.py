"""The office writes a draft plan's parts on screen: purposes and the
organisation of implementation, targets, the basis chosen from the library
or added on the spot, and the dated obligations."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.plans.models import Plan, PlanCitation, PlanDeadline, Target, Task
from danvan.plans.services import (
    add_deadline,
    add_target,
    cite_document,
    cite_new_document,
    remove_deadline,
    remove_target,
    uncite_document,
)


@pytest.fixture
def decree(db):
    return LegalDocument.objects.create(
        doc_type="Nghị định", number="59/2023/NĐ-CP", date=date(2023, 8, 14), issuer="Chính phủ"
    )


def test_targets_are_added_in_order_and_removed(draft_plan, office_officer):
    first = add_target(
        plan=draft_plan, text="100% công chức được quán triệt", percent=Decimal(100), by=office_officer
    )
    second = add_target(plan=draft_plan, text=" Tổ chức 02 cuộc đối thoại ", percent=None, by=office_officer)
    assert list(draft_plan.targets.all()) == [first, second] and second.text == "Tổ chức 02 cuộc đối thoại"
    remove_target(target=first, by=office_officer)
    assert list(draft_plan.targets.all()) == [second]
    assert draft_plan.history.first().history_change_reason.startswith("Bỏ chỉ tiêu")


def test_a_target_a_task_serves_is_not_removed(draft_plan, office_officer):
    target = add_target(plan=draft_plan, text="100% hồ sơ đúng hạn", percent=Decimal(100), by=office_officer)
    Task.objects.filter(plan=draft_plan).update(target=target)
    with pytest.raises(DomainError, match="nhiệm vụ phục vụ"):
        remove_target(target=target, by=office_officer)
    assert Target.objects.filter(pk=target.pk).exists()


def test_a_bad_target_is_refused(draft_plan, office_officer):
    with pytest.raises(DomainError, match="từ 0 đến 100"):
        add_target(plan=draft_plan, text="Chỉ tiêu", percent=Decimal(120), by=office_officer)
    with pytest.raises(DomainError, match="nội dung chỉ tiêu"):
        add_target(plan=draft_plan, text="  ", percent=None, by=office_officer)
    assert not draft_plan.targets.exists()


def test_the_basis_is_chosen_once_and_a_new_document_joins_the_library(draft_plan, office_officer, decree):
    cite_document(plan=draft_plan, document=decree, by=office_officer)
    with pytest.raises(DomainError, match="đã có căn cứ"):
        cite_document(plan=draft_plan, document=decree, by=office_officer)
    citation = cite_new_document(
        plan=draft_plan,
        doc_type="Kết luận",
        number="114-KL/TW",
        name="",
        issued=date(2024, 12, 20),
        issuer="Bộ Chính trị",
        title="về công tác dân vận trong tình hình mới",
        by=office_officer,
    )
    assert [c.document for c in draft_plan.plancitation_set.all()] == [decree, citation.document]
    assert LegalDocument.objects.get(number="114-KL/TW").title == "về công tác dân vận trong tình hình mới"
    # The same number typed again is the same library entry.
    other = Plan.objects.create(
        agency=draft_plan.agency, title="Khác", period_year=2026, created_by=office_officer
    )
    again = cite_new_document(
        plan=other,
        doc_type="Kết luận",
        number="114-KL/TW",
        name="",
        issued=None,
        issuer="",
        title="",
        by=office_officer,
    )
    assert again.document == citation.document
    uncite_document(plan=draft_plan, document=decree, by=office_officer)
    assert [c.document for c in draft_plan.plancitation_set.all()] == [citation.document]


def test_deadlines_keep_their_units_and_stay_within_the_plans_time(draft_plan, office_officer):
    deadline = add_deadline(
        plan=draft_plan,
        due_date=date(2026, 10, 20),
        action="báo cáo kết quả năm",
        units=["Chi cục Tiêu chuẩn Đo lường Chất lượng", " "],
        recipient="Văn phòng Sở",
        by=office_officer,
    )
    assert deadline.units == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    with pytest.raises(DomainError, match="thời gian của kế hoạch"):
        add_deadline(
            plan=draft_plan,
            due_date=date(2031, 1, 5),
            action="báo cáo",
            units=[],
            recipient="",
            by=office_officer,
        )
    remove_deadline(deadline=deadline, by=office_officer)
    assert not PlanDeadline.objects.exists()


def test_an_issued_plans_parts_change_only_by_amendment(issued_plan, office_officer, decree):
    for change in (
        lambda: add_target(plan=issued_plan, text="X", percent=None, by=office_officer),
        lambda: cite_document(plan=issued_plan, document=decree, by=office_officer),
        lambda: add_deadline(
            plan=issued_plan, due_date=date(2026, 5, 1), action="x", units=[], recipient="", by=office_officer
        ),
    ):
        with pytest.raises(DomainError, match="văn bản sửa đổi"):
            change()
    assert not issued_plan.targets.exists() and not issued_plan.deadlines.exists()


# --- The page ----------------------------------------------------------------------


def test_the_office_writes_the_parts_on_the_page(client, draft_plan, office_officer, decree):
    client.force_login(office_officer)
    url = reverse("plans:plan_parts", args=[draft_plan.pk])
    body = client.get(url, {"tim": "nghi dinh 59"}).content.decode()
    assert "Nghị định số 59/2023/NĐ-CP" in body and "Thêm làm căn cứ" in body
    client.post(reverse("plans:part_citation_add", args=[draft_plan.pk]), {"van_ban": decree.pk})
    client.post(
        reverse("plans:part_target_add", args=[draft_plan.pk]),
        {"text": "100% công chức được quán triệt", "percent": "100"},
    )
    client.post(
        reverse("plans:part_deadline_add", args=[draft_plan.pk]),
        {
            "due_date": "20/10/2026",
            "action": "báo cáo kết quả năm",
            "units": "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "recipient": "Văn phòng Sở",
        },
    )
    assert PlanCitation.objects.get(plan=draft_plan).document == decree
    assert draft_plan.targets.get().percent == 100
    assert draft_plan.deadlines.get().due_date == date(2026, 10, 20)
    body = client.get(url, {"tim": "59/2023"}).content.decode()
    assert "đã có" in body and "20/10/2026" in body


def test_a_wrong_date_is_said_and_what_was_typed_stays(client, draft_plan, office_officer):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:part_deadline_add", args=[draft_plan.pk]),
        {"due_date": "31/02/2026", "action": "báo cáo kết quả quý I đã gõ", "units": "", "recipient": ""},
    )
    assert response.status_code == 422 and "báo cáo kết quả quý I đã gõ" in response.content.decode()
    assert not PlanDeadline.objects.exists()


def test_a_new_document_without_number_or_name_is_refused_on_the_page(client, draft_plan, office_officer):
    client.force_login(office_officer)
    library = LegalDocument.objects.count()
    response = client.post(
        reverse("plans:part_citation_new", args=[draft_plan.pk]), {"doc_type": "Chỉ thị", "issuer": "Tỉnh ủy"}
    )
    assert response.status_code == 422 and "số, ký hiệu" in response.content.decode()
    assert LegalDocument.objects.count() == library and not PlanCitation.objects.exists()


def test_a_forged_document_id_adds_nothing(client, draft_plan, office_officer):
    client.force_login(office_officer)
    for forged in ("abc", "999999"):
        response = client.post(
            reverse("plans:part_citation_add", args=[draft_plan.pk]), {"van_ban": forged}, follow=True
        )
        assert "Không tìm thấy văn bản này" in response.content.decode()
    assert not PlanCitation.objects.exists()


def test_only_the_office_writes_the_parts(
    client, draft_plan, issued_plan, agency_head, unit_officer, other_agency_officer, office_officer
):
    url = reverse("plans:plan_parts", args=[draft_plan.pk])
    client.force_login(agency_head)
    assert client.get(url).status_code == 403
    client.force_login(unit_officer)
    assert (
        client.post(reverse("plans:part_target_add", args=[draft_plan.pk]), {"text": "X"}).status_code == 403
    )
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404
    assert not Target.objects.exists()


def test_the_plan_form_holds_purposes_and_the_organisation_of_implementation(
    client, draft_plan, office_officer
):
    client.force_login(office_officer)
    response = client.post(
        reverse("plans:plan_edit", args=[draft_plan.pk]),
        {
            "title": draft_plan.title,
            "kind": "yearly",
            "period_year": "2026",
            "purposes": "Nâng cao nhận thức của công chức.",
            "implementation": "Văn phòng Sở theo dõi, đôn đốc.",
        },
    )
    assert response.status_code == 302
    draft_plan.refresh_from_db()
    assert draft_plan.purposes == "Nâng cao nhận thức của công chức."
    assert draft_plan.implementation == "Văn phòng Sở theo dõi, đôn đốc."
